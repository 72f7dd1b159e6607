// What an unquoted YAML scalar means to go-yaml v2 (the YAML 1.1 rules kubectl lives by):
// `yes`/`on`/`y` are booleans, `0777` is octal, `1_000` is 1000, `2024-01-01` is a timestamp...
// The printer quotes every string that would read back as something else; the manifest
// reader gives plain scalars these meanings.

export type Resolved =
  | { tag: 'null' }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: number }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp'; value: string }
  | { tag: 'str'; value: string };

const BOOL_TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const BOOL_FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
const NULLS = ['', '~', 'null', 'Null', 'NULL'];

const SPECIAL = new Map<string, Resolved>();
for (const s of BOOL_TRUE) SPECIAL.set(s, { tag: 'bool', value: true });
for (const s of BOOL_FALSE) SPECIAL.set(s, { tag: 'bool', value: false });
for (const s of NULLS) SPECIAL.set(s, { tag: 'null' });
for (const s of ['.nan', '.NaN', '.NAN']) SPECIAL.set(s, { tag: 'float', value: NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL.set(s, { tag: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL.set(s, { tag: 'float', value: -Infinity });

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt(s, 0, 64)-like: sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
function parseGoInt(s: string, allowSign: boolean): bigint | undefined {
  let neg = false;
  let body = s;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (!allowSign) return undefined;
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(body)) {
    prefix = '0x';
    body = body.slice(2);
    digits = /^[0-9a-fA-F]+$/;
  } else if (/^0[oO]/.test(body)) {
    prefix = '0o';
    body = body.slice(2);
    digits = /^[0-7]+$/;
  } else if (/^0[bB]/.test(body)) {
    prefix = '0b';
    body = body.slice(2);
    digits = /^[01]+$/;
  } else if (body.length > 1 && body[0] === '0') {
    prefix = '0o';
    body = body.slice(1);
    digits = /^[0-7]+$/;
  } else {
    digits = /^[0-9]+$/;
  }
  if (!digits.test(body)) return undefined;
  const v = BigInt(prefix + body);
  return neg ? -v : v;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether go-yaml takes `s` for a timestamp: Go's time.Parse with the layouts
 * `2006-1-2T15:4:5.999999999Z07:00` (also with a lower-case t), `2006-1-2 15:4:5.999999999`
 * and `2006-1-2`, including their range checks.
 */
export function isYamlTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const m =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, se, zone] = m;
  if (sep !== undefined) {
    // The T layouts need a zone, the space layout must not have one.
    if ((sep === ' ') !== (zone === undefined)) return false;
    if (Number(h) >= 24 || Number(mi) >= 60 || Number(se) >= 60) return false;
    if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
  }
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= daysIn(month, Number(y));
}

/** What a plain (unquoted, untagged) scalar resolves to. */
export function resolvePlain(s: string): Resolved {
  const special = SPECIAL.get(s);
  // Only scalars starting with one of these characters are looked up or parsed at all.
  const first = s === '' ? 'N' : s[0]!;
  if (first === 'N' || 'yYnNtTfFoO~'.includes(first)) return special ?? { tag: 'str', value: s };
  if (first === '.') {
    if (special) return special;
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return { tag: 'float', value: Number(s) };
    return { tag: 'str', value: s };
  }
  if (first !== '+' && first !== '-' && !(first >= '0' && first <= '9')) return { tag: 'str', value: s };
  if (special) return special;
  if (isYamlTimestamp(s)) return { tag: 'timestamp', value: s };
  const plain = s.replace(/_/g, '');
  const i = parseGoInt(plain, true);
  if (i !== undefined && i >= -INT64_MAX - 1n && i <= INT64_MAX) return { tag: 'int', value: Number(i) };
  const u = parseGoInt(plain, false);
  if (u !== undefined && u >= 0n && u <= UINT64_MAX) return { tag: 'int', value: Number(u) };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    // Go's ParseFloat refuses what overflows float64; such a scalar stays a string.
    if (Number.isFinite(f)) return { tag: 'float', value: f };
  }
  return { tag: 'str', value: s };
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** YAML 1.1 sexagesimal numbers: go-yaml reads them as strings but still quotes them on output. */
export function isBase60Float(s: string): boolean {
  return BASE60_FLOAT.test(s);
}
