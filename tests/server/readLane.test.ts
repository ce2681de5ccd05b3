/**
 * The read lane: a far heavier client's reads run in a worker thread with a
 * connection of its own (on the backend under test), answer exactly what the
 * main thread answers, never take writes, and fall back to the main thread
 * when the worker fails.
 */
import http from 'node:http';
import { createDataSource, sharedConfigOf } from '../../src/db/dataSource';
import { DEFAULT_LIMITS } from '../../src/graphql/limits';
import { laneTurn, ReadLane } from '../../src/server/readLane';
import { seededServers } from '../helpers/server';
import { toGlobalId } from '../../src/graphql/node';

jest.setTimeout(120_000);

const servers = seededServers();

/** POSTs a GraphQL body from a local address (a client of its own, to the gate). */
function postFrom(url: string, from: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function untilRunning(lane: ReadLane): Promise<void> {
  lane.start();
  for (let i = 0; i < 1200 && !lane.running; i++) await new Promise((r) => setTimeout(r, 50));
  expect(lane.running).toBe(true);
}

const PAGE = '{ items(first: 5) { edges { node { id name legalBasis citations { textAsWritten statute { title } article { label } } } } } }';
const SEARCH = '{ searchItems(text: "社会保险", first: 5) { totalCount edges { node { name jurisdiction { name } } } } }';
const LIGHT = '{ jurisdictions(first: 3) { edges { node { name } } } }';

describe('sharedConfigOf', () => {
  it('opens the same file or server again, and nothing for a database in memory', () => {
    expect(sharedConfigOf(createDataSource({ kind: 'sqlite', file: ':memory:' }))).toBeNull();
    expect(sharedConfigOf(createDataSource({ kind: 'sqlite', file: '/tmp/lane-test/x.sqlite' }))).toEqual({ kind: 'sqlite', file: '/tmp/lane-test/x.sqlite' });
    expect(sharedConfigOf(createDataSource({ kind: 'postgres', url: 'postgres://u@h:5432/d' }))).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
  });
});

describe('laneTurn', () => {
  it('goes on at once while no read runs on the main thread, else waits until none does, a second at most', async () => {
    const busy = new Int32Array(new SharedArrayBuffer(4));
    const turn = laneTurn(busy);
    expect(turn()).toBeUndefined();
    busy[0] = 2;
    let done = false;
    const waiting = turn()!.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 50));
    Atomics.sub(busy, 0, 1);
    Atomics.notify(busy, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false); // one still runs
    Atomics.sub(busy, 0, 1);
    Atomics.notify(busy, 0);
    await waiting;
    const t = performance.now();
    busy[0] = 1; // never released: the wait ends by itself
    await turn();
    expect(performance.now() - t).toBeGreaterThanOrEqual(990);
  });
});

