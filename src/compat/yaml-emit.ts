// The YAML kubectl prints. kubectl turns an object into JSON and then into YAML with
// sigs.k8s.io/yaml, i.e. go-yaml v2's emitter (a port of libyaml). Its choices are reproduced
// here: keys sorted with go-yaml's "natural" order, 2-space indentation, block sequences
// flush with their parent key, plain scalars where they read back as the same string and
// double quotes otherwise, `|` blocks for multi-line text, and lines folded at spaces once
// they pass column 80 (the emitter's default width, which kubectl never changes).
import { formatGoFloat, goJsonMarshal } from './go-format.js';
import { yamlDocumentToJson } from './yaml-parse.js';
import { isBase60Float, resolvePlain } from './yaml-resolve.js';

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

type Node =
  | { kind: 'scalar'; value: string; style: ScalarStyle }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'map'; entries: Array<[Node, Node]> };

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

function isBreak(c: string | undefined): boolean {
  return c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** libyaml's is_blankz: blank, break, or the end of the text. */
function isBlankz(c: string | undefined): boolean {
  return c === undefined || isBlank(c) || isBreak(c) || c === '\0';
}

/** Characters libyaml writes as they are (with its unicode output on). */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

// --- go-yaml's map key order -------------------------------------------------------------

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/**
 * go-yaml sorts map keys "naturally": runs of digits compare as numbers (`k9` < `k10`),
 * letters compare by code point, and any non-letter sorts before a letter (`_x` < `A`).
 */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]!);
    const bl = LETTER.test(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      // A zero inside a number ("10" vs "1a") is not a leading zero.
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48));
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function compareYamlKeys(a: string, b: string): number {
  return yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0;
}

// --- from a JSON value to styled nodes ---------------------------------------------------

/** Characters that survive encoding/json unescaped but that go-yaml's reader treats specially. */
const JSON_TO_YAML_TROUBLE = /[\u007f-\u009f\ufffe\uffff]/u;

function needsRoundTrip(v: unknown): boolean {
  if (typeof v === 'string') return JSON_TO_YAML_TROUBLE.test(v);
  if (Array.isArray(v)) return v.some(needsRoundTrip);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => JSON_TO_YAML_TROUBLE.test(k) || needsRoundTrip(x));
  return false;
}

function stringNode(s: string): Node {
  // A string is left unquoted only if it would read back as the same string.
  const canUsePlain = resolvePlain(s).tag === 'str' && !isBase60Float(s);
  const style: ScalarStyle = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  return { kind: 'scalar', value: s, style };
}

function numberText(n: number): string {
  // Integral JSON numbers come back from go-yaml as ints, the rest as float64 ('g' format).
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = formatGoFloat(n);
  return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
}

function toNode(v: unknown): Node {
  if (v === null || v === undefined) return { kind: 'scalar', value: 'null', style: 'plain' };
  if (typeof v === 'boolean') return { kind: 'scalar', value: v ? 'true' : 'false', style: 'plain' };
  if (typeof v === 'number') {
    // JSON has no NaN or infinities; JSON.stringify writes null, and so do we.
    if (!Number.isFinite(v)) return { kind: 'scalar', value: 'null', style: 'plain' };
    return { kind: 'scalar', value: numberText(v), style: 'plain' };
  }
  if (typeof v === 'bigint') return { kind: 'scalar', value: v.toString(), style: 'plain' };
  if (typeof v === 'string') return stringNode(v);
  const withToJson = v as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return toNode(withToJson.toJSON());
  if (Array.isArray(v)) {
    return { kind: 'seq', items: v.map((x) => (x === undefined || typeof x === 'function' ? toNode(null) : toNode(x))) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function' && typeof o[k] !== 'symbol');
    keys.sort(compareYamlKeys);
    return { kind: 'map', entries: keys.map((k) => [stringNode(k), toNode(o[k])]) };
  }
  return stringNode(String(v));
}

// --- scalar analysis (which styles a text allows) ----------------------------------------

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const head = chars.slice(0, 3).join('');
  if (head === '---' || head === '...') blockIndicators = true;
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i]!;
    const followedByWhitespace = i + 1 >= n || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if (c === ':' && followedByWhitespace) blockIndicators = true;
    else if (c === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || special) blockPlainAllowed = singleQuotedAllowed = blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

