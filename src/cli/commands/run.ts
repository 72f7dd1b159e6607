// kbx run NAME --image=IMG: creates a Pod (as kubectl >= 1.18 does).
import type { Pod } from '../../api/types.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { PODS } from '../pods.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';

interface RunOptions {
  namespace?: string;
  image?: string;
  port?: string;
  env?: string[];
  labels?: string;
  command?: boolean;
  restart?: string;
  rm?: boolean;
  stdin?: boolean;
  tty?: boolean;
  imagePullPolicy?: string;
  dryRun?: string;
  output?: string;
  annotations?: string[];
}

function parsePairs(s: string | undefined, what: string): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new CliError(`invalid ${what} format: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

export async function run(ctx: Ctx, args: string[], o: RunOptions): Promise<void> {
  const name = args[0];
  if (!name) throw new CliError('NAME is required for run\nSee \'kbx run -h\' for help and examples', 1, true);
  if (!o.image) throw new CliError('--image is required');
  if (o.rm && !o.stdin && !o.tty) throw new CliError('--rm should only be used for attached containers');
  if (o.stdin || o.tty) throw new CliError('kbx run -i/-t (attach) is not supported yet: create the pod, then use kbx exec -it');
  const restart = o.restart ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new CliError(`invalid restart policy: ${restart}`);
  const labels = parsePairs(o.labels, 'label') ?? { run: name };
  const container: Pod['spec']['containers'][number] = { name, image: o.image, resources: {} };
  if (ctx.dashArgs.length) {
    if (o.command) container.command = ctx.dashArgs;
    else container.args = ctx.dashArgs;
  }
  if (o.port) container.ports = [{ containerPort: Number(o.port) }];
  if (o.env?.length) {
    container.env = o.env.map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new CliError(`invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  }
  if (o.imagePullPolicy) container.imagePullPolicy = o.imagePullPolicy as 'Always';
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, ...(o.annotations?.length ? { annotations: parsePairs(o.annotations.join(','), 'annotation') } : {}) },
    spec: { containers: [container], restartPolicy: restart as 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  let result: Pod = pod;
  if (dry !== 'client') {
    const client = await ctx.client();
    const ns = await ctx.namespace(o);
    result = (await client.create(PODS, ns, pod, { fieldManager: 'kubectl-run', ...(dry === 'server' ? { dryRun: 'All' } : {}) })) as Pod;
  }
  if (fmt) ctx.stdout.write(formatObjects([result], fmt, true));
  else ctx.out(`pod/${name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}
