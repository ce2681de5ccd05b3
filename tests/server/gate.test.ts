import type http from 'node:http';
import { OperationGate, paceApart } from '../../src/server/gate';

const tick = () => new Promise((r) => setImmediate(r));

describe('OperationGate', () => {
  it('runs at most `limit` operations at once and the rest in arrival order', async () => {
    const gate = new OperationGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const op = (n: number) =>
      gate.run(async () => {
        started.push(n);
        most = Math.max(most, ++running);
        await new Promise<void>((r) => finish.push(r));
        running--;
        return n;
      });
    const all = Promise.all([1, 2, 3, 4, 5].map(op));
    await tick();
    expect(started).toEqual([1, 2]);
    expect(gate.load).toEqual({ active: 2, waiting: 3 });
    // Finish in any order: the waiting ones start first come, first served.
    finish[1]();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    finish[0]();
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    for (let k = 2; k < 5; k++) {
      finish[k]();
      await tick();
    }
    expect(await all).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot when an operation fails, and a second release does nothing', async () => {
    const gate = new OperationGate(1);
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
    const release = await gate.enter();
    const second = gate.enter();
    release();
    release();
    const releaseSecond = await second;
    expect(gate.load).toEqual({ active: 1, waiting: 0 });
    releaseSecond();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('serves waiting clients in turn: a flood from one client delays another by one turn, not by the flood', async () => {
    // A stopped clock: every client has used alike, so only the turn decides.
    const gate = new OperationGate(1, true, () => 0);
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const enter = (client: string, label: string) => gate.enter(client).then((release) => {
      order.push(label);
      releases.push(release);
    });
    const first = enter('flood', 'f0');
    await first;
    const waits = [...Array.from({ length: 5 }, (_, i) => enter('flood', `f${i + 1}`)), enter('normal', 'n1'), enter('normal', 'n2'), enter('flood', 'f6')];
    expect(gate.load).toEqual({ active: 1, waiting: 8 });
    for (let k = 0; k < 8; k++) {
      releases[k]();
      await tick();
    }
    await Promise.all(waits);
    // Round the clients, each in its own arrival order.
    expect(order).toEqual(['f0', 'f1', 'n1', 'f2', 'n2', 'f3', 'f4', 'f5', 'f6']);
    releases[8]();
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses a limit below 1', () => {
    expect(() => new OperationGate(0)).toThrow(/≥ 1/);
    expect(() => new OperationGate(1.5)).toThrow(/≥ 1/);
  });

  describe('sharing by use', () => {
    /** A gate on a clock the test moves. */
    const clocked = (limit: number) => {
      let t = 0;
      const gate = new OperationGate(limit, true, () => t);
      return { gate, advance: (ms: number) => (t += ms) };
    };

    it('a client holding slots leaves the last half free for other clients, unless it is alone', async () => {
      const { gate, advance } = clocked(4);
      // Alone, a client takes every slot.
      const alone = await Promise.all([1, 2, 3, 4].map(() => gate.admit('flood')));
      expect(gate.load).toEqual({ active: 4, waiting: 0 });
      alone.forEach((p) => p.release());
      // Another client seen lately: the flood stops at two, its third waits while two slots stay free for others.
      await (await gate.admit('normal')).release();
      const flood = await Promise.all([1, 2].map(() => gate.admit('flood')));
      let third = false;
      const more = gate.admit('flood').then((p) => ((third = true), p));
      await tick();
      expect(third).toBe(false);
      expect(gate.load).toEqual({ active: 2, waiting: 1 });
      const normal = await Promise.all([gate.admit('normal'), gate.admit('normal')]);
      expect(gate.load).toEqual({ active: 4, waiting: 1 });
      normal.forEach((p) => p.release());
      await tick();
      expect(third).toBe(false);
      // One of its own ends: the flood's waiter takes that slot (two running), not a kept one.
      flood[0].release();
      await tick();
      expect(third).toBe(true);
      expect(gate.load).toEqual({ active: 2, waiting: 0 });
      // The other client gone quiet for long enough, the flood may fill the gate again.
      advance(6000);
      const last = await Promise.all([gate.admit('flood'), gate.admit('flood')]);
      expect(gate.load).toEqual({ active: 4, waiting: 0 });
      for (const p of [flood[1], await more, ...last]) p.release();
      expect(gate.load).toEqual({ active: 0, waiting: 0 });
    });

    it('slots handed out together count at once: a flood never gets more than its half by one release', async () => {
      const { gate } = clocked(4);
      (await gate.admit('page')).release();
      const flood = [await gate.admit('flood'), await gate.admit('flood')];
      const waiting = [1, 2, 3].map(() => gate.admit('flood'));
      expect(gate.load).toEqual({ active: 2, waiting: 3 });
      flood[0].release();
      await tick();
      expect(gate.load).toEqual({ active: 2, waiting: 2 });
      flood[1].release();
      await tick();
      expect(gate.load).toEqual({ active: 2, waiting: 1 });
      const [a, b] = await Promise.all(waiting.slice(0, 2));
      a.release();
      b.release();
      (await waiting[2]).release();
      expect(gate.load).toEqual({ active: 0, waiting: 0 });
    });

    it('a heavy client pauses at its turns while a far lighter one runs, and goes on when it is done', async () => {
      const { gate, advance } = clocked(4);
      (await gate.admit('page')).release(); // a page's client, seen a moment ago
      const heavy = await gate.admit('flood');
      advance(500); // half a second of running: it has used 500 ms
      expect(gate.usageOf('flood')).toBe(500);
      // The page's client is present, not running: the flood rests three times as long as it worked (a 25% duty).
      jest.useFakeTimers();
      try {
        let rested = false;
        void heavy.turn()!.then(() => (rested = true));
        await jest.advanceTimersByTimeAsync(1499);
        expect(rested).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(rested).toBe(true);
      } finally {
        jest.useRealTimers();
      }
      expect(heavy.turn()).toBeUndefined(); // it has just gone on: no rest due yet
      const light = await gate.admit('page');
      let resumed = false;
      const wait = heavy.turn();
      expect(wait).toBeInstanceOf(Promise);
      void wait!.then(() => (resumed = true));
      // The light client is not held back by the heavy one.
      expect(light.turn()).toBeUndefined();
      await tick();
      expect(resumed).toBe(false);
      advance(10);
      light.release();
      await tick();
      expect(resumed).toBe(true);
      heavy.release();
      expect(gate.load).toEqual({ active: 0, waiting: 0 });
    });

    it('counts a running operation as its share of the time it ran beside others', async () => {
      const { gate, advance } = clocked(4);
      const f = await Promise.all([1, 2, 3].map(() => gate.admit('flood')));
      const page = await gate.admit('page');
      advance(400); // four running: three quarters to the flood, a quarter to the page
      expect(gate.usageOf('flood')).toBeCloseTo(300);
      expect(gate.usageOf('page')).toBeCloseTo(100);
      // Then it decays: halved two seconds later.
      page.release();
      advance(2000);
      expect(gate.usageOf('page')).toBeCloseTo(50);
      f.forEach((p) => p.release());
    });

    it('clients that used alike do not hold each other back, and no pause outlasts a second', async () => {
      const { gate, advance } = clocked(4);
      const a = await gate.admit('a');
      const b = await gate.admit('b');
      advance(300);
      expect(a.turn()).toBeUndefined();
      expect(b.turn()).toBeUndefined();
      a.release();
      b.release();
      // A heavy client paused behind a light one that never finishes still goes on, after MAX_PAUSE_MS.
      jest.useFakeTimers();
      try {
        (await gate.admit('page')).release();
        const heavy = await gate.admit('flood');
        advance(2000);
        const light = await gate.admit('page');
        let resumed = false;
        void heavy.turn()!.then(() => (resumed = true));
        await jest.advanceTimersByTimeAsync(999);
        expect(resumed).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        expect(resumed).toBe(true);
        light.release();
        heavy.release();
      } finally {
        jest.useRealTimers();
      }
    });

    it('a lighter client waiting for a slot is served before a heavier one that waited longer', async () => {
      const { gate, advance } = clocked(2);
      const [f1, f2] = [await gate.admit('flood'), await gate.admit('flood')];
      advance(1000);
      const order: string[] = [];
      const waits = [gate.admit('flood').then((p) => (order.push('flood'), p)), gate.admit('page').then((p) => (order.push('page'), p))];
      f1.release();
      await tick();
      f2.release();
      await tick();
      expect(order).toEqual(['page', 'flood']);
      for (const p of await Promise.all(waits)) p.release();
      expect(gate.load).toEqual({ active: 0, waiting: 0 });
    });

    it('a newcomer starts as heavy as the heaviest client present, not as the lightest', async () => {
      const { gate, advance } = clocked(4);
      const page = await gate.admit('page');
      advance(300);
      page.release();
      // A flood arriving now is not lighter than the page's client: the page's next request does not wait for it.
      const flood = await gate.admit('flood');
      expect(gate.usageOf('flood')).toBeCloseTo(300);
      const next = await gate.admit('page');
      expect(next.turn()).toBeUndefined();
      advance(400); // both running: 200 ms each; then the flood goes on alone
      next.release();
      advance(600);
      // Now the flood has used far more, and waits at its turns while the page's client runs.
      const again = await gate.admit('page');
      expect(flood.turn()).toBeInstanceOf(Promise);
      again.release();
      flood.release();
    });

    it('a client first seen beside another runs apart for its first second, then by its use; one seen alone never', async () => {
      const { gate, advance } = clocked(4);
      const page = await gate.admit('page');
      expect(page.heavy()).toBe(false); // alone, and first
      const flood = await gate.admit('flood');
      expect(flood.heavy()).toBe(true); // new beside the page's client: not yet known to be light
      expect(page.heavy()).toBe(false);
      advance(1001); // both ran alike: the flood, past its probation, is the page's peer
      expect(flood.heavy()).toBe(false);
      page.release();
      advance(1000); // the flood alone: now far heavier than the page's client, which is still present
      expect(flood.heavy()).toBe(true);
      expect(gate.usageOf('flood')).toBeGreaterThan(2 * gate.usageOf('page') + 50);
      flood.release();
      advance(6000); // the page's client gone: the flood alone is held back by no one
      const later = await gate.admit('flood');
      expect(later.heavy()).toBe(false);
      later.release();
    });

    it('a client apart with requests waiting stays apart while it has used more than another present, though not yet twice as much', async () => {
      const { gate, advance } = clocked(4);
      const page = await gate.admit('page');
      advance(300);
      page.release();
      const flood = await gate.admit('flood');
      expect(flood.heavy()).toBe(true); // on probation
      const next = await gate.admit('page');
      advance(800); // both running: 400 ms each
      next.release();
      advance(201); // the flood alone: past its probation, more than the page's client, not yet twice as much
      const used = [gate.usageOf('flood'), gate.usageOf('page')];
      expect(used[0]).toBeGreaterThan(used[1] + 50);
      expect(used[0]).toBeLessThan(2 * used[1] + 50);
      expect(flood.heavy()).toBe(false); // nothing of its waits for a slot: a light newcomer leaves with its probation
      // The same use with its half of the slots taken and more of its requests waiting: a flood, kept apart.
      const { gate: g2, advance: adv2 } = clocked(4);
      const p2 = await g2.admit('page');
      adv2(300);
      p2.release();
      const f2 = await g2.admit('flood');
      expect(f2.heavy()).toBe(true);
      const f2b = await g2.admit('flood');
      const waiting = g2.admit('flood');
      const n2 = await g2.admit('page');
      adv2(800);
      n2.release();
      adv2(201);
      expect(g2.usageOf('flood')).toBeLessThan(2 * g2.usageOf('page') + 50);
      expect(f2.heavy()).toBe(true);
      expect(g2.apart('flood')).toBe(true);
      f2.release();
      f2b.release();
      (await waiting).release();
      flood.release();
      // Its use decays to the page's, which keeps coming: back on the main thread.
      for (let i = 0; i < 20; i++) {
        const p = await gate.admit('page');
        advance(150);
        p.release();
        advance(150);
      }
      const last = await gate.admit('flood');
      expect(gate.usageOf('flood')).toBeLessThan(gate.usageOf('page') + 50);
      expect(last.heavy()).toBe(false);
      last.release();
    });

    it('apart() answers, for a client by address, what its passes\' heavy() would', async () => {
      const { gate, advance } = clocked(4);
      expect(gate.apart('flood')).toBe(false); // never seen
      const page = await gate.admit('page');
      const flood = await gate.admit('flood');
      expect(gate.apart('flood')).toBe(true); // on probation
      expect(gate.apart('page')).toBe(false);
      advance(1001);
      expect(gate.apart('flood')).toBe(flood.heavy());
      page.release();
      flood.release();
    });

    it('without fair scheduling, one queue in arrival order and nobody held back', async () => {
      let t = 0;
      const gate = new OperationGate(4, false, () => t);
      const flood = await Promise.all([1, 2, 3, 4].map(() => gate.admit('flood')));
      t += 5000;
      const page = gate.admit('page');
      expect(flood[0].turn()).toBeUndefined();
      flood[0].release();
      (await page).release();
      flood.slice(1).forEach((p) => p.release());
      expect(gate.load).toEqual({ active: 0, waiting: 0 });
    });
  });
});

describe('paceApart', () => {
  const request = (from: string) => [{ socket: { remoteAddress: from } }, {}] as unknown as [http.IncomingMessage, http.ServerResponse];
  const turn = () => new Promise((r) => setImmediate(r));

  it("takes a client's requests one per turn of the event loop while its reads run apart, everyone else's at once", async () => {
    const taken: string[] = [];
    const listener = paceApart((req) => taken.push(`${req.socket.remoteAddress}`), (client) => client === 'flood');
    for (let i = 0; i < 3; i++) listener(...request('flood'));
    listener(...request('page'));
    expect(taken).toEqual(['page']);
    await turn();
    expect(taken).toEqual(['page', 'flood']);
    listener(...request('page')); // arrives between two of the flood's: not behind the rest of them
    expect(taken).toEqual(['page', 'flood', 'page']);
    await turn();
    await turn();
    expect(taken).toEqual(['page', 'flood', 'page', 'flood', 'flood']);
    await turn();
    listener(...request('flood')); // the queue had emptied: taken at the next turn
    expect(taken).toHaveLength(5);
    await turn();
    expect(taken).toHaveLength(6);
  });
});
