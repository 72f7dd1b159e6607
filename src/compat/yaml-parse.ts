// Reading one YAML document the way kubectl does (sigs.k8s.io/yaml over go-yaml v2, a port of
// libyaml). What matters for kbx is what kubectl accepts, what it makes of it (YAML 1.1
// scalars, merge keys, anchors) and, above all, its error messages — which name the line of
// the token where libyaml gave up. So the reader follows libyaml's design: a scanner that
// produces tokens lazily (inserting KEY / BLOCK-MAPPING-START / BLOCK-END tokens as it works
// out simple keys and indentation), a parser pulling them on demand, then a decoder applying
// go-yaml's rules for turning nodes into values. Errors are reported the way go-yaml formats
// them: scanner problems on 1-based lines, parser problems on the 0-based line of the
// offending token, no line at all when the line is 0.
import { resolvePlain } from './yaml-resolve.js';
import { formatGoFloat, goQuote } from './go-format.js';

interface Mark {
  index: number;
  line: number;
  column: number;
}

type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR';

type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  value?: string;
  suffix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

/** An error as go-yaml reports it; `message` is the text after `yaml: `. */
export class YamlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

type Stage = 'reader' | 'scanner' | 'parser';

function failure(stage: Stage, problem: string, problemMark: Mark | undefined, contextMark: Mark | undefined): YamlSyntaxError {
  // go-yaml: scanner errors add one to the 0-based line, parser errors don't; a line of 0
  // falls back to the context's line, and no line at all is printed when that is 0 too.
  let line = 0;
  if (problemMark && problemMark.line !== 0) line = problemMark.line + (stage === 'scanner' ? 1 : 0);
  else if (contextMark && contextMark.line !== 0) line = contextMark.line;
  return new YamlSyntaxError(`yaml: ${line ? `line ${line}: ` : ''}${problem}`);
}

const copyMark = (m: Mark): Mark => ({ index: m.index, line: m.line, column: m.column });

