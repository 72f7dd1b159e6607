// Field-level validation errors, rendered exactly as apimachinery's field.Error does
// (k8s.io/apimachinery/pkg/util/validation/field/errors.go), because kubectl prints the
// server's text verbatim: `metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 ...`.
import { formatGoNumber, goJson, goQuote } from '../compat/go-format.js';

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

/** How a bad value appears after `Invalid value: `. */
export function formatBadValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  // Numbers and booleans print with %v; Go's integer types print without exponent.
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return String(v);
  return goJson(v ?? null, '', false);
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
