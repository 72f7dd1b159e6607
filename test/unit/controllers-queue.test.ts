// WorkQueue driven by a fake clock: dedup of waiting keys, no two syncs of one key at once (dirty → once more),
// addAfter keeping the earliest request, retries with exponential backoff up to maxRetries, stop.
import { describe, it, expect } from 'vitest';
import { WorkQueue } from '../../src/controllers/queue.js';
import { TimerClock, settle } from './support/timer-clock.js';

function recording(fn: (key: string, n: number) => Promise<void> | void = () => {}) {
  const calls: string[] = [];
  const sync = async (key: string) => {
    calls.push(key);
    await fn(key, calls.filter((k) => k === key).length);
  };
  return { calls, sync };
}

describe('WorkQueue', () => {
  it('a key added several times while waiting is synced once', async () => {
    const clock = new TimerClock();
    const r = recording();
    const q = new WorkQueue(r.sync, clock);
    q.add('a');
    q.add('a');
    q.add('b');
    await settle();
    expect(r.calls).toEqual(['a', 'b']);
  });

  it('a change while a key syncs runs it once more afterwards, never concurrently', async () => {
    const clock = new TimerClock();
    let release!: () => void;
    let inFlight = 0;
    let maxInFlight = 0;
    const r = recording(async (_k, n) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (n === 1) await new Promise<void>((res) => (release = res));
      inFlight--;
    });
    const q = new WorkQueue(r.sync, clock);
    q.add('a');
    await settle();
    q.add('a');
    q.add('a');
    await settle();
    expect(r.calls).toEqual(['a']);
    release();
    await settle();
    expect(r.calls).toEqual(['a', 'a']);
    expect(maxInFlight).toBe(1);
  });

  it('addAfter waits for the clock, and keeps the earliest of several requests', async () => {
    const clock = new TimerClock();
    const r = recording();
    const q = new WorkQueue(r.sync, clock);
    q.addAfter('a', 5_000);
    q.addAfter('a', 10_000); // later: ignored
    await clock.advance(4_999);
    expect(r.calls).toEqual([]);
    await clock.advance(1);
    expect(r.calls).toEqual(['a']);
    expect(q.delayed()).toEqual([]);
    q.addAfter('b', 10_000);
    q.addAfter('b', 2_000); // earlier: replaces
    expect(clock.pending().count).toBe(1);
    await clock.advance(2_000);
    expect(r.calls).toEqual(['a', 'b']);
  });

  it('a failing sync is retried after 10ms, 20ms, 40ms … and given up after maxRetries', async () => {
    const clock = new TimerClock();
    const logs: string[] = [];
    const r = recording(() => {
      throw new Error('boom');
    });
    const q = new WorkQueue(r.sync, clock, (m) => logs.push(m), 3);
    q.add('a');
    await settle();
    expect(r.calls).toHaveLength(1);
    await clock.advance(9);
    expect(r.calls).toHaveLength(1);
    await clock.advance(1);
    expect(r.calls).toHaveLength(2);
    await clock.advance(19);
    expect(r.calls).toHaveLength(2);
    await clock.advance(1);
    expect(r.calls).toHaveLength(3);
    await clock.advance(60_000);
    expect(r.calls).toHaveLength(3); // the third failure was the last
    expect(logs[2]).toMatch(/^sync a failed \(attempt 3\): Error: boom/);
  });

  it('a success resets the retry count', async () => {
    const clock = new TimerClock();
    let fail = true;
    const r = recording(() => {
      if (fail) throw new Error('x');
    });
    const q = new WorkQueue(r.sync, clock);
    q.add('a');
    await clock.advance(10); // 1st failure → retry after 10ms
    await clock.advance(20); // 2nd → 20ms; the 3rd failure → 40ms
    fail = false;
    await clock.advance(40);
    expect(r.calls).toHaveLength(4); // the 4th succeeded
    fail = true;
    q.add('a');
    await settle();
    expect(r.calls).toHaveLength(5);
    await clock.advance(9);
    expect(r.calls).toHaveLength(5);
    await clock.advance(1); // a first failure again: 10ms
    expect(r.calls).toHaveLength(6);
  });

  it('stop cancels what waits and refuses new keys', async () => {
    const clock = new TimerClock();
    const r = recording();
    const q = new WorkQueue(r.sync, clock);
    q.addAfter('a', 1_000);
    q.stop();
    expect(clock.pending().count).toBe(0);
    q.add('b');
    await clock.advance(2_000);
    expect(r.calls).toEqual([]);
  });
});