function isBreak(c: string): boolean {
  return c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
}
function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}
function isZ(c: string): boolean {
  return c === '\0';
}
function isBreakz(c: string): boolean {
  return isBreak(c) || isZ(c);
}
function isBlankz(c: string): boolean {
  return isBlank(c) || isBreakz(c);
}
/** libyaml's is_alpha: what anchors, tag handles and directive names are made of. */
function isAlpha(c: string): boolean {
  return /^[0-9A-Za-z_-]$/.test(c);
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isHex(c: string): boolean {
  return /^[0-9A-Fa-f]$/.test(c);
}

/** Characters go-yaml's reader accepts; anything else is "control characters are not allowed". */
function isAllowedChar(cp: number): boolean {
  return (
    cp === 0x09 ||
    cp === 0x0a ||
    cp === 0x0d ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const URI_CHARS = ";/?:@&=+$,.!~*'()[]%";

class Scanner {
  private readonly chars: string[];
  private pos = 0;
  readonly mark: Mark = { index: 0, line: 0, column: 0 };
  private tokens: Token[] = [];
  private head = 0;
  tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByToken = new Map<number, number>();
  private flowLevel = 0;

  constructor(text: string) {
    this.chars = [...text];
    // A byte order mark at the very start only announces the encoding.
    if (this.chars[0] === '\ufeff') this.chars.shift();
    for (const c of this.chars) {
      if (!isAllowedChar(c.codePointAt(0)!)) throw failure('reader', 'control characters are not allowed', undefined, undefined);
    }
  }

  // --- reading characters ---

  private ch(k = 0): string {
    return this.chars[this.pos + k] ?? '\0';
  }

  private skip(): void {
    this.mark.index++;
    this.mark.column++;
    this.pos++;
  }

  private skipLine(): void {
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.mark.index += 2;
      this.mark.column = 0;
      this.mark.line++;
      this.pos += 2;
    } else if (isBreak(this.ch())) {
      this.mark.index++;
      this.mark.column = 0;
      this.mark.line++;
      this.pos++;
    }
  }

  private read(): string {
    const c = this.ch();
    this.skip();
    return c;
  }

  /** Consumes a line break, normalising CR, CRLF and NEL to \n (LS and PS are kept). */
  private readLine(): string {
    const c = this.ch();
    let out: string;
    if (c === '\r' && this.ch(1) === '\n') {
      out = '\n';
      this.pos += 2;
      this.mark.index++;
    } else if (c === '\r' || c === '\n' || c === '\u0085') {
      out = '\n';
      this.pos++;
    } else if (c === '\u2028' || c === '\u2029') {
      out = c;
      this.pos++;
    } else return '';
    this.mark.index++;
    this.mark.column = 0;
    this.mark.line++;
    return out;
  }

  private error(context: string, contextMark: Mark, problem: string): YamlSyntaxError {
    void context; // go-yaml drops the context from the message
    return failure('scanner', problem, this.mark, contextMark);
  }

  // --- the token queue ---

  peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head]!;
  }

  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.head++;
    if (this.head > 64 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }

  private insertToken(at: number, token: Token): void {
    if (at < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + at, 0, token);
  }

  private queued(): number {
    return this.tokens.length - this.head;
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        // Keep scanning while the head token might still turn out to be a simple key.
        const i = this.simpleKeysByToken.get(this.tokensParsed);
        if (i === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[i]!)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    // A simple key must end on its own line and within 1024 characters.
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) throw this.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + this.queued(), mark: copyMark(this.mark) };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (key.possible) {
      if (key.required) throw this.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.tokensParsed + this.queued(), mark: copyMark(this.mark) });
    this.flowLevel++;
    if (this.flowLevel > 10000) throw this.error('while increasing flow level', this.mark, 'exceeded max depth of 10000');
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const key = this.simpleKeys.pop()!;
      this.simpleKeysByToken.delete(key.tokenNumber);
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > 10000) throw this.error('while increasing indent level', mark, 'exceeded max depth of 10000');
      const token: Token = { type, start: copyMark(mark), end: copyMark(mark) };
      this.insertToken(number > -1 ? number - this.tokensParsed : -1, token);
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insertToken(-1, { type: 'BLOCK-END', start: copyMark(this.mark), end: copyMark(this.mark) });
      this.indent = this.indents.pop()!;
    }
  }

  private simpleToken(type: TokenType): void {
    const start = copyMark(this.mark);
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  // --- fetching tokens ---

  private fetchNextToken(): void {
    if (!this.streamStartProduced) {
      this.indent = -1;
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: copyMark(this.mark) });
      this.simpleKeyAllowed = true;
      this.streamStartProduced = true;
      this.insertToken(-1, { type: 'STREAM-START', start: copyMark(this.mark), end: copyMark(this.mark) });
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    const c = this.ch();
    if (isZ(c)) return this.fetchStreamEnd();
    if (this.mark.column === 0 && c === '%') return this.fetchDirective();
    const three = c + this.ch(1) + this.ch(2);
    if (this.mark.column === 0 && three === '---' && isBlankz(this.ch(3))) return this.fetchDocumentIndicator('DOCUMENT-START');
    if (this.mark.column === 0 && three === '...' && isBlankz(this.ch(3))) return this.fetchDocumentIndicator('DOCUMENT-END');
    if (c === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START');
    if (c === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START');
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (c === ',') {
      this.removeSimpleKey();
      this.simpleKeyAllowed = true;
      return this.simpleToken('FLOW-ENTRY');
    }
    if (c === '-' && isBlankz(this.ch(1))) return this.fetchBlockEntry();
    if (c === '?' && (this.flowLevel > 0 || isBlankz(this.ch(1)))) return this.fetchKey();
    if (c === ':' && (this.flowLevel > 0 || isBlankz(this.ch(1)))) return this.fetchValue();
    if (c === '*') return this.fetchAnchor('ALIAS');
    if (c === '&') return this.fetchAnchor('ANCHOR');
    if (c === '!') return this.fetchTag();
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === "'") return this.fetchFlowScalar(true);
    if (c === '"') return this.fetchFlowScalar(false);
    const next = this.ch(1);
    if (
      !(isBlankz(c) || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) ||
      (c === '-' && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !isBlankz(next))
    ) {
      return this.fetchPlainScalar();
    }
    throw this.error('while scanning for the next token', this.mark, 'found character that cannot start any token');
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0;
      this.mark.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, { type: 'STREAM-END', start: copyMark(this.mark), end: copyMark(this.mark) });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    this.skip();
    this.skip();
    this.insertToken(-1, { type, start, end: copyMark(this.mark) });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.simpleToken(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.simpleToken(type);
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.error('', this.mark, 'block sequence entries are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('BLOCK-ENTRY');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.error('', this.mark, 'mapping keys are not allowed in this context');
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.simpleToken('KEY');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.simpleKeyIsValid(key)) {
      // The scalar (or collection) before ':' was a key after all: put KEY before it.
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: copyMark(key.mark), end: copyMark(key.mark) });
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) throw this.error('', this.mark, 'mapping values are not allowed in this context');
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.mark);
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simpleToken('VALUE');
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = copyMark(this.mark);
    this.skip();
    let s = '';
    while (isAlpha(this.ch())) s += this.read();
    const end = copyMark(this.mark);
    const c = this.ch();
    if (!s || !(isBlankz(c) || '?:,]}%@`'.includes(c))) {
      throw this.error(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
    }
    this.insertToken(-1, { type, start, end, value: s });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, this.scanPlainScalar());
  }

  // --- scanning ---

  private scanToNextToken(): void {
    for (;;) {
      if (this.mark.column === 0 && this.ch() === '\ufeff') this.skip();
      // Tabs only separate tokens in flow context or where no simple key may start.
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip();
      if (this.ch() === '#') while (!isBreakz(this.ch())) this.skip();
      if (!isBreak(this.ch())) break;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private scanDirective(): Token {
    const start = copyMark(this.mark);
    this.skip();
    let name = '';
    while (isAlpha(this.ch())) name += this.read();
    if (!name) throw this.error('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankz(this.ch())) throw this.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
    let token: Token;
    if (name === 'YAML') {
      while (isBlank(this.ch())) this.skip();
      const major = this.scanVersionNumber(start);
      if (this.ch() !== '.') throw this.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
      this.skip();
      const minor = this.scanVersionNumber(start);
      token = { type: 'VERSION-DIRECTIVE', start, end: copyMark(this.mark), major, minor };
    } else if (name === 'TAG') {
      while (isBlank(this.ch())) this.skip();
      const handle = this.scanTagHandle(true, start);
      if (!isBlank(this.ch())) throw this.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
      while (isBlank(this.ch())) this.skip();
      const prefix = this.scanTagUri(true, '', start);
      if (!isBlankz(this.ch())) throw this.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
      token = { type: 'TAG-DIRECTIVE', start, end: copyMark(this.mark), value: handle, suffix: prefix };
    } else {
      throw this.error('while scanning a directive', start, 'found unknown directive name');
    }
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === '#') while (!isBreakz(this.ch())) this.skip();
    if (!isBreakz(this.ch())) throw this.error('while scanning a directive', start, 'did not find expected comment or line break');
    if (isBreak(this.ch())) this.skipLine();
    return token;
  }

  private scanVersionNumber(start: Mark): number {
    let digits = '';
    while (isDigit(this.ch())) {
      if (digits.length >= 9) throw this.error('while scanning a %YAML directive', start, 'found extremely long version number');
      digits += this.read();
    }
    if (!digits) throw this.error('while scanning a %YAML directive', start, 'did not find expected version number');
    return Number(digits);
  }

  private scanTag(): Token {
    const start = copyMark(this.mark);
    let handle: string;
    let suffix: string;
    if (this.ch(1) === '<') {
      handle = '';
      this.skip();
      this.skip();
      suffix = this.scanTagUri(false, '', start);
      if (this.ch() !== '>') throw this.error('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      if (handle.length > 1 && handle.endsWith('!')) {
        suffix = this.scanTagUri(false, '', start);
      } else {
        // Not a handle after all (`!foo`): it is the start of the tag's suffix.
        suffix = this.scanTagUri(false, handle, start);
        handle = '!';
        if (!suffix) {
          handle = '';
          suffix = '!';
        }
      }
    }
    if (!isBlankz(this.ch())) throw this.error('while scanning a tag', start, 'did not find expected whitespace or line break');
    return { type: 'TAG', start, end: copyMark(this.mark), value: handle, suffix };
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    if (this.ch() !== '!') throw this.error(context, start, "did not find expected '!'");
    let s = this.read();
    while (isAlpha(this.ch())) s += this.read();
    if (this.ch() === '!') s += this.read();
    else if (directive && s !== '!') throw this.error(context, start, "did not find expected '!'");
    return s;
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    let s = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    while (isAlpha(this.ch()) || URI_CHARS.includes(this.ch())) {
      if (this.ch() === '%') s += this.scanUriEscapes(context, start);
      else s += this.read();
      hasTag = true;
    }
    if (!hasTag) throw this.error(context, start, 'did not find expected tag URI');
    return s;
  }

  private scanUriEscapes(context: string, start: Mark): string {
    const bytes: number[] = [];
    let width = 1024;
    while (width > 0) {
      if (!(this.ch() === '%' && isHex(this.ch(1)) && isHex(this.ch(2)))) throw this.error(context, start, 'did not find URI escaped octet');
      const octet = parseInt(this.ch(1) + this.ch(2), 16);
      if (width === 1024) {
        width = octet < 0x80 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (!width) throw this.error(context, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) throw this.error(context, start, 'found an incorrect trailing UTF-8 octet');
      bytes.push(octet);
      this.skip();
      this.skip();
      this.skip();
      width--;
    }
    return Buffer.from(bytes).toString('utf8');
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = copyMark(this.mark);
    this.skip();
    let chomping = 0;
    let increment = 0;
    const context = 'while scanning a block scalar';
    if (this.ch() === '+' || this.ch() === '-') {
      chomping = this.ch() === '+' ? 1 : -1;
      this.skip();
      if (isDigit(this.ch())) {
        if (this.ch() === '0') throw this.error(context, start, 'found an indentation indicator equal to 0');
        increment = Number(this.ch());
        this.skip();
      }
    } else if (isDigit(this.ch())) {
      if (this.ch() === '0') throw this.error(context, start, 'found an indentation indicator equal to 0');
      increment = Number(this.ch());
      this.skip();
      if (this.ch() === '+' || this.ch() === '-') {
        chomping = this.ch() === '+' ? 1 : -1;
        this.skip();
      }
    }
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === '#') while (!isBreakz(this.ch())) this.skip();
    if (!isBreakz(this.ch())) throw this.error(context, start, 'did not find expected comment or line break');
    if (isBreak(this.ch())) this.skipLine();
    let end = copyMark(this.mark);
    let indent = 0;
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment;

    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    const scanBreaks = (): void => {
      end = copyMark(this.mark);
      let maxIndent = 0;
      for (;;) {
        while ((indent === 0 || this.mark.column < indent) && this.ch() === ' ') this.skip();
        if (this.mark.column > maxIndent) maxIndent = this.mark.column;
        if ((indent === 0 || this.mark.column < indent) && this.ch() === '\t') {
          throw this.error(context, start, 'found a tab character where an indentation space is expected');
        }
        if (!isBreak(this.ch())) break;
        trailingBreaks += this.readLine();
        end = copyMark(this.mark);
      }
      if (indent === 0) {
        indent = Math.max(maxIndent, this.indent + 1, 1);
      }
    };
    scanBreaks();
    let leadingBlank = false;
    while (this.mark.column === indent && !isZ(this.ch())) {
      const trailingBlank = isBlank(this.ch());
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
        if (!trailingBreaks) s += ' ';
      } else s += leadingBreak;
      leadingBreak = '';
      s += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = isBlank(this.ch());
      while (!isBreakz(this.ch())) s += this.read();
      leadingBreak = this.readLine();
      scanBreaks();
    }
    if (chomping !== -1) s += leadingBreak;
    if (chomping === 1) s += trailingBreaks;
    return { type: 'SCALAR', start, end, value: s, style: literal ? 'literal' : 'folded' };
  }

  private atDocumentIndicator(): boolean {
    const three = this.ch() + this.ch(1) + this.ch(2);
    return this.mark.column === 0 && (three === '---' || three === '...') && isBlankz(this.ch(3));
  }

  private scanFlowScalar(single: boolean): Token {
    const start = copyMark(this.mark);
    this.skip();
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      if (this.atDocumentIndicator()) throw this.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
      if (isZ(this.ch())) throw this.error('while scanning a quoted scalar', start, 'found unexpected end of stream');
      let leadingBlanks = false;
      while (!isBlankz(this.ch())) {
        const c = this.ch();
        if (single && c === "'" && this.ch(1) === "'") {
          s += "'";
          this.skip();
          this.skip();
        } else if (single && c === "'") break;
        else if (!single && c === '"') break;
        else if (!single && c === '\\' && isBreak(this.ch(1))) {
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === '\\') {
          s += this.scanEscape(start);
        } else s += this.read();
      }
      if (this.ch() === (single ? "'" : '"')) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else trailingBreaks += this.readLine();
      }
      if (leadingBlanks) {
        if (leadingBreak.startsWith('\n')) s += trailingBreaks ? trailingBreaks : ' ';
        else s += leadingBreak + trailingBreaks;
        leadingBreak = '';
        trailingBreaks = '';
      } else {
        s += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    return { type: 'SCALAR', start, end: copyMark(this.mark), value: s, style: single ? 'single' : 'double' };
  }

  private scanEscape(start: Mark): string {
    const simple: Record<string, string> = {
      '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
      ' ': ' ', '"': '"', "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
    };
    const e = this.ch(1);
    const lengths: Record<string, number> = { x: 2, u: 4, U: 8 };
    if (e in simple) {
      this.skip();
      this.skip();
      return simple[e]!;
    }
    const len = lengths[e];
    if (!len) throw this.error('while parsing a quoted scalar', start, 'found unknown escape character');
    this.skip();
    this.skip();
    let value = 0;
    for (let k = 0; k < len; k++) {
      if (!isHex(this.ch(k))) throw this.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
      value = value * 16 + parseInt(this.ch(k), 16);
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
      throw this.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
    }
    for (let k = 0; k < len; k++) this.skip();
    return String.fromCodePoint(value);
  }

  private scanPlainScalar(): Token {
    let s = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const start = copyMark(this.mark);
    let end = copyMark(this.mark);
    for (;;) {
      if (this.atDocumentIndicator()) break;
      if (this.ch() === '#') break;
      while (!isBlankz(this.ch())) {
        const c = this.ch();
        if ((c === ':' && isBlankz(this.ch(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break;
        if (leadingBlanks || whitespaces) {
          if (leadingBlanks) {
            if (leadingBreak.startsWith('\n')) s += trailingBreaks ? trailingBreaks : ' ';
            else s += leadingBreak + trailingBreaks;
            leadingBreak = '';
            trailingBreaks = '';
            leadingBlanks = false;
          } else {
            s += whitespaces;
            whitespaces = '';
          }
        }
        s += this.read();
        end = copyMark(this.mark);
      }
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break;
      while (isBlank(this.ch()) || isBreak(this.ch())) {
        if (isBlank(this.ch())) {
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            throw this.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
          }
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readLine();
          leadingBlanks = true;
        } else trailingBreaks += this.readLine();
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'SCALAR', start, end, value: s, style: 'plain' };
  }
}

// --- parser: tokens to nodes ---------------------------------------------------------------

export type YamlNode =
  | { kind: 'scalar'; value: string; tag: string; implicit: boolean; anchor?: string }
  | { kind: 'seq'; items: YamlNode[]; tag: string; anchor?: string }
  | { kind: 'map'; entries: Array<[YamlNode, YamlNode]>; tag: string; anchor?: string }
  | { kind: 'alias'; name: string; target: YamlNode };

const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

class Parser {
  private readonly anchors = new Map<string, YamlNode>();
  private tagDirectives = new Map<string, string>();

  constructor(private readonly s: Scanner) {}

  private parserError(problem: string, problemMark: Mark, contextMark?: Mark): YamlSyntaxError {
    return failure('parser', problem, problemMark, contextMark);
  }

  private empty(): YamlNode {
    return { kind: 'scalar', value: '', tag: '', implicit: true };
  }

  /** The first document of the stream, or undefined when there is none. */
  parseFirstDocument(): YamlNode | undefined {
    const s = this.s;
    s.peekToken(); // STREAM-START
    s.skipToken();
    let tok = s.peekToken();
    let root: YamlNode;
    if (tok.type !== 'VERSION-DIRECTIVE' && tok.type !== 'TAG-DIRECTIVE' && tok.type !== 'DOCUMENT-START' && tok.type !== 'STREAM-END') {
      this.tagDirectives = this.defaultDirectives();
      root = this.parseNode(true, false);
    } else if (tok.type !== 'STREAM-END') {
      this.processDirectives();
      tok = s.peekToken();
      if (tok.type !== 'DOCUMENT-START') throw this.parserError('did not find expected <document start>', tok.start);
      s.skipToken();
      tok = s.peekToken();
      if (['VERSION-DIRECTIVE', 'TAG-DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END'].includes(tok.type)) root = this.empty();
      else root = this.parseNode(true, false);
    } else {
      return undefined;
    }
    // The document end: go-yaml looks at the next token before it is done.
    tok = s.peekToken();
    if (tok.type === 'DOCUMENT-END') s.skipToken();
    return root;
  }

  private defaultDirectives(): Map<string, string> {
    return new Map([
      ['!', '!'],
      ['!!', CORE_TAG_PREFIX],
    ]);
  }

  private processDirectives(): void {
    const directives = new Map<string, string>();
    let version = false;
    for (;;) {
      const tok = this.s.peekToken();
      if (tok.type === 'VERSION-DIRECTIVE') {
        if (version) throw this.parserError('found duplicate %YAML directive', tok.start);
        if (tok.major !== 1 || tok.minor !== 1) throw this.parserError('found incompatible YAML document', tok.start);
        version = true;
      } else if (tok.type === 'TAG-DIRECTIVE') {
        if (directives.has(tok.value!)) throw this.parserError('found duplicate %TAG directive', tok.start);
        directives.set(tok.value!, tok.suffix!);
      } else break;
      this.s.skipToken();
    }
    for (const [h, p] of this.defaultDirectives()) if (!directives.has(h)) directives.set(h, p);
    this.tagDirectives = directives;
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlNode {
    const s = this.s;
    let tok = s.peekToken();
    if (tok.type === 'ALIAS') {
      s.skipToken();
      const target = this.anchors.get(tok.value!);
      if (!target) throw new YamlSyntaxError(`yaml: unknown anchor '${tok.value}' referenced`);
      return { kind: 'alias', name: tok.value!, target };
    }
    const start = tok.start;
    let anchor: string | undefined;
    let tagHandle: string | undefined;
    let tagSuffix = '';
    let tagMark = start;
    if (tok.type === 'ANCHOR') {
      anchor = tok.value;
      s.skipToken();
      tok = s.peekToken();
      if (tok.type === 'TAG') {
        tagHandle = tok.value;
        tagSuffix = tok.suffix!;
        tagMark = tok.start;
        s.skipToken();
        tok = s.peekToken();
      }
    } else if (tok.type === 'TAG') {
      tagHandle = tok.value;
      tagSuffix = tok.suffix!;
      tagMark = tok.start;
      s.skipToken();
      tok = s.peekToken();
      if (tok.type === 'ANCHOR') {
        anchor = tok.value;
        s.skipToken();
        tok = s.peekToken();
      }
    }
    let tag = '';
    if (tagHandle !== undefined) {
      if (tagHandle === '') tag = tagSuffix;
      else {
        const prefix = this.tagDirectives.get(tagHandle);
        if (prefix === undefined) throw this.parserError('found undefined tag handle', tagMark, start);
        tag = prefix + tagSuffix;
      }
    }
    const register = <T extends YamlNode>(n: T): T => {
      if (anchor !== undefined) this.anchors.set(anchor, n);
      return n;
    };
    if (indentlessSequence && tok.type === 'BLOCK-ENTRY') {
      const node = register({ kind: 'seq' as const, items: [] as YamlNode[], tag, anchor });
      this.parseIndentlessSequence(node.items);
      return node;
    }
    if (tok.type === 'SCALAR') {
      s.skipToken();
      const plainImplicit = (tag === '' && tok.style === 'plain') || tag === '!';
      return register({ kind: 'scalar', value: tok.value!, tag, implicit: plainImplicit, anchor });
    }
    if (tok.type === 'FLOW-SEQUENCE-START') {
      const node = register({ kind: 'seq' as const, items: [] as YamlNode[], tag, anchor });
      this.parseFlowSequence(node.items);
      return node;
    }
    if (tok.type === 'FLOW-MAPPING-START') {
      const node = register({ kind: 'map' as const, entries: [] as Array<[YamlNode, YamlNode]>, tag, anchor });
      this.parseFlowMapping(node.entries);
      return node;
    }
    if (block && tok.type === 'BLOCK-SEQUENCE-START') {
      const node = register({ kind: 'seq' as const, items: [] as YamlNode[], tag, anchor });
      this.parseBlockSequence(node.items);
      return node;
    }
    if (block && tok.type === 'BLOCK-MAPPING-START') {
      const node = register({ kind: 'map' as const, entries: [] as Array<[YamlNode, YamlNode]>, tag, anchor });
      this.parseBlockMapping(node.entries);
      return node;
    }
    if (anchor !== undefined || tag !== '') {
      return register({ kind: 'scalar', value: '', tag, implicit: tag === '', anchor });
    }
    throw this.parserError('did not find expected node content', tok.start, start);
  }

  private parseBlockSequence(items: YamlNode[]): void {
    const s = this.s;
    const mark = s.peekToken().start;
    s.skipToken();
    for (;;) {
      let tok = s.peekToken();
      if (tok.type === 'BLOCK-ENTRY') {
        s.skipToken();
        tok = s.peekToken();
        items.push(tok.type !== 'BLOCK-ENTRY' && tok.type !== 'BLOCK-END' ? this.parseNode(true, false) : this.empty());
      } else if (tok.type === 'BLOCK-END') {
        s.skipToken();
        return;
      } else throw this.parserError("did not find expected '-' indicator", tok.start, mark);
    }
  }

  private parseIndentlessSequence(items: YamlNode[]): void {
    const s = this.s;
    for (;;) {
      let tok = s.peekToken();
      if (tok.type !== 'BLOCK-ENTRY') return;
      s.skipToken();
      tok = s.peekToken();
      const isEnd = tok.type === 'BLOCK-ENTRY' || tok.type === 'KEY' || tok.type === 'VALUE' || tok.type === 'BLOCK-END';
      items.push(isEnd ? this.empty() : this.parseNode(true, false));
    }
  }

  private parseBlockMapping(entries: Array<[YamlNode, YamlNode]>): void {
    const s = this.s;
    const mark = s.peekToken().start;
    s.skipToken();
    const isEnd = (t: Token) => t.type === 'KEY' || t.type === 'VALUE' || t.type === 'BLOCK-END';
    for (;;) {
      let tok = s.peekToken();
      if (tok.type === 'KEY') {
        s.skipToken();
        tok = s.peekToken();
        const key = isEnd(tok) ? this.empty() : this.parseNode(true, true);
        tok = s.peekToken();
        let value: YamlNode;
        if (tok.type === 'VALUE') {
          s.skipToken();
          tok = s.peekToken();
          value = isEnd(tok) ? this.empty() : this.parseNode(true, true);
        } else value = this.empty();
        entries.push([key, value]);
      } else if (tok.type === 'BLOCK-END') {
        s.skipToken();
        return;
      } else throw this.parserError('did not find expected key', tok.start, mark);
    }
  }

  private parseFlowSequence(items: YamlNode[]): void {
    const s = this.s;
    const mark = s.peekToken().start;
    s.skipToken();
    let first = true;
    for (;;) {
      let tok = s.peekToken();
      if (tok.type !== 'FLOW-SEQUENCE-END') {
        if (!first) {
          if (tok.type === 'FLOW-ENTRY') {
            s.skipToken();
            tok = s.peekToken();
          } else throw this.parserError("did not find expected ',' or ']'", tok.start, mark);
        }
        if (tok.type === 'KEY') {
          // `[a: b]`: a single-pair mapping inside the sequence.
          s.skipToken();
          items.push(this.parseFlowSequencePair());
          first = false;
          continue;
        } else if (tok.type !== 'FLOW-SEQUENCE-END') {
          items.push(this.parseNode(false, false));
          first = false;
          continue;
        }
      }
      s.skipToken();
      return;
    }
  }

  private parseFlowSequencePair(): YamlNode {
    const s = this.s;
    let tok = s.peekToken();
    let key: YamlNode;
    if (tok.type !== 'VALUE' && tok.type !== 'FLOW-ENTRY' && tok.type !== 'FLOW-SEQUENCE-END') key = this.parseNode(false, false);
    else {
      // go-yaml consumes the token here (a quirk it inherited); so do we.
      s.skipToken();
      key = this.empty();
    }
    tok = s.peekToken();
    let value: YamlNode = this.empty();
    if (tok.type === 'VALUE') {
      s.skipToken();
      tok = s.peekToken();
      if (tok.type !== 'FLOW-ENTRY' && tok.type !== 'FLOW-SEQUENCE-END') value = this.parseNode(false, false);
    }
    return { kind: 'map', entries: [[key, value]], tag: '' };
  }

  private parseFlowMapping(entries: Array<[YamlNode, YamlNode]>): void {
    const s = this.s;
    const mark = s.peekToken().start;
    s.skipToken();
    let first = true;
    for (;;) {
      let tok = s.peekToken();
      if (tok.type !== 'FLOW-MAPPING-END') {
        if (!first) {
          if (tok.type === 'FLOW-ENTRY') {
            s.skipToken();
            tok = s.peekToken();
          } else throw this.parserError("did not find expected ',' or '}'", tok.start, mark);
        }
        if (tok.type === 'KEY') {
          s.skipToken();
          tok = s.peekToken();
          const key =
            tok.type !== 'VALUE' && tok.type !== 'FLOW-ENTRY' && tok.type !== 'FLOW-MAPPING-END' ? this.parseNode(false, false) : this.empty();
          tok = s.peekToken();
          let value: YamlNode = this.empty();
          if (tok.type === 'VALUE') {
            s.skipToken();
            tok = s.peekToken();
            if (tok.type !== 'FLOW-ENTRY' && tok.type !== 'FLOW-MAPPING-END') value = this.parseNode(false, false);
          }
          entries.push([key, value]);
          first = false;
          continue;
        } else if (tok.type !== 'FLOW-MAPPING-END') {
          const key = this.parseNode(false, false);
          s.peekToken();
          entries.push([key, this.empty()]);
          first = false;
          continue;
        }
      }
      s.skipToken();
      return;
    }
  }
}

// --- decoder: nodes to JSON-compatible values ----------------------------------------------

const TAG = {
  str: CORE_TAG_PREFIX + 'str',
  bool: CORE_TAG_PREFIX + 'bool',
  int: CORE_TAG_PREFIX + 'int',
  float: CORE_TAG_PREFIX + 'float',
  null: CORE_TAG_PREFIX + 'null',
  timestamp: CORE_TAG_PREFIX + 'timestamp',
  binary: CORE_TAG_PREFIX + 'binary',
  merge: CORE_TAG_PREFIX + 'merge',
};

function shortTag(tag: string): string {
  return tag.startsWith(CORE_TAG_PREFIX) ? '!!' + tag.slice(CORE_TAG_PREFIX.length) : tag;
}

/** A YAML value before sigs.k8s.io/yaml makes it JSON: keys may still be non-strings. */
type Raw = null | boolean | number | string | Raw[] | RawMap;
interface RawMap {
  kind: 'rawmap';
  entries: Map<unknown, Raw>;
}

function fail(message: string): YamlSyntaxError {
  return new YamlSyntaxError(`yaml: ${message}`);
}

/** go-yaml's resolve() with an explicit tag (plain, untagged scalars go through resolvePlain). */
function resolveScalar(tag: string, value: string): Raw {
  const resolvable = ['', TAG.str, TAG.bool, TAG.int, TAG.float, TAG.null, TAG.timestamp].includes(tag);
  if (!resolvable) {
    if (tag === TAG.binary) {
      const clean = value.replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw fail('!!binary value contains invalid base64 data');
      return Buffer.from(clean, 'base64').toString('utf8');
    }
    return value;
  }
  if (tag === TAG.str) return value;
  const r = resolvePlain(value);
  let rtag: string = CORE_TAG_PREFIX + r.tag;
  let out: Raw = r.tag === 'null' ? null : r.tag === 'timestamp' ? value : r.value;
  // Timestamps are only recognised untagged or tagged !!timestamp; under any other tag a
  // date-like scalar fails to parse as a number and is a string.
  if (r.tag === 'timestamp' && tag !== '' && tag !== TAG.timestamp) {
    rtag = TAG.str;
    out = value;
  }
  if (tag === '' || tag === rtag) return out;
  if (tag === TAG.float && rtag === TAG.int) return out;
  throw fail(`cannot decode ${shortTag(rtag)} \`${value}\` as a ${shortTag(tag)}`);
}

class Decoder {
  private readonly decoding = new Set<YamlNode>();

  decode(n: YamlNode): Raw {
    switch (n.kind) {
      case 'scalar':
        if (n.tag === '' && !n.implicit) return n.value;
        return resolveScalar(n.tag, n.value);
      case 'seq':
        return n.items.map((x) => this.decode(x));
      case 'map': {
        const out: RawMap = { kind: 'rawmap', entries: new Map() };
        this.decodeInto(n, out);
        return out;
      }
      case 'alias': {
        if (this.decoding.has(n)) throw fail(`anchor '${n.name}' value contains itself`);
        this.decoding.add(n);
        try {
          return this.decode(n.target);
        } finally {
          this.decoding.delete(n);
        }
      }
    }
  }

  private decodeInto(n: YamlNode, out: RawMap): void {
    if (n.kind === 'alias') {
      if (this.decoding.has(n)) throw fail(`anchor '${n.name}' value contains itself`);
      this.decoding.add(n);
      try {
        return this.decodeInto(n.target, out);
      } finally {
        this.decoding.delete(n);
      }
    }
    if (n.kind !== 'map') return;
    for (const [k, v] of n.entries) {
      if (k.kind === 'scalar' && k.value === '<<' && (k.implicit || k.tag === TAG.merge)) {
        this.merge(v, out);
        continue;
      }
      const key = this.decode(k);
      if (Array.isArray(key) || (key !== null && typeof key === 'object')) throw fail(`invalid map key: ${describeKey(key)}`);
      const value = this.decode(v);
      // Keys 1 and "1" stay distinct here, as in Go's map[interface{}]interface{}.
      out.entries.set(keyIdentity(key), value);
    }
  }

  private merge(v: YamlNode, out: RawMap): void {
    const wantMap = () => fail('map merge requires map or sequence of maps as the value');
    if (v.kind === 'map') return this.decodeInto(v, out);
    if (v.kind === 'alias') {
      if (v.target.kind !== 'map') throw wantMap();
      return this.decodeInto(v, out);
    }
    if (v.kind === 'seq') {
      // Earlier maps win, so they are applied last.
      for (let i = v.items.length - 1; i >= 0; i--) {
        const item = v.items[i]!;
        if (item.kind === 'alias') {
          if (item.target.kind !== 'map') throw wantMap();
        } else if (item.kind !== 'map') throw wantMap();
        this.decodeInto(item, out);
      }
      return;
    }
    throw wantMap();
  }
}

/** Map keys keep their Go type until they are made strings; tag them so 1 and "1" differ. */
function keyIdentity(key: Raw): unknown {
  if (typeof key === 'string') return 's:' + key;
  if (typeof key === 'number') return (Number.isInteger(key) ? 'i:' : 'f:') + String(key);
  if (typeof key === 'boolean') return 'b:' + String(key);
  return 'n:';
}

/** fmt's %#v of a decoded (not yet JSON-converted) YAML value, for go-yaml's messages. */
function rawGoSyntax(v: Raw): string {
  if (v === null) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatGoFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(rawGoSyntax).join(', ')}}`;
  const parts = [...v.entries].map(([id, value]) => `${rawGoSyntax(keyFromIdentity(id))}:${rawGoSyntax(value)}`);
  return `map[interface {}]interface {}{${parts.join(', ')}}`;
}

function keyFromIdentity(id: unknown): Raw {
  const s = String(id);
  const body = s.slice(2);
  switch (s.slice(0, 2)) {
    case 's:':
      return body;
    case 'i:':
    case 'f:':
      return Number(body);
    case 'b:':
      return body === 'true';
    default:
      return null;
  }
}

function describeKey(key: Raw): string {
  return rawGoSyntax(key);
}

/** sigs.k8s.io/yaml's conversion of a decoded value to something JSON can hold. */
function toJsonCompatible(v: Raw): unknown {
  if (Array.isArray(v)) return v.map(toJsonCompatible);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [id, value] of v.entries) {
      const key = String(id);
      let s: string;
      switch (key.slice(0, 2)) {
        case 's:':
          s = key.slice(2);
          break;
        case 'i:':
          s = key.slice(2);
          break;
        case 'f:': {
          // Float keys are formatted with 32-bit precision.
          const f = Math.fround(Number(key.slice(2)));
          s = f === Infinity ? '.inf' : f === -Infinity ? '-.inf' : Number.isNaN(f) ? '.nan' : formatFloat32(f);
          break;
        }
        case 'b:':
          s = key.slice(2);
          break;
        default:
          throw new YamlSyntaxError(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${describeValue(value)}`);
      }
      // Defined, not assigned, so that a `__proto__` key stays an ordinary key.
      Object.defineProperty(out, s, { value: toJsonCompatible(value), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new YamlSyntaxError(`json: unsupported value: ${formatGoFloat(v)}`);
  }
  return v;
}

/** fmt's %+#v of the value next to an unsupported key. */
function describeValue(v: Raw): string {
  return rawGoSyntax(v);
}

/** strconv.FormatFloat(f, 'g', -1, 32): the shortest digits that identify a float32. */
function formatFloat32(f: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return formatGoFloat(Number(s));
  }
  return formatGoFloat(f);
}

/**
 * yaml.YAMLToJSON of one document chunk, as a JS value: undefined for an empty document
 * (which kubectl skips, like `null`). Throws YamlSyntaxError with go-yaml's message
 * (`yaml: line 3: mapping values are not allowed in this context`, or for JSON conversion
 * problems `json: unsupported value: +Inf`).
 */
export function yamlDocumentToJson(text: string): unknown {
  const scanner = new Scanner(text);
  const root = new Parser(scanner).parseFirstDocument();
  if (root === undefined) return undefined;
  return toJsonCompatible(new Decoder().decode(root));
}
