import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { seededServers } from '../helpers/server';
import { SEEDS_DIR } from '../../src/db/seed';
import { compactChanges, syncPosition } from '../../src/db/changes';
import { openExport } from '../../src/db/export';
import { runExport } from '../../src/cli/export';
import { toGlobalId } from '../../src/graphql/node';

const TOKEN = 'correct-horse-battery-staple';
const servers = seededServers();

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const ndjson = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('bulk export', () => {
  it('streams every row of each kind at one revision, the same as npm run export', async () => {
    const { port } = await servers.start();
    const ds = servers.ds();
    const { revision } = await syncPosition(ds.manager);
    const counts: Record<string, string> = { items: 'item', lists: 'power_list', statutes: 'statute', articles: 'article', jurisdictions: 'jurisdiction' };
    for (const [kind, table] of Object.entries(counts)) {
      const res = await fetch(`http://127.0.0.1:${port}/export/${kind}.ndjson`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(res.headers.get('x-revision')).toBe(String(revision));
      const rows = ndjson(await res.text());
      expect(rows.length).toBe(Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n));
      // The CLI writes the same bytes.
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c) => chunks.push(c));
      const said: string[] = [];
      expect(await runExportOn(kind, [], out, said)).toBe(0);
      expect(ndjson(Buffer.concat(chunks).toString('utf8'))).toEqual(rows);
      expect(said.join('\n')).toContain(`at revision ${revision}`);
    }
    const [item] = ndjson(await (await fetch(`http://127.0.0.1:${port}/export/items.ndjson`)).text());
    expect(item).toMatchObject({ id: expect.any(String), listId: expect.any(String), name: expect.any(String), levels: expect.any(Array), citations: expect.any(Array), fields: expect.any(Array) });
    expect(item).not.toHaveProperty('contentHash');
  });

  it('with since: only what changed, deletions as tombstones; a compacted since is 410 with a clear error', async () => {
    const { url, port } = await servers.start({ writeToken: TOKEN });
    const ds = servers.ds();
    const before = (await syncPosition(ds.manager)).revision;
    const file = '004_119a4ff0c2874498.txt';
    const listId = (await ds.query(`SELECT id FROM power_list WHERE source_file = '${file}'`))[0].id;
    const items = (await ds.query(`SELECT id FROM item WHERE list_id = '${listId}' ORDER BY id`)).map((r: any) => r.id);
    const del = await post(url, `mutation($id: ID!) { deleteList(id: $id) { deletedListId itemsRemoved revision userErrors { message } } }`, { id: toGlobalId('PowerList', listId) }, TOKEN);
    expect(del.body.data.deleteList).toEqual({ deletedListId: toGlobalId('PowerList', listId), itemsRemoved: items.length, revision: before + items.length + 1, userErrors: [] });
    const res = await fetch(`http://127.0.0.1:${port}/export/items.ndjson?since=${before}`);
    expect(res.headers.get('x-revision')).toBe(String(before + items.length + 1));
    expect(ndjson(await res.text())).toEqual(items.map((id: string) => ({ id, deleted: true })));
    expect(ndjson(await (await fetch(`http://127.0.0.1:${port}/export/lists.ndjson?since=${before}`)).text())).toEqual([{ id: listId, deleted: true }]);
    // Put it back: the same items return under the same IDs.
    const content = fs.readFileSync(path.join(SEEDS_DIR, file)).toString('base64');
    const imp = await post(url, `mutation($input: ImportListInput!) { importList(input: $input) { unchanged itemsUpserted itemsRemoved revision userErrors { message } lists { id } } }`, { input: { content, contentEncoding: 'BASE64', filename: file, jurisdictionCode: '150000', department: '内蒙古自治区医疗保障局' } }, TOKEN);
    expect(imp.body.data.importList).toMatchObject({ unchanged: false, itemsUpserted: items.length, itemsRemoved: 0, userErrors: [], lists: [{ id: toGlobalId('PowerList', listId) }] });
    expect((await ds.query(`SELECT id FROM item WHERE list_id = '${listId}' ORDER BY id`)).map((r: any) => r.id)).toEqual(items);

    for (const bad of ['x', '-1', '1.5']) expect((await fetch(`http://127.0.0.1:${port}/export/items.ndjson?since=${bad}`)).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/export/jurisdictions.ndjson?since=0`)).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/export/nothing.ndjson`)).status).toBe(404);
    await compactChanges(ds, new Date(Date.now() + 60_000));
    const gone = await fetch(`http://127.0.0.1:${port}/export/items.ndjson?since=0`);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as any).error).toMatchObject({ code: 'SNAPSHOT_REQUIRED', message: expect.stringMatching(/full export/) });
  });

  it('is consistent at its revision while an import commits mid-stream', async () => {
    const ds = servers.ds();
    const exp = await openExport(ds, 'items');
    const first = await exp.rows.next();
    expect(first.done).toBe(false);
    const expected = Number((await ds.query('SELECT COUNT(*) AS n FROM item'))[0].n);
    // A list deleted while the export is half read: the export still has all of it.
    const { deleteList } = await import('../../src/db/importer');
    const victim = (await ds.query('SELECT id FROM power_list ORDER BY id LIMIT 1'))[0].id;
    await deleteList(ds, victim);
    let n = 1;
    for await (const row of exp.rows) if (!row.deleted) n++;
    if (ds.options.type === 'postgres' || String(ds.options.database) !== ':memory:') expect(n).toBe(expected);
    expect((await syncPosition(ds.manager)).revision).toBeGreaterThan(exp.revision);
  });
});

