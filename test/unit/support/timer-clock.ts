// A fake clock that also schedules (the TimerSource the WorkQueue, the Kubelet and the probe manager accept):
// nothing fires until a test advances it, and then every timer due fires in time order with the clock set to its
// due time. `settle()` lets the promise chains that the fired callbacks started run to their end.
import type { Clock } from '../../../src/util/clock.js';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class TimerClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(private t = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.t;
  }

  setTimer(fn: () => void, ms: number): unknown {
    const timer = { id: ++this.seq, at: this.t + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle);
  }

  /** How many timers wait, and when the next one is due. */
  pending(): { count: number; next?: number } {
    const next = this.timers.reduce<number | undefined>((m, x) => (m === undefined || x.at < m ? x.at : m), undefined);
    return { count: this.timers.length, ...(next !== undefined ? { next } : {}) };
  }

  /** Moves time forward by `ms`, firing every timer that falls due (and those they set, if due too). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
    await settle();
  }
}

/** Lets pending promise callbacks and microtasks run (a few macrotask turns, no wall-clock wait). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}