describe('ReadLane', () => {
  it("counts a main-thread read while it runs: not while it waits at its own turns, nor after it ends", async () => {
    const lane = new ReadLane({ db: { kind: 'sqlite', file: '/tmp/lane-test/unused.sqlite' }, settings: { limits: DEFAULT_LIMITS, introspection: true, development: false } }, () => undefined);
    const busy = (lane as unknown as { busy: Int32Array }).busy;
    try {
      const a = lane.hold();
      const b = lane.hold();
      expect(busy[0]).toBe(2);
      let open!: () => void;
      const wait = new Promise<void>((r) => (open = r));
      const w1 = a.during(wait);
      const w2 = a.during(wait); // two of its loaders at a turn at once
      expect(busy[0]).toBe(1);
      open();
      await Promise.all([w1, w2]);
      expect(busy[0]).toBe(2); // going on: counted again, once
      // One of its turns still waiting when the operation ends (another failed): not counted again after.
      let late!: () => void;
      const w3 = a.during(new Promise<void>((r) => (late = r)));
      a.release();
      late();
      await w3;
      expect(busy[0]).toBe(1);
      b.release();
      b.release();
      expect(busy[0]).toBe(0);
    } finally {
      await lane.close();
    }
  });

  it('answers a read exactly as the main thread does, errors included', async () => {
    const { app, url } = await servers.start();
    const lane = app.lane!;
    expect(lane).not.toBeNull();
    await untilRunning(lane);
    // As graphql-response+json, the statuses are Apollo's (under application/json the HTTP layer turns some 400s to 200).
    const accept = 'application/graphql-response+json';
    for (const query of [PAGE, SEARCH, '{ item(id: "nope") { name } }', '{ nosuchfield }']) {
      const main = await postFrom(url, '127.0.0.1', { query }, { accept });
      const r = await lane.execute({ method: 'POST', headers: [['content-type', 'application/json'], ['accept', accept]], search: '', body: { query } });
      expect(r.status).toBe(main.status);
      expect(JSON.parse(Buffer.from(r.body).toString('utf8'))).toEqual(main.body);
    }
    await app.apollo.stop();
    expect(lane.running).toBe(false);
  });

  it("runs a far heavier client's reads there, never a lighter client's and never a write", async () => {
    // Cache hits never execute: every answer here does.
    const { app, url } = await servers.start({ writeToken: 'lane-test-token-0123456789', responseCache: false });
    const lane = app.lane!;
    await untilRunning(lane);
    const executed = jest.spyOn(lane, 'execute');
    const expected = await postFrom(url, '127.0.0.1', { query: PAGE });
    // The page's client is seen first; then a flood from another address, for long enough to be far heavier.
    await postFrom(url, '127.0.0.2', { query: LIGHT });
    const until = Date.now() + 1500;
    const answers: any[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() < until) answers.push((await postFrom(url, '127.0.0.3', { query: PAGE })).body);
      }),
    );
    expect(executed.mock.calls.length).toBeGreaterThan(0);
    for (const a of answers) expect(a).toEqual(expected.body);

    const before = executed.mock.calls.length;
    const light = await postFrom(url, '127.0.0.2', { query: LIGHT });
    expect(light.body.data.jurisdictions.edges).toHaveLength(3);
    expect(executed.mock.calls.length).toBe(before);
    // A write from the heavy client runs here, where the write lock is (the list does not exist: a user error).
    const write = await postFrom(url, '127.0.0.3', { query: `mutation { deleteList(id: "${toGlobalId('PowerList', '999999')}") { deletedListId userErrors { message } } }` }, { authorization: 'Bearer lane-test-token-0123456789' });
    expect(write.body.data.deleteList).toEqual({ deletedListId: null, userErrors: [{ message: expect.stringMatching(/^no list with ID/) }] });
    expect(executed.mock.calls.length).toBe(before);
    // And its reads still go there.
    await postFrom(url, '127.0.0.3', { query: PAGE });
    expect(executed.mock.calls.length).toBe(before + 1);
  });

  it('answers on the main thread when the worker fails under a read', async () => {
    const errors: unknown[] = [];
    const { app, url } = await servers.start({ logError: (e) => errors.push(e), responseCache: false });
    const lane = app.lane!;
    await untilRunning(lane);
    const expected = await postFrom(url, '127.0.0.1', { query: PAGE });
    const execute = lane.execute.bind(lane);
    // The worker goes away with the read in it.
    jest.spyOn(lane, 'execute').mockImplementation((r) => {
      const p = execute(r);
      void lane.close();
      return p;
    });
    await postFrom(url, '127.0.0.2', { query: LIGHT });
    const answered = await postFrom(url, '127.0.0.3', { query: PAGE }); // a newcomer beside another client: to the lane
    expect(lane.execute).toHaveBeenCalledTimes(1);
    expect(answered).toEqual(expected);
    expect(lane.running).toBe(false);
  });

  it('a worker that cannot open the database is reported, and reads stay on the main thread', async () => {
    const errors: unknown[] = [];
    const lane = new ReadLane({ db: { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none' }, settings: { limits: DEFAULT_LIMITS, introspection: true, development: false } }, (e) => errors.push(e));
    lane.start();
    for (let i = 0; i < 1200 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(String(errors[0])).toMatch(/read lane's worker could not start/);
    expect(lane.available()).toBe(false); // and not started again at once
    expect(lane.running).toBe(false);
    await lane.close();
  });
});
