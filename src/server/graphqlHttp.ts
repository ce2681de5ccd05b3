/**
 * GraphQL over HTTP in front of Apollo Server: what must happen before Apollo
 * parses (size and shape limits), what Apollo cannot do (a response cache
 * keyed by the data revision, ETag/304), and what it does differently from
 * the GraphQL-over-HTTP spec (status 200 for request errors answered as
 * application/json).
 */
import crypto from 'node:crypto';
import type express from 'express';
import { BREAK, GraphQLError, parse, visit, type DocumentNode, type GraphQLSchema, type OperationTypeNode } from 'graphql';
import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type HTTPGraphQLResponse } from '@apollo/server';
import { ErrorCode } from '../graphql/errors';
import { checkDocumentShape, checkDocumentSize, costLimitError, queryCost, type QueryLimits } from '../graphql/limits';
import type { ResponseCache, RevisionTracker } from './responseCache';
import type { OperationGate } from './gate';
import type { ReadLane } from './readLane';

/** What the Apollo plugin learnt about one request, for the HTTP layer. */
export interface RequestMeta {
  operation?: OperationTypeNode;
  errorCodes?: string[];
  hasData?: boolean;
}

/**
 * Where the request's RequestMeta rides on the context value. A symbol
 * property, not a WeakMap: Apollo hands plugins a shallow copy of the context.
 */
const META = Symbol('requestMeta');

function metaOf(context: object): RequestMeta | undefined {
  return (context as { [META]?: RequestMeta })[META];
}

/** The context, carrying `meta` for the plugin to fill in. */
export function withMeta<C extends object>(context: C, meta: RequestMeta): C {
  Object.defineProperty(context, META, { value: meta, enumerable: true });
  return context;
}

/** Whether a value (variables, as JSON) holds a string with U+0000. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/** Whether a string literal of the document (as parsed: "\\u0000" is one) holds U+0000. */
function documentHoldsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Apollo plugin: cost limit once the operation is resolved, `extensions.cost` on every accepted query. */
export function limitsPlugin<C extends object>(limits: QueryLimits): ApolloServerPlugin<C> {
  // Apollo keeps one parsed document per query text, so a document object is a query: its costs, by
  // operation and variables, are computed once (73 µs each, a twentieth of a jurisdiction page).
  const costs = new WeakMap<DocumentNode, Map<string, ReturnType<typeof queryCost>>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined) => {
    let byRequest = costs.get(document);
    if (!byRequest) costs.set(document, (byRequest = new Map()));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    if (byRequest.has(key)) return byRequest.get(key)!;
    const r = queryCost(schema, document, operationName, variables, limits);
    if (byRequest.size >= 100) byRequest.delete(byRequest.keys().next().value as string);
    byRequest.set(key, r);
    return r;
  };
  return {
    async requestDidStart() {
      let cost: number | undefined;
      return {
        async didResolveOperation(rc) {
          const meta = metaOf(rc.contextValue);
          if (meta && rc.operation) meta.operation = rc.operation.operation;
          // No text in this service holds U+0000, and PostgreSQL cannot take it as a parameter: refused, not failed inside.
          if (holdsNul(rc.request.variables) || documentHoldsNul(rc.document)) throw new GraphQLError('text may not contain the NUL character (U+0000)', { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
          const r = costOf(rc.schema, rc.document, rc.operationName ?? undefined, rc.request.variables);
          if (!r) return;
          if ('error' in r) throw r.error;
          if (r.cost > limits.maxCost) throw costLimitError(r.cost, limits.maxCost);
          cost = r.cost;
        },
        async willSendResponse(rc) {
          const body = rc.response.body;
          if (body.kind !== 'single') return;
          const meta = metaOf(rc.contextValue);
          if (meta) {
            meta.errorCodes = (body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
            meta.hasData = 'data' in body.singleResult;
          }
          if (cost !== undefined) body.singleResult.extensions = { ...body.singleResult.extensions, cost: { requested: cost, limit: limits.maxCost } };
        },
      };
    },
  };
}

export interface GraphQLHttpConfig<C extends object> {
  apollo: ApolloServer<C>;
  /**
   * The request's context; the request is there for its Authorization header. `turn` is for the loaders to ask
   * between statements (see OperationGate).
   */
  createContext: (req: express.Request, turn: () => Promise<void> | undefined) => C;
  limits: QueryLimits;
  /** null: no server-side cache (ETag and Cache-Control still apply). */
  cache: ResponseCache | null;
  revision: RevisionTracker;
  /** Seconds, for `Cache-Control: public, max-age`. */
  maxAge: number;
  /** Bounds the operations executing at once (cache hits do not count). */
  gate: OperationGate;
  /** Where the reads of a client using far more than another present are run (none: all run here). */
  lane?: ReadLane | null;
}

export interface Params {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * Request errors that the spec wants answered with 200 under
 * application/json (legacy clients read the body only); under
 * application/graphql-response+json they stay 4xx.
 */
const SPEC_200_UNDER_JSON = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** Content types a browser may send cross-site without a preflight (mirrors Apollo's CSRF rule). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Whether Apollo's CSRF prevention lets this request through: a cache hit must not answer what Apollo would refuse. */
export function passesCsrfCheck(headers: Record<string, string | string[] | undefined>): boolean {
  const ct = headers['content-type'];
  if (typeof ct === 'string') {
    const essence = ct.split(';')[0].trim().toLowerCase();
    if (/^[\w.+-]+\/[\w.+-]+$/.test(essence) && !SIMPLE_CONTENT_TYPES.has(essence)) return true;
  }
  return headers['apollo-require-preflight'] !== undefined || headers['x-apollo-operation-name'] !== undefined;
}

function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

function params(req: express.Request): Params | 'batch' | null {
  if (req.method === 'POST') {
    if (Array.isArray(req.body)) return 'batch';
    return req.body && typeof req.body === 'object' ? (req.body as Params) : null;
  }
  if (req.method !== 'GET') return null;
  const sp = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  const json = (name: string) => {
    const v = sp.get(name);
    if (v === null) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v; // Apollo answers the error; not cacheable (a string is no map).
    }
  };
  return { query: sp.get('query') ?? undefined, operationName: sp.get('operationName') ?? undefined, variables: json('variables'), extensions: json('extensions') };
}

/** The query's identity for the cache: the hash of its text (given when already computed), or the persisted-query hash sent instead. */
function queryIdentity(p: Params, queryHash?: string): string | null {
  const ext = p.extensions;
  const pq = ext && typeof ext === 'object' ? (ext as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery : undefined;
  const hash = typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : undefined;
  if (typeof p.query === 'string') {
    const h = queryHash ?? sha256(p.query);
    // A mismatched pair is Apollo's to refuse, never a cache hit.
    return hash === undefined || hash === h ? h : null;
  }
  return p.query === undefined || p.query === null ? (hash ?? null) : null;
}

/**
 * The cache key of a request: the data revision and everything the response
 * depends on (media type asked for, query, operation, variables); null when
 * the request is not one a cached response may answer.
 */
export async function cacheKey(p: Params, headers: Record<string, string | string[] | undefined>, revision: RevisionTracker, queryHash?: string): Promise<string | null> {
  const id = queryIdentity(p, queryHash);
  if (!id || !isMap(p.variables) || !isMap(p.extensions) || (p.operationName != null && typeof p.operationName !== 'string') || !passesCsrfCheck(headers)) return null;
  const rev = await revision.current().catch(() => null);
  return rev === null ? null : JSON.stringify([rev, headers.accept ?? '', id, p.operationName ?? null, p.variables ?? null]);
}

export function etagOf(key: string): string {
  return `W/"${crypto.createHash('sha1').update(key).digest('base64url')}"`;
}

export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

function isMap(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
}

function errorBody(errors: GraphQLError[]): string {
  return JSON.stringify({
    errors: errors.map((e) => {
      const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
      return { message: e.message, extensions };
    }),
  });
}

/** An error answered here, before Apollo: same media type choice as Apollo's for the client. */
export function sendRequestError(req: express.Request, res: express.Response, status: number, error: GraphQLError): void {
  const accept = req.headers.accept ?? '';
  const type = accept.includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : 'application/json';
  res.status(status).set('content-type', `${type}; charset=utf-8`).set('cache-control', 'no-store').vary('Accept').send(errorBody([error]));
}

export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST } });
}

