// pods/exec and pods/attach over SPDY/3.1, as kubectl before 1.30 speaks them (and 1.30+ with
// KUBECTL_REMOTE_COMMAND_WEBSOCKETS=false): `Upgrade: SPDY/3.1` with X-Stream-Protocol-Version
// v4.channel.k8s.io, then one SPDY stream per channel, named by its `streamType` header (error, stdin, stdout,
// stderr, resize). The server waits for the streams the query asks for, runs the command, copies the streams
// and ends with a metav1.Status on the error stream (v4: the exit code in its causes), as the kubelet does.
import { podContainerNames } from '../api/pod-containers.js';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Pod } from '../api/types.js';
import type { ResourceRequest } from './routes.js';
import type { NodeApi } from '../kubelet/node-api.js';
import { SpdySession, type SpdyStream } from '../spdy/session.js';
import { socketTransport } from '../spdy/transports.js';

const PROTOCOL = 'v4.channel.k8s.io';

function refuse(socket: Duplex, code: number, message: string): void {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: code === 404 ? 'NotFound' : 'BadRequest', code });
  socket.end(`HTTP/1.1 ${code} ${code === 404 ? 'Not Found' : code === 403 ? 'Forbidden' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function handleExecSpdyUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, url: URL, pod: Pod | undefined, r: ResourceRequest, node: NodeApi): void {
  const versions = ([] as string[]).concat(req.headers['x-stream-protocol-version'] ?? []).flatMap((v) => v.split(',').map((s) => s.trim()));
  if (!versions.includes(PROTOCOL)) return refuse(socket, 403, `unable to upgrade: no common protocol among ${versions.join(', ') || '(none)'}; kbx speaks ${PROTOCOL}`);
  if (!pod) return refuse(socket, 404, `pods "${r.name}" not found`);
  const q = url.searchParams;
  const flag = (n: string) => q.get(n) === 'true' || q.get(n) === '1';
  const tty = flag('tty');
  const want = new Set(['error', ...(flag('stdin') ? ['stdin'] : []), ...(flag('stdout') ? ['stdout'] : []), ...(flag('stderr') && !tty ? ['stderr'] : []), ...(tty ? ['resize'] : [])]);
  const container = q.get('container') || pod.spec.containers[0]!.name;
  if (!podContainerNames(pod).includes(container)) {
    return refuse(socket, 400, `container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  (socket as import('node:net').Socket).setNoDelay?.(true);
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PROTOCOL}\r\n\r\n`);
  const transport = socketTransport(socket);
  const session = new SpdySession(transport, 'server');
  transport.bind(session);
  const streams = new Map<string, SpdyStream>();
  let started = false;
  const timer = setTimeout(() => session.close(new Error('timed out waiting for client to create streams')), 30_000);
  session.on('close', () => clearTimeout(timer));
  session.on('stream', (s: SpdyStream) => {
    s.reply();
    const type = String(s.headers.streamtype ?? '');
    streams.set(type, s);
    if (!started && [...want].every((t) => streams.has(t))) {
      started = true;
      clearTimeout(timer);
      run(session, streams, pod, r, node, q, container, tty).catch((e) => {
        writeStatus(streams.get('error'), { metadata: {}, status: 'Failure', message: String((e as Error)?.message ?? e), reason: 'InternalError', code: 500 });
        session.close();
      });
    }
  });
  if (head.length) session.receive(head);
}

function writeStatus(s: SpdyStream | undefined, status: unknown): void {
  if (s && !s.destroyed) s.end(JSON.stringify(status));
}

async function run(session: SpdySession, streams: Map<string, SpdyStream>, pod: Pod, r: ResourceRequest, node: NodeApi, q: URLSearchParams, container: string, tty: boolean): Promise<void> {
  const command = q.getAll('command');
  const stdin = streams.get('stdin');
  const exec = r.subresource === 'attach' ? await node.attach(pod, { container, command: [], stdin: !!stdin, tty }) : await node.exec(pod, { container, command, stdin: !!stdin, tty });
  if (stdin && exec.stdin) {
    stdin.on('data', (d: Buffer) => exec.stdin!.write(d));
    stdin.on('end', () => exec.stdin!.end());
  }
  let buffered = '';
  streams.get('resize')?.on('data', (d: Buffer) => {
    buffered += d.toString();
    let nl: number;
    // kubectl writes one JSON object per resize, without separators: split on the closing brace.
    while ((nl = buffered.indexOf('}')) >= 0) {
      const one = buffered.slice(0, nl + 1);
      buffered = buffered.slice(nl + 1);
      try {
        const { Width, Height } = JSON.parse(one) as { Width: number; Height: number };
        if (Width > 0 && Height > 0) exec.resize(Width, Height).catch(() => {});
      } catch {
        /* a malformed resize is ignored */
      }
    }
  });
  const copy = (from: NodeJS.ReadableStream, to: SpdyStream | undefined) =>
    new Promise<void>((resolve) => {
      from.on('data', (c: Buffer) => to?.write(c));
      from.on('end', () => resolve());
      from.on('close', () => resolve());
      from.on('error', () => resolve());
    });
  const out = copy(exec.stdout, streams.get('stdout'));
  const err = copy(exec.stderr, streams.get('stderr') ?? streams.get('stdout'));
  const code = await exec.wait();
  await Promise.race([Promise.all([out, err]), new Promise((res) => setTimeout(res, 2000))]);
  streams.get('stdout')?.end();
  streams.get('stderr')?.end();
  writeStatus(
    streams.get('error'),
    code === 0
      ? { metadata: {}, status: 'Success' }
      : {
          metadata: {},
          status: 'Failure',
          message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
          reason: 'NonZeroExitCode',
          details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
        },
  );
  setTimeout(() => session.close(), 100);
}
