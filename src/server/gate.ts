/**
 * At most `limit` operations execute at once; the rest wait their turn, first
 * come first served within a client and in turn across clients. Under load this is faster, not slower: on the API bench
 * (50 connections, 2 cores) an unbounded server kept every waiting request's
 * half-built result alive across its statements, and young-generation garbage
 * collection, copying all of it, took a fifth of the CPU. PostgreSQL, given
 * fewer backends at once, also spent less per request.
 *
 * Clients (by address) share the server by recent use: the time their
 * operations ran, each running operation counted as a 1/n share of the time
 * n ran together (so a client slowed by others is not also charged for it),
 * decaying with a half-life of USAGE_HALF_LIFE_MS:
 * - a freed slot goes to the waiting client running fewest operations, then
 *   to the one that used least;
 * - while another client has been seen lately, no client holds more than
 *   half the slots: a newcomer finds one free instead of waiting for a
 *   flood's operations to end;
 * - a read operation asks `turn()` between its statements (the loaders do),
 *   and waits there while a client that used far less (DEFER_RATIO) is
 *   running (a paused operation counts as not running): on SQLite every statement runs on the event loop, so a light
 *   client's request would otherwise advance at the pace of everything
 *   running beside it.
 *   A heavy client's operation, while a far lighter client is present but
 *   not running, works one at a time, and rests between its steps, so that
 *   its work keeps the event loop busy at most HEAVY_DUTY of the time.
 * - while a client that used far less is present (or, in a newcomer's first
 *   second, any other; and once apart, while it has requests waiting and any
 *   other present used less), a
 *   client's reads run apart, in the read lane (`heavy()`, see ReadLane), and
 *   its requests are taken one per turn of the event loop (paceApart).
 * A client alone is never held back; clients using alike share alike.
 *
 * And `turn()` hands the event loop back every SLICE_MS, unless no other
 * client present has used less. On SQLite a whole operation — statements,
 * resolvers, the loaders' next batches — runs in promise jobs that never leave
 * the event loop's turn, so several running at once kept it for 200 ms at a
 * time, and a request that had just arrived was not even read (the gate can
 * only weigh a request it has seen). A lone client's operations never hand it
 * back: a newcomer's first request may wait for them, once.
 */

import type http from 'node:http';

/** Half-life of a client's recorded use: long enough to tell a flood from a page's few requests. */
const USAGE_HALF_LIFE_MS = 2000;
/** A client defers to another whose use is below half its own (and DEFER_MS less): clearly lighter, not a peer. */
const DEFER_RATIO = 2;
const DEFER_MS = 50;
/** Longest one pause at a turn: a deferring operation still progresses, however busy the lighter clients keep. */
const MAX_PAUSE_MS = 1000;
/**
 * A client first seen while another is present is, for this long, not yet known to be light: its reads may run
 * apart (Pass.heavy) until its use says which it is: a flood's first operations would otherwise run on the main
 * thread, beside everyone's, until its use had grown past twice theirs.
 */
const PROBATION_MS = 1000;
/** A client counts as present this long after it last entered. */
const PRESENT_MS = 5000;
/**
 * Share of the time a heavy client's operations may work while a far lighter client is present: the rest of the
 * time the event loop is free, so what the lighter client sends is mostly read and run at once, not behind
 * whatever step of the heavy client's was under way (its statements, its answers' serialisation, the garbage).
 */
const HEAVY_DUTY = 0.25;
/** Longest run of operations' work before the event loop gets its turn (to read requests, answer, fire timers). */
const SLICE_MS = 4;

/** When the running stretch of the event loop's work began, as the turns see it. */
let sliceStart = 0;
/** Whether a check-phase callback is pending: while it is, the event loop has not come round since `sliceStart`. */
let sliceOpen = false;
const closeSlice = () => {
  sliceOpen = false;
};

/** Whether the work since the event loop last came round has run SLICE_MS (starts a stretch when it had come round). */
function sliceSpent(now: number): boolean {
  if (!sliceOpen) {
    sliceOpen = true;
    sliceStart = now;
    setImmediate(closeSlice);
    return false;
  }
  return now - sliceStart > SLICE_MS;
}

