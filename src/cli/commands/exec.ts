// kbx exec POD [-c C] [-i] [-t] -- CMD...: Kubernetes' v5 channel protocol over a WebSocket to the
// control plane, which runs the command through Docker. The command's exit code becomes ours.
import WebSocket from 'ws';
import { resourcePath } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { defaultContainer, PODS, resolvePod } from '../pods.js';

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
  const query: Record<string, string | string[]> = { command, container, stdout: 'true' };
  if (o.stdin) query.stdin = 'true';
  if (tty) query.tty = 'true';
  else query.stderr = 'true';
  const url = client.wsUrl(resourcePath(PODS, ns, pod.metadata.name, 'exec'), query);
  ctx.exitCode = await new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url, ['v5.channel.k8s.io'], { headers: { Authorization: `Bearer ${client.token}` }, perMessageDeflate: false });
    let code = 0;
    let raw = false;
    const restore = () => {
      if (raw) process.stdin.setRawMode?.(false);
      raw = false;
    };
    const sendResize = () => {
      if (ws.readyState !== ws.OPEN) return;
      const size = JSON.stringify({ Width: process.stdout.columns ?? 80, Height: process.stdout.rows ?? 24 });
      ws.send(Buffer.concat([Buffer.from([4]), Buffer.from(size)]));
    };
    ws.on('unexpected-response', (_req, res) => {
      reject(new CliError(`unable to upgrade connection: ${res.statusCode} ${res.statusMessage}`));
    });
    ws.on('open', () => {
      if (tty) {
        process.stdin.setRawMode?.(true);
        raw = true;
        sendResize();
        process.stdout.on('resize', sendResize);
      }
      if (o.stdin) {
        process.stdin.on('data', (d: Buffer) => {
          if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([0]), d]));
        });
        process.stdin.on('end', () => {
          if (ws.readyState === ws.OPEN) ws.send(Buffer.from([255, 0]));
        });
        process.stdin.resume();
      }
    });
    ws.on('message', (data: Buffer) => {
      if (!data.length) return;
      const ch = data[0];
      const payload = data.subarray(1);
      if (ch === 1) ctx.stdout.write(payload);
      else if (ch === 2) ctx.stderr.write(payload);
      else if (ch === 3) {
        try {
          const st = JSON.parse(payload.toString()) as { status?: string; reason?: string; message?: string; details?: { causes?: { reason?: string; message?: string }[] } };
          if (st.status === 'Failure') {
            const exit = st.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
            if (st.reason === 'NonZeroExitCode' && exit) {
              code = Number(exit);
              restore();
              ctx.err(`command terminated with exit code ${code}`);
            } else {
              code = 1;
              restore();
              ctx.err(`error: ${st.message ?? 'exec failed'}`);
            }
          }
        } catch {
          /* ignore a malformed status */
        }
      }
    });
    ws.on('close', () => {
      restore();
      process.stdin.pause();
      resolve(code);
    });
    ws.on('error', (e) => {
      restore();
      reject(new CliError(`error dialing backend: ${e.message}`));
    });
  });
}
