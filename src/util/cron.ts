// Cron schedules as the CronJob controller reads them: robfig/cron v3's ParseStandard (5 fields
// minute hour day-of-month month day-of-week, names jan-dec/sun-sat, `*`, `?`, ranges, steps,
// the @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly and `@every <duration>`
// descriptors, an optional `TZ=`/`CRON_TZ=` prefix) with its error messages, and `next(t)` in an
// IANA time zone (Intl). Pure: times are milliseconds since the epoch.
import { goQuote } from '../compat/go-format.js';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** Set when a field was `*` or `?` (day-of-month/day-of-week matching depends on it, as in cron). */
const STAR = 2n ** 63n;

export interface Schedule {
  /** The first activation strictly after `t` (ms), or 0 when there is none within five years. */
  next(t: number): number;
  /** The zone the schedule is evaluated in ('' for the local zone of this process). */
  zone: string;
}

export class CronParseError extends Error {}

function bits(min: number, max: number, step: number): bigint {
  let b = 0n;
  if (step === 1) {
    for (let i = min; i <= max; i++) b |= 1n << BigInt(i);
    return b;
  }
  for (let i = min; i <= max; i += step) b |= 1n << BigInt(i);
  return b;
}

// strconv.Atoi's error text.
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  if (names) {
    const n = names[expr.toLowerCase()];
    if (n !== undefined) return n;
  }
  return mustParseInt(expr);
}

function getRange(expr: string, r: Bounds): bigint {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let extra = 0n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    extra = STAR;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, r.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    // "N/step" means "N-max/step".
    if (singleDigit) end = r.max;
    if (step > 1) extra = 0n;
  } else throw new CronParseError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  return bits(start, end, step) | extra;
}

function getField(field: string, r: Bounds): bigint {
  let b = 0n;
  for (const expr of field.split(',')) b |= getRange(expr, r);
  return b;
}

interface SpecFields {
  minute: bigint;
  hour: bigint;
  dom: bigint;
  month: bigint;
  dow: bigint;
}

/** Go's time.ParseDuration for what `@every` accepts (e.g. 1h30m, 90s, 1.5h). */
function parseGoDuration(s: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  if (s === '0') return 0;
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * units[m[2]!]!;
    pos = re.lastIndex;
  }
  return pos === s.length && pos > 0 ? total : undefined;
}

/** Go's time.LoadLocation check: '' and 'UTC' are UTC, 'Local' the process zone, else an IANA name. */
export function loadLocationError(zone: string): string | undefined {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    // Intl accepts some forms Go does not (offsets such as +01:00).
    if (/^[+-]/.test(zone)) return `unknown time zone ${zone}`;
    return undefined;
  } catch {
    return `unknown time zone ${zone}`;
  }
}

/** cron.ParseStandard. Throws CronParseError with robfig's message. */
export function parseStandard(spec: string): Schedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let zone = '';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    zone = spec.slice(eq + 1, i < 0 ? undefined : i);
    const err = loadLocationError(zone);
    if (err) throw new CronParseError(`provided bad location ${zone}: ${err}`);
    spec = i < 0 ? '' : spec.slice(i).trim();
    if (zone === 'Local') zone = '';
  }
  if (spec.startsWith('@')) return descriptor(spec, zone);
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const f: SpecFields = {
    minute: getField(fields[0]!, MINUTES),
    hour: getField(fields[1]!, HOURS),
    dom: getField(fields[2]!, DOM),
    month: getField(fields[3]!, MONTHS),
    dow: getField(fields[4]!, DOW),
  };
  return specSchedule(f, zone);
}

function descriptor(d: string, zone: string): Schedule {
  const all = (r: Bounds) => bits(r.min, r.max, 1) | STAR;
  const one = (n: number) => 1n << BigInt(n);
  let f: SpecFields | undefined;
  switch (d) {
    case '@yearly':
    case '@annually':
      f = { minute: one(0), hour: one(0), dom: one(1), month: one(1), dow: all(DOW) };
      break;
    case '@monthly':
      f = { minute: one(0), hour: one(0), dom: one(1), month: all(MONTHS), dow: all(DOW) };
      break;
    case '@weekly':
      f = { minute: one(0), hour: one(0), dom: all(DOM), month: all(MONTHS), dow: one(0) };
      break;
    case '@daily':
    case '@midnight':
      f = { minute: one(0), hour: one(0), dom: all(DOM), month: all(MONTHS), dow: all(DOW) };
      break;
    case '@hourly':
      f = { minute: one(0), hour: all(HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW) };
      break;
  }
  if (f) return specSchedule(f, zone);
  if (d.startsWith('@every ')) {
    const text = d.slice('@every '.length);
    const ms = parseGoDuration(text);
    if (ms === undefined) throw new CronParseError(`failed to parse duration ${d}: time: invalid duration ${goQuote(text)}`);
    // ConstantDelaySchedule: at least a second, rounded down to whole seconds.
    const every = Math.max(1000, Math.floor(ms / 1000) * 1000);
    return { zone, next: (t) => Math.floor((t + every) / 1000) * 1000 };
  }
  throw new CronParseError(`unrecognized descriptor: ${d}`);
}

