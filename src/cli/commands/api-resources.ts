// kbx api-resources: what discovery says the server serves (NAME SHORTNAMES APIVERSION NAMESPACED KIND).
import type { Ctx } from '../context.js';
import { renderColumns } from '../../printers/text-columns.js';

const ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

export async function run(ctx: Ctx, _args: string[], o: { output?: string; namespaced?: string; headers?: boolean; apiGroup?: string }): Promise<void> {
  const client = await ctx.client();
  const rows: string[][] = [];
  // ServerPreferredResources: a resource a group also serves at an older version is listed once, at the preferred one.
  const seen = new Set<string>();
  for (const path of ['/api', '/apis']) {
    const doc = (await client.request('GET', path, { accept: ACCEPT })).body as { items: any[] };
    for (const g of doc.items) {
      const group = g.metadata?.name ?? '';
      if (o.apiGroup !== undefined && o.apiGroup !== group) continue;
      for (const v of g.versions) {
        for (const r of v.resources) {
          if (seen.has(`${group}/${r.resource}`)) continue;
          seen.add(`${group}/${r.resource}`);
          const namespaced = r.scope === 'Namespaced';
          if (o.namespaced !== undefined && String(namespaced) !== o.namespaced) continue;
          rows.push([r.resource, (r.shortNames ?? []).join(','), group ? `${group}/${v.version}` : v.version, String(namespaced), r.responseKind.kind]);
        }
      }
    }
  }
  if (o.output === 'name') {
    for (const r of rows) ctx.out(r[2]!.includes('/') ? `${r[0]}.${r[2]!.split('/')[0]}` : r[0]!);
    return;
  }
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  ctx.stdout.write(renderColumns(o.headers === false ? rows : [header, ...rows]));
}
