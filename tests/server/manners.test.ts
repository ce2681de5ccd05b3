import crypto from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { serverAudits } from 'graphql-http';
import { seededServers } from '../helpers/server';
import type { AppOptions } from '../../src/server/app';

const servers = seededServers();
const start = async (options: AppOptions = {}): Promise<string> => (await servers.start(options)).url;

const JSON_POST = { 'content-type': 'application/json' };

describe('GraphQL over HTTP', () => {
  it('passes every MUST of the graphql-http audit suite, with no warning (Apollo Server alone: 3)', async () => {
    const url = await start();
    const results = [];
    for (const audit of serverAudits({ url, fetchFn: fetch })) results.push(await audit.fn());
    const failing = results.filter((r) => r.status === 'error').map((r) => r.name);
    const warnings = results.filter((r) => r.status === 'warn').map((r) => r.name);
    expect(failing).toEqual([]);
    expect(warnings).toEqual([]);
    // The notices left are GETs refused by CSRF prevention (no preflight header): on purpose.
    const notices = results.filter((r) => r.status === 'notice').map((r) => r.name);
    expect(notices.every((n) => /GET/.test(n))).toBe(true);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThan(40);
  });

  it('answers application/graphql-response+json to a client that accepts it, application/json otherwise', async () => {
    const url = await start();
    const body = JSON.stringify({ query: '{ __typename }' });
    const a = await fetch(url, { method: 'POST', headers: { ...JSON_POST, accept: 'application/graphql-response+json, application/json;q=0.9' }, body });
    expect(a.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    const b = await fetch(url, { method: 'POST', headers: { ...JSON_POST, accept: 'application/json' }, body });
    expect(b.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('refuses GETs that a browser could send cross-site without preflight (CSRF prevention)', async () => {
    const url = await start();
    const q = `${url}?query=${encodeURIComponent('{ __typename }')}`;
    const simple = await fetch(q);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(q, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(((await preflighted.json()) as any).data).toEqual({ __typename: 'Query' });
    const textPlain = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(textPlain.status).toBe(400);
  });

  it('answers malformed JSON with 400 and a GraphQL error body', async () => {
    const url = await start();
    const r = await fetch(url, { method: 'POST', headers: JSON_POST, body: '{"query": ' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('CORS', () => {
  it('by default lets any origin read, without credentials', async () => {
    const url = await start();
    const r = await fetch(url, { method: 'POST', headers: { ...JSON_POST, origin: 'https://example.org' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(r.headers.get('access-control-expose-headers')).toBe('ETag,X-Cache,X-Revision');
    const pre = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,POST');
  });

  it('with configured origins, answers those only', async () => {
    const url = await start({ corsOrigins: ['https://a.example'] });
    const ask = (origin: string) => fetch(url, { method: 'POST', headers: { ...JSON_POST, origin }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect((await ask('https://a.example')).headers.get('access-control-allow-origin')).toBe('https://a.example');
    expect((await ask('https://b.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with no origins, sends no CORS headers', async () => {
    const url = await start({ corsOrigins: [] });
    const r = await fetch(url, { method: 'POST', headers: { ...JSON_POST, origin: 'https://a.example' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('automatic persisted queries', () => {
  it('registers a query by its SHA-256 and then runs it from the hash alone', async () => {
    const url = await start({ responseCache: false });
    const query = '{ jurisdiction(code: "654028") { name } }';
    const sha256Hash = crypto.createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = async (body: unknown) => (await fetch(url, { method: 'POST', headers: JSON_POST, body: JSON.stringify(body) })).json() as Promise<any>;

    expect((await post({ extensions })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).data.jurisdiction.name).toBe('尼勒克县');
    expect((await post({ extensions })).data.jurisdiction.name).toBe('尼勒克县');
    // And over GET, the way a CDN-friendly client sends it.
    const get = await fetch(`${url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(((await get.json()) as any).data.jurisdiction.name).toBe('尼勒克县');
    // A hash that is not the query's is refused.
    const wrong = await post({ query: '{ __typename }', extensions });
    expect(wrong.errors[0]).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });
});

describe('compression', () => {
  // Raw http.request: fetch would decode the body and hide what came over the wire.
  function raw(url: string, encoding: string, body: string): Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { ...JSON_POST, 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('sends gzip or brotli as the client asks, decoding to the same JSON', async () => {
    const url = await start({ responseCache: false });
    const body = JSON.stringify({ query: '{ items(first: 100) { edges { node { name } } } }' });
    const plain = await raw(url, 'identity', body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(2000);
    const gz = await raw(url, 'gzip', body);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
    expect(gz.bytes.length).toBeLessThan(plain.bytes.length);
    const br = await raw(url, 'br', body);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
  });
});