async function runExportOn(kind: string, extra: string[], out: PassThrough, said: string[]): Promise<number> {
  const prev = process.env.DATABASE_URL;
  const ds = servers.ds();
  // The CLI opens the database DATABASE_URL names: this test's.
  process.env.DATABASE_URL = ds.options.type === 'postgres' ? (ds.options as { url: string }).url : String(ds.options.database);
  try {
    return await runExport([kind, ...extra], out, (s) => said.push(s));
  } finally {
    if (prev === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = prev;
  }
}

describe('writes over the API', () => {
  it('need the configured token, compared exactly; with none configured they are off', async () => {
    const off = await servers.start();
    const m = `mutation { deleteList(id: "${toGlobalId('PowerList', 'nope')}") { userErrors { message } } }`;
    const r0 = await post(off.url, m, {}, TOKEN);
    expect(r0.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const on = await servers.start({ writeToken: TOKEN });
    for (const token of [undefined, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const r = await post(on.url, m, {}, token);
      expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(r.body)).not.toContain(TOKEN);
    }
    const ok = await post(on.url, m, {}, TOKEN);
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.deleteList.userErrors[0].message).toMatch(/no list/);
  });

  it('takes a document over 1 MB from the token holder only', async () => {
    const { url } = await servers.start({ writeToken: TOKEN });
    const big = 'x'.repeat(1_500_000);
    const q = `mutation($input: ImportListInput!) { importList(input: $input) { userErrors { message } } }`;
    const input = { input: { content: big, filename: 'big.txt', jurisdictionCode: '620602', dryRun: true } };
    const anon = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: input }) });
    expect(anon.status).toBe(413);
    const writer = await post(url, q, input, TOKEN);
    expect(writer.status).toBe(200);
    expect(writer.body.data.importList.userErrors).toHaveLength(1);
  });

  it('importList: dry run stores nothing; bad input is a user error naming where; the same bytes change nothing', async () => {
    const { url } = await servers.start({ writeToken: TOKEN });
    const ds = servers.ds();
    const file = '002_447b1eadcf571c88.txt';
    const text = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const q = `mutation($input: ImportListInput!) { importList(input: $input) { unchanged revision itemCount itemsUpserted report { encoding } lists { id itemCount } userErrors { message field line } } }`;
    const rev = (await syncPosition(ds.manager)).revision;
    const dry = await post(url, q, { input: { content: text.replace('第八十七条', '第八十五条'), filename: file, jurisdictionCode: '620602', department: '凉州区医疗保障局', dryRun: true } }, TOKEN);
    expect(dry.body.data.importList).toMatchObject({ unchanged: false, revision: null, itemCount: 5, lists: [], userErrors: [] });
    expect((await syncPosition(ds.manager)).revision).toBe(rev);
    const same = await post(url, q, { input: { content: text, filename: file, jurisdictionCode: '620602', department: '凉州区医疗保障局' } }, TOKEN);
    expect(same.body.data.importList).toMatchObject({ unchanged: true, revision: rev, itemsUpserted: 0, userErrors: [] });
    const bad = await post(url, q, { input: { content: '%%%', contentEncoding: 'BASE64', filename: file } }, TOKEN);
    expect(bad.body.data.importList.userErrors).toEqual([{ message: 'content is not base64', field: ['input', 'content'], line: null }]);
    const empty = await post(url, q, { input: { content: 'no table here', filename: 'x.txt', jurisdictionCode: '620602' } }, TOKEN);
    expect(empty.body.data.importList.userErrors[0]).toMatchObject({ message: expect.stringContaining('x.txt'), field: ['input', 'content'] });
    expect((await syncPosition(ds.manager)).revision).toBe(rev);
  });
});
