// One entry point for `-o` formats on objects: yaml, json, name, jsonpath, custom-columns.
// (Tables are printed from the server's Table responses, see commands/get.ts.)
import type { KObject } from '../../api/types.js';
import { resourceByKind } from '../../api/registry.js';
import { CliError } from '../errors.js';
import { toKubectlYaml } from './yaml.js';
import { toKubectlJson } from './json.js';
import { asListObject } from './list.js';
import { executeJsonPath } from './jsonpath.js';
import { renderCustomColumns, parseCustomColumns, parseCustomColumnsTemplate } from './custom-columns.js';
import { nameOf } from './name.js';
import fs from 'node:fs';

export type OutputKind = 'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'custom-columns';

export interface OutputFormat {
  kind: OutputKind;
  template?: string;
  /** custom-columns read from a file (header line + paths line). */
  file?: boolean;
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

function groupOf(o: KObject): string {
  return resourceByKind(o.apiVersion, o.kind)?.group ?? (o.apiVersion?.includes('/') ? o.apiVersion.split('/')[0]! : '');
}

/**
 * Prints objects in a non-table format. `single` means one object was asked for by name,
 * which kubectl prints bare instead of wrapped in a List.
 */
export function formatObjects(objs: KObject[], fmt: OutputFormat, single: boolean, opts: { noHeaders?: boolean } = {}): string {
  const data: unknown = single && objs.length === 1 ? objs[0] : asListObject(objs, '');
  switch (fmt.kind) {
    case 'yaml':
      return toKubectlYaml(data);
    case 'json':
      return toKubectlJson(data, { sortKeys: true });
    case 'name':
      return objs.map((o) => nameOf(o, groupOf(o)) + '\n').join('');
    case 'jsonpath':
      return executeJsonPath(fmt.template!, data);
    case 'custom-columns':
      return renderCustomColumns(fmt.file ? parseCustomColumnsTemplate(fmt.template!) : parseCustomColumns(fmt.template!), objs, { noHeaders: opts.noHeaders });
    default:
      throw new CliError(`unsupported output format ${fmt.kind}`);
  }
}
