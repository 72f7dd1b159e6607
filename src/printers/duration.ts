// apimachinery's pkg/util/duration (HumanDuration, ShortHumanDuration) and the printers'
// translateTimestampSince/Until helpers. Durations are milliseconds; Go truncates toward zero
// (int(d.Seconds()), d / time.Minute), hence Math.trunc everywhere.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** duration.HumanDuration: `45s`, `2m3s`, `26h`, `3d4h`, `2y`; ~2-3 significant figures. */
export function humanDuration(ms: number): string {
  // Up to 2s (excluded) in the future counts as "now", to tolerate clock skew between machines.
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** duration.ShortHumanDuration: one unit only (`45s`, `3m`, `5h`, `12d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  // Go divides the float hours here (int(d.Hours()/24/365)); the result is the same after truncation.
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/** Milliseconds since the epoch for an RFC 3339 timestamp; undefined for absent/zero/unparsable ones. */
export function parseTime(ts: string | null | undefined): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  // Go's zero time (0001-01-01T00:00:00Z) marshals as null, but treat a literal one as zero too.
  if (Number.isNaN(t) || t <= -62135596800000) return undefined;
  return t;
}

/** printers.go translateTimestampSince: age of a timestamp, `<unknown>` when it is absent. */
export function translateTimestampSince(ts: string | null | undefined, now: number): string {
  const t = parseTime(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(now - t);
}

/** printers.go translateTimestampUntil: time left until a timestamp, `<unknown>` when absent. */
export function translateTimestampUntil(ts: string | null | undefined, now: number): string {
  const t = parseTime(ts);
  if (t === undefined) return '<unknown>';
  return humanDuration(t - now);
}