/** Resolves after `ms`. */
const rest = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once the event loop has come round (polled for I/O and run its timers). */
const nextLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface ClientState {
  /** Recorded use in ms, decayed to `at`. */
  usage: number;
  at: number;
  running: number;
  /** Its running operations paused at a turn. */
  paused: number;
  lastSeen: number;
  /** Until when it is on probation (first seen while another client was present: PROBATION_MS); 0: never was. */
  probation: number;
  /** Whether its reads were last judged to run apart (Pass.heavy): they go on doing so while it floods and is the heavier. */
  apart: boolean;
  queue: (() => void)[];
}

/** A slot: release it when the operation is done (more calls do nothing); `turn()` between statements. */
export interface Pass {
  release(): void;
  /** undefined when the operation may go on now, else a promise resolved when it may. */
  turn(): Promise<void> | undefined;
  /**
   * Whether a client that used far less (DEFER_RATIO) is present, or this one is new beside others (PROBATION_MS),
   * or it was judged so before and, with requests waiting for a slot, has still used more than another present: its
   * reads may run apart (ReadLane).
   */
  heavy(): boolean;
}

interface Pause {
  client: string;
  state: ClientState;
  resume: () => void;
}

export class OperationGate {
  private active = 0;
  /** Clients, in the order they are next served among equals (a Map keeps insertion order). */
  private readonly clients = new Map<string, ClientState>();
  private waitingCount = 0;
  private readonly pauses = new Set<Pause>();
  private enters = 0;
  /** Operations running and not paused, in all; their clients; when their use was last counted. */
  private working = 0;
  private readonly busy = new Set<ClientState>();
  private countedTo: number;
  /** Most slots one client holds while another is present. */
  private readonly share: number;

