// kbx explain RESOURCE[.field...]: the field documentation from the server's OpenAPI v3 document, as kubectl
// explain prints it. The resource is found by discovery (so it works against any server), the group version
// by --api-version or the resource's preferred one.
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { ExplainError, renderExplain } from '../../printers/explain.js';

const DISCOVERY_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

interface Found {
  group: string;
  version: string;
  resource: string;
}

export async function run(ctx: Ctx, args: string[], o: { recursive?: boolean; apiVersion?: string; output?: string }): Promise<void> {
  if (args.length === 0) {
    throw new CliError(`You must specify the type of resource to explain. Use "kbx api-resources" for a complete list of supported resources.`);
  }
  if (args.length > 1) throw new CliError(`We accept only this format: explain RESOURCE`);
  const output = o.output ?? 'plaintext';
  if (output !== 'plaintext') throw new CliError(`unsupported output format: ${output}; supported: plaintext`);
  const [type, ...fieldPath] = args[0]!.split('.');
  const client = await ctx.client();
  const target = await resolve(ctx, type!, o.apiVersion);
  const index = (await client.request('GET', '/openapi/v3')).body as { paths?: Record<string, { serverRelativeURL: string }> };
  const key = target.group ? `apis/${target.group}/${target.version}` : `api/${target.version}`;
  const entry = index.paths?.[key];
  if (!entry) throw new CliError(`couldn't find resource for "${target.group ? `${target.group}/` : ''}${target.version}, Resource=${target.resource}"`);
  const url = new URL(entry.serverRelativeURL, 'https://server');
  const query = Object.fromEntries(url.searchParams);
  const doc = (await client.request('GET', url.pathname, { query, accept: 'application/json' })).body as Record<string, unknown>;
  try {
    ctx.stdout.write(renderExplain(doc, target, fieldPath, { recursive: o.recursive }));
  } catch (e) {
    if (e instanceof ExplainError) {
      ctx.stdout.write(e.partial);
      throw new CliError(e.message);
    }
    throw e;
  }
}

/** kubectl's mapping: plural, singular, short name or kind (any case), optionally `resource.group` is not a field path here. */
async function resolve(ctx: Ctx, type: string, apiVersion: string | undefined): Promise<Found> {
  const client = await ctx.client();
  const want = type.toLowerCase();
  const [wantGroup, wantVersion] = apiVersion ? (apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]) : [undefined, undefined];
  const found: Found[] = [];
  for (const path of ['/api', '/apis']) {
    const doc = (await client.request('GET', path, { accept: DISCOVERY_ACCEPT })).body as { items?: any[] };
    for (const g of doc.items ?? []) {
      const group: string = g.metadata?.name ?? '';
      if (wantGroup !== undefined && wantGroup !== group) continue;
      for (const v of g.versions ?? []) {
        if (wantVersion !== undefined && wantVersion !== v.version) continue;
        for (const r of v.resources ?? []) {
          const names = [r.resource, r.singularResource, r.responseKind?.kind, ...(r.shortNames ?? [])].filter(Boolean).map((n: string) => n.toLowerCase());
          if (names.includes(want)) found.push({ group, version: v.version, resource: r.resource });
        }
      }
    }
  }
  // kubectl prints this one without the `error: ` prefix.
  if (!found.length) throw new CliError(`the server doesn't have a resource type "${type}"`, 1, true);
  // Discovery lists a group's preferred version first, and the core group before the others (kubectl's priority).
  return found[0]!;
}
