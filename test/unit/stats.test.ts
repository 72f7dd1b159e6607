import { describe, it, expect } from 'vitest';
import { median, summarize, ratio, formatMs, markdownTable } from '../../src/util/stats.js';

describe('bench statistics', () => {
  it('median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
  it('spread is the median absolute deviation, robust to an outlier', () => {
    const s = summarize([10, 11, 9, 10, 500]);
    expect(s.median).toBe(10);
    expect(s.mad).toBe(1);
    expect(s.max).toBe(500);
  });
  it('ratio and formatting', () => {
    expect(ratio(summarize([20, 20, 20]), summarize([10, 10, 10]))).toBe(2);
    expect(formatMs(summarize([12.34, 12.34]))).toBe('12.3 ms ±0.0');
    expect(markdownTable([{ scenario: 's', kbx: '1', baseline: '2', ratio: '0.5', budget: '≤ 1', pass: true }])).toContain('| s | 1 | 2 | 0.5 | ≤ 1 | pass |');
  });
});
