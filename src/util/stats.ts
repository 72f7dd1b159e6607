// Statistics for the benchmark: medians and spread of repeated measurements, ratios against a baseline.

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  /** Median absolute deviation: a spread measure that one outlier cannot blow up. */
  mad: number;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function summarize(xs: number[]): Summary {
  const m = median(xs);
  return { n: xs.length, median: m, min: Math.min(...xs), max: Math.max(...xs), mad: median(xs.map((x) => Math.abs(x - m))) };
}

/** kbx / baseline, from medians. */
export function ratio(kbx: Summary, baseline: Summary): number {
  return kbx.median / baseline.median;
}

/** `12.3 ms ±0.4` */
export function formatMs(s: Summary): string {
  const digits = s.median >= 100 ? 0 : 1;
  return `${s.median.toFixed(digits)} ms ±${s.mad.toFixed(digits)}`;
}

export interface BenchRow {
  scenario: string;
  kbx: string;
  baseline: string;
  ratio: string;
  budget: string;
  pass: boolean | undefined;
}

export function markdownTable(rows: BenchRow[]): string {
  const head = '| scenario | kbx | baseline | ratio | budget | result |\n|---|---|---|---|---|---|\n';
  return head + rows.map((r) => `| ${r.scenario} | ${r.kbx} | ${r.baseline} | ${r.ratio} | ${r.budget} | ${r.pass === undefined ? 'reported' : r.pass ? 'pass' : '**FAIL**'} |`).join('\n') + '\n';
}
