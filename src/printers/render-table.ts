// What kubectl does with a server's Table (cli-runtime printers/tableprinter.go + kubectl get):
// decorateTable adds NAMESPACE (-A, from rows[].object.metadata.namespace), -L label columns and
// LABELS (--show-labels), and the `kind/` name prefix when several types are printed; printTable drops
// priority-1 columns unless -o wide, upper-cases headers and writes tab-separated cells; Go's
// tabwriter, configured as kubectl's GetNewTabWriter (minwidth 6, tabwidth 4, padding 3, ' ',
// RememberWidths), aligns them.
import type { Table, TableColumnDefinition, TableRow } from '../api/types.js';
import { formatLabels } from './labels.js';
import { REMEMBER_WIDTHS, TabWriter } from '../compat/tabwriter.js';
import { goSprint } from '../compat/go-format.js';
import { escapeTerminal } from '../compat/terminal.js';

export interface RenderOptions {
  /** `-o wide`: also print the priority-1 columns. */
  wide?: boolean;
  noHeaders?: boolean;
  /** `--show-labels`: a trailing LABELS column. */
  showLabels?: boolean;
  /** `-L key,...`: one column per key, headed by the key's last path segment. */
  labelColumns?: string[];
  /** `-A`: a leading NAMESPACE column from rows[].object.metadata.namespace. */
  namespaceColumn?: boolean;
  /** Prefix names with `<kindPrefix>/` (kubectl does so when the output mixes several types). */
  showKind?: boolean;
  /** `pod`, `deployment.apps` (lower-cased GroupKind); used with showKind when a table has none of its own. */
  kindPrefix?: string;
}

/** One resource type's table; kubectl prints each type as its own block. */
export interface TableGroup {
  table: Table;
  /** `pod`, `deployment.apps`: the lower-cased GroupKind, used when showKind is set. */
  kindPrefix?: string;
}

const newTabWriter = () => new TabWriter(6, 4, 3, REMEMBER_WIDTHS);

// ---------------------------------------------------------------------------------------------
// decorateTable

interface Decorated {
  columns: TableColumnDefinition[];
  rows: unknown[][];
}

function rowMeta(r: TableRow): { namespace?: string; labels?: Record<string, string> } | undefined {
  const o = r.object as { metadata?: { namespace?: string; labels?: Record<string, string> } } | null | undefined;
  if (!o || typeof o !== 'object') return undefined;
  return o.metadata ?? {};
}

