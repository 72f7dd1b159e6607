// kbx get: tables computed by the server (like kubectl), or -o yaml|json|name|jsonpath|custom-columns.
import type { KObject, Table, WatchEvent } from '../../api/types.js';
import type { ResourceInfo } from '../../api/registry.js';
import { qualifiedSingular } from '../../api/registry.js';
import { Ctx, parseResourceArgs, type ResourceSelection } from '../context.js';
import { CliError, formatError } from '../errors.js';
import { resourcePath, StatusError, TABLE_ACCEPT, type ApiClient } from '../../client/client.js';
import { renderTable, TableStream } from '../../printers/render-table.js';
import { parseOutput, type OutputFormat } from '../output/format.js';
import { resourceByKind } from '../../api/registry.js';

interface GetOptions {
  showManagedFields?: boolean;
  namespace?: string;
  raw?: string;
  allNamespaces?: boolean;
  output?: string;
  selector?: string;
  fieldSelector?: string;
  showLabels?: boolean;
  labelColumns?: string[];
  watch?: boolean;
  watchOnly?: boolean;
  headers?: boolean;
  sortBy?: string;
  ignoreNotFound?: boolean;
  filename?: string[];
  kustomize?: string;
  recursive?: boolean;
}

const RESOURCE_TYPES_HELP = `You must specify the type of resource to get. Use "kbx api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kbx explain <resource>" for a detailed description of that resource (e.g. kbx explain pods).
See 'kbx get -h' for help and examples`;

export async function run(ctx: Ctx, args: string[], o: GetOptions): Promise<void> {
  if (o.raw !== undefined) return (await import('./get-raw.js')).getRaw(ctx, args, { raw: o.raw, output: o.output });
  const fmt = { ...parseOutput(o.output), showManagedFields: !!o.showManagedFields };
  // Object printers and JSONPath load only when an -o format or --sort-by needs them.
  if (fmt.kind !== 'table' && fmt.kind !== 'wide') ({ formatObjects } = await import('../output/print.js'));
  if (o.sortBy) ({ executeJsonPath } = await import('../output/jsonpath.js'));
  let selections: ResourceSelection[];
  if (o.filename?.length || o.kustomize !== undefined) {
    selections = [];
    const { readObjects } = await import('../manifests.js');
    for (const { object } of await readObjects(o, ctx.stderr)) {
      const info = resourceByKind(object.apiVersion, object.kind);
      if (!info) throw new CliError(`the server doesn't have a resource type "${object.kind}"`);
      selections.push({ info, names: [object.metadata.name!], ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) });
    }
  } else {
    if (!args.length) throw new CliError(RESOURCE_TYPES_HELP, 1, true);
    selections = parseResourceArgs(args);
  }
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const allNs = !!o.allNamespaces;
  const multiType = selections.length > 1 || (args[0] ?? '').split(',').includes('all');
  const noHeaders = o.headers === false;

  if (o.watch || o.watchOnly) {
    if (selections.length !== 1) throw new CliError('you may only specify a single resource type');
    return watch(ctx, client, selections[0]!, ns, o, fmt);
  }

  const tableMode = fmt.kind === 'table' || fmt.kind === 'wide';
  const collected: KObject[] = [];
  const single = selections.length === 1 && selections[0]!.names.length === 1 && !o.filename?.length ? true : selections.length === 1 && selections[0]!.names.length === 1;
  let printedTables = 0;
  let anyRows = false;
  const errors: string[] = [];
  const query = {
    labelSelector: o.selector,
    fieldSelector: o.fieldSelector,
    ...(o.sortBy ? { includeObject: 'Object' } : {}),
  };

  for (const sel of selections) {
    const scopeNs = sel.info.namespaced && !allNs ? ns : undefined;
    if (tableMode) {
      const tables: Table[] = [];
      if (sel.names.length) {
        for (const name of sel.names) {
          try {
            tables.push(await client.table(sel.info, sel.info.namespaced ? (sel.namespace ?? ns) : undefined, name, query));
          } catch (e) {
            if (e instanceof StatusError && e.code === 404 && o.ignoreNotFound) continue;
            errors.push(formatError(e).text);
          }
        }
      } else {
        tables.push(await client.table(sel.info, scopeNs, undefined, query));
      }
      const merged = mergeTables(tables);
      if (!merged || !merged.rows.length) continue;
      if (o.sortBy) sortRows(merged, o.sortBy);
      anyRows = true;
      const text = renderTable(merged, {
        wide: fmt.kind === 'wide',
        noHeaders,
        showLabels: o.showLabels,
        labelColumns: (o.labelColumns ?? []).flatMap((l) => l.split(',')).filter(Boolean),
        namespaceColumn: allNs && sel.info.namespaced,
        showKind: multiType,
        kindPrefix: qualifiedSingular(sel.info),
      } as any);
      if (printedTables > 0 && !noHeaders) ctx.stdout.write('\n');
      ctx.stdout.write(text);
      printedTables++;
    } else {
      if (sel.names.length) {
        for (const name of sel.names) {
          try {
            collected.push(await client.get(sel.info, sel.info.namespaced ? (sel.namespace ?? ns) : undefined, name));
          } catch (e) {
            if (e instanceof StatusError && e.code === 404 && o.ignoreNotFound) continue;
            errors.push(formatError(e).text);
          }
        }
      } else {
        const list = await client.list(sel.info, scopeNs, { labelSelector: o.selector, fieldSelector: o.fieldSelector });
        const items = list.items.map((i) => ({ apiVersion: apiVersion(sel.info), kind: sel.info.kind, ...i }) as KObject);
        if (o.sortBy) sortObjects(items, o.sortBy);
        collected.push(...items);
      }
    }
  }

  if (!tableMode) {
    if (collected.length || !errors.length) {
      const isSingle = single && collected.length === 1;
      if (collected.length || fmt.kind === 'yaml' || fmt.kind === 'json') ctx.stdout.write(formatObjects(collected, fmt, isSingle, { noHeaders }));
      else if (!collected.length && fmt.kind !== 'name') noResources(ctx, selections, ns, allNs);
    }
  } else if (!anyRows && !errors.length) {
    noResources(ctx, selections, ns, allNs);
  }
  for (const e of errors) ctx.err(e);
  if (errors.length) ctx.exitCode = 1;
}

