// kubectl's term.EscapeTerminal (printers.WriteEscaped): a value printed in a table, a custom
// column or a describe line must not drive the terminal, so ESC becomes `^[` and CR `\r`.
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
