import { describe, it, expect } from 'vitest';
import { Backoff } from '../../src/kubelet/backoff.js';

describe('crash-loop backoff', () => {
  it('restarts at once the first time, then waits 10s, 20s, 40s … capped at 300s', () => {
    const b = new Backoff();
    let now = 0;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const finished = now;
      const wait = b.remaining('p/c', finished, now);
      delays.push(wait / 1000);
      now += wait;
      b.next('p/c', now);
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('counts the wait from when the container finished', () => {
    const b = new Backoff();
    b.next('k', 0); // first restart at t=0
    expect(b.remaining('k', 5_000, 8_000)).toBe(7_000); // finished at 5s → may restart at 15s
  });

  it('starts over after 10 minutes without a restart', () => {
    const b = new Backoff();
    b.next('k', 0);
    b.next('k', 1_000);
    expect(b.currentDelay('k', 2_000)).toBe(20_000);
    expect(b.remaining('k', 700_000, 700_000)).toBe(0);
  });
});
