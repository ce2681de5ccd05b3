/**
 * The ceiling: a bare node:http server that answers each captured request
 * body with the exact bytes and content type our server gave for it. It still
 * reads the whole request, as any server must; nothing else happens.
 */
import http from 'node:http';

export interface Captured {
  /** The request body, byte for byte as the load generator sends it. */
  request: string;
  status: number;
  contentType: string;
  /** Response body, base64. */
  body: string;
}

export function createBareServer(captured: Captured[]): http.Server {
  const answers = new Map(captured.map((c) => [c.request, { status: c.status, headers: { 'content-type': c.contentType }, body: Buffer.from(c.body, 'base64') }]));
  return http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const a = req.url === '/graphql' && req.method === 'POST' ? answers.get(Buffer.concat(chunks).toString('utf8')) : undefined;
      if (!a) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not captured');
        return;
      }
      res.writeHead(a.status, { ...a.headers, 'content-length': a.body.length }).end(a.body);
    });
  });
}