/** An execution's answer: Apollo's, or the read lane's (its body as UTF-8 bytes). */
type Answer = Omit<HTTPGraphQLResponse, 'headers' | 'body'> & { headers: Map<string, string>; body: HTTPGraphQLResponse['body'] | { kind: 'bytes'; bytes: Buffer } };

/** What a document's checks found: the limit it breaks, and its operations' types by name ('' for an anonymous one). */
interface Shape {
  error: GraphQLError | null;
  operations: Map<string, OperationTypeNode>;
}

function shapeOf(query: string, limits: QueryLimits): Shape {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return { error: null, operations: new Map() }; // A syntax error: Apollo answers it.
  }
  const operations = new Map<string, OperationTypeNode>();
  for (const d of document.definitions) if (d.kind === 'OperationDefinition') operations.set(d.name?.value ?? '', d.operation);
  return { error: checkDocumentShape(document, limits), operations };
}

/** The type of the operation a request runs, as Apollo will pick it; undefined when Apollo will refuse the pick. */
function operationType(shape: Shape, operationName: unknown): OperationTypeNode | undefined {
  if (typeof operationName === 'string' && operationName !== '') return shape.operations.get(operationName);
  return shape.operations.size === 1 ? shape.operations.values().next().value : undefined;
}

/** Small memo of documents already checked, by query hash (parse once per distinct query). */
class ShapeMemo {
  private m = new Map<string, Shape>();
  constructor(private readonly max: number) {}
  get(k: string) {
    return this.m.get(k);
  }
  set(k: string, v: Shape) {
    if (this.m.size >= this.max) this.m.delete(this.m.keys().next().value as string);
    this.m.set(k, v);
  }
}

