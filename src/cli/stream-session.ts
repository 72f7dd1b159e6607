// A terminal session over Kubernetes' channel protocol (v5.channel.k8s.io): used by exec, attach and
// `run -i/-t`. stdin goes on channel 0, stdout/stderr come on 1/2, the result as a Status on 3.
import WebSocket from 'ws';
import { resourcePath, type ApiClient } from '../client/client.js';
import type { Ctx } from './context.js';
import { CliError } from './errors.js';
import { PODS } from './pods.js';

export interface SessionOptions {
  subresource: 'exec' | 'attach';
  namespace: string;
  pod: string;
  container: string;
  command?: string[];
  stdin: boolean;
  tty: boolean;
  /** Sent as the whole stdin (then closed) instead of the terminal's (cp). */
  input?: Buffer;
  /** Receives stdout instead of ctx.stdout (cp). */
  output?: (b: Buffer) => void;
  /** No `command terminated with exit code N` line (a probe such as cp's `test -d`). */
  quiet?: boolean;
}

/** Runs the session; resolves with the remote exit code. */
export function streamSession(ctx: Ctx, client: ApiClient, o: SessionOptions): Promise<number> {
  const tty = o.tty;
  const query: Record<string, string | string[]> = { container: o.container, stdout: 'true' };
  if (o.command?.length) query.command = o.command;
  if (o.stdin) query.stdin = 'true';
  if (tty) query.tty = 'true';
  else query.stderr = 'true';
  const url = client.wsUrl(resourcePath(PODS, o.namespace, o.pod, o.subresource), query);
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url, ['v5.channel.k8s.io'], { headers: client.headers(), perMessageDeflate: false, ...client.tlsOptions() });
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
      if (o.stdin && o.input) {
        ws.send(Buffer.concat([Buffer.from([0]), o.input]));
        ws.send(Buffer.from([255, 0]));
      } else if (o.stdin) {
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
      if (ch === 1) (o.output ? o.output(Buffer.from(payload)) : ctx.stdout.write(payload));
      else if (ch === 2) ctx.stderr.write(payload);
      else if (ch === 3) {
        try {
          const st = JSON.parse(payload.toString()) as { status?: string; reason?: string; message?: string; details?: { causes?: { reason?: string; message?: string }[] } };
          if (st.status === 'Failure') {
            const exit = st.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
            if (st.reason === 'NonZeroExitCode' && exit) {
              code = Number(exit);
              restore();
              if (!o.quiet) ctx.err(`command terminated with exit code ${code}`);
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
      if (o.stdin && !o.input) process.stdin.pause();
      resolve(code);
    });
    ws.on('error', (e) => {
      restore();
      reject(new CliError(`error dialing backend: ${e.message}`));
    });
  });
}
