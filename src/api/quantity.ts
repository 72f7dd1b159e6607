// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): parsing with the same
// grammar and errors, and the canonical String() form the API returns (`0.5` -> `500m`,
// `1024Mi` -> `1Gi`). Values are exact (BigInt), since CPU and memory must not drift.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** The exact value is unscaled × 10^exp10 (binary multipliers are folded into unscaled). */
  unscaled: bigint;
  exp10: number;
  format: QuantityFormat;
  /** Input text Kubernetes keeps verbatim because it is already canonical. */
  cached?: string;
}

export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const QUANTITY_FORMAT_ERROR = `quantities must match the regular expression '${QUANTITY_REGEX}'`;
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

const INT64_MAX = (1n << 63n) - 1n;
const NANO = -9;

interface Split {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

// A faithful port of parseQuantityString: same scanning, same failure points.
function splitQuantity(str: string): Split {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') pos++;
  }
  // Leading zeros.
  for (;;) {
    if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[pos] === '0') pos++;
    else break;
  }
  let num: string;
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  num = str.slice(pos, i);
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    let j = pos;
    while (j < end && isDigit(str[j])) j++;
    if (j >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
    denom = str.slice(pos, j);
    pos = j;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  let k = pos;
  while (k < end && 'eEinumkKMGTP'.includes(str[k]!)) k++;
  if (k >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = k;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  throw new QuantityError(QUANTITY_FORMAT_ERROR);
}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (s in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[s]!, format: 'DecimalSI' };
  if (s in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[s]!, format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E')) {
    // strconv.ParseInt: optional sign, decimal digits, must fit int64.
    const rest = s.slice(1);
    if (/^[+-]?[0-9]+$/.test(rest)) {
      const n = BigInt(rest);
      if (n <= INT64_MAX && n >= -INT64_MAX - 1n) return { base: 10, exponent: Number(n), format: 'DecimalExponent' };
    }
  }
  throw new QuantityError(QUANTITY_SUFFIX_ERROR);
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Divides by 10^digits, rounding away from zero (inf.RoundUp). */
function divRoundUp(v: bigint, digits: number): bigint {
  const d = pow10(digits);
  const q = v / d;
  return v % d === 0n ? q : v < 0n ? q - 1n : q + 1n;
}

/**
 * ParseQuantity. Surrounding whitespace is ignored, as when the API decodes a JSON string.
 * Numbers (from YAML/JSON) are read through their decimal text.
 */
export function parseQuantity(input: string | number): Quantity {
  const str = String(input).trim();
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  if (str === '0') return { unscaled: 0n, exp10: 0, format: 'DecimalSI', cached: '0' };

  const { positive, value, num, denom, suffix } = splitQuantity(str);
  const { base, exponent, format: parsedFormat } = interpretSuffix(suffix);
  let format = parsedFormat;
  const digits = BigInt(num + denom);
  let cached: string | undefined;

  // The Go fast path (int64 arithmetic) decides only whether the text is cached; the value is the same.
  if (base === 10) {
    const precision = 18 - (num.length + denom.length);
    const scale = exponent - denom.length;
    if (precision >= 0 && scale >= NANO) {
      const shifted = num + denom;
      if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') cached = str;
    }
  } else if (denom.length === 0) {
    const precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    if (precision >= 0 && digits * (1n << BigInt(exponent)) <= INT64_MAX && exponent % 10 === 0 && (digits & 7n) !== 0n) {
      cached = str;
    }
  }

  let unscaled = base === 10 ? digits : digits * (1n << BigInt(exponent));
  let exp10 = base === 10 ? exponent - denom.length : -denom.length;
  if (!positive) unscaled = -unscaled;

  if (exp10 < NANO) {
    // The slow path (inf.Dec) needs a parseable numeric part, then rounds up to nano units.
    if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) throw new QuantityError(QUANTITY_NUMERIC_ERROR);
    if (unscaled !== 0n) {
      unscaled = divRoundUp(unscaled, NANO - exp10);
      exp10 = NANO;
    }
  }
  if (format === 'BinarySI' && base === 2) {
    const abs = unscaled < 0n ? -unscaled : unscaled;
    // Too big for int64 is clamped; a binary fraction below one becomes decimal.
    if (exp10 === 0 ? abs > INT64_MAX : abs > INT64_MAX * pow10(-exp10)) {
      unscaled = unscaled < 0n ? -INT64_MAX : INT64_MAX;
      exp10 = 0;
      cached = undefined;
    }
    if (abs !== 0n && compareAbsToOne(abs, exp10) < 0) format = 'DecimalSI';
  }
  return cached !== undefined ? { unscaled, exp10, format, cached } : { unscaled, exp10, format };
}

