import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import type { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { DataSource } from 'typeorm';
import { createContext, type Context, type WriteAccess } from '../graphql/loaders';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../graphql/errors';
import { DEFAULT_LIMITS, type QueryLimits } from '../graphql/limits';
import { dataRevision } from '../graphql/matterIndex';
import { badRequest, graphqlHandler, sendRequestError } from './graphqlHttp';
import { startApollo, type ApolloSettings } from './apollo';
import { ResponseCache, RevisionTracker } from './responseCache';
import { OperationGate, paceApart } from './gate';
import { ReadLane } from './readLane';
import { sharedConfigOf } from '../db/dataSource';
import { exportHandler } from './exportRoute';
import { playground, wantsPlayground } from './playground';
import { fastPathListener, type FastPathConfig, type PreParsed } from './fastPath';

export interface App {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** The server-side response cache (null when turned off). */
  cache: ResponseCache | null;
  /** Call after an import in this process: the next request reads the data revision again and misses the cache. */
  invalidate(): void;
  /** The read lane (null when off or impossible); closed when Apollo stops. */
  lane: ReadLane | null;
}

export interface AppOptions {
  /** DataLoader batching (default on); off only for the benchmark's naive baseline. */
  batch?: boolean;
  /** Query limits; unset ones take DEFAULT_LIMITS. */
  limits?: Partial<QueryLimits>;
  /** Server-side cache of query responses (default on); off to measure uncached. */
  responseCache?: boolean;
  /** Bound of that cache, in bytes of responses held (default 64 MiB). */
  responseCacheBytes?: number;
  /** The data revision is read again at most this often, in ms (default 1000); `invalidate()` forces it. */
  revisionCheckMs?: number;
  /** `Cache-Control: public, max-age` of query responses, in seconds (default 60). */
  cacheMaxAge?: number;
  /** Origins allowed by CORS: '*' (default: any origin, no credentials) or a list; [] sends no CORS headers. */
  corsOrigins?: '*' | string[];
  /**
   * Operations executing at once; more wait their turn (default twice the CPUs: DEFAULT_CONCURRENT_OPERATIONS).
   * See OperationGate for why a bound makes a loaded server faster.
   */
  maxConcurrentOperations?: number;
  /** Client addresses share the server by recent use (default on, see OperationGate); off: arrival order, whoever sent them. */
  fairScheduling?: boolean;
  /**
   * The reads of a client using far more than another present run in a worker thread (default on with fair
   * scheduling, see ReadLane); none for an in-memory SQLite database.
   */
  readLane?: boolean;
  /** The bearer token writes (importList, deleteList) need; none: writes are off. Never logged. */
  writeToken?: string;
  /** Largest request body from a holder of the write token, in MB (default 32): a document goes in one request. */
  writeBodyMb?: number;
  /** Whether the schema answers introspection (default on); off, the playground says so. */
  introspection?: boolean;
  /** GraphiQL at GET /graphql (for a browser) and /playground, served with its assets by this server (default on). */
  playground?: boolean;
  /** Development: internal error messages and stack traces reach the client (default off). */
  development?: boolean;
  /** Where internal errors hidden from clients are logged (default console.error). */
  logError?: (error: unknown) => void;
}

export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_REVISION_CHECK_MS = 1000;
export const DEFAULT_CACHE_MAX_AGE = 60;
export const DEFAULT_WRITE_BODY_MB = 32;
/** On the API bench (2 cores, 50 connections) 4 beat 2, 8 and no bound on every page. */
export const DEFAULT_CONCURRENT_OPERATIONS = 2 * os.availableParallelism();

/** Builds the HTTP app: GraphQL at /graphql, health at /healthz. Does not listen. */
export async function createApp(ds: DataSource, options: AppOptions = {}): Promise<App> {
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const development = options.development ?? false;
  const logError = options.logError ?? ((e: unknown) => console.error('internal error:', e));
  const app = express();
  app.disable('x-powered-by');
  // ETags are set by the GraphQL handler (data revision + request), not computed from bodies.
  app.set('etag', false);
  let fast: FastPathConfig | null = null;
  const fair = options.fairScheduling ?? true;
  const gate = new OperationGate(options.maxConcurrentOperations ?? DEFAULT_CONCURRENT_OPERATIONS, fair);
  const httpServer = http.createServer(paceApart(fastPathListener(app, () => fast), (client) => gate.apart(client)));

  const settings: ApolloSettings = { limits, introspection: options.introspection ?? true, development };
  const shared = sharedConfigOf(ds);
  const lane = fair && (options.readLane ?? true) && shared ? new ReadLane({ db: shared, settings }, logError) : null;
  const apollo = await startApollo(settings, logError, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    {
      async serverWillStart() {
        return { serverWillStop: async () => lane?.close() };
      },
    },
  ]);

  const cache = options.responseCache === false ? null : new ResponseCache(options.responseCacheBytes ?? DEFAULT_RESPONSE_CACHE_BYTES);
  // A new revision makes every entry unreachable: drop them at once rather than wait for eviction.
  const revision = new RevisionTracker(() => dataRevision(ds), options.revisionCheckMs ?? DEFAULT_REVISION_CHECK_MS, () => cache?.clear());

  app.get('/healthz', async (_req, res) => {
    try {
      await ds.query('SELECT 1');
      res.status(200).json({ status: 'ok' });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', error: development ? (e as Error).message : 'database unavailable' });
    }
  });

  // Compared as digests in constant time: neither the token's length nor its prefix shows in the timing.
  const tokenDigest = options.writeToken ? crypto.createHash('sha256').update(options.writeToken).digest() : null;
  const writeAccess = (authorization: string | undefined): WriteAccess => {
    if (!tokenDigest) return 'off';
    const m = /^Bearer (.+)$/.exec(authorization ?? '');
    if (!m) return 'denied';
    return crypto.timingSafeEqual(crypto.createHash('sha256').update(m[1]).digest(), tokenDigest) ? 'granted' : 'denied';
  };

  const writeBodyMb = options.writeBodyMb ?? DEFAULT_WRITE_BODY_MB;
  const publicJson = express.json({ limit: '1mb' });
  const writerJson = express.json({ limit: `${writeBodyMb}mb` });

  const origins = options.corsOrigins ?? '*';
  const corsMiddleware =
    origins === '*' || origins.length > 0
      ? cors({
          origin: origins === '*' ? '*' : origins,
          methods: ['GET', 'POST'],
          exposedHeaders: ['ETag', 'X-Cache', 'X-Revision'],
          maxAge: 600,
        })
      : (_req: express.Request, _res: express.Response, next: express.NextFunction) => next();

  // compression() wraps every response's write path; a client that accepts no encoding skips it (8% of a small query's cost).
  const compress = compression();
  const compressWhenAccepted = (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.headers['accept-encoding']) return compress(req, res, next);
    res.vary('Accept-Encoding');
    next();
  };

  if (cache && (origins === '*' || origins.length === 0)) {
    fast = { cache, revision, cacheControl: `public, max-age=${options.cacheMaxAge ?? DEFAULT_CACHE_MAX_AGE}`, corsAnyOrigin: origins === '*', maxBodyBytes: 1024 * 1024 };
  }

  // Bulk files beside the graph (README, "Nightly sync").
  app.get('/export/:file', corsMiddleware, compressWhenAccepted, exportHandler(ds, logError));

  // The playground, for a browser asking for a page; a GraphQL GET (with ?query=) goes on to Apollo.
  if (options.playground ?? true) {
    const pg = playground({ introspection: options.introspection ?? true, writes: tokenDigest !== null });
    app.use(pg.router);
    app.get('/graphql', (req, res, next) => (wantsPlayground(req) ? pg.page(req, res, next) : next()));
  }

  app.use(
    '/graphql',
    // A body the fast path read but could not parse goes to the error handler below, as body-parser's would.
    (req: express.Request & PreParsed, _res: express.Response, next: express.NextFunction) => next(req.fastBodyError),
    corsMiddleware,
    compressWhenAccepted,
    // Holders of the write token send whole documents (importList): a larger body; everyone else, 1 MB.
    (req: express.Request, res: express.Response, next: express.NextFunction) => (writeAccess(req.headers.authorization) === 'granted' ? writerJson : publicJson)(req, res, next),
    graphqlHandler<Context>({
      apollo,
      createContext: (req, turn) => createContext(ds, { batch: options.batch ?? true, turn, write: writeAccess(req.headers.authorization), afterWrite: () => invalidate() }),
      limits,
      cache,
      revision,
      maxAge: options.cacheMaxAge ?? DEFAULT_CACHE_MAX_AGE,
      gate,
      lane,
    }),
  );
  // Body-parser failures (bad JSON, body over 1 MB) answered as GraphQL errors, not HTML pages.
  app.use('/graphql', (err: { status?: number; type?: string; message?: string }, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logError(err);
    const message = status === 413 ? `Request body too large (limit 1 MB; ${writeBodyMb} MB with the write token).` : status === 500 ? 'Internal server error' : `Invalid request body: ${err.type ?? 'malformed JSON'}.`;
    sendRequestError(req, res, status, status === 500 ? new GraphQLError(message, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }) : badRequest(message));
  });

  const invalidate = () => {
    revision.invalidate();
    cache?.clear();
  };
  return { app, httpServer, apollo, cache, invalidate, lane };
}

export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}
