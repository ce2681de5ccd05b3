import { seededServers } from '../helpers/server';
import { importList } from '../../src/db/importer';
import { ResponseCache, RevisionTracker } from '../../src/server/responseCache';

describe('ResponseCache (pure)', () => {
  const entry = (body: string) => ({ status: 200, headers: [] as [string, string][], body, etag: 'W/"x"' });
  it('evicts the least recently used entries past its byte bound', () => {
    const c = new ResponseCache(30);
    c.set('a', entry('1234567890')); // 11 bytes with its key
    c.set('b', entry('1234567890'));
    c.get('a'); // a is now the most recent
    c.set('c', entry('1234567890'));
    expect([c.get('a')?.body, c.get('b'), c.get('c')?.body]).toEqual(['1234567890', undefined, '1234567890']);
    expect(c.bytes).toBe(22);
    c.set('big', entry('x'.repeat(40)));
    expect(c.get('big')).toBeUndefined();
    expect(c.size).toBe(2);
  });
});

describe('RevisionTracker (pure)', () => {
  it('reads at most once per interval, at once after invalidate(), and reports a change', async () => {
    let now = 0;
    let reads = 0;
    let rev = 'r1';
    const changes: string[] = [];
    const t = new RevisionTracker(async () => (reads++, rev), 1000, (r) => changes.push(r), () => now);
    expect(await t.current()).toBe('r1');
    rev = 'r2';
    now = 999;
    expect(await t.current()).toBe('r1');
    expect(reads).toBe(1);
    now = 1000;
    expect(await t.current()).toBe('r2');
    rev = 'r3';
    t.invalidate();
    expect(await t.current()).toBe('r3');
    expect(reads).toBe(3);
    expect(changes).toEqual(['r2', 'r3']);
  });
  it('does not keep a failed read', async () => {
    let fail = true;
    const t = new RevisionTracker(async () => {
      if (fail) throw new Error('down');
      return 'r';
    }, 60_000);
    await expect(t.current()).rejects.toThrow('down');
    fail = false;
    expect(await t.current()).toBe('r');
  });
});

describe('HTTP caching', () => {
  const servers = seededServers();
  const start = servers.start;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const Q = { query: 'query Place($code: ID!) { jurisdiction(code: $code) { name listCount } }', variables: { code: '654028' }, operationName: 'Place' };

  it('serves a repeated query from the cache, byte-identical to an uncached server', async () => {
    const { url } = await start({ revisionCheckMs: 60_000 });
    const { url: uncachedUrl } = await start({ responseCache: false });
    const first = await post(url, Q);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const firstBody = await first.text();
    const second = await post(url, Q);
    expect(second.headers.get('x-cache')).toBe('HIT');
    const uncached = await post(uncachedUrl, Q);
    expect(uncached.headers.get('x-cache')).toBeNull();
    const uncachedBody = await uncached.text();
    expect(await second.text()).toBe(firstBody);
    expect(uncachedBody).toBe(firstBody);
    expect(JSON.parse(firstBody).data.jurisdiction.name).toBe('尼勒克县');
    for (const h of ['content-type', 'cache-control', 'etag']) expect(second.headers.get(h)).toBe(uncached.headers.get(h));
  });

  it('marks query responses public with max-age and a revision-bound ETag; If-None-Match gives 304', async () => {
    const { url } = await start({ cacheMaxAge: 120 });
    const r = await post(url, Q);
    expect(r.headers.get('cache-control')).toBe('public, max-age=120');
    expect(r.headers.get('vary')).toMatch(/Accept/);
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await post(url, Q, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // The ETag names the request: other variables, another one.
    const other = await post(url, { ...Q, variables: { code: '650000' } });
    expect(other.headers.get('etag')).not.toBe(etag);
    expect(other.headers.get('x-cache')).toBe('MISS');
    expect((await post(url, { ...Q, variables: { code: '650000' } }, { 'if-none-match': etag })).status).toBe(200);
  });

  it('never caches errors', async () => {
    const { url } = await start();
    const bad = { query: '{ jurisdiction(code: "654028") { nosuchfield } }' };
    for (let i = 0; i < 2; i++) {
      const r = await post(url, bad, { accept: 'application/graphql-response+json' });
      expect(r.status).toBe(400);
      expect(r.headers.get('x-cache')).toBe('BYPASS');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('etag')).toBeNull();
    }
    const partial = { query: '{ items(first: 1000) { totalCount } }' }; // a resolver's BAD_USER_INPUT, status 200
    for (let i = 0; i < 2; i++) {
      const r = await post(url, partial);
      expect(((await r.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.headers.get('x-cache')).toBe('BYPASS');
    }
  });

  it('a hit never answers what CSRF prevention refuses', async () => {
    const { url } = await start();
    const get = `${url}?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(get, { headers: { 'apollo-require-preflight': '1' } })).headers.get('x-cache')).toBe('MISS');
    expect((await fetch(get, { headers: { 'apollo-require-preflight': '1' } })).headers.get('x-cache')).toBe('HIT');
    expect((await fetch(get)).status).toBe(400);
  });

  it('sees an in-process import after invalidate(), and any import once the revision is read again', async () => {
    const q = { query: '{ jurisdiction(code: "654002") { name listCount } }' };
    const slow = await start({ revisionCheckMs: 3_600_000 });
    const eager = await start({ revisionCheckMs: 0 });
    const count = async (url: string) => {
      const r = await post(url, q);
      return { xCache: r.headers.get('x-cache'), etag: r.headers.get('etag'), n: ((await r.json()) as any).data.jurisdiction.listCount };
    };
    const before = await count(slow.url);
    expect(before).toMatchObject({ xCache: 'MISS', n: 0 });
    expect(await count(eager.url)).toMatchObject({ xCache: 'MISS', n: 0 });

    await importList(servers.ds(), { bytes: Buffer.from('序号\t事项名称\n1\t对某事的处罚\n'), fileName: 'cache-test.txt', jurisdictionCode: '654002', department: '伊宁市医疗保障局' });

    // Revision read on every request: the import is seen at once.
    expect(await count(eager.url)).toMatchObject({ xCache: 'MISS', n: 1 });
    // Revision read once an hour: still the old entry until the importer's invalidate().
    expect(await count(slow.url)).toMatchObject({ xCache: 'HIT', n: 0 });
    slow.app.invalidate();
    const after = await count(slow.url);
    expect(after).toMatchObject({ xCache: 'MISS', n: 1 });
    expect(after.etag).not.toBe(before.etag);
    expect(slow.app.cache!.size).toBe(1);
  });
});
