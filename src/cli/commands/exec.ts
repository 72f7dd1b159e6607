// kbx exec POD [-c C] [-i] [-t] -- CMD...: Kubernetes' v5 channel protocol over a WebSocket to the
// control plane, which runs the command through Docker. The command's exit code becomes ours.
import { streamSession } from '../stream-session.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { defaultContainer, resolvePod } from '../pods.js';

interface ExecOptions {
  namespace?: string;
  container?: string;
  stdin?: boolean;
  tty?: boolean;
  quiet?: boolean;
}

export async function run(ctx: Ctx, args: string[], o: ExecOptions): Promise<void> {
  if (!args.length) throw new CliError("expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kbx exec -h' for help and examples", 1, true);
  let command = ctx.dashArgs;
  if (!command.length) {
    if (args.length > 1) {
      ctx.err('kbx exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kbx exec [POD] -- [COMMAND] instead.');
      command = args.slice(1);
    } else {
      throw new CliError('you must specify at least one command for the container');
    }
  }
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const pod = await resolvePod(client, ns, args[0]!);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = defaultContainer(ctx, pod, o.container, o.quiet);
  let tty = !!o.tty;
  const stdinIsTTY = !!process.stdin.isTTY;
  if (tty && !stdinIsTTY) {
    if (!o.quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file');
    tty = false;
  }
  ctx.exitCode = await streamSession(ctx, client, { subresource: 'exec', namespace: ns, pod: pod.metadata.name!, container, command, stdin: !!o.stdin, tty });
}
