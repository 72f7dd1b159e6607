// kbx version [--client] [-o json|yaml]
import type { Ctx } from '../context.js';
import { VERSION } from '../../version.js';
import { toKubectlYaml } from '../output/yaml.js';
import { CliError } from '../errors.js';

export async function run(ctx: Ctx, _args: string[], o: { client?: boolean; output?: string }): Promise<void> {
  const clientVersion = {
    major: '1',
    minor: '35',
    gitVersion: `v1.35.0-kbx.${VERSION}`,
    gitCommit: '',
    gitTreeState: 'clean',
    buildDate: '',
    goVersion: `node${process.versions.node}`,
    compiler: 'kbx',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
  let serverVersion: Record<string, string> | undefined;
  if (!o.client) {
    const client = await ctx.client();
    serverVersion = (await client.request('GET', '/version')).body as Record<string, string>;
  }
  const doc = { clientVersion, ...(serverVersion ? { serverVersion } : {}) };
  if (o.output === 'json') ctx.out(JSON.stringify(doc, null, 2));
  else if (o.output === 'yaml') ctx.stdout.write(toKubectlYaml(doc));
  else if (o.output) throw new CliError(`--output must be 'yaml' or 'json'`);
  else {
    ctx.out(`Client Version: ${clientVersion.gitVersion}`);
    if (serverVersion) ctx.out(`Server Version: ${serverVersion.gitVersion}`);
  }
}
