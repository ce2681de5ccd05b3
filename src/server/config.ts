import type { AppOptions } from './app';
import type { QueryLimits } from '../graphql/limits';

/** Environment variables read for the HTTP server, with the AppOptions field each sets. */
const LIMIT_VARS: [string, keyof QueryLimits][] = [
  ['QUERY_MAX_DEPTH', 'maxDepth'],
  ['QUERY_MAX_COST', 'maxCost'],
  ['QUERY_MAX_ALIASES', 'maxAliases'],
  ['QUERY_MAX_DUPLICATE_FIELDS', 'maxDuplicateFields'],
  ['QUERY_MAX_BYTES', 'maxDocumentBytes'],
  ['QUERY_LIST_SIZE', 'assumedListSize'],
];

function count(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return undefined;
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(raw)) throw new Error(`${name} must be on or off, got "${env[name]}"`);
  return ['on', '1', 'true'].includes(raw);
}

/** AppOptions from the environment (README, "HTTP and limits"); unset variables keep createApp's defaults. */
export function appOptionsFromEnv(env: NodeJS.ProcessEnv): AppOptions {
  const limits: Partial<QueryLimits> = {};
  for (const [name, field] of LIMIT_VARS) {
    const n = count(env, name);
    if (n !== undefined) limits[field] = n;
  }
  const options: AppOptions = { limits, development: env.NODE_ENV === 'development' };
  const cache = onOff(env, 'RESPONSE_CACHE');
  if (cache !== undefined) options.responseCache = cache;
  const introspection = onOff(env, 'GRAPHQL_INTROSPECTION');
  if (introspection !== undefined) options.introspection = introspection;
  const fair = onOff(env, 'FAIR_SCHEDULING');
  if (fair !== undefined) options.fairScheduling = fair;
  const lane = onOff(env, 'READ_LANE');
  if (lane !== undefined) options.readLane = lane;
  const playground = onOff(env, 'PLAYGROUND');
  if (playground !== undefined) options.playground = playground;
  const mb = count(env, 'RESPONSE_CACHE_MB');
  if (mb !== undefined) options.responseCacheBytes = mb * 1024 * 1024;
  const revisionMs = count(env, 'REVISION_CHECK_MS');
  if (revisionMs !== undefined) options.revisionCheckMs = revisionMs;
  const maxAge = count(env, 'CACHE_MAX_AGE');
  if (maxAge !== undefined) options.cacheMaxAge = maxAge;
  const concurrent = count(env, 'MAX_CONCURRENT_OPERATIONS');
  if (concurrent !== undefined) {
    if (concurrent < 1) throw new Error(`MAX_CONCURRENT_OPERATIONS must be at least 1, got "${env.MAX_CONCURRENT_OPERATIONS}"`);
    options.maxConcurrentOperations = concurrent;
  }
  const token = env.WRITE_TOKEN;
  if (token !== undefined && token !== '') {
    if (token.length < 16) throw new Error('WRITE_TOKEN must be at least 16 characters (it is the only thing between the public and writes)');
    options.writeToken = token;
  }
  const writeMb = count(env, 'WRITE_BODY_MB');
  if (writeMb !== undefined) options.writeBodyMb = writeMb;
  const origins = env.CORS_ORIGINS;
  if (origins !== undefined) {
    const list = origins.split(',').map((o) => o.trim()).filter((o) => o !== '');
    options.corsOrigins = list.includes('*') ? '*' : list;
  }
  return options;
}
