// kbx events [--for TYPE/NAME] [--types=Warning] [-A] [-w]: events sorted by time, kubectl events' columns.
import type { EventObject } from '../../api/types.js';
import { RESOURCES, resolveResource } from '../../api/registry.js';
import { resourcePath } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { renderColumns } from '../../printers/text-columns.js';
import { translateTimestampSince } from '../../printers/duration.js';
import { formatObjects, parseOutput } from '../output/print.js';

const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;

interface EventsOptions {
  namespace?: string;
  allNamespaces?: boolean;
  for?: string;
  types?: string;
  watch?: boolean;
  headers?: boolean;
  output?: string;
}

function row(e: EventObject, now: number, allNs: boolean): string[] {
  const last = e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp;
  const obj = `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name ?? ''}`;
  const r = [translateTimestampSince(last ?? undefined, now), e.type ?? '', e.reason ?? '', obj, (e.message ?? '').trim()];
  return allNs ? [e.metadata.namespace ?? '', ...r] : r;
}

export async function run(ctx: Ctx, _args: string[], o: EventsOptions): Promise<void> {
  const client = await ctx.client();
  const ns = o.allNamespaces ? undefined : await ctx.namespace(o);
  const selectors: string[] = [];
  if (o.for) {
    const [type, name] = o.for.split('/');
    const info = type ? resolveResource(type) : undefined;
    if (!info || !name) throw new CliError(`--for must be in resource/name form`);
    selectors.push(`involvedObject.kind=${info.kind}`, `involvedObject.name=${name}`);
  }
  const types = o.types ? o.types.split(',').map((t) => t.trim()) : undefined;
  for (const t of types ?? []) if (!['Normal', 'Warning'].includes(t)) throw new CliError(`valid --types are Normal or Warning`);
  const query = { fieldSelector: selectors.join(',') || undefined };
  const list = await client.list(EVENTS, ns, query);
  const events = (list.items as EventObject[])
    .filter((e) => !types || types.includes(e.type ?? ''))
    .sort((a, b) => Date.parse(a.lastTimestamp ?? a.metadata.creationTimestamp ?? '') - Date.parse(b.lastTimestamp ?? b.metadata.creationTimestamp ?? ''));
  if (o.output) {
    ctx.stdout.write(formatObjects(events, parseOutput(o.output), false));
    return;
  }
  const header = [...(o.allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const now = Date.now();
  if (!events.length && !o.watch) {
    ctx.err(o.allNamespaces ? 'No events found.' : `No events found in ${ns} namespace.`);
    return;
  }
  ctx.stdout.write(renderColumns([...(o.headers === false ? [] : [header]), ...events.map((e) => row(e, now, !!o.allNamespaces))]));
  if (!o.watch) return;
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  await client.watch(resourcePath(EVENTS, ns), { ...query, resourceVersion: list.metadata.resourceVersion }, (ev) => {
    if (ev.type === 'DELETED' || ev.type === 'BOOKMARK') return;
    const e = ev.object as EventObject;
    if (types && !types.includes(e.type ?? '')) return;
    ctx.stdout.write(renderColumns([row(e, Date.now(), !!o.allNamespaces)]));
  }, { signal: abort.signal });
}