// ---------------------------------------------------------------------------------------------
// Wall-clock arithmetic in a zone.

interface Wall {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number;
  mi: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone || undefined,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function wallOf(t: number, zone: string): Wall & { s: number } {
  if (zone === 'UTC') {
    const d = new Date(t);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute!, s: parts.second! };
}

/** The zone's offset (ms) at instant t. */
function offsetAt(t: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const w = wallOf(t, zone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** The instant of a wall-clock time in the zone (the later offset wins in a fold; a gap moves forward). */
function instantOf(w: Wall, zone: string): number {
  const guess = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  if (zone === 'UTC') return guess;
  let t = guess - offsetAt(guess, zone);
  const t2 = guess - offsetAt(t, zone);
  if (t2 !== t) t = Math.max(t, t2);
  return t;
}

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function weekday(w: Wall): number {
  return new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay();
}

function has(b: bigint, n: number): boolean {
  return (b & (1n << BigInt(n))) !== 0n;
}

function dayMatches(f: SpecFields, w: Wall): boolean {
  const domMatch = has(f.dom, w.d);
  const dowMatch = has(f.dow, weekday(w));
  if ((f.dom & STAR) !== 0n || (f.dow & STAR) !== 0n) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

function specSchedule(f: SpecFields, zone: string): Schedule {
  const z = zone === '' ? localZone() : zone;
  return {
    zone,
    next(t: number): number {
      // The next whole minute after t, in wall-clock time.
      const start = wallOf(t, z);
      const w: Wall = { y: start.y, mo: start.mo, d: start.d, h: start.h, mi: start.mi };
      addMinute(w);
      const yearLimit = w.y + 5;
      for (let guard = 0; guard < 100_000; guard++) {
        if (w.y > yearLimit) return 0;
        if (!has(f.month, w.mo)) {
          w.mo++;
          if (w.mo > 12) {
            w.mo = 1;
            w.y++;
          }
          w.d = 1;
          w.h = 0;
          w.mi = 0;
          continue;
        }
        if (!dayMatches(f, w)) {
          addDay(w);
          w.h = 0;
          w.mi = 0;
          continue;
        }
        if (!has(f.hour, w.h)) {
          w.h++;
          w.mi = 0;
          if (w.h > 23) {
            w.h = 0;
            addDay(w);
          }
          continue;
        }
        if (!has(f.minute, w.mi)) {
          addMinute(w);
          continue;
        }
        const at = instantOf(w, z);
        if (at > t) return at;
        addMinute(w);
      }
      return 0;
    },
  };
}

function addDay(w: Wall): void {
  w.d++;
  if (w.d > daysIn(w.y, w.mo)) {
    w.d = 1;
    w.mo++;
    if (w.mo > 12) {
      w.mo = 1;
      w.y++;
    }
  }
}

function addMinute(w: Wall): void {
  w.mi++;
  if (w.mi > 59) {
    w.mi = 0;
    w.h++;
    if (w.h > 23) {
      w.h = 0;
      addDay(w);
    }
  }
}

export function localZone(): string {
  return process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Go's time.Format(time.RFC3339) of instant t in the zone (`2026-01-01T09:00:00+01:00`, `…Z` in UTC). */
export function rfc3339In(t: number, zone: string): string {
  const z = zone === '' ? localZone() : zone;
  const off = Math.round(offsetAt(t, z) / 60_000);
  const w = wallOf(t, z);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  const base = `${p(w.y, 4)}-${p(w.mo)}-${p(w.d)}T${p(w.h)}:${p(w.mi)}:${p(w.s)}`;
  if (off === 0 && (z === 'UTC' || z === 'Etc/UTC')) return `${base}Z`;
  if (off === 0) return `${base}Z`;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${base}${sign}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(t: number): string {
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
