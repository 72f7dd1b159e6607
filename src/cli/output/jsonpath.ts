// kubectl's JSONPath (k8s.io/client-go/util/jsonpath as of v1.35), reproduced: its template
// syntax, its quirks and its words. Notable behaviour kept on purpose:
//  - text outside `{}` is printed as is (no `\n` or `\t` processing); inside, quoted strings
//    (`{"\n"}`) are unquoted with Go's rules;
//  - `['a.b']` does NOT address a key with dots (kubectl splits it at the dots); `a\.b` does;
//  - several results of one action are joined with a space, maps and lists print as compact
//    JSON with sorted keys, strings raw, JSON null as `null`;
//  - a missing key prints nothing unless missing keys are disallowed (`x is not found`);
//  - `{range}`/`{end}` follow client-go's bookkeeping: a range with no results still
//    evaluates its body once against nothing (so missing-key errors can fire there), and
//    a range without `{end}` lets the rest of the template run once more on the top object.
// Map iteration (`*`, `..`) uses sorted keys; Go's order is random, so any order is kubectl's.
import { goJsonMarshal, goQuote, goSprint, goSyntax, goTypeName, formatGoNumber, isGoInt, compareGoStrings } from '../../compat/go-format.js';

interface ParamEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

export type JsonPathNode =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [ParamEntry, ParamEntry, ParamEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

export interface ListNode {
  type: 'list';
  nodes: JsonPathNode[];
}

/** A parsed template. */
export interface JsonPathTemplate {
  source: string;
  root: ListNode;
}

/** A parse error, worded like client-go's; kubectl shows `error parsing jsonpath <template>, <message>`. */
export class JsonPathParseError extends Error {
  constructor(
    readonly problem: string,
    readonly template: string,
  ) {
    super(`error parsing jsonpath ${template}, ${problem}`);
    this.name = 'JsonPathParseError';
  }
}

/** An execution error; `problem` is client-go's own message (e.g. `foo is not found`). */
export class JsonPathExecError extends Error {
  constructor(
    readonly problem: string,
    message: string,
  ) {
    super(message);
    this.name = 'JsonPathExecError';
  }
}

class Problem extends Error {}

// --- parsing --------------------------------------------------------------------------------

const isLetterOrDigit = (c: string) => /^[\p{L}\p{Nd}_]$/u.test(c);
const isDigit = (c: string) => /^\p{Nd}$/u.test(c);

function isTerminator(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n' || '.,[]$@{}'.includes(c);
}

/** fmt's %#U: `U+002C ','`. */
function formatRune(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const printable = cp === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c);
  return printable ? `${hex} '${c}'` : hex;
}

/** strconv.UnquoteChar-based unquoting of `"..."` or `'...'` (client-go's UnquoteExtend). */
function unquoteExtend(s: string): string {
  const chars = [...s];
  const n = chars.length;
  if (n < 2) throw new Problem('invalid syntax');
  const quote = chars[0]!;
  if (quote !== chars[n - 1] || (quote !== '"' && quote !== "'")) throw new Problem('invalid syntax');
  const body = chars.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body.join('');
  let out = '';
  let i = 0;
  const hex = (len: number): number => {
    const h = body.slice(i, i + len).join('');
    if (h.length < len || !/^[0-9a-fA-F]+$/.test(h)) throw new Problem('invalid syntax');
    i += len;
    return parseInt(h, 16);
  };
  while (i < body.length) {
    const c = body[i++]!;
    if (c === quote) throw new Problem('invalid syntax');
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i++];
    if (e === undefined) throw new Problem('invalid syntax');
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === "'" || e === '"') {
      if (e !== quote) throw new Problem('invalid syntax');
      out += e;
    } else if (e === 'x') out += String.fromCharCode(hex(2));
    else if (e === 'u' || e === 'U') {
      const v = hex(e === 'u' ? 4 : 8);
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new Problem('invalid syntax');
      out += String.fromCodePoint(v);
    } else if (e >= '0' && e <= '7') {
      const o = e + body.slice(i, i + 2).join('');
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new Problem('invalid syntax');
      i += 2;
      out += String.fromCharCode(parseInt(o, 8));
    } else throw new Problem('invalid syntax');
  }
  return out;
}

const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

class Parser {
  private readonly input: string[];
  private pos = 0;
  private start = 0;
  readonly root: ListNode = { type: 'list', nodes: [] };

  constructor(text: string) {
    this.input = [...text];
  }

  private next(): string | undefined {
    return this.input[this.pos++];
  }
  private backup(): void {
    this.pos--;
  }
  private peek(): string | undefined {
    return this.input[this.pos];
  }
  private consume(): string {
    const v = this.input.slice(this.start, this.pos).join('');
    this.start = this.pos;
    return v;
  }
  private startsWith(prefix: string): boolean {
    return this.input.slice(this.pos, this.pos + prefix.length).join('') === prefix;
  }