export function graphqlHandler<C extends object>(config: GraphQLHttpConfig<C>): express.RequestHandler {
  const { apollo, limits, cache, revision } = config;
  const shapes = new ShapeMemo(1000);
  const cacheControl = `public, max-age=${config.maxAge}`;

  return async (req, res, next) => {
    try {
      res.vary('Accept');
      const p = params(req);
      if (p === 'batch') {
        sendRequestError(req, res, 400, badRequest('Batched operations (a JSON array body) are not supported: send one operation per request.'));
        return;
      }

      // Limits on the text, before Apollo parses and validates it.
      let h: string | undefined;
      let shape: Shape | undefined;
      if (p && typeof p.query === 'string') {
        const tooLarge = checkDocumentSize(p.query, limits);
        if (tooLarge) return sendRequestError(req, res, 400, tooLarge);
        h = sha256(p.query);
        shape = shapes.get(h);
        if (!shape) shapes.set(h, (shape = shapeOf(p.query, limits)));
        if (shape.error) return sendRequestError(req, res, 400, shape.error);
      }

      const key = p ? await cacheKey(p, req.headers, revision, h) : null;
      const etag = key ? etagOf(key) : null;

      const hit = key && cache ? cache.get(key) : undefined;
      if (hit) {
        for (const [k, v] of hit.headers) res.setHeader(k, v);
        return reply(res, req, hit.status, hit.body, { etag: hit.etag, cacheControl, xCache: 'HIT' });
      }

      const meta: RequestMeta = {};
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      // Cache hits above never wait: only executions take a slot, shared by use across client addresses (one
      // client's flood queues behind itself, and waits while lighter clients run: see OperationGate). Behind a
      // proxy every client has the proxy's address: limit per client there.
      const pass = await config.gate.admit(req.socket.remoteAddress ?? '');
      const httpGraphQLRequest = { method: req.method.toUpperCase(), headers, search: req.originalUrl.includes('?') ? `?${req.originalUrl.split('?')[1]}` : '', body: req.body };
      let response: Answer | undefined;
      try {
        // A far heavier client's read runs in the lane, off this thread (see ReadLane); a query only: writes stay here.
        const lane = config.lane;
        const read = shape !== undefined && operationType(shape, p?.operationName) === 'query';
        if (lane && read && pass.heavy() && lane.available()) {
          response = await lane.execute({ ...httpGraphQLRequest, headers: [...headers] }).then(
            (r) => {
              Object.assign(meta, r.meta);
              // UTF-8 moved, not copied, from the worker: no string of it on this thread's heap.
              return { status: r.status, headers: new Map(r.headers), body: { kind: 'bytes' as const, bytes: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength) } };
            },
            // The lane failed (and logged why): a read, so run here instead.
            () => undefined,
          );
        }
        if (!response) {
          // A read here: the lane's wait at their turns until it is done (not while it waits at one of its own).
          const held = read ? lane?.hold() : undefined;
          // Only reads yield between statements: a write's statements hold the writer's lock.
          const turn = () => {
            if (meta.operation !== 'query') return undefined;
            const wait = pass.turn();
            return wait && held ? held.during(wait) : wait;
          };
          try {
            response = await apollo.executeHTTPGraphQLRequest({
              httpGraphQLRequest,
              context: async () => withMeta(config.createContext(req, turn), meta),
            });
          } finally {
            held?.release();
          }
        }
      } finally {
        pass.release();
      }
      for (const [k, v] of response.headers) res.setHeader(k, v);
      let status = response.status ?? 200;
      const contentType = response.headers.get('content-type') ?? '';
      const codes = meta.errorCodes ?? [];
      if (status === 400 && contentType.startsWith('application/json') && !meta.hasData && codes.length > 0 && codes.every((c) => SPEC_200_UNDER_JSON.has(c))) {
        status = 200;
      }

      if (response.body.kind === 'chunked') {
        res.status(status).setHeader('cache-control', 'no-store');
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
        return;
      }
      const body = response.body.kind === 'bytes' ? response.body.bytes : response.body.string;
      const cacheable = etag !== null && status === 200 && meta.operation === 'query' && codes.length === 0;
      if (!cacheable) {
        res.setHeader('cache-control', 'no-store');
        if (cache) res.setHeader('x-cache', 'BYPASS');
        res.status(status).send(body);
        return;
      }
      if (cache) cache.set(key!, { status, headers: [...response.headers], body: typeof body === 'string' ? body : body.toString('utf8'), etag: etag! });
      return reply(res, req, status, body, { etag: etag!, cacheControl, xCache: cache ? 'MISS' : undefined });
    } catch (e) {
      next(e);
    }
  };
}

function reply(res: express.Response, req: express.Request, status: number, body: string | Buffer, h: { etag: string; cacheControl: string; xCache?: string }): void {
  res.setHeader('etag', h.etag);
  res.setHeader('cache-control', h.cacheControl);
  if (h.xCache) res.setHeader('x-cache', h.xCache);
  if (etagMatches(req.headers['if-none-match'], h.etag)) {
    res.removeHeader('content-type');
    res.status(304).end();
    return;
  }
  res.status(status).send(body);
}
