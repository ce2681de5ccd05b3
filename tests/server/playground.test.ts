import { parse, validate } from 'graphql';
import { seededServers } from '../helpers/server';
import { buildAppSchema } from '../../src/graphql/schema';
import { PLAYGROUND_EXAMPLES } from '../../src/server/playgroundExamples';
import { PLAYGROUND_CSP } from '../../src/server/playground';
import { appOptionsFromEnv } from '../../src/server/config';

const TOKEN = 'playground-token-0123456789';
const servers = seededServers();

async function post(url: string, query: string, variables: unknown = {}, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as any };
}

const config = (html: string) => JSON.parse(/<script type="application\/json" id="playground-config">(.*?)<\/script>/s.exec(html)![1]);

describe('the playground page', () => {
  it('answers a browser at GET /graphql and /playground with a page whose every file comes from this server', async () => {
    const { port } = await servers.start();
    for (const at of ['/graphql', '/playground']) {
      const res = await fetch(`http://127.0.0.1:${port}${at}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const html = await res.text();
      // No address of another host anywhere in the page; scripts and styles are paths on this one.
      expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((r) => r !== 'data:,');
      expect(refs.length).toBe(6);
      for (const ref of refs) {
        expect(ref).toMatch(/^\/playground\/assets\/[a-z-]+\.(js|css)$/);
        const asset = await fetch(`http://127.0.0.1:${port}${ref}`);
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(ref.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
        const body = await asset.text();
        expect(body.length).toBeGreaterThan(100);
        // The CSS loads its fonts and images inline, never from a URL.
        if (ref.endsWith('.css')) expect([...body.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'))).toEqual([]);
      }
      expect(config(html)).toMatchObject({ endpoint: '/graphql', introspection: true });
    }
    expect((await fetch(`http://127.0.0.1:${port}/playground/assets/nothing.js`)).status).toBe(404);
  });

  it('leaves GraphQL requests to GraphQL: a GET with a query, a POST, and a client asking for JSON', async () => {
    const { port, url } = await servers.start();
    const get = await fetch(`${url}?query=${encodeURIComponent('{ revision }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': '1' } });
    expect(((await get.json()) as any).data.revision).toBeGreaterThan(0);
    // A query in the URL is a GraphQL request whatever the Accept header: Apollo answers it (here, that it cannot send HTML).
    const html = await fetch(`${url}?query=${encodeURIComponent('{ revision }')}`, { headers: { accept: 'text/html', 'apollo-require-preflight': '1' } });
    expect([html.status, html.headers.get('content-type')]).toEqual([406, 'application/json; charset=utf-8']);
    expect((await post(url, '{ revision }')).body.data.revision).toBeGreaterThan(0);
    const json = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).not.toMatch(/html/);
  });

  it('can be turned off', async () => {
    const { port } = await servers.start({ playground: false });
    expect((await fetch(`http://127.0.0.1:${port}/playground`)).status).toBe(404);
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type') ?? '').not.toMatch(/html/);
  });
});

describe('the examples the playground opens with', () => {
  it('are valid operations against the schema, each with its own name', async () => {
    const schema = await buildAppSchema();
    for (const e of PLAYGROUND_EXAMPLES) {
      const doc = parse(e.query);
      expect(validate(schema, doc)).toEqual([]);
      expect(doc.definitions.map((d) => (d.kind === 'OperationDefinition' ? d.name?.value : null))).toEqual([e.operationName]);
    }
    expect(new Set(PLAYGROUND_EXAMPLES.map((e) => e.operationName)).size).toBe(PLAYGROUND_EXAMPLES.length);
  });

  it('each return data from the seed lists, without errors', async () => {
    const { url } = await servers.start();
    for (const e of PLAYGROUND_EXAMPLES.filter((x) => !x.write)) {
      const { status, body } = await post(url, e.query, e.variables);
      expect({ example: e.operationName, status, errors: body.errors }).toEqual({ example: e.operationName, status: 200, errors: undefined });
      // Something found, not an empty shell: the first list or connection in the answer has entries.
      const found = JSON.stringify(body.data).match(/"(edges|children|citations)":\[\{/);
      expect({ example: e.operationName, found: !!found }).toEqual({ example: e.operationName, found: true });
    }
  });

  it('include an import that runs with the write token in its headers, and is refused without it', async () => {
    const { url } = await servers.start({ writeToken: TOKEN });
    const e = PLAYGROUND_EXAMPLES.find((x) => x.write)!;
    const headers = Object.fromEntries(Object.entries(e.headers!).map(([k, v]) => [k, v.replace('<WRITE_TOKEN>', TOKEN)]));
    const ok = await post(url, e.query, e.variables, headers);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.importList).toMatchObject({ itemCount: 1, userErrors: [] });
    const refused = await post(url, e.query, e.variables, e.headers);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('introspection switched off', () => {
  it('refuses introspection, still answers queries, and the page says so', async () => {
    const { port, url } = await servers.start({ introspection: false });
    const intro = await post(url, '{ __schema { queryType { name } } }');
    expect(intro.body.errors?.length).toBeGreaterThan(0);
    expect((await post(url, '{ revision }')).body.data.revision).toBeGreaterThan(0);
    const html = await (await fetch(`http://127.0.0.1:${port}/playground`)).text();
    expect(config(html)).toMatchObject({ introspection: false, introspectionOffText: expect.stringContaining('GRAPHQL_INTROSPECTION') });
  });

  it('is set by GRAPHQL_INTROSPECTION and PLAYGROUND', () => {
    expect(appOptionsFromEnv({ GRAPHQL_INTROSPECTION: 'off' }).introspection).toBe(false);
    expect(appOptionsFromEnv({ GRAPHQL_INTROSPECTION: 'on', PLAYGROUND: 'off' })).toMatchObject({ introspection: true, playground: false });
    expect(appOptionsFromEnv({}).introspection).toBeUndefined();
    expect(() => appOptionsFromEnv({ GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION must be on or off/);
  });
});
