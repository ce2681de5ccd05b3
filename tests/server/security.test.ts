import fs from 'node:fs';
import path from 'node:path';
import { seededServers } from '../helpers/server';
import { backendUnderTest } from '../helpers/db';
import { toGlobalId } from '../../src/graphql/node';

const TOKEN = 'a-secret-write-token-7f3a9c01';
const WRONG = 'a-wrong-write-token-0000000000';
const servers = seededServers();

async function post(url: string, query: string, variables: unknown, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, text: await res.text() };
}

describe('the write token', () => {
  it('is never logged nor echoed: not on success, not when wrong, not when the write fails inside', async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(capture));
    try {
      const { url } = await servers.start({ writeToken: TOKEN, logError: capture });
      const ds = servers.ds();
      const list = (await ds.query('SELECT id FROM power_list ORDER BY id'))[0].id as string;
      const del = 'mutation($id: ID!) { deleteList(id: $id) { deletedListId } }';
      const answers: string[] = [];
      const none = await post(url, del, { id: toGlobalId('PowerList', 'no-such-list') }, TOKEN);
      expect(JSON.parse(none.text).data).toEqual({ deleteList: { deletedListId: null } });
      answers.push(none.text);
      answers.push((await post(url, del, { id: toGlobalId('PowerList', list) }, WRONG)).text);
      answers.push((await post(url, del, { id: toGlobalId('PowerList', list) })).text);
      // A write that fails inside, in the database: it is logged (as an internal error), the token is not.
      if (backendUnderTest() === 'postgres') {
        await ds.query(`CREATE FUNCTION no_delete() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no delete'; END $$ LANGUAGE plpgsql`);
        await ds.query('CREATE TRIGGER no_delete BEFORE DELETE ON power_list FOR EACH ROW EXECUTE FUNCTION no_delete()');
      } else {
        await ds.query(`CREATE TRIGGER no_delete BEFORE DELETE ON power_list BEGIN SELECT RAISE(ABORT, 'no delete'); END`);
      }
      try {
        const failed = await post(url, del, { id: toGlobalId('PowerList', list) }, TOKEN);
        expect(failed.text).toMatch(/INTERNAL_SERVER_ERROR/);
        answers.push(failed.text);
      } finally {
        if (backendUnderTest() === 'postgres') {
          await ds.query('DROP TRIGGER no_delete ON power_list');
          await ds.query('DROP FUNCTION no_delete()');
        } else await ds.query('DROP TRIGGER no_delete');
      }
      expect(logged.join('\n')).toMatch(/no delete/);
      for (const secret of [TOKEN, WRONG]) {
        expect(logged.filter((l) => l.includes(secret))).toEqual([]);
        expect(answers.filter((a) => a.includes(secret))).toEqual([]);
      }
      // Production errors carry no SQL and no stack.
      expect(answers.join('\n')).not.toMatch(/DELETE FROM|power_list|\bat .*\.(ts|js):\d+/);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});

describe('dependencies', () => {
  // The audit policy (SECURITY.md) rests on the lockfile: every package pinned by integrity, from the npm registry only.
  it('are all locked by integrity hash and come from registry.npmjs.org, nothing from git or other hosts', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package-lock.json'), 'utf8'));
    const entries = Object.entries(lock.packages as Record<string, { resolved?: string; integrity?: string; link?: boolean }>).filter(([p, e]) => p !== '' && !e.link);
    expect(entries.length).toBeGreaterThan(100);
    // npm leaves `resolved` out when it is the default registry; when present it must be that registry.
    const bad = entries.filter(([, e]) => !e.integrity?.startsWith('sha512-') || (e.resolved !== undefined && !e.resolved.startsWith('https://registry.npmjs.org/'))).map(([p]) => p);
    expect(bad).toEqual([]);
  });
});
