// Go's time.ParseDuration, for flags like --since=5m, --timeout=30s.
import { CliError } from './errors.js';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds in a Go duration string (`1h30m`, `5s`, `0`). */
export function parseDuration(s: string): number {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  const neg = s.startsWith('-');
  const body = neg || s.startsWith('+') ? s.slice(1) : s;
  re.lastIndex = 0;
  while (pos < body.length && (m = re.exec(body))) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    pos = re.lastIndex;
  }
  if (pos !== body.length || !body.length) throw new CliError(`time: invalid duration "${s}"`);
  return neg ? -total : total;
}

/** Go's Duration.String() of a millisecond count: `2m31.5s`, `1h0m0s`, `450ms`, `0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  const a = Math.abs(ms);
  if (a < 1000) return `${neg ? '-' : ''}${Number(a.toFixed(3))}ms`;
  const h = Math.floor(a / 3_600_000);
  const m = Math.floor((a % 3_600_000) / 60_000);
  const s = Number(((a % 60_000) / 1000).toFixed(3));
  return `${neg ? '-' : ''}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}
