import { describe, it, expect } from 'vitest';
import { rssMiB, cpuTicks, cpuPercent } from '../../src/util/proc.js';

describe('/proc parsers for the benchmark', () => {
  it('reads VmRSS in MiB', () => {
    expect(rssMiB('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t   51200 kB\nThreads: 7\n')).toBe(50);
    expect(rssMiB('Name:\tzombie\n')).toBeNaN();
  });
  it('sums utime and stime, even when the command name has spaces and parentheses', () => {
    const stat = '4242 (node (kbx) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 100 1000 500';
    expect(cpuTicks(stat)).toBe(300);
  });
  it('percent of a core', () => {
    expect(cpuPercent(100, 110, 10_000)).toBeCloseTo(1);
    expect(cpuPercent(0, 200, 1000)).toBe(200);
  });
});
