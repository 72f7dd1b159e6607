// Flag values as pflag parses them: Go integers (strconv.ParseInt with base 0), string slices
// (CSV, every occurrence), and the --record deprecation kubectl prints.
import { CliError } from './errors.js';

export const RECORD_DEPRECATION = 'Flag --record has been deprecated, --record will be removed in the future';

/**
 * strconv.ParseInt(s, 0, bits) as pflag's int flags call it: decimal, 0x/0o/0b prefixes, a leading
 * 0 for octal, underscores between digits. Throws the strconv error text.
 */
export function parseGoInt(s: string, bits = 64): number {
  const syntax = () => new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  let digits = body;
  if (/^0[xX]/.test(body)) [base, digits] = [16, body.slice(2)];
  else if (/^0[oO]/.test(body)) [base, digits] = [8, body.slice(2)];
  else if (/^0[bB]/.test(body)) [base, digits] = [2, body.slice(2)];
  else if (body.length > 1 && body[0] === '0') [base, digits] = [8, body.slice(1)];
  if (digits.includes('_')) {
    if (!/^[^_](?:_?[^_])*$/.test(digits) && !(base !== 10 && /^_/.test(digits))) throw syntax();
    digits = digits.replace(/_/g, '');
  }
  const alphabet = '0123456789abcdef'.slice(0, base);
  if (!digits.length || [...digits.toLowerCase()].some((c) => !alphabet.includes(c))) throw syntax();
  const v = [...digits.toLowerCase()].reduce((acc, c) => acc * BigInt(base) + BigInt(alphabet.indexOf(c)), 0n);
  const value = neg ? -v : v;
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  if (value > max || value < min) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(value);
}

/** An int flag's value, or pflag's error: `invalid argument "x" for "--replicas" flag: strconv.ParseInt: …`. */
export function intFlag(value: string | undefined, flag: string, usageCmd: string, bits = 64): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseGoInt(String(value), bits);
  } catch (e) {
    throw new CliError(`invalid argument "${value}" for "${flag}" flag: ${(e as Error).message}\nSee '${usageCmd} --help' for usage.`);
  }
}

/** pflag's StringSlice: every occurrence, each split at commas (CSV). */
export function stringSlice(values: string[] | string | undefined): string[] {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
  const out: string[] = [];
  for (const v of list) {
    if (v === '') continue;
    out.push(...parseCsvLine(v));
  }
  return out;
}

function parseCsvLine(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
