// kbx cluster-info
import chalk from 'chalk';
import type { Ctx } from '../context.js';

export async function run(ctx: Ctx, args: string[]): Promise<void> {
  const client = await ctx.client();
  await client.request('GET', '/api/v1/namespaces/kube-system/services', { query: { labelSelector: 'kubernetes.io/cluster-service=true' } }).catch(() => undefined);
  if (args[0] === 'dump') {
    ctx.err('error: kbx cluster-info dump is not supported; see $KBX_HOME/logs/control-plane.log');
    ctx.exitCode = 1;
    return;
  }
  const color = ctx.isTTY;
  const green = (s: string) => (color ? chalk.green(s) : s);
  const yellow = (s: string) => (color ? chalk.yellow(s) : s);
  ctx.out(`${green('Kubernetes control plane')} is running at ${yellow(client.server)}`);
  ctx.out('');
  ctx.out("To further debug and diagnose cluster problems, use 'kbx cluster-info dump'.");
}
