/**
 * Cache hits answered before express. A hit needs only the request body, a
 * key and the stored bytes; routing, CORS, compression and body-parser
 * middleware cost several times that. Anything that is not a plain hit goes
 * on to express with the body already parsed, so every other behaviour (and
 * every error) stays where it is.
 */
import type http from 'node:http';
import zlib from 'node:zlib';
import { cacheKey, etagMatches, type Params } from './graphqlHttp';
import type { CachedResponse, ResponseCache, RevisionTracker } from './responseCache';

export interface FastPathConfig {
  cache: ResponseCache;
  revision: RevisionTracker;
  cacheControl: string;
  /** Only '*' (or no CORS at all) is handled here; a list of origins takes the express path. */
  corsAnyOrigin: boolean;
  maxBodyBytes: number;
}

/** What express's body parser and error handler expect to find on a request whose body was read here. */
export interface PreParsed {
  body?: unknown;
  _body?: boolean;
  fastBodyError?: { status: number; type: string };
}

// compression's threshold: smaller bodies go out as they are.
const COMPRESS_FROM = 1024;
const gzipped = new WeakMap<CachedResponse, Buffer>();

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(n <= limit ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

export function fastPathListener(app: http.RequestListener, config: () => FastPathConfig | null): http.RequestListener {
  return (req, res) => {
    const c = config();
    const length = Number(req.headers['content-length']);
    if (
      !c ||
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      !(req.headers['content-type'] ?? '').startsWith('application/json') ||
      !(length > 0 && length <= c.maxBodyBytes) ||
      (!c.corsAnyOrigin && req.headers.origin !== undefined)
    ) {
      app(req, res);
      return;
    }
    void answer(req, res, c).then((answered) => {
      if (!answered) app(req, res);
    }, () => app(req, res));
  };
}

async function answer(req: http.IncomingMessage & PreParsed, res: http.ServerResponse, c: FastPathConfig): Promise<boolean> {
  const raw = await readBody(req, c.maxBodyBytes);
  // From here on the stream is spent: express must take the parsed body, or the parse error.
  req._body = true;
  if (!raw) {
    req.fastBodyError = { status: 413, type: 'entity.too.large' };
    return false;
  }
  let p: unknown;
  try {
    p = JSON.parse(raw.toString('utf8'));
  } catch {
    req.fastBodyError = { status: 400, type: 'entity.parse.failed' };
    return false;
  }
  req.body = p;
  if (!p || typeof p !== 'object' || Array.isArray(p)) return false;
  const key = await cacheKey(p as Params, req.headers, c.revision);
  const hit = key ? c.cache.get(key) : undefined;
  if (!hit) return false;

  for (const [k, v] of hit.headers) res.setHeader(k, v);
  res.setHeader('vary', 'Accept, Accept-Encoding');
  if (c.corsAnyOrigin) {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'ETag,X-Cache,X-Revision');
  }
  res.setHeader('etag', hit.etag);
  res.setHeader('cache-control', c.cacheControl);
  res.setHeader('x-cache', 'HIT');
  if (etagMatches(req.headers['if-none-match'] as string | undefined, hit.etag)) {
    res.removeHeader('content-type');
    res.removeHeader('content-length');
    res.statusCode = 304;
    res.end();
    return true;
  }
  let body: Buffer | string = hit.body;
  const encodings = req.headers['accept-encoding'] ?? '';
  if (encodings && Buffer.byteLength(hit.body) >= COMPRESS_FROM) {
    if (!/\bgzip\b/.test(encodings)) return false; // br or deflate only: compression's own negotiation decides
    let gz = gzipped.get(hit);
    if (!gz) gzipped.set(hit, (gz = zlib.gzipSync(hit.body)));
    body = gz;
    res.setHeader('content-encoding', 'gzip');
  }
  res.statusCode = hit.status;
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
  return true;
}
