// kbx run NAME --image=IMG: creates a Pod (as kubectl >= 1.18 does).
import type { Pod } from '../../api/types.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { PODS } from '../pods.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { dryRunMode } from './apply.js';
import { streamSession } from '../stream-session.js';
import { resourcePath, type ApiClient } from '../../client/client.js';

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
  if (o.tty && !o.stdin) throw new CliError('-i/--stdin is required for containers with -t/--tty=true');
  const attach = !!(o.stdin || o.tty);
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
  if (attach) {
    container.stdin = true;
    (container as Record<string, unknown>).stdinOnce = true;
    if (o.tty) container.tty = true;
  }
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
    if (attach && dry === 'none') return attachTo(ctx, client, ns, name, o);
  }
  if (fmt) ctx.stdout.write(formatObjects([result], fmt, true));
  else ctx.out(`pod/${name} created${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`);
}

/** `run -i/-t`: wait for the container, attach to it, and with --rm delete the pod afterwards. */
async function attachTo(ctx: Ctx, client: ApiClient, ns: string, name: string, o: RunOptions): Promise<void> {
  const deadline = Date.now() + 5 * 60_000;
  let pod: Pod;
  for (;;) {
    pod = await client.get<Pod>(PODS, ns, name);
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Succeeded' || phase === 'Failed') break;
    if (Date.now() > deadline) throw new CliError(`timed out waiting for the condition`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const tty = !!o.tty && !!process.stdin.isTTY;
  if (o.tty && !process.stdin.isTTY) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file');
  if (pod.status?.phase === 'Running') {
    if (tty) ctx.err("If you don't see a command prompt, try pressing enter.");
    ctx.exitCode = await streamSession(ctx, client, { subresource: 'attach', namespace: ns, pod: name, container: name, stdin: !!o.stdin, tty });
  } else {
    // It finished before we could attach: show what it printed, as kubectl does.
    await client.stream(resourcePath(PODS, ns, name, 'log'), { container: name }, (b) => ctx.stdout.write(b));
  }
  if (o.rm) {
    await client.delete(PODS, ns, name, {});
    ctx.out(`pod "${name}" deleted from ${ns} namespace`);
    // kubectl waits until the pod is really gone.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      try {
        await client.get(PODS, ns, name);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