function compareAbsToOne(abs: bigint, exp10: number): number {
  if (exp10 >= 0) return abs * pow10(exp10) < 1n ? -1 : abs * pow10(exp10) === 1n ? 0 : 1;
  const one = pow10(-exp10);
  return abs < one ? -1 : abs === one ? 0 : 1;
}

export function tryParseQuantity(input: string | number): Quantity | null {
  try {
    return parseQuantity(input);
  } catch {
    return null;
  }
}

export function isValidQuantity(input: string | number): boolean {
  return tryParseQuantity(input) !== null;
}

/** The parse error message for invalid input, or null when it parses. */
export function quantityError(input: string | number): string | null {
  try {
    parseQuantity(input);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Integer value of unscaled × 10^exp10 scaled to 10^scale, rounded away from zero. */
function scaledValue(q: Quantity, scale: number): bigint {
  const shift = q.exp10 - scale;
  return shift >= 0 ? q.unscaled * pow10(shift) : divRoundUp(q.unscaled, -shift);
}

function isInteger(q: Quantity): boolean {
  return q.exp10 >= 0 || q.unscaled % pow10(-q.exp10) === 0n;
}

function stripTens(m: bigint, e: number): [bigint, number] {
  while (m !== 0n && m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  return [m, e];
}

const DECIMAL_BY_EXP: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_BY_EXP: Record<number, string> = { 10: 'Ki', 20: 'Mi', 30: 'Gi', 40: 'Ti', 50: 'Pi', 60: 'Ei' };

/** Quantity.String(): the canonical text the API serves. */
export function quantityToString(q: Quantity): string {
  if (q.cached !== undefined) return q.cached;
  if (q.unscaled === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = compareQuantities(q, { unscaled: -1024n, exp10: 0, format }) > 0 && compareQuantities(q, { unscaled: 1024n, exp10: 0, format }) < 0;
    if (small || !isInteger(q)) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = scaledValue(q, 0);
    let k = 0;
    while (v !== 0n && v % 1024n === 0n) {
      v /= 1024n;
      k++;
    }
    // Past Ei there is no suffix: Go prints the bare number (never reached below int64's limit).
    return v.toString() + (BINARY_BY_EXP[k * 10] ?? '');
  }
  let [m, e] = stripTens(q.unscaled, q.exp10);
  while (((e % 3) + 3) % 3 !== 0) {
    m *= 10n;
    e--;
  }
  if (format === 'DecimalExponent') return m.toString() + (e === 0 ? '' : `e${e}`);
  // Exponents without a decimal suffix lose it (as Go's constructBytes lookup fails).
  return m.toString() + (DECIMAL_BY_EXP[e] ?? '');
}

/** Parses and re-prints in canonical form (`1000m` -> `1`, `0.5Gi` -> `512Mi`). */
export function canonicalQuantity(input: string | number): string {
  return quantityToString(parseQuantity(input));
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exp10, b.exp10);
  const av = a.unscaled * pow10(a.exp10 - e);
  const bv = b.unscaled * pow10(b.exp10 - e);
  return av < bv ? -1 : av > bv ? 1 : 0;
}

export function isNegative(q: Quantity): boolean {
  return q.unscaled < 0n;
}

/** Quantity.RoundUp(scale): SetDefaults_ResourceList rounds every resource up to milli units. */
export function roundUp(q: Quantity, scale = -3): Quantity {
  if (q.exp10 >= scale) return q;
  return { unscaled: divRoundUp(q.unscaled, scale - q.exp10), exp10: scale, format: q.format };
}

/** Value(): the integer value, rounded up (away from zero). */
export function quantityValue(q: Quantity): bigint {
  return scaledValue(q, 0);
}

/** MilliValue(): value × 1000, rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
  return scaledValue(q, -3);
}

/** Approximate float value, for display and arithmetic that tolerates rounding. */
export function quantityToNumber(q: Quantity): number {
  return Number(`${q.unscaled}e${q.exp10}`);
}

/** Parses a quantity straight to a (possibly fractional) number: `500m` -> 0.5, `1Ki` -> 1024. */
export function parseQuantityNumber(input: string | number): number {
  return quantityToNumber(parseQuantity(input));
}

/** CPU quantity to Docker NanoCpus (`500m` -> 500000000). */
export function cpuToNanoCpus(input: string | number): number {
  return Number(scaledValue(parseQuantity(input), NANO));
}

/** Memory quantity to bytes, rounded up (`128Mi` -> 134217728, `1.5k` -> 1500). */
export function memoryToBytes(input: string | number): number {
  return Number(quantityValue(parseQuantity(input)));
}