function utf8Length(s: string): number {
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

// --- the emitter ----------------------------------------------------------------------------

interface Context {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

class Emitter {
  private out: string[] = [];
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private mappingContext = false;
  private simpleKeyContext = false;

  text(): string {
    return this.out.join('');
  }

  private put(s: string): void {
    this.out.push(s);
    this.column++;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  /** Writes a line break character from the value (only \n is normalised). */
  private writeBreak(c: string): void {
    if (c === '\n') this.putBreak();
    else {
      this.out.push(c);
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  emitNode(node: Node, ctx: Context): void {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    switch (node.kind) {
      case 'scalar':
        return this.emitScalar(node);
      case 'seq':
        return node.items.length ? this.emitBlockSequence(node.items) : this.emitEmptyFlow('[', ']');
      case 'map':
        return node.entries.length ? this.emitBlockMapping(node.entries) : this.emitEmptyFlow('{', '}');
    }
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: Node[]): void {
    // A sequence that is a mapping value stays at its key's indentation.
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private emitBlockMapping(entries: Array<[Node, Node]>): void {
    this.increaseIndent(false, false);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.emitNode(key, { root: false, sequence: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        // Keys with line breaks or over 128 bytes use the explicit `? key` / `: value` form.
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, { root: false, sequence: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private isSimpleKey(key: Node): boolean {
    if (key.kind !== 'scalar') return false;
    if (analyze([...key.value]).multiline) return false;
    return utf8Length(key.value) <= 128;
  }

  private emitScalar(node: { value: string; style: ScalarStyle }): void {
    const chars = [...node.value];
    const a = analyze(chars);
    let style = node.style;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (chars.length === 0 && this.simpleKeyContext) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.simpleKeyContext)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(chars, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(chars, allowBreaks);
    else if (style === 'double') this.writeDoubleQuoted(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  private writePlain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        // Fold at the first single space past the width.
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const n = chars.length;
    for (let i = 0; i < n; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < n - 1 && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml checks for a byte order mark at the start of the whole value, not at each
    // character, so a value starting with U+FEFF comes out fully escaped.
    const bom = chars[0] === '\ufeff';
    let spaces = false;
    const n = chars.length;
    for (let i = 0; i < n; i++) {
      const c = chars[i]!;
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        for (const e of escapeOf(c)) this.put(e);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < n - 1) {
          this.writeIndent();
          // A space starting the continuation line would be eaten by the reader; escape it.
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: string[]): void {
    this.writeIndicator('|', true, false, false);
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = chars.length;
    let chomp = '';
    if (n === 0 || !isBreak(chars[n - 1])) chomp = '-';
    else if (n === 1 || isBreak(chars[n - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** The escape (after the backslash) libyaml uses in double-quoted scalars. */
function escapeOf(c: string): string {
  switch (c) {
    case '\0': return '0';
    case '\x07': return 'a';
    case '\b': return 'b';
    case '\t': return 't';
    case '\n': return 'n';
    case '\v': return 'v';
    case '\f': return 'f';
    case '\r': return 'r';
    case '\x1b': return 'e';
    case '"': return '"';
    case '\\': return '\\';
    case '\u0085': return 'N';
    case '\u00a0': return '_';
    case '\u2028': return 'L';
    case '\u2029': return 'P';
  }
  const cp = c.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return 'x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

/** The YAML text kubectl's YAML printer writes for one JSON-compatible value. */
export function emitYaml(value: unknown): string {
  // kubectl converts JSON text to YAML by reading it with go-yaml. encoding/json leaves DEL,
  // C1 controls, U+FFFE/U+FFFF and NEL (U+0085) unescaped; go-yaml's reader refuses the
  // former ("yaml: control characters are not allowed") and folds NEL like any line break in
  // a quoted scalar (or fails on it). Those rare values take the same trip here.
  if (needsRoundTrip(value)) value = yamlDocumentToJson(goJsonMarshal(value));
  const e = new Emitter();
  e.emitNode(toNode(value), { root: true, sequence: false, mapping: false, simpleKey: false });
  e.writeIndent(); // document end
  return e.text();
}
