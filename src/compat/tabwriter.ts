// A port of Go's text/tabwriter (and of github.com/liggitt/tabwriter, the fork kubectl uses, which
// adds RememberWidths). kubectl's column layout is whatever this algorithm produces, including its
// quirks: column "blocks" end at any line with fewer cells, a tab-less line flushes, the last cell of
// a line is never padded, and an empty last cell leaves the previous cell's padding as trailing spaces.
// Only what kubectl uses is ported: left alignment, a space pad character, no Debug/FilterHTML/
// DiscardEmptyColumns/TabIndent/AlignRight.

/** liggitt/tabwriter: keep per-column maximum widths across flushes (kubectl sets it for `get`). */
export const REMEMBER_WIDTHS = 1;

interface Cell {
  text: string;
  /** Width in runes (code points), as utf8.RuneCount measures it. */
  width: number;
  htab: boolean;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(
    private readonly minwidth: number,
    private readonly tabwidth: number,
    private readonly padding: number,
    private readonly flags = 0,
  ) {
    // tabwidth only matters when padding with tabs, which kubectl never does.
    void this.tabwidth;
  }

  /** Appends text; '\t' and '\v' end a cell, '\n' and '\f' end a line. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line with a single cell cannot affect the layout of later lines, so Go flushes there;
        // with RememberWidths that flush also commits the widths seen so far.
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats everything buffered and returns the text produced since the last `take()`. */
  flush(): void {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cellText = '';
    this.widths = [];
  }

  /** Returns (and clears) the formatted output collected so far. */
  take(): string {
    const s = this.out;
    this.out = '';
    return s;
  }

  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  setRememberedWidths(widths: number[] | null): void {
    this.maxwidths = widths ? [...widths] : [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab });
    this.cellText = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let thisLine = line0; thisLine < line1; thisLine++) {
      let line = this.lines[thisLine]!;
      if (column >= line.length - 1) continue;
      // This line has a cell in this column: a column block starts here.
      this.writeLines(line0, thisLine);
      line0 = thisLine;
      let width = this.minwidth;
      for (; thisLine < line1; thisLine++) {
        line = this.lines[thisLine]!;
        if (column >= line.length - 1) break;
        const w = line[column]!.width + this.padding;
        if (w > width) width = w;
      }
      if (this.flags & REMEMBER_WIDTHS) {
        if (this.maxwidths.length < this.widths.length) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        if (this.maxwidths.length === this.widths.length) this.maxwidths.push(width);
        else if (this.maxwidths[this.widths.length]! > width) width = this.maxwidths[this.widths.length]!;
        else if (this.maxwidths[this.widths.length]! < width) this.maxwidths[this.widths.length] = width;
      }
      this.widths.push(width);
      this.format(line0, thisLine);
      this.widths.pop();
      line0 = thisLine;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += ' '.repeat(Math.max(0, this.widths[j]! - c.width));
      });
      // The last buffered line has no newline yet (it is the line being built).
      if (i + 1 !== this.lines.length) this.out += '\n';
    }
  }
}

/** Runs `text` through a fresh tabwriter and returns the aligned result. */
export function tabify(text: string, minwidth: number, tabwidth: number, padding: number, flags = 0): string {
  const tw = new TabWriter(minwidth, tabwidth, padding, flags);
  tw.write(text);
  tw.flush();
  return tw.take();
}