  parse(): void {
    // Text and actions alternate; an action starts at `{` and ends at `}`.
    for (;;) {
      while (this.pos < this.input.length && this.input[this.pos] !== '{') this.pos++;
      if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
      if (this.pos >= this.input.length) return;
      this.pos++;
      this.consume();
      const action: ListNode = { type: 'list', nodes: [] };
      this.root.nodes.push(action);
      this.parseAction(action);
    }
  }

  /** Parses the inside of an action up to and including its `}`. */
  private parseAction(cur: ListNode): void {
    for (;;) {
      if (this.startsWith('}')) {
        this.pos++;
        this.consume();
        return;
      }
      if (this.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (this.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === undefined || r === '\r' || r === '\n') {
        if (r === undefined) this.pos = this.input.length;
        throw new Problem('unclosed action');
      }
      if (r === ' ' || r === '@' || r === '$') {
        this.consume();
      } else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isLetterOrDigit(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else throw new Problem(`unrecognized character in action: ${formatRune(r)}`);
    }
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new Problem('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    const r = this.peek();
    if (r !== undefined && isLetterOrDigit(r)) this.parseField(cur);
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        if (r !== undefined) this.backup();
        else this.pos = this.input.length;
        break;
      }
    }
    const value = this.consume();
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replace(/\\/g, '') });
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.pos++;
    while (this.peek() !== undefined && (this.peek() === '.' || isDigit(this.peek()!))) this.pos++;
    const value = this.consume();
    if (/^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) <= Number.MAX_SAFE_INTEGER) {
      cur.nodes.push({ type: 'int', value: Number(value) });
    } else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) });
    } else throw new Problem(`cannot parse number ${value}`);
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.peek())) this.pos++;
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') {
        if (r === undefined) this.pos = this.input.length;
        throw new Problem('unterminated array');
      }
      if (r === ']') break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((p) => subAction(`[${p.replace(/^ +| +$/g, '')}]`)) });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      // kubectl parses the quoted key as `.key`, so dots in it still separate fields.
      cur.nodes.push(...subAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new Problem(`invalid array index ${text}`);
    const params: [ParamEntry, ParamEntry, ParamEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1];
      if (v !== undefined && v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params[i]!.known = false;
        else {
          if (!/^[+-]?[0-9]+$/.test(v)) throw new Problem(`array index ${v} is not a number`);
          params[i] = { value: Number(v), known: true, derived: false };
        }
      } else if (i === 1) {
        params[1] = { value: params[0].value + 1, known: true, derived: true };
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') {
        if (r === undefined) this.pos = this.input.length;
        throw new Problem('unterminated filter');
      }
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new Problem('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: subAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    else cur.nodes.push({ type: 'filter', left: subAction(m[1]!), right: subAction(m[3]!), op: m[2]! });
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') {
        if (r === undefined) this.pos = this.input.length;
        throw new Problem('unterminated quoted string');
      }
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch (e) {
      throw new Problem(`unquote string ${value} error ${(e as Error).message}`);
    }
    cur.nodes.push({ type: 'text', text: s });
  }
}

/** A nested action (filter operands, union members, quoted keys): `{text}` parsed, its list returned. */
function subAction(text: string): ListNode {
  const p = new Parser(`{${text}}`);
  p.parse();
  return p.root.nodes[0] as ListNode;
}

/** Parses a template; throws JsonPathParseError (`error parsing jsonpath {.a, unclosed action`). */
export function parseJsonPath(template: string): JsonPathTemplate {
  const p = new Parser(template);
  try {
    p.parse();
  } catch (e) {
    if (e instanceof Problem) throw new JsonPathParseError(e.message, template);
    throw e;
  }
  return { source: template, root: p.root };
}

// --- evaluation -----------------------------------------------------------------------------

type Value = unknown;

function isMap(v: Value): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go kinds used by text/template's comparison functions. */
function basicKind(v: Value): 'bool' | 'int' | 'float' | 'string' {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new Problem('invalid type for comparison');
}

/** A literal from the template (`1`, `1.5`, `true`): a Go int, float64 or bool, not data. */
class Literal {
  constructor(
    readonly literal: number | boolean,
    readonly float: boolean,
  ) {}
}

function plain(v: Value): Value {
  return v instanceof Literal ? v.literal : v;
}

function kindOf(v: Value): ReturnType<typeof basicKind> {
  if (v instanceof Literal) return typeof v.literal === 'boolean' ? 'bool' : v.float ? 'float' : 'int';
  return basicKind(v);
}

