// pods/exec over WebSocket, in Kubernetes' channel protocol (v5.channel.k8s.io, v4 accepted):
// every binary message starts with a channel byte — 0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize;
// v5 adds 255 = "close this channel" (stdin EOF). The exit code travels as a Status on channel 3.
import { podContainerNames } from '../api/pod-containers.js';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Pod } from '../api/types.js';
import type { ResourceRequest } from './routes.js';
import type { NodeApi } from '../kubelet/node-api.js';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

function frame(channel: number, data: Buffer | string): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from([channel]), payload]);
}

export async function handleExecUpgrade(
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  url: URL,
  pod: Pod | undefined,
  r: ResourceRequest,
  node: NodeApi,
): Promise<void> {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '');
  if (!PROTOCOLS.some((p) => offered.includes(p))) {
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    runExec(ws, url, pod, r, node).catch((e) => {
      sendStatus(ws, failure(String((e as Error)?.message ?? e)));
      ws.close(1000);
    });
  });
}

function failure(message: string, reason = 'InternalError') {
  return { metadata: {}, status: 'Failure', message, reason, code: 500 };
}

function sendStatus(ws: WebSocket, status: unknown): void {
  if (ws.readyState === ws.OPEN) ws.send(frame(CHANNEL.error, JSON.stringify(status)));
}

async function runExec(ws: WebSocket, url: URL, pod: Pod | undefined, r: ResourceRequest, node: NodeApi): Promise<void> {
  const q = url.searchParams;
  if (!pod) {
    sendStatus(ws, { ...failure(`pods "${r.name}" not found`, 'NotFound'), code: 404 });
    ws.close(1000);
    return;
  }
  const command = q.getAll('command');
  const tty = q.get('tty') === 'true' || q.get('tty') === '1';
  const wantStdin = q.get('stdin') === 'true' || q.get('stdin') === '1';
  let container = q.get('container') ?? '';
  if (!container) container = pod.spec.containers[0]!.name;
  if (!podContainerNames(pod).includes(container)) {
    sendStatus(ws, { ...failure(`container ${container} is not valid for pod ${pod.metadata.name}`, 'BadRequest'), code: 400 });
    ws.close(1000);
    return;
  }
  // Keystrokes can arrive before Docker's exec is attached: hold them until it is.
  const pending: Buffer[] = [];
  let stdinEnded = false;
  let session: Awaited<ReturnType<NodeApi['exec']>> | undefined;
  let lastSize: [number, number] | undefined;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const buf = isBinary ? data : Buffer.from(data);
    if (buf.length === 0) return;
    const ch = buf[0]!;
    const payload = buf.subarray(1);
    if (ch === CHANNEL.stdin) {
      if (session?.stdin) session.stdin.write(payload);
      else pending.push(Buffer.from(payload));
    } else if (ch === CHANNEL.resize) {
      try {
        const { Width, Height } = JSON.parse(payload.toString()) as { Width: number; Height: number };
        if (Width > 0 && Height > 0) {
          lastSize = [Width, Height];
          session?.resize(Width, Height).catch(() => {});
        }
      } catch {
        /* ignore a malformed resize */
      }
    } else if (ch === CHANNEL.close && payload[0] === CHANNEL.stdin) {
      stdinEnded = true;
      session?.stdin?.end();
    }
  });
  ws.on('close', () => session?.close());
  // attach joins the container's main process; exec starts a new one.
  session = r.subresource === 'attach' ? await node.attach(pod, { container, command: [], stdin: wantStdin, tty }) : await node.exec(pod, { container, command, stdin: wantStdin, tty });
  if (session.stdin) {
    for (const p of pending) session.stdin.write(p);
    if (stdinEnded) session.stdin.end();
  }
  if (lastSize) session.resize(lastSize[0], lastSize[1]).catch(() => {});
  const outDone = pipeOut(session.stdout, ws, CHANNEL.stdout);
  const errDone = pipeOut(session.stderr, ws, CHANNEL.stderr);
  const code = await session.wait();
  await Promise.race([Promise.all([outDone, errDone]), new Promise((r) => setTimeout(r, 2000))]);
  if (code === 0) sendStatus(ws, { metadata: {}, status: 'Success' });
  else {
    sendStatus(ws, {
      metadata: {},
      status: 'Failure',
      message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
    });
  }
  ws.close(1000);
}

function pipeOut(stream: NodeJS.ReadableStream, ws: WebSocket, channel: number): Promise<void> {
  return new Promise((resolve) => {
    stream.on('data', (chunk: Buffer) => {
      if (ws.readyState === ws.OPEN) ws.send(frame(channel, chunk));
    });
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', () => resolve());
  });
}
