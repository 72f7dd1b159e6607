// How Go prints values, for the places where kubectl's output is whatever Go's fmt, strconv
// or encoding/json make of an unstructured object (map[string]interface{}, []interface{},
// string, int64, float64, bool, nil). JSON numbers reach kubectl as int64 when integral and
// float64 otherwise (apimachinery's JSON decoder keeps an integral number as int64 when it fits);
// a JS number cannot tell `1.0` from `1`, so integral numbers in int64's range are treated as
// int64 throughout (Go prints float64(1) as "1" too, so this only matters in comparisons).

/** True when a JS number stands for what Go would hold as an int64: integral and within its range. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which is also fmt's %v: shortest digits, `1.2345675e+06` style past 1e6. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e') as [string, string];
  const exp = Number(expStr);
  // Go switches to %e when the decimal exponent is < -4 or >= the precision, which is 6
  // whenever the shortest representation is asked for.
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  // In this range JS's own shortest decimal form is the same digits without an exponent.
  return String(f);
}

/** fmt's %v of a number held in an unstructured object. */
export function formatGoNumber(n: number): string {
  return isGoInt(n) ? String(n) : formatGoFloat(n);
}

/** Code-point order, which is the byte order Go uses when it sorts UTF-8 map keys. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

export function sortedKeys(o: object): string[] {
  return Object.keys(o).sort(compareGoStrings);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** fmt.Sprint(v) of an unstructured value: `map[a:1 b:[x y]]`, `<nil>`, floats with %v. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isPlainObject(v)) return `map[${sortedKeys(v).filter((k) => v[k] !== undefined).map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  return String(v);
}

/** unicode.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isGoPrint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x20 || cp === 0x7f) return false;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** strconv.Quote: Go's double-quoted string syntax. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (isGoPrint(cp)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // a lone surrogate is invalid UTF-8 to Go
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** fmt's %#v of an unstructured value, as kubectl's jsonpath printer dumps the object on errors. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`;
  if (isPlainObject(v)) {
    const parts = sortedKeys(v).filter((k) => v[k] !== undefined).map((k) => `${goQuote(k)}:${goSyntax(v[k])}`);
    return `map[string]interface {}{${parts.join(', ')}}`;
  }
  return goQuote(String(v));
}

/** The JSON value kind encoding/json names in an UnmarshalTypeError (`cannot unmarshal array into …`). */
export function goJsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'number';
  return typeof v; // string | number
}

/** reflect's Type().String() for the value kinds an unstructured object holds; used in error messages. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/**
 * encoding/json's output for a JSON-compatible value: `indent` '' is Marshal (compact),
 * otherwise MarshalIndent with that indent. Map keys are sorted (Go maps) when `sortKeys`,
 * else kept in the object's order. Strings are escaped as Go does: HTML-safe (`<`, `>`, `&`
 * as \u003c...), U+2028/U+2029 escaped, invalid UTF-16 as \ufffd. A serializer of our own
 * rather than JSON.stringify, which would put integer-like keys ("1") first whatever the order.
 */
export function goJson(v: unknown, indent = '', sortKeys = true): string {
  const nl = indent ? '\n' : '';
  const sep = indent ? ': ' : ':';
  const enc = (x: unknown, depth: number): string | undefined => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'string':
        return goEscapeJson(JSON.stringify(x.replace(LONE_SURROGATE, '\ufffd')));
      case 'number':
        return Number.isFinite(x) ? JSON.stringify(x) : 'null';
      case 'boolean':
        return x ? 'true' : 'false';
      case 'bigint':
        return x.toString();
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
    }
    const withToJson = x as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return enc(withToJson.toJSON(), depth);
    const inner = indent.repeat(depth + 1);
    const outer = indent.repeat(depth);
    if (Array.isArray(x)) {
      if (x.length === 0) return '[]';
      const parts = x.map((e) => enc(e, depth + 1) ?? 'null');
      return `[${nl}${parts.map((p) => inner + p).join(',' + nl)}${nl}${outer}]`;
    }
    const o = x as Record<string, unknown>;
    const ks = sortKeys ? sortedKeys(o) : Object.keys(o);
    const parts: string[] = [];
    for (const k of ks) {
      const e = enc(o[k], depth + 1);
      if (e !== undefined) parts.push(`${inner}${goEscapeJson(JSON.stringify(k))}${sep}${e}`);
    }
    if (parts.length === 0) return '{}';
    return `{${nl}${parts.join(',' + nl)}${nl}${outer}}`;
  };
  return enc(v, 0) ?? 'null';
}

/** json.Marshal of an unstructured value: compact, sorted keys. */
export function goJsonMarshal(v: unknown): string {
  return goJson(v, '', true);
}

/** Unpaired surrogates: what Go would have seen as invalid UTF-8 and replaced with U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Applies Go's extra escapes to JSON.stringify output (these characters only occur inside strings). */
export function goEscapeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