/** text/template's eq/ne/lt/le/gt/ge on a filter's operands, with their errors. */
function compare(op: string, a: Value, b: Value): boolean {
  // Literals carry their Go kind (1 is an int, 1.0 a float64), values from data get theirs from the number.
  const va = plain(a);
  const vb = plain(b);
  const kinds = (): string => {
    const ka = kindOf(a);
    if (ka !== kindOf(b)) throw new Problem('incompatible types for comparison');
    return ka;
  };
  const eq = (): boolean => {
    kinds();
    return va === vb;
  };
  const less = (): boolean => {
    const k = kinds();
    if (k === 'bool') throw new Problem('invalid type for comparison');
    if (k === 'string') return compareGoStrings(va as string, vb as string) < 0;
    return (va as number) < (vb as number);
  };
  switch (op) {
    case '==':
      return eq();
    case '!=':
      return !eq();
    case '<':
      return less();
    case '<=':
      return less() || eq();
    case '>':
      return !(less() || eq());
    case '>=':
      return !less();
    default:
      throw new Problem(`unrecognized filter operator ${op}`);
  }
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JsonPathNode | undefined;

  constructor(private readonly allowMissingKeys: boolean) {}

  /**
   * client-go's FindResults: each top-level node is evaluated against `data`; a `{range}`
   * runs the following nodes once per result (once against nothing when there are none, so
   * that its `{end}` is found) and evaluation resumes after the last `{end}` reached.
   */
  findResults(data: Value, nodes: JsonPathNode[]): Value[][] {
    const cur = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const body = nodes.slice(i + 1);
        if (results.length > 0) for (const value of results) full.push(...this.findResults(value, body));
        else this.findResults(null, body);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => new Literal(node.value, false));
      case 'float':
        return input.map(() => new Literal(node.value, true));
      case 'bool':
        return input.map(() => new Literal(node.value, false));
      case 'wildcard':
        return this.evalWildcard(input);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(input, l));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], node: ListNode): Value[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange <= 0) throw new Problem('not in range, nothing to end');
      this.endRange++;
      return [];
    }
    throw new Problem(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new Problem(`${name} is not found`);
    return results;
  }

  private evalArray(input: Value[], params: [ParamEntry, ParamEntry, ParamEntry]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new Problem(`${goTypeName(plain(v))} is not array or slice`);
      const len = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      // A single index [i] asks for [i:i+1]; for [-1] that end is 0, meaning the length.
      if (end < 0 || (end === 0 && params[1].derived)) end += len;
      // Asking for no elements ends the whole evaluation of this step, other inputs included.
      if (end === start) return result;
      if (start >= len || start < 0) throw new Problem(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new Problem(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new Problem(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new Problem('step must be > 0');
        step = params[2].value;
      }
      for (let i = start; i < end; i += step) result.push(v[i]);
    }
    return result;
  }

  private evalFilter(input: Value[], node: { left: ListNode; right: ListNode; op: string }): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new Problem(`${goSprint(plain(v))} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.op === 'exists') {
          // Lookup errors (a missing key with missing keys disallowed) just mean "absent" here.
          let lefts: Value[] = [];
          try {
            lefts = this.evalList([item], node.left);
          } catch (e) {
            if (!(e instanceof Problem)) throw e;
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Problem('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Problem('can only compare one element at a time');
        if (compare(node.op, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }

  private children(v: Value): Value[] {
    if (Array.isArray(v)) return v;
    if (isMap(v)) return Object.keys(v).sort(compareGoStrings).filter((k) => v[k] !== undefined).map((k) => v[k]);
    // Go indexes a string by byte.
    if (typeof v === 'string') return [...new TextEncoder().encode(v)];
    return [];
  }

  private evalWildcard(input: Value[]): Value[] {
    return input.flatMap((v) => (v === null || v === undefined ? [] : this.children(v)));
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = this.children(v);
      if (kids.length) {
        result.push(v);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }
}

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean;
}

function execError(t: JsonPathTemplate, data: unknown, problem: string): JsonPathExecError {
  // kubectl's jsonpath printer wraps the engine's error with the template and a Go dump of the data.
  const message =
    `error executing jsonpath ${goQuote(t.source)}: Error executing template: ${problem}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${t.source}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n\n`;
  return new JsonPathExecError(problem, message);
}

/**
 * The values a template finds, one group per action (what custom columns use).
 * Literal numbers/booleans from the template come back as plain values.
 */
export function findJsonPathResults(template: string | JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): unknown[][] {
  const t = typeof template === 'string' ? parseJsonPath(template) : template;
  const ev = new Evaluator(opts.allowMissingKeys ?? true);
  try {
    return ev.findResults(data, t.root.nodes).map((g) => g.map(plain));
  } catch (e) {
    if (e instanceof Problem) throw execError(t, data, e.message);
    throw e;
  }
}

/** How kubectl prints one result: JSON for maps and lists, raw strings, Go formatting for numbers. */
export function jsonPathText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v) || typeof v === 'object') return goJsonMarshal(v);
  return String(v);
}

/**
 * Runs a template the way `kubectl ... -o jsonpath=TEMPLATE` prints: the caller passes the
 * object kubectl would (a single object, or for a list the `kind: List` wrapper, see
 * list.ts). No trailing newline is added (kubectl adds none).
 */
export function executeJsonPath(template: string | JsonPathTemplate, data: unknown, opts: JsonPathOptions = {}): string {
  return findJsonPathResults(template, data, opts)
    .map((group) => group.map(jsonPathText).join(' '))
    .join('');
}
