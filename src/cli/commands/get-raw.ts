// kbx get --raw /path: one GET of a server path, its body printed as it came (kubectl's RawOptions).
import type { IncomingMessage } from 'node:http';
import { StatusError } from '../../client/client.js';
import type { StatusObject } from '../../api/types.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';

/** kubectl's checks of `--raw` and what goes with it; returns the path. */
export function rawPath(raw: string, args: string[], output: string | undefined): string {
  if (args.length) throw new CliError('arguments may not be passed when --raw is specified');
  if (output) throw new CliError('--raw and --output are mutually exclusive');
  if (!raw.startsWith('/')) throw new CliError(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
  return raw;
}

/** The error kubectl reports for a failed raw request: the server's Status, or one made from the HTTP code. */
export function rawError(code: number, body: string): StatusError {
  try {
    const st = JSON.parse(body) as StatusObject;
    if (st && st.kind === 'Status') return new StatusError(st);
  } catch {
    /* not a Status */
  }
  const reasons: Record<number, [string, string]> = {
    400: ['BadRequest', 'the server rejected our request for an unknown reason'],
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', body || 'forbidden'],
    404: ['NotFound', 'the server could not find the requested resource'],
    405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    500: ['InternalError', 'an error on the server has prevented the request from succeeding'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  };
  const [reason, message] = reasons[code] ?? ['Unknown', `an error on the server ("${body}") has prevented the request from succeeding`];
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason, message, code } as StatusObject);
}

export async function getRaw(ctx: Ctx, args: string[], o: { raw: string; output?: string }): Promise<void> {
  const path = rawPath(o.raw, args, o.output);
  const client = await ctx.client();
  const { code, body } = await new Promise<{ code: number; body: Buffer }>((resolve, reject) => {
    const req = client.send(client.requestOptions('GET', path, client.headers({ Accept: 'application/json, */*' })), (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  if (code >= 400) throw rawError(code, body.toString('utf8'));
  ctx.stdout.write(body);
}
