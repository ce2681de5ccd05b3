/**
 * GraphiQL served by the service itself, for intranets with no internet:
 * every script, style and font comes from this server (GraphiQL 4's UMD
 * build and React 18's, out of node_modules; GraphiQL's fonts are inlined in
 * its CSS), and the page's Content-Security-Policy lets the browser load
 * nothing from any other host.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PLAYGROUND_EXAMPLES } from './playgroundExamples';

export interface PlaygroundOptions {
  /** Whether the server answers introspection: without it the page says so and asks for no schema. */
  introspection: boolean;
  /** Whether a write token is configured (the import example says how to use it). */
  writes: boolean;
}

/** Files served under /playground/assets/: name → [package, file inside it, content type]. */
const ASSETS: Record<string, [string, string, string]> = {
  'react.js': ['react', 'umd/react.production.min.js', 'text/javascript; charset=utf-8'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js', 'text/javascript; charset=utf-8'],
  'graphiql.js': ['graphiql', 'dist/index.umd.js', 'text/javascript; charset=utf-8'],
  'graphiql.css': ['graphiql', 'dist/style.css', 'text/css; charset=utf-8'],
};

/** Only this server: scripts, styles, fonts and requests. GraphiQL and CodeMirror set inline styles; its fonts are data: URLs. */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function securityHeaders(res: express.Response): void {
  res.set({
    'Content-Security-Policy': PLAYGROUND_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}

/** Whether a GET of /graphql is a browser asking for a page rather than a GraphQL request. */
export function wantsPlayground(req: express.Request): boolean {
  if (req.method !== 'GET' || req.query.query !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * The page's script, run in the browser. Serialised with Function.toString,
 * so it closes over nothing of this module.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
function playgroundClient(win: any): void {
  const doc = win.document;
  const config = JSON.parse(doc.getElementById('playground-config').textContent);
  const notice = doc.getElementById('playground-notice');
  const say = (text: string) => {
    notice.textContent = text;
    notice.hidden = false;
  };
  const G = win.GraphiQL;
  const base = G.createFetcher({ url: config.endpoint });
  // Run straight after switching tabs, GraphiQL can still hold the previous tab's operation name: one the query
  // does not define is dropped rather than sent to be refused (a single operation needs no name).
  const fetcher = (params: any, options: any) => {
    const name = params.operationName;
    const defines = (q: string) => new RegExp(`\\b(query|mutation|subscription)\\s+${name}\\b`).test(q);
    return base(name && typeof params.query === 'string' && !defines(params.query) ? { ...params, operationName: undefined } : params, options);
  };
  const props: Record<string, unknown> = {
    fetcher,
    defaultTabs: config.examples,
    defaultEditorToolsVisibility: true,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    // Examples change with the service: a version of them gets its own saved tabs.
    storage: {
      getItem: (k: string) => win.localStorage.getItem(`${config.storageKey}:${k}`),
      setItem: (k: string, v: string) => win.localStorage.setItem(`${config.storageKey}:${k}`, v),
      removeItem: (k: string) => win.localStorage.removeItem(`${config.storageKey}:${k}`),
      clear: () => undefined,
      get length() {
        return win.localStorage.length;
      },
    },
  };
  // GraphiQL fills the first tab's editors from these props, not from defaultTabs: a first visit passes the first example's
  // (later visits have their saved tabs, and these would add a copy of the example to them).
  const key = (k: string) => `${config.storageKey}:${k}`;
  if (!win.localStorage.getItem(key('graphiql:tabState'))) Object.assign(props, { variables: config.examples[0].variables, headers: config.examples[0].headers });
  if (!config.introspection) {
    // Asking would only fail: no schema, and the reason on the page.
    props.schema = null;
    say(config.introspectionOffText);
  }
  const root = win.ReactDOM.createRoot(doc.getElementById('graphiql'));
  root.render(win.React.createElement(G, props));
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const CLIENT_JS = `'use strict';\n(${playgroundClient.toString()})(window);\n`;

const PAGE_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
#playground-notice { padding: 8px 16px; background: #fff4ce; color: #5c4400; border-bottom: 1px solid #e0c96b; font-size: 14px; }
#graphiql { flex: 1; min-height: 0; }
`;

const escapeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

function pageHtml(options: PlaygroundOptions): string {
  const examples = PLAYGROUND_EXAMPLES.map((e) => ({
    query: e.query,
    variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
    headers: e.headers ? JSON.stringify(e.headers, null, 2) : undefined,
  }));
  const config = {
    endpoint: '/graphql',
    introspection: options.introspection,
    writes: options.writes,
    examples,
    // Saved tabs are per set of examples: a new version of them shows.
    storageKey: `quanze-playground-${crypto.createHash('sha1').update(JSON.stringify(examples)).digest('hex').slice(0, 8)}`,
    introspectionOffText:
      '本服务已关闭内省（GRAPHQL_INTROSPECTION=off）：这里没有文档和自动补全，查询仍可执行。' +
      ' Introspection is turned off on this server (GRAPHQL_INTROSPECTION=off): no docs or autocompletion here; queries still run.',
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>权责清单 GraphQL · Playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/playground/assets/graphiql.css">
<link rel="stylesheet" href="/playground/assets/page.css">
</head>
<body>
<div id="playground-notice" role="status" hidden></div>
<div id="graphiql">正在载入… Loading…</div>
<script type="application/json" id="playground-config">${escapeJson(config)}</script>
<script src="/playground/assets/react.js"></script>
<script src="/playground/assets/react-dom.js"></script>
<script src="/playground/assets/graphiql.js"></script>
<script src="/playground/assets/playground.js"></script>
</body>
</html>
`;
}

/**
 * GET /playground and the page's assets; `page` answers GET /graphql for a
 * browser (wantsPlayground) before the GraphQL handler.
 */
export function playground(options: PlaygroundOptions): { router: express.Router; page: express.RequestHandler } {
  const html = pageHtml(options);
  const files = new Map<string, { body: Buffer | string; type: string }>([
    ['playground.js', { body: CLIENT_JS, type: 'text/javascript; charset=utf-8' }],
    ['page.css', { body: PAGE_CSS, type: 'text/css; charset=utf-8' }],
  ]);
  // Read once at start-up: a missing file fails the start, not a visitor.
  for (const [name, [pkg, file, type]] of Object.entries(ASSETS)) files.set(name, { body: fs.readFileSync(packageFile(pkg, file)), type });

  const page: express.RequestHandler = (_req, res) => {
    securityHeaders(res);
    res.set('Cache-Control', 'no-cache');
    res.vary('Accept');
    res.type('html').send(html);
  };
  const router = express.Router();
  router.get('/playground', page);
  router.get('/playground/assets/:file', (req, res) => {
    const f = files.get(String(req.params.file));
    if (!f) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    securityHeaders(res);
    // Versioned by the service's own package lock: an hour is safe, and revalidation is cheap.
    res.set('Cache-Control', 'public, max-age=3600');
    res.type(f.type).send(f.body);
  });
  return { router, page };
}
