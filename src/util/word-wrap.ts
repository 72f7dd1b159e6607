// Word wrapping as github.com/mitchellh/go-wordwrap's WrapString (kubectl's term.NewWordWrapWriter uses it):
// breaks at whitespace once a line would exceed `limit`, keeps existing newlines, never splits a word
// (a word longer than the limit stays whole on its own line), and drops the spaces at a break.

const isSpace = (c: string): boolean => c !== '\u00a0' && /\s/.test(c);

export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const c of s) {
    if (c === '\n') {
      if (word.length === 0) {
        if (current + space.length <= limit) out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (space.length === 0 || word.length > 0) {
        current += space.length + [...word].length;
        out += space + word;
        space = '';
        word = '';
      }
      space += c;
    } else {
      word += c;
      const wordLen = [...word].length;
      if (current + space.length + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
