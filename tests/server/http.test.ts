import type { DataSource } from 'typeorm';
import { freshDatabase } from '../helpers/db';
import { importSeeds } from '../../src/db/seed';
import { createApp, listen, type App } from '../../src/server/app';

let ds: DataSource;
let app: App;
let base: string;

beforeAll(async () => {
  ds = await freshDatabase();
  await importSeeds(ds);
  app = await createApp(ds);
  const port = await listen(app.httpServer, 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await app?.apollo.stop();
  if (ds?.isInitialized) await ds.destroy();
});

async function post(query: string, variables?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json() };
}

describe('HTTP', () => {
  it('serves GraphQL at /graphql: the README example query', async () => {
    const { status, body } = await post(`{ jurisdiction(code: "654028") { name parent { name } lists { edges { node { department itemCount } } } } }`);
    expect(status).toBe(200);
    expect(body.data.jurisdiction).toEqual({ name: '尼勒克县', parent: { name: '伊犁哈萨克自治州' }, lists: { edges: [{ node: { department: '尼勒克县医疗保障局', itemCount: 23 } }] } });
  });

  it('answers a syntax error with 400 and no stack trace', async () => {
    const { status, body } = await post('{ jurisdiction(code: ', undefined, { accept: 'application/graphql-response+json' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });

  it('answers a syntax error with 200 to a client accepting only application/json (GraphQL over HTTP: legacy clients read the body)', async () => {
    const { status, body } = await post('{ jurisdiction(code: ', undefined, { accept: 'application/json' });
    expect(status).toBe(200);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body).not.toHaveProperty('data');
  });

  it('GET /healthz is 200 while the database answers, 503 once it does not', async () => {
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    await ds.destroy();
    const down = await fetch(`${base}/healthz`);
    expect(down.status).toBe(503);
  });
});
