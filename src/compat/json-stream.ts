// Go's json.Decoder over a stream of concatenated JSON values, as kubectl's manifest reader
// uses it: one value per Decode, syntax errors worded like encoding/json's scanner
// (`invalid character 'x' looking for beginning of value`) with the byte offset it reports.

export class GoJsonError extends Error {
  constructor(
    message: string,
    /** Set for a *json.SyntaxError: bytes read when the bad character was seen. */
    readonly offset?: number,
  ) {
    super(message);
  }
}

export type JsonDecodeResult =
  | { kind: 'value'; value: unknown; start: number; end: number; overflow?: string }
  | { kind: 'eof' };

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
}
function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}
function isHex(b: number): boolean {
  return isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

/** encoding/json's quoteChar: how the scanner shows the offending byte. */
function quoteChar(b: number): string {
  if (b === 0x27) return "'\\''";
  if (b === 0x22) return "'\"'";
  const c = String.fromCharCode(b); // Go turns the byte into a rune as is
  const esc: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };
  if (esc[c]) return `'${esc[c]}'`;
  if (b < 0x20 || b === 0x7f) return `'\\x${b.toString(16).padStart(2, '0')}'`;
  if ((b >= 0x80 && b <= 0xa0) || b === 0xad) return `'\\u${b.toString(16).padStart(4, '0')}'`;
  return `'${c}'`;
}

export class GoJsonDecoder {
  private pos = 0;
  /** Bytes the scanner has stepped through, across values (the offset Go reports). */
  private bytes = 0;

  constructor(private readonly buf: Uint8Array) {}

  /** Where the next value would start: everything before it has been consumed. */
  get consumed(): number {
    return this.pos;
  }

  decode(): JsonDecodeResult {
    const buf = this.buf;
    let i = this.pos;
    // Leading whitespace is stepped through (and counted) by the scanner.
    while (i < buf.length && isSpace(buf[i]!)) {
      i++;
      this.bytes++;
    }
    if (i >= buf.length) {
      this.pos = i;
      return { kind: 'eof' };
    }
    const start = i;
    const state = { overflow: undefined as string | undefined };
    const end = this.scanValue(i, state);
    this.pos = end;
    const text = new TextDecoder().decode(buf.subarray(start, end));
    return { kind: 'value', value: JSON.parse(text), start, end, overflow: state.overflow };
  }

  private error(b: number, context: string): GoJsonError {
    return new GoJsonError(`invalid character ${quoteChar(b)} ${context}`, this.bytes);
  }

  private unexpectedEof(): GoJsonError {
    return new GoJsonError('unexpected EOF');
  }

  /** Steps one byte (counting it), or fails with io.ErrUnexpectedEOF at the end of input. */
  private at(i: number): number {
    if (i >= this.buf.length) throw this.unexpectedEof();
    this.bytes++;
    return this.buf[i]!;
  }

  private skipSpace(i: number): [number, number] {
    let b = this.at(i);
    while (isSpace(b)) b = this.at(++i);
    return [i, b];
  }

  /** Scans one value starting at i (a non-space byte); returns the index after it. */
  private scanValue(i: number, state: { overflow?: string }): number {
    let b: number;
    [i, b] = this.skipSpace(i);
    switch (true) {
      case b === 0x7b: // {
        return this.scanObject(i + 1, state);
      case b === 0x5b: // [
        return this.scanArray(i + 1, state);
      case b === 0x22: // "
        return this.scanString(i + 1);
      case b === 0x2d || isDigit(b):
        return this.scanNumber(i, b, state);
      case b === 0x74:
        return this.scanLiteral(i, 'true');
      case b === 0x66:
        return this.scanLiteral(i, 'false');
      case b === 0x6e:
        return this.scanLiteral(i, 'null');
      default:
        throw this.error(b, 'looking for beginning of value');
    }
  }

  private scanObject(i: number, state: { overflow?: string }): number {
    let b: number;
    [i, b] = this.skipSpace(i);
    if (b === 0x7d) return i + 1;
    for (;;) {
      if (b !== 0x22) throw this.error(b, 'looking for beginning of object key string');
      i = this.scanString(i + 1);
      [i, b] = this.skipSpace(i);
      if (b !== 0x3a) throw this.error(b, 'after object key');
      i = this.scanValue(i + 1, state);
      [i, b] = this.skipSpace(i);
      if (b === 0x7d) return i + 1;
      if (b !== 0x2c) throw this.error(b, 'after object key:value pair');
      [i, b] = this.skipSpace(i + 1);
    }
  }

  private scanArray(i: number, state: { overflow?: string }): number {
    let b: number;
    [i, b] = this.skipSpace(i);
    if (b === 0x5d) return i + 1;
    // Not consumed yet: scanValue steps the first byte again, so uncount it.
    this.bytes--;
    for (;;) {
      i = this.scanValue(i, state);
      [i, b] = this.skipSpace(i);
      if (b === 0x5d) return i + 1;
      if (b !== 0x2c) throw this.error(b, 'after array element');
      i++;
    }
  }

  private scanString(i: number): number {
    for (;;) {
      const b = this.at(i++);
      if (b === 0x22) return i;
      if (b === 0x5c) {
        const e = this.at(i++);
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            const h = this.at(i++);
            if (!isHex(h)) throw this.error(h, 'in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) throw this.error(e, 'in string escape code');
      } else if (b < 0x20) throw this.error(b, 'in string literal');
    }
  }

  private scanLiteral(i: number, word: string): number {
    this.bytes--; // the first byte was stepped by the caller
    for (let k = 0; k < word.length; k++) {
      const b = this.at(i + k);
      if (b !== word.charCodeAt(k)) throw this.error(b, `in literal ${word} (expecting '${word[k]}')`);
    }
    return i + word.length;
  }

  private scanNumber(i: number, first: number, state: { overflow?: string }): number {
    const start = i;
    const peek = (j: number): number | undefined => (j < this.buf.length ? this.buf[j] : undefined);
    // A number ends at the first byte that cannot continue it; that byte is looked at, not consumed.
    const step = (j: number): number => {
      this.bytes++;
      return this.buf[j]!;
    };
    let j = i + 1;
    if (first === 0x2d) {
      const b = peek(j);
      if (b === undefined) throw this.unexpectedEof();
      step(j);
      if (!isDigit(b)) throw this.error(b, 'in numeric literal');
      first = b;
      j++;
    }
    if (first !== 0x30) while (peek(j) !== undefined && isDigit(peek(j)!)) step(j++);
    if (peek(j) === 0x2e) {
      step(j++);
      const b = peek(j);
      if (b === undefined) throw this.unexpectedEof();
      step(j);
      if (!isDigit(b)) throw this.error(b, 'after decimal point in numeric literal');
      j++;
      while (peek(j) !== undefined && isDigit(peek(j)!)) step(j++);
    }
    if (peek(j) === 0x65 || peek(j) === 0x45) {
      step(j++);
      let b = peek(j);
      if (b === 0x2b || b === 0x2d) {
        step(j++);
        b = peek(j);
      }
      if (b === undefined) throw this.unexpectedEof();
      step(j);
      if (!isDigit(b)) throw this.error(b, 'in exponent of numeric literal');
      j++;
      while (peek(j) !== undefined && isDigit(peek(j)!)) step(j++);
    }
    const literal = new TextDecoder().decode(this.buf.subarray(start, j));
    if (!Number.isFinite(Number(literal)) && state.overflow === undefined) state.overflow = literal;
    return j;
  }
}
