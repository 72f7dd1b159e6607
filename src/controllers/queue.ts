// A keyed work queue, as client-go's: a key waiting is not added twice, one key is never synced by
// two workers at once (a change while it syncs marks it dirty and it runs again), later retries
// are delayed with backoff, and `addAfter` schedules a look at a given time.
//
// Time is the clock's: a clock that also schedules (TimerSource: a test's fake clock) runs the delayed adds, so a
// test drives retries and `addAfter` by advancing it; a plain clock schedules with the real setTimeout.
import type { Clock } from '../util/clock.js';
import { FairShare } from '../util/fair-share.js';

/** Schedules callbacks on a clock's time. */
export interface TimerSource {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const realTimers: TimerSource = {
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimer: (t) => clearTimeout(t as NodeJS.Timeout),
};

/** The clock's own timers if it has them, else the real ones. */
export function timersOf(clock: Clock): TimerSource {
  const c = clock as Clock & Partial<TimerSource>;
  return c.setTimer && c.clearTimer ? { setTimer: c.setTimer.bind(c), clearTimer: c.clearTimer.bind(c) } : realTimers;
}

export class WorkQueue {
  private queued = new Set<string>();
  private running = new Set<string>();
  private dirty = new Set<string>();
  private timers = new Map<string, { at: number; timer: unknown }>();
  private readonly timerSource: TimerSource;
  private failures = new Map<string, number>();
  private stopped = false;
  private pumping = false;
  /** Syncs yield to the event loop between keys once a slice of busy time is used (API requests come first). */
  private readonly share = new FairShare();

  constructor(
    private readonly sync: (key: string) => Promise<void> | void,
    private readonly clock: Clock,
    private readonly log: (m: string) => void = () => {},
    private readonly maxRetries = 15,
  ) {
    this.timerSource = timersOf(clock);
  }

  add(key: string): void {
    if (this.stopped) return;
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    this.queued.add(key);
    this.pump();
  }

  /** Looks at `key` again after `ms` (keeps the earliest of several requests). */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const t = this.timers.get(key);
    if (t && t.at <= at) return;
    if (t) this.timerSource.clearTimer(t.timer);
    const timer = this.timerSource.setTimer(() => {
      this.timers.delete(key);
      this.add(key);
    }, ms);
    this.timers.set(key, { at, timer });
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) this.timerSource.clearTimer(t.timer);
    this.timers.clear();
  }

  /** Keys waiting for a timer (for tests and measurements). */
  delayed(): string[] {
    return [...this.timers.keys()];
  }

  /** Keys are synced one after another on the event loop, in-process, yielding to I/O between keys when busy. */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    queueMicrotask(async () => {
      try {
        while (this.queued.size && !this.stopped) {
          const key = this.queued.values().next().value as string;
          this.queued.delete(key);
          this.running.add(key);
          try {
            await this.sync(key);
            this.failures.delete(key);
          } catch (e) {
            const n = (this.failures.get(key) ?? 0) + 1;
            this.failures.set(key, n);
            this.log(`sync ${key} failed (attempt ${n}): ${(e as Error)?.stack ?? e}`);
            if (n < this.maxRetries) this.addAfter(key, Math.min(5 * 2 ** n, 30_000));
          } finally {
            this.running.delete(key);
            if (this.dirty.delete(key)) this.queued.add(key);
          }
          await this.share.yield();
        }
      } finally {
        this.pumping = false;
      }
    });
  }
}
