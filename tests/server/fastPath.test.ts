import http from 'node:http';
import zlib from 'node:zlib';
import { seededServers } from '../helpers/server';
import type { App } from '../../src/server/app';

/** A raw request, so the test sees exactly what went on the wire (fetch adds and decodes encodings). */
function post(port: number, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('cache hits answered before express', () => {
  const servers = seededServers();
  let app: App;
  let port: number;
  beforeAll(async () => {
    ({ app, port } = await servers.start({ logError: () => {} }));
  });

  const small = JSON.stringify({ query: '{ jurisdiction(code: "654028") { name } }' });
  const large = JSON.stringify({ query: '{ items(first: 50) { edges { node { name legalBasis } } } }' });

  it('give the same status, headers and bytes as the miss that stored them', async () => {
    const miss = await post(port, small);
    const hit = await post(port, small);
    expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(hit.status).toBe(miss.status);
    expect(hit.bytes.equals(miss.bytes)).toBe(true);
    for (const h of ['content-type', 'etag', 'cache-control', 'access-control-allow-origin', 'access-control-expose-headers', 'content-length']) expect([h, hit.headers[h]]).toEqual([h, miss.headers[h]]);
    expect(hit.headers.vary).toMatch(/Accept/);
    const notModified = await post(port, small, { 'if-none-match': String(hit.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.bytes.length).toBe(0);
  });

  it('gzip a large hit when the client accepts it, and leave it plain when it does not', async () => {
    await post(port, large);
    const plain = await post(port, large);
    const gz = await post(port, large, { 'accept-encoding': 'gzip' });
    expect(plain.headers['x-cache']).toBe('HIT');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
    const br = await post(port, large, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
  });

  it('hand everything else to express: bad JSON, batches and new revisions', async () => {
    const bad = await post(port, '{"query": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const batch = await post(port, JSON.stringify([{ query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    await post(port, small);
    app.invalidate();
    expect((await post(port, small)).headers['x-cache']).toBe('MISS');
  });
});