let formatObjects: typeof import('../output/print.js').formatObjects;
let executeJsonPath: typeof import('../output/jsonpath.js').executeJsonPath;

function noResources(ctx: Ctx, selections: ResourceSelection[], ns: string, allNs: boolean): void {
  const namespaced = selections.some((s) => s.info.namespaced);
  if (namespaced && !allNs) ctx.err(`No resources found in ${ns} namespace.`);
  else ctx.err('No resources found');
}

function apiVersion(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

function mergeTables(tables: Table[]): Table | undefined {
  if (!tables.length) return undefined;
  const first = structuredClone(tables[0]!);
  for (const t of tables.slice(1)) first.rows.push(...t.rows);
  return first;
}

/** `--sort-by=.metadata.name` or `{.status.startTime}` against each row's full object. */
function sortKey(template: string): string {
  const t = template.trim();
  return t.startsWith('{') ? t : `{${t.startsWith('.') ? t : '.' + t}}`;
}

function compareValues(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortRows(t: Table, by: string): void {
  const key = sortKey(by);
  const val = (r: { object?: unknown }) => executeJsonPath(key, r.object ?? {});
  t.rows.sort((a, b) => compareValues(val(a), val(b)));
}

function sortObjects(items: KObject[], by: string): void {
  const key = sortKey(by);
  items.sort((a, b) => compareValues(executeJsonPath(key, a), executeJsonPath(key, b)));
}

async function watch(ctx: Ctx, client: ApiClient, sel: ResourceSelection, ns: string, o: GetOptions, fmt: OutputFormat): Promise<void> {
  const scopeNs = sel.info.namespaced && !o.allNamespaces ? ns : undefined;
  const tableMode = fmt.kind === 'table' || fmt.kind === 'wide';
  const fieldSelector = [o.fieldSelector, sel.names.length === 1 ? `metadata.name=${sel.names[0]}` : undefined].filter(Boolean).join(',') || undefined;
  const renderOpts = {
    wide: fmt.kind === 'wide',
    showLabels: o.showLabels,
    labelColumns: (o.labelColumns ?? []).flatMap((l) => l.split(',')).filter(Boolean),
    namespaceColumn: !!o.allNamespaces && sel.info.namespaced,
  };
  const stream = new TableStream({ ...renderOpts, noHeaders: o.headers === false });
  let columns: Table['columnDefinitions'] | undefined;
  let rv: string | undefined;
  const printTable = (t: Table) => {
    if (t.columnDefinitions?.length) columns = t.columnDefinitions;
    const full: Table = { ...t, columnDefinitions: columns ?? t.columnDefinitions };
    if (!full.rows.length) return;
    ctx.stdout.write(stream.render(full));
  };
  const printObj = (obj: KObject) => ctx.stdout.write(formatObjects([obj], fmt, true));
  if (!o.watchOnly) {
    if (tableMode) {
      const t = await client.table(sel.info, scopeNs, undefined, { labelSelector: o.selector, fieldSelector });
      rv = t.metadata.resourceVersion;
      if (t.rows.length) printTable(t);
      else noResources(ctx, [sel], ns, !!o.allNamespaces);
    } else {
      const list = await client.list(sel.info, scopeNs, { labelSelector: o.selector, fieldSelector });
      rv = list.metadata.resourceVersion;
      for (const i of list.items) printObj(i);
    }
  } else {
    const list = await client.list(sel.info, scopeNs, { labelSelector: o.selector, fieldSelector, limit: 1 });
    rv = list.metadata.resourceVersion;
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  process.once('SIGTERM', () => abort.abort());
  await client.watch(
    resourcePath(sel.info, scopeNs),
    { labelSelector: o.selector, fieldSelector, resourceVersion: rv, allowWatchBookmarks: 'false' },
    (e: WatchEvent<any>) => {
      if (e.type === 'BOOKMARK') return;
      if (e.type === 'ERROR') throw new StatusError(e.object);
      if (tableMode) printTable(e.object as Table);
      else printObj(e.object as KObject);
    },
    { accept: tableMode ? TABLE_ACCEPT : 'application/json', signal: abort.signal },
  );
}
