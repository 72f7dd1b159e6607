// Go's text/tabwriter as kubectl configures it for tables (minwidth 6, padding 3, spaces):
// tab-terminated cells are padded to their column's width; the last cell of a line is written
// as is, so lines carry no trailing blanks unless that cell is empty. Columns are measured
// per block of consecutive lines that have the column, in runes.

export interface TabwriterOptions {
  minwidth?: number;
  padding?: number;
}

interface Cell {
  text: string;
  width: number;
}

/** Formats tab-separated lines the way kubectl's tabwriter prints them. */
export function tabwrite(text: string, opts: TabwriterOptions = {}): string {
  const minwidth = opts.minwidth ?? 6;
  const padding = opts.padding ?? 3;
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  if (text === '') return '';
  const lines: Cell[][] = rawLines.map((l) => l.split('\t').map((t) => ({ text: t, width: [...t].length })));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        if (j < widths.length && j < line.length - 1) s += ' '.repeat(Math.max(widths[j]! - c.width, 0));
      });
      out.push(s);
    }
  };

  // Recursive column-block formatting, as tabwriter.format does it.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let width = minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + padding);
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      cur--; // the outer loop's increment must not skip the line that ended the block
    }
    writeLines(line0, line1);
  };

  // A line without tabs flushes the writer: blocks never span it.
  let blockStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lines[i]!.length === 1) {
      const end = i === lines.length ? i : i + 1;
      format(blockStart, end);
      blockStart = end;
    }
  }
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