  /** `fair: false` serves waiters in arrival order whoever sent them, and holds no one back (the benchmark's baseline). */
  constructor(
    readonly limit: number,
    private readonly fair = true,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`the operation limit must be a whole number ≥ 1, got ${limit}`);
    this.share = fair ? Math.ceil(limit / 2) : limit;
    this.countedTo = now();
  }

  /** Operations executing now (paused ones included), and waiting. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waitingCount };
  }

  /** A client's use (ms, decayed), its running operations' share so far included. */
  usageOf(client: string): number {
    const s = this.clients.get(client);
    if (!s) return 0;
    const now = this.now();
    this.count(now);
    return this.usage(s, now);
  }

  private usage(s: ClientState, now: number): number {
    return s.usage * 2 ** (-(now - s.at) / USAGE_HALF_LIFE_MS);
  }

  /** Charges the time since last counted to the clients working, each by its share of the operations working. */
  private count(now: number): void {
    const dt = now - this.countedTo;
    this.countedTo = now;
    if (dt <= 0 || this.working === 0) return;
    for (const s of this.busy) {
      s.usage = this.usage(s, now) + (dt * (s.running - s.paused)) / this.working;
      s.at = now;
    }
  }

  /** One more or one fewer (`by`) of `s`'s operations running or paused, use counted to now first. */
  private shift(s: ClientState, field: 'running' | 'paused', by: 1 | -1, now: number): void {
    this.count(now);
    s[field] += by;
    this.working += field === 'running' ? by : -by;
    if (s.running - s.paused > 0) this.busy.add(s);
    else this.busy.delete(s);
  }

  /**
   * A client's record; a newcomer's starts at the most any client present has used (as a scheduler starts a new
   * task at the others' time): starting at nothing, a flood arriving would first be the lightest client, and
   * have everyone else wait for it until it had used enough.
   */
  private state(client: string, now: number): ClientState {
    let s = this.clients.get(client);
    if (!s) {
      this.count(now);
      let most = 0;
      for (const o of this.clients.values()) if (now - o.lastSeen < PRESENT_MS) most = Math.max(most, this.usage(o, now));
      const probation = this.othersPresent(client, now) ? now + PROBATION_MS : 0;
      this.clients.set(client, (s = { usage: most, at: now, running: 0, paused: 0, lastSeen: now, probation, apart: false, queue: [] }));
    }
    return s;
  }

  /** Whether `client`, holding `s.running` slots, may take one more while `free` are free. */
  private mayTake(client: string, s: ClientState, free: number, now: number): boolean {
    if (free <= 0) return false;
    return s.running < this.share || !this.othersPresent(client, now);
  }

  private othersPresent(client: string, now: number): boolean {
    for (const [other, o] of this.clients) if (other !== client && now - o.lastSeen < PRESENT_MS) return true;
    return false;
  }

  /** Waits for a slot; call the returned function once the operation is done (more calls do nothing). */
  async enter(fromClient = ''): Promise<() => void> {
    return (await this.admit(fromClient)).release;
  }

  /** Waits for a slot: first come first served within a client, by use across them. */
  async admit(fromClient = ''): Promise<Pass> {
    const client = this.fair ? fromClient : '';
    let now = this.now();
    const s = this.state(client, now);
    s.lastSeen = now;
    if (++this.enters % 1024 === 0) this.forget(now);
    if (s.queue.length === 0 && this.mayTake(client, s, this.limit - this.active, now)) {
      this.active++;
      this.start(s, now);
    }
    // A slot is handed to a waiter (counted as running then, see fill) before it resumes.
    else
      await new Promise<void>((resolve) => {
        s.queue.push(resolve);
        this.waitingCount++;
      });
    now = this.now();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const t = this.now();
      this.shift(s, 'running', -1, t);
      this.active--;
      this.fill(t);
      this.resumePauses();
    };
    // When this operation last went on after waiting (or began): the work since is what a rest is weighed by.
    let since = now;
    const wentOn = () => {
      since = this.now();
    };
    const turn = () => {
      if (!this.fair) return undefined;
      const t = this.now();
      const lighter = this.lighterThan(client, s, t);
      if (lighter === 'running' || (lighter === 'present' && s.running - s.paused > 1)) return this.pause(client, s).then(wentOn);
      if (lighter === 'present') {
        const worked = t - since;
        return worked >= SLICE_MS ? rest((worked * (1 - HEAVY_DUTY)) / HEAVY_DUTY).then(wentOn) : undefined;
      }
      return sliceSpent(t) && !this.lightest(client, s) ? nextLoop().then(wentOn) : undefined;
    };
    const heavy = () => this.judgeApart(client, s, this.now());
    return { release, turn, heavy };
  }

  /** Whether `client`'s reads run apart now (see Pass.heavy); false for a client not seen yet. */
  apart(client: string): boolean {
    const s = this.clients.get(this.fair ? client : '');
    return s !== undefined && this.judgeApart(client, s, this.now());
  }

  // Once apart, a client with requests waiting for a slot stays apart while it has used more than another present
  // (by DEFER_MS), not only while it has used twice as much: a flood past its probation has not yet used twice a
  // steady client's (it started at theirs), and its reads came back to the main thread for seconds until it had. A
  // light newcomer, which never waits for a slot, leaves with its probation.
  private judgeApart(client: string, s: ClientState, now: number): boolean {
    s.apart = this.fair && (this.lighterThan(client, s, now) !== null || (now < s.probation && this.othersPresent(client, now)) || (s.apart && s.queue.length > 0 && this.heavierThanOne(client, s, now)));
    return s.apart;
  }

  /** One more of `s`'s operations running. */
  private start(s: ClientState, now: number): void {
    this.shift(s, 'running', 1, now);
  }

  /** Hands free slots to waiters that may take them (each counted as running at once, for the next pick). */
  private fill(now: number): void {
    while (this.active < this.limit) {
      const pick = this.nextWaiter(now);
      if (!pick) return;
      this.active++;
      this.start(pick.state, now);
      pick.resolve();
    }
  }

  /**
   * The first waiter of the waiting client running fewest operations, then using least (ties: the one longest
   * without a turn); that client goes to the back if more of its requests wait. A flooding client gets the
   * slots others leave.
   */
  private nextWaiter(now: number): { state: ClientState; resolve: () => void } | undefined {
    let pick: [string, ClientState, number] | undefined;
    const free = this.limit - this.active;
    this.count(now);
    for (const [client, s] of this.clients) {
      if (!s.queue.length || !this.mayTake(client, s, free, now)) continue;
      if (!pick || s.running < pick[1].running || (s.running === pick[1].running && this.usage(s, now) < pick[2])) pick = [client, s, this.usage(s, now)];
    }
    if (!pick) return undefined;
    const [client, s] = pick;
    const resolve = s.queue.shift()!;
    this.clients.delete(client);
    this.clients.set(client, s);
    this.waitingCount--;
    return { state: s, resolve };
  }

  /**
   * Whether an operation of `client` should wait at a turn (`paused`: it is waiting already): while a client
   * that used far less is running, or is present and another of this client's operations is under way.
   */
  private mustDefer(client: string, s: ClientState, paused = false): boolean {
    const lighter = this.lighterThan(client, s, this.now());
    return lighter === 'running' || (lighter === 'present' && s.running - s.paused - (paused ? 0 : 1) > 0);
  }

  /** The nearest a client that used far less than `client` (DEFER_RATIO) is: running now, present, or neither. */
  private lighterThan(client: string, s: ClientState, now: number): 'running' | 'present' | null {
    if (!this.fair || this.clients.size < 2) return null;
    this.count(now);
    const mine = this.usage(s, now);
    if (mine <= DEFER_MS) return null;
    let found: 'present' | null = null;
    for (const [other, o] of this.clients) {
      if (other === client || this.usage(o, now) * DEFER_RATIO + DEFER_MS >= mine) continue;
      if (o.running - o.paused > 0) return 'running';
      if (now - o.lastSeen < PRESENT_MS) found = 'present';
    }
    return found;
  }

  /** Whether another client present has used less than `client` (by DEFER_MS). */
  private heavierThanOne(client: string, s: ClientState, now: number): boolean {
    this.count(now);
    const mine = this.usage(s, now);
    for (const [other, o] of this.clients) if (other !== client && now - o.lastSeen < PRESENT_MS && this.usage(o, now) + DEFER_MS < mine) return true;
    return false;
  }

  /**
   * Whether every other client present has used more than `client`: its operations need not hand the event loop
   * back (what arrives meanwhile is heavier, or nobody's), and lose no time to other clients' turns.
   */
  private lightest(client: string, s: ClientState): boolean {
    const now = this.now();
    this.count(now);
    const mine = this.usage(s, now);
    for (const [other, o] of this.clients) if (other !== client && now - o.lastSeen < PRESENT_MS && this.usage(o, now) <= mine) return false;
    return true;
  }

  private pause(client: string, s: ClientState): Promise<void> {
    return new Promise<void>((resolve) => {
      this.shift(s, 'paused', 1, this.now());
      const p: Pause = {
        client,
        state: s,
        resume: () => {
          if (!this.pauses.delete(p)) return;
          clearTimeout(timer);
          this.shift(s, 'paused', -1, this.now());
          resolve();
          // One fewer paused: those waiting on this client's pace see it running again.
          this.resumePauses();
        },
      };
      const timer = setTimeout(p.resume, MAX_PAUSE_MS);
      this.pauses.add(p);
      // Operations that deferred to this one, now paused, may go on.
      this.resumePauses();
    });
  }

  private resumePauses(): void {
    for (const p of this.pauses) if (!this.mustDefer(p.client, p.state, true)) p.resume();
  }

  /** Drops clients gone quiet, so that a server seen by many addresses keeps no record of each for ever. */
  private forget(now: number): void {
    for (const [client, s] of this.clients) {
      if (s.running === 0 && s.queue.length === 0 && now - s.lastSeen > PRESENT_MS && this.usage(s, now) < 1) this.clients.delete(client);
    }
  }

  /** Runs `fn` in a slot. */
  async run<T>(fn: () => Promise<T>, client = ''): Promise<T> {
    const release = await this.enter(client);
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/**
 * An HTTP listener that takes the requests of clients whose reads run apart (`apart`, see Pass.heavy) one per turn
 * of the event loop, in arrival order, and everyone else's at once. What a request costs on this thread before it
 * can wait (routing, its body read and parsed, its document checked; a refused one answered) is a millisecond or
 * two; a flood's 64 connections sending at once had all of theirs taken in one turn, 100–200 ms during which a
 * lighter client's request, already arrived, was not even read.
 */
export function paceApart(listener: http.RequestListener, apart: (client: string) => boolean): http.RequestListener {
  const queue: [http.IncomingMessage, http.ServerResponse][] = [];
  const next = () => {
    const r = queue.shift();
    if (!r) return;
    listener(r[0], r[1]);
    if (queue.length) setImmediate(next);
  };
  return (req, res) => {
    if (!apart(req.socket.remoteAddress ?? '')) return listener(req, res);
    if (queue.push([req, res]) === 1) setImmediate(next);
  };
}
