// kbx api-versions: every group/version the server's discovery lists (/api and /apis), sorted, one a line.
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';

interface ApiVersions {
  versions?: string[];
}
interface ApiGroupList {
  groups?: { versions?: { groupVersion: string }[] }[];
}

/** The sorted group/versions of the two discovery documents. */
export function groupVersions(core: ApiVersions, groups: ApiGroupList): string[] {
  const out = new Set<string>(core.versions ?? []);
  for (const g of groups.groups ?? []) for (const v of g.versions ?? []) out.add(v.groupVersion);
  return [...out].sort();
}

export async function run(ctx: Ctx, args: string[]): Promise<void> {
  if (args.length) throw new CliError(`unexpected arguments: [${args.join(' ')}]\nSee 'kbx api-versions -h' for help and examples`);
  const client = await ctx.client();
  const [core, groups] = await Promise.all([client.request('GET', '/api'), client.request('GET', '/apis')]);
  ctx.stdout.write(groupVersions(core.body as ApiVersions, groups.body as ApiGroupList).map((v) => v + '\n').join(''));
}
