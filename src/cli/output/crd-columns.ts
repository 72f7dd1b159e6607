// additionalPrinterColumns of a CustomResourceDefinition version as the server-side Table's columns and cells
// (apiextensions-apiserver's tableconvertor): Name first, then each column (its JSONPath evaluated with
// `{…}` around it), then Age unless a column already is one; priority > 0 columns only with -o wide (kubectl
// hides them). Pure: no I/O (beside the jsonpath engine it evaluates with, so here under cli/output/). Not yet wired to serving (see README, CustomResourceDefinitions).
import type { TableColumnDefinition } from '../../api/types.js';
import { findJsonPathResults } from './jsonpath.js';

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

const NAME_COLUMN: TableColumnDefinition = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 };
const AGE_COLUMN: TableColumnDefinition = { name: 'Age', type: 'date', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 };

/** The columns a CRD version's table has; without printer columns, Name and Age (`.metadata.creationTimestamp`). */
export function crdColumns(cols: readonly PrinterColumn[] | undefined): { defs: TableColumnDefinition[]; paths: string[] } {
  const list = cols && cols.length ? cols : [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }];
  const defs = [NAME_COLUMN];
  const paths: string[] = [];
  for (const c of list) {
    if (c.name === 'Age' && c.type === 'date' && c.jsonPath === '.metadata.creationTimestamp') {
      defs.push({ ...AGE_COLUMN, priority: c.priority ?? 0 });
    } else {
      defs.push({ name: c.name, type: c.type as TableColumnDefinition['type'], format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 });
    }
    paths.push(c.jsonPath);
  }
  return { defs, paths };
}

/** One cell: the JSONPath's first result (a date column stays the timestamp string; the client prints its age); null when absent. */
export function columnCell(obj: unknown, jsonPath: string, type: string): unknown {
  let results: unknown[][];
  try {
    results = findJsonPathResults(`{${jsonPath}}`, obj, { allowMissingKeys: true });
  } catch {
    return null;
  }
  const v = results[0]?.[0];
  if (v === undefined) return null;
  if (type === 'integer' && typeof v === 'number') return Math.trunc(v);
  if (type === 'string' && typeof v !== 'string') return typeof v === 'object' ? JSON.stringify(v) : String(v);
  return v;
}
