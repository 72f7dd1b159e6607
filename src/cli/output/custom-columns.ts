// `-o custom-columns=HEADER:path,...` and `-o custom-columns-file=FILE`, as kubectl's
// CustomColumnsPrinter: relaxed JSONPath per column, missing keys allowed, `<none>` for no
// value, several values joined with commas, values printed with Go's fmt (maps as
// `map[k:v]`), aligned by kubectl's tabwriter.
import type { KObject } from '../../api/types.js';
import { findJsonPathResults, parseJsonPath, JsonPathParseError, JsonPathExecError, type JsonPathTemplate } from './jsonpath.js';
import { goSprint } from '../../compat/go-format.js';
import { tabify } from '../../compat/tabwriter.js';
import { escapeTerminal } from '../../compat/terminal.js';

export interface Column {
  header: string;
  /** The full JSONPath template, e.g. `{.metadata.name}`. */
  fieldSpec: string;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** `metadata.name`, `.metadata.name`, `{metadata.name}` and `{.metadata.name}` all mean `{.metadata.name}`. */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] ?? m[2]}}`;
}

/** A custom-columns-file: a line of headers and a line of paths, whitespace separated. */
export function parseCustomColumnsTemplate(text: string): Column[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const expected = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (text === '' || lines.length < 1) throw new Error(`invalid template, missing header line. ${expected}`);
  const headers = lines[0]!.split(/\s+/u).filter(Boolean);
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '' && text.endsWith('\n'))) {
    throw new Error(`invalid template, missing spec line. ${expected}`);
  }
  const specs = lines[1]!.split(/\s+/u).filter(Boolean);
  if (headers.length !== specs.length) {
    throw new Error(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJsonPathExpression(specs[i]!) }));
}

/**
 * The columns of `-o custom-columns=SPEC`. A SPEC with a line break is taken as the content
 * of a custom-columns-file, so that callers holding a file's text get kubectl's file format
 * (a flag value never contains one).
 */
export function parseCustomColumns(spec: string): Column[] {
  if (spec.includes('\n')) return parseCustomColumnsTemplate(spec);
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

export interface CustomColumnsOptions {
  noHeaders?: boolean;
}

/**
 * Thrown when a column fails; kubectl has already printed the header and the rows before the
 * failing one by then, so `partialOutput` holds them (to be written to stdout before the error).
 */
export class CustomColumnsError extends Error {
  constructor(
    message: string,
    readonly partialOutput: string,
  ) {
    super(message);
    this.name = 'CustomColumnsError';
  }
}

/** One cell: every value the path finds, Go-formatted and comma separated, or `<none>`. */
export function columnValue(template: JsonPathTemplate, obj: unknown): string {
  let groups: unknown[][];
  try {
    groups = findJsonPathResults(template, obj, { allowMissingKeys: true });
  } catch (e) {
    // The column printer reports the engine's own words (`error: array index out of bounds: ...`).
    if (e instanceof JsonPathExecError) throw new Error(e.problem);
    throw e;
  }
  if (groups.length === 0 || groups[0]!.length === 0) return '<none>';
  return groups.flatMap((g) => g.map((v) => escapeTerminal(goSprint(v)))).join(',');
}

/** The table for these objects (each a row; pass the items of a list). Ends with a newline. */
export function renderCustomColumns(columns: Column[], objs: KObject[] | unknown[], opts: CustomColumnsOptions = {}): string {
  const rows: string[] = [];
  const render = () => (rows.length ? tabify(rows.join('\n') + '\n', 6, 4, 3) : '');
  if (!opts.noHeaders) rows.push(columns.map((c) => c.header).join('\t'));
  try {
    const templates = columns.map((c) => {
      try {
        return parseJsonPath(c.fieldSpec);
      } catch (e) {
        if (e instanceof JsonPathParseError) throw new Error(e.problem);
        throw e;
      }
    });
    for (const obj of objs) rows.push(templates.map((t) => columnValue(t, obj)).join('\t'));
  } catch (e) {
    throw new CustomColumnsError((e as Error).message, render());
  }
  return render();
}