/** formatLabelHeaders: `example.com/tier` → `TIER`. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1]!.toUpperCase();
}

function decorateTable(table: Table, opts: RenderOptions, kindPrefix: string | undefined): Decorated {
  const defs = table.columnDefinitions ?? [];
  const labelKeys = opts.labelColumns ?? [];
  const width = defs.length + labelKeys.length + (opts.namespaceColumn ? 1 : 0) + (opts.showLabels ? 1 : 0);
  let columns = defs;
  // The kind prefix goes on the first string column formatted as a name (the last one, for events).
  let nameColumn = -1;
  if (opts.showKind && kindPrefix) nameColumn = defs.findIndex((c) => c.format === 'name' && c.type === 'string');
  if (width !== defs.length) {
    columns = [];
    if (opts.namespaceColumn) columns.push({ name: 'Namespace', type: 'string', format: '', description: '', priority: 0 });
    columns.push(...defs);
    for (const k of labelKeys) columns.push({ name: labelHeader(k), type: 'string', format: '', description: '', priority: 0 });
    if (opts.showLabels) columns.push({ name: 'Labels', type: 'string', format: '', description: '', priority: 0 });
  }
  const includeLabels = labelKeys.length > 0 || !!opts.showLabels;
  const rows = (table.rows ?? []).map((r) => {
    let cells = [...(r.cells ?? [])];
    if (!(includeLabels || opts.namespaceColumn || nameColumn !== -1)) return cells;
    if (nameColumn !== -1 && nameColumn < cells.length) cells[nameColumn] = `${kindPrefix}/${goSprint(cells[nameColumn])}`;
    const meta = rowMeta(r);
    if (!meta) {
      // Without an object, the added columns are left empty.
      if (opts.namespaceColumn) cells = [null, ...cells];
      // Go's loop re-evaluates width-len(cells) as cells grows, so it may pad fewer cells than
      // columns; reproduced as is, since the row then has fewer tab-separated cells.
      for (let j = 0; j < width - cells.length; j++) cells.push(null);
      return cells;
    }
    if (opts.namespaceColumn) cells = [meta.namespace ?? '', ...cells];
    if (includeLabels) {
      for (const k of labelKeys) cells.push(meta.labels?.[k] ?? '');
      if (opts.showLabels) cells.push(formatLabels(meta.labels));
    }
    return cells;
  });
  return { columns, rows };
}

// ---------------------------------------------------------------------------------------------
// printTable

/** A cell's text: strings are cut at the first line break (`...` appended); nil prints nothing. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const br = cell.search(/[\f\n\r]/);
    return br >= 0 ? escapeTerminal(cell.slice(0, br)) + '...' : escapeTerminal(cell);
  }
  return escapeTerminal(goSprint(cell));
}

/** The tab-separated text kubectl feeds its tabwriter for one decorated table. */
function tableText(d: Decorated, opts: { wide?: boolean; noHeaders?: boolean }): string {
  const visible = (c: TableColumnDefinition) => opts.wide || (c.priority ?? 0) === 0;
  let out = '';
  if (!opts.noHeaders) {
    // No rows, no header.
    if (!d.rows.length) return '';
    out += d.columns.filter(visible).map((c) => c.name.toUpperCase()).join('\t') + '\n';
  }
  for (const row of d.rows) {
    const cells: string[] = [];
    for (let i = 0; i < row.length; i++) {
      // More cells than columns: ignore the extra ones (bad server output).
      if (i >= d.columns.length) break;
      if (!visible(d.columns[i]!)) continue;
      cells.push(cellText(row[i]));
    }
    out += cells.join('\t') + '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API

function isTable(x: unknown): x is Table {
  return !!x && typeof x === 'object' && !Array.isArray(x) && 'rows' in (x as object);
}

/**
 * kubectl's human-readable `get` output. A single Table is one resource type; an array holds one
 * group per resource type, printed in order, each with its own header and alignment, separated by
 * a blank line when headers are on (as `kubectl get pods,svc`). Same-type tables must be merged
 * into one group by the caller (kubectl aligns them together). Empty tables print nothing.
 */
export function renderTable(tables: TableGroup[] | Table, opts: RenderOptions = {}): string {
  const groups: TableGroup[] = isTable(tables) ? [{ table: tables }] : tables;
  let out = '';
  let separatorReady = false;
  groups.forEach((g, i) => {
    // kubectl arms a blank line before each new type once something has been written.
    if (i > 0 && !opts.noHeaders && out.length > 0) separatorReady = true;
    const tw = newTabWriter();
    tw.write(tableText(decorateTable(g.table, opts, g.kindPrefix ?? opts.kindPrefix), opts));
    tw.flush();
    const text = tw.take();
    if (text && separatorReady) {
      out += '\n';
      separatorReady = false;
    }
    out += text;
  });
  return out;
}

const WATCH_EVENT_TYPES: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/**
 * `kubectl get -w`: one HumanReadablePrinter and one tabwriter for the whole stream. The header is
 * printed once (again only if the column definitions change); each call is one flush, and the
 * tabwriter's RememberWidths keeps columns at least as wide as in earlier flushes.
 */
export class TableStream {
  private readonly tw = newTabWriter();
  private lastColumns: TableColumnDefinition[] | undefined;
  private printedHeaders = false;

  constructor(private readonly opts: RenderOptions = {}) {}

  /**
   * Text for one list or watch event (a Table, possibly with null column definitions). With
   * `eventType` (--output-watch-events) an EVENT column is prepended.
   */
  render(table: Table, eventType?: string): string {
    let noHeaders = !!this.opts.noHeaders;
    const defs = table.columnDefinitions ?? [];
    if (this.printedHeaders && (defs.length === 0 || sameColumns(defs, this.lastColumns))) noHeaders = true;
    let effective = table;
    if (defs.length === 0) effective = { ...table, columnDefinitions: this.lastColumns ?? [] };
    else if (!sameColumns(defs, this.lastColumns)) {
      this.lastColumns = defs;
      this.printedHeaders = false;
    }
    if ((table.rows ?? []).length > 0) this.printedHeaders = true;
    const d = decorateTable(effective, this.opts, this.opts.showKind ? this.opts.kindPrefix : undefined);
    if (eventType) {
      d.columns = [{ name: 'Event', type: 'string', format: '', description: '', priority: 0 }, ...d.columns];
      d.rows = d.rows.map((r) => [WATCH_EVENT_TYPES[eventType] ?? eventType, ...r]);
    }
    this.tw.write(tableText(d, { wide: this.opts.wide, noHeaders }));
    this.tw.flush();
    return this.tw.take();
  }
}

function sameColumns(a: TableColumnDefinition[], b: TableColumnDefinition[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  return a.every((c, i) => {
    const o = b[i]!;
    return c.name === o.name && c.type === o.type && (c.format ?? '') === (o.format ?? '') && (c.description ?? '') === (o.description ?? '') && (c.priority ?? 0) === (o.priority ?? 0);
  });
}
