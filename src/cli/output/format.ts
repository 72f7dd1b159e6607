// `-o` flag parsing, light enough for every command to load (the printers load only when used).
import fs from 'node:fs';
import { CliError } from '../errors.js';

export type OutputKind = 'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'custom-columns';

export interface OutputFormat {
  kind: OutputKind;
  template?: string;
  /** custom-columns read from a file (header line + paths line). */
  file?: boolean;
  /** --show-managed-fields: kubectl omits metadata.managedFields from printed objects unless asked. */
  showManagedFields?: boolean;
}

const SUPPORTED = 'custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, name, template, templatefile, wide, yaml';

export function parseOutput(o: string | undefined): OutputFormat {
  if (!o) return { kind: 'table' };
  if (o === 'wide') return { kind: 'wide' };
  if (o === 'yaml' || o === 'json' || o === 'name') return { kind: o };
  const eq = o.indexOf('=');
  const key = eq < 0 ? o : o.slice(0, eq);
  const val = eq < 0 ? '' : o.slice(eq + 1);
  if (key === 'jsonpath' || key === 'jsonpath-as-json') {
    if (!val) throw new CliError('template format specified but no template given');
    return { kind: 'jsonpath', template: val };
  }
  if (key === 'jsonpath-file') return { kind: 'jsonpath', template: fs.readFileSync(val, 'utf8').trim() };
  if (key === 'custom-columns') {
    if (!val) throw new CliError('custom-columns format specified but no custom columns given');
    return { kind: 'custom-columns', template: val };
  }
  if (key === 'custom-columns-file') return { kind: 'custom-columns', template: fs.readFileSync(val, 'utf8'), file: true };
  throw new CliError(`unable to match a printer suitable for the output format "${o}", allowed formats are: ${SUPPORTED}`);
}

