// kbx attach POD [-c C] [-i] [-t]: joins the container's main process, as kubectl attach does.
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { defaultContainer, resolvePod } from '../pods.js';
import { streamSession } from '../stream-session.js';

interface AttachOptions {
  namespace?: string;
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
}

export async function run(ctx: Ctx, args: string[], o: AttachOptions): Promise<void> {
  if (args.length !== 1) throw new CliError("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 0: []\nSee 'kbx attach -h' for help and examples", 1, true);
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const pod = await resolvePod(client, ns, args[0]!);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  const container = defaultContainer(ctx, pod, o.container, o.quiet);
  let tty = !!o.tty;
  if (tty && !process.stdin.isTTY) {
    if (!o.quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file');
    tty = false;
  }
  if (tty && !o.quiet) ctx.err("If you don't see a command prompt, try pressing enter.");
  ctx.exitCode = await streamSession(ctx, client, { subresource: 'attach', namespace: ns, pod: pod.metadata.name!, container, stdin: !!o.stdin, tty });
}
