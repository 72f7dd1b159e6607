// What kubectl does with a server's Table: pick the columns (-o wide shows priority 1), add
// NAMESPACE (-A), LABELS (--show-labels) and -L columns, prefix names with `kind/` when several types
// are printed, and align with Go's tabwriter as kubectl configures it.
import type { Table, TableRow } from '../api/types.js';
import { tabwrite } from '../cli/output/tabwriter.js';

export interface RenderOptions {
  wide?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  namespaceColumn?: boolean;
  showKind?: boolean;
  /** `pod`, `deployment.apps`: the prefix used with showKind. */
  kindPrefix?: string;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function rowMeta(r: TableRow): { namespace?: string; labels?: Record<string, string> } {
  const o = r.object as { metadata?: { namespace?: string; labels?: Record<string, string> } } | undefined;
  return o?.metadata ?? {};
}

function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** The header cells and row cells kubectl would print, before alignment. */
export function tableCells(table: Table, opts: RenderOptions): { header: string[]; rows: string[][] } {
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
  const header = cols.map(({ c }) => c.name.toUpperCase());
  const labelCols = opts.labelColumns ?? [];
  if (opts.namespaceColumn) header.unshift('NAMESPACE');
  for (const l of labelCols) header.push(l.split('/').pop()!.toUpperCase());
  if (opts.showLabels) header.push('LABELS');
  const rows = table.rows.map((r) => {
    const meta = rowMeta(r);
    const cells = cols.map(({ i }) => cellText(r.cells[i]));
    if (opts.showKind && opts.kindPrefix && cols[0]?.c.format === 'name') cells[0] = `${opts.kindPrefix}/${cells[0]}`;
    if (opts.namespaceColumn) cells.unshift(meta.namespace ?? '');
    for (const l of labelCols) cells.push(meta.labels?.[l] ?? '');
    if (opts.showLabels) cells.push(labelsText(meta.labels));
    return cells;
  });
  return { header, rows };
}

export function renderTable(table: Table, opts: RenderOptions = {}): string {
  const { header, rows } = tableCells(table, opts);
  const lines = opts.noHeaders ? rows : [header, ...rows];
  return tabwrite(lines.map((l) => l.join('\t')).join('\n') + '\n');
}

/**
 * For `get -w`: each event is printed as it comes; column widths are remembered across events
 * (tabwriter's RememberWidths), so later rows line up with earlier ones unless they are wider.
 */
export class TableStream {
  private widths: number[] = [];
  private headerDone = false;

  constructor(private readonly opts: RenderOptions) {}

  render(table: Table): string {
    const { header, rows } = tableCells(table, this.opts);
    const lines: string[][] = [];
    if (!this.headerDone && !this.opts.noHeaders) lines.push(header);
    this.headerDone = true;
    lines.push(...rows);
    for (const l of lines) l.slice(0, -1).forEach((c, i) => (this.widths[i] = Math.max(this.widths[i] ?? 6, [...c].length + 3)));
    return lines.map((l) => l.map((c, i) => (i < l.length - 1 ? c.padEnd(this.widths[i]!) : c)).join('')).join('\n') + (lines.length ? '\n' : '');
  }
}
