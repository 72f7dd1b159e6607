// Field-level validation errors, rendered exactly as apimachinery's field.Error does
// (k8s.io/apimachinery/pkg/util/validation/field/errors.go), because kubectl prints the
// server's text verbatim: `metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 ...`.

export type FieldErrorType =
  | 'Invalid'
  | 'Required'
  | 'Unsupported'
  | 'Forbidden'
  | 'Duplicate'
  | 'NotFound'
  | 'TooLong'
  | 'TooShort'
  | 'TooMany'
  | 'TooFew'
  | 'Internal'
  | 'TypeInvalid';

/** Marks a bad value that must not be printed (field.omitValue in Go). */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

export interface FieldError {
  type: FieldErrorType;
  /** Dotted path as field.Path.String() prints it: `spec.containers[0].ports[1].name`. */
  field: string;
  badValue?: unknown;
  detail?: string;
}

/** `CauseType` strings used in Status.details.causes[].reason. */
const CAUSE_REASONS: Record<FieldErrorType, string> = {
  Invalid: 'FieldValueInvalid',
  Required: 'FieldValueRequired',
  Unsupported: 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  Duplicate: 'FieldValueDuplicate',
  NotFound: 'FieldValueNotFound',
  TooLong: 'FieldValueTooLong',
  TooShort: 'FieldValueTooShort',
  TooMany: 'FieldValueTooMany',
  TooFew: 'FieldValueTooFew',
  Internal: 'InternalError',
  TypeInvalid: 'FieldValueTypeInvalid',
};

/** The human label each type prints as (ErrorType.String()). */
const TYPE_LABELS: Record<FieldErrorType, string> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  Unsupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  Duplicate: 'Duplicate value',
  NotFound: 'Not found',
  TooLong: 'Too long',
  TooShort: 'Too short',
  TooMany: 'Too many',
  TooFew: 'Too few',
  Internal: 'Internal error',
  TypeInvalid: 'Invalid value',
};

// Types whose body never shows the bad value (they describe it in the detail instead).
const VALUELESS = new Set<FieldErrorType>(['Required', 'Forbidden', 'TooLong', 'TooShort', 'Internal']);

export function causeReason(type: FieldErrorType): string {
  return CAUSE_REASONS[type];
}

export function typeLabel(type: FieldErrorType): string {
  return TYPE_LABELS[type];
}

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strconv.Quote: the `%q` verb. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (cp < 0x80 && cp >= 0x20 && cp !== 0x7f) out += ch;
    else if (cp === 0x07) out += '\\a';
    else if (cp === 0x08) out += '\\b';
    else if (cp === 0x0c) out += '\\f';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0b) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** json.Marshal output: Go escapes <, > and & (HTML-safe) and U+2028/2029. */
export function goJson(v: unknown): string {
  const s = JSON.stringify(v, (_k, val) => (typeof val === 'bigint' ? Number(val) : val));
  if (s === undefined) return 'null';
  return s
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** How a bad value appears after `Invalid value: `. */
export function formatBadValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  // Numbers and booleans print with %v; Go's integer types print without exponent.
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return String(v);
  return goJson(v ?? null);
}

/** ErrorBody(): the error without its field path. */
export function errorBody(e: FieldError): string {
  let s: string;
  if (VALUELESS.has(e.type) || e.badValue === OMIT_VALUE) s = TYPE_LABELS[e.type];
  else s = `${TYPE_LABELS[e.type]}: ${formatBadValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** Error(): `<field>: <body>`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/**
 * ErrorList.ToAggregate().Error(): one error prints bare, several as `[e1, e2]`;
 * identical messages collapse into one, as the Go aggregate de-duplicates them.
 */
export function aggregateMessage(errs: FieldError[]): string {
  const seen: string[] = [];
  for (const e of errs) {
    const m = formatFieldError(e);
    if (!seen.includes(m)) seen.push(m);
  }
  if (seen.length === 0) return '';
  if (seen.length === 1) return seen[0]!;
  return `[${seen.join(', ')}]`;
}

// Constructors mirroring field.Invalid, field.Required, ... so validators read like the Go code.

export function invalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'Invalid', field, badValue, detail };
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'Required', field, badValue: '', detail };
}

/** field.NotSupported: the detail lists the valid values, each %q-quoted, in the order given. */
export function notSupported(field: string, badValue: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length ? 'supported values: ' + validValues.map(goQuote).join(', ') : '';
  return { type: 'Unsupported', field, badValue, detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, badValue: '', detail };
}

export function duplicate(field: string, badValue: unknown): FieldError {
  return { type: 'Duplicate', field, badValue };
}

export function notFound(field: string, badValue: unknown): FieldError {
  return { type: 'NotFound', field, badValue };
}

/** field.TooLong: the value is never shown; the limit is in bytes. */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return { type: 'TooLong', field, badValue: '<value omitted>', detail };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return { type: 'TooMany', field, badValue: actual >= 0 ? actual : OMIT_VALUE, detail };
}

export function internalError(field: string, message: string): FieldError {
  return { type: 'Internal', field, badValue: message, detail: message };
}

// Path helpers: field.Path.Child / Index / Key, on plain strings.

export function child(path: string, ...names: string[]): string {
  return [path, ...names].filter((p) => p !== '').join('.');
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
