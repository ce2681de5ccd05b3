import { OperationGate } from '../../src/server/gate';

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
    const gate = new OperationGate(1);
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
});
