import { seededServers } from '../helpers/server';
import type { AppOptions } from '../../src/server/app';
import { appOptionsFromEnv } from '../../src/server/config';
import { formatErrorFor } from '../../src/graphql/errors';

describe('formatError (pure)', () => {
  const logged: unknown[] = [];
  const prod = formatErrorFor({ development: false, log: (e) => logged.push(e) });
  it('passes public codes without their stack trace', () => {
    expect(prod({ message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x'] } }, null)).toEqual({
      message: 'first must be between 0 and 100',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(logged).toEqual([]);
  });
  it('hides and logs anything else', () => {
    const err = new Error('SQLITE_ERROR: no such table: statute');
    expect(prod({ message: err.message, path: ['statute'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err)).toEqual({
      message: 'Internal server error',
      path: ['statute'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(prod({ message: 'x', extensions: { code: 'SOME_DRIVER_CODE' } }, err).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toEqual([err, err]);
  });
});

describe('errors over HTTP with a failing database', () => {
  const servers = seededServers();
  const start = async (options: AppOptions): Promise<string> => (await servers.start({ responseCache: false, ...options })).url;
  const ask = async (url: string) => {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ statute(title: "《中华人民共和国社会保险法》") { title } }' }),
    });
    return { status: r.status, text: await r.text() };
  };

  it('answers a SQL failure with INTERNAL_SERVER_ERROR and no SQL text or stack in production; logs it; shows it in development', async () => {
    const logged: unknown[] = [];
    const prodUrl = await start({ logError: (e) => logged.push(e) });
    const devUrl = await start({ development: true });
    expect(JSON.parse((await ask(prodUrl)).text).data.statute.title).toBe('社会保险法');

    await servers.ds().query('ALTER TABLE statute RENAME TO statute_gone');
    try {
      const prod = await ask(prodUrl);
      const body = JSON.parse(prod.text);
      expect(body.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['statute'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(prod.text).not.toMatch(/SELECT|statute_gone|no such table|does not exist|stacktrace|\bat /i);
      expect(logged).toHaveLength(1);
      expect(String((logged[0] as Error).message)).toMatch(/statute/);

      const dev = JSON.parse((await ask(devUrl)).text);
      expect(dev.errors[0].message).toMatch(/statute/);
      expect(dev.errors[0].extensions.stacktrace.length).toBeGreaterThan(0);
    } finally {
      await servers.ds().query('ALTER TABLE statute_gone RENAME TO statute');
    }
  });

  it('GET /healthz says 503 without the driver error outside development (last: closes the database)', async () => {
    const url = await start({});
    await servers.ds().destroy();
    const down = await fetch(url.replace('/graphql', '/healthz'));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', error: 'database unavailable' });
  });
});

describe('configuration from the environment', () => {
  it('reads limits, cache, CORS and mode; unset variables leave defaults', () => {
    expect(appOptionsFromEnv({})).toEqual({ limits: {}, development: false });
    expect(
      appOptionsFromEnv({
        QUERY_MAX_DEPTH: '8', QUERY_MAX_COST: '1000', QUERY_MAX_ALIASES: '5', QUERY_MAX_DUPLICATE_FIELDS: '0', QUERY_MAX_BYTES: '4096', QUERY_LIST_SIZE: '25',
        RESPONSE_CACHE: 'off', RESPONSE_CACHE_MB: '8', REVISION_CHECK_MS: '250', CACHE_MAX_AGE: '30', CORS_ORIGINS: 'https://a.example, https://b.example', NODE_ENV: 'development',
        MAX_CONCURRENT_OPERATIONS: '3',
      }),
    ).toEqual({
      limits: { maxDepth: 8, maxCost: 1000, maxAliases: 5, maxDuplicateFields: 0, maxDocumentBytes: 4096, assumedListSize: 25 },
      responseCache: false, responseCacheBytes: 8 * 1024 * 1024, revisionCheckMs: 250, cacheMaxAge: 30,
      corsOrigins: ['https://a.example', 'https://b.example'], development: true, maxConcurrentOperations: 3,
    });
    expect(appOptionsFromEnv({ CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(appOptionsFromEnv({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(() => appOptionsFromEnv({ QUERY_MAX_COST: 'lots' })).toThrow(/QUERY_MAX_COST/);
    expect(() => appOptionsFromEnv({ RESPONSE_CACHE: 'maybe' })).toThrow(/RESPONSE_CACHE/);
    expect(() => appOptionsFromEnv({ MAX_CONCURRENT_OPERATIONS: '0' })).toThrow(/MAX_CONCURRENT_OPERATIONS/);
    expect(appOptionsFromEnv({ WRITE_TOKEN: 'a-long-enough-secret', WRITE_BODY_MB: '8' })).toMatchObject({ writeToken: 'a-long-enough-secret', writeBodyMb: 8 });
    expect(appOptionsFromEnv({ WRITE_TOKEN: '' }).writeToken).toBeUndefined();
    expect(() => appOptionsFromEnv({ WRITE_TOKEN: 'short' })).toThrow(/WRITE_TOKEN/);
  });
});
