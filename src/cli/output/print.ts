// One entry point for `-o` formats on objects: yaml, json, name, jsonpath, custom-columns.
// (Tables are printed from the server's Table responses, see commands/get.ts.)
import type { KObject } from '../../api/types.js';
import { resourceByKind } from '../../api/registry.js';
import { CliError } from '../errors.js';
import { emitYaml as toKubectlYaml } from '../../compat/yaml-emit.js';
import { toKubectlJson } from './json.js';
import { asListObject } from './list.js';
import { executeJsonPath } from './jsonpath.js';
import { renderCustomColumns, parseCustomColumns, parseCustomColumnsTemplate } from './custom-columns.js';
import { nameOf } from './name.js';

export { parseOutput, type OutputFormat, type OutputKind } from './format.js';
import type { OutputFormat } from './format.js';

/** kubectl's OmitManagedFieldsPrinter: the object without metadata.managedFields (a copy when it has them). */
function withoutManagedFields(o: KObject): KObject {
  if (!o?.metadata || !('managedFields' in o.metadata)) return o;
  const { managedFields: _omit, ...metadata } = o.metadata;
  return { ...o, metadata };
}

function groupOf(o: KObject): string {
  return resourceByKind(o.apiVersion, o.kind)?.group ?? (o.apiVersion?.includes('/') ? o.apiVersion.split('/')[0]! : '');
}

/**
 * Prints objects in a non-table format. `single` means one object was asked for by name,
 * which kubectl prints bare instead of wrapped in a List.
 */
export function formatObjects(objs: KObject[], fmt: OutputFormat, single: boolean, opts: { noHeaders?: boolean } = {}): string {
  if (!fmt.showManagedFields) objs = objs.map(withoutManagedFields);
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
