// pods/{name}/portforward as kubectl 1.35 speaks it: a SPDY/3.1 session, tunnelled in the binary messages of a
// WebSocket (subprotocol SPDY/3.1+portforward.k8s.io), or on the raw socket after `Upgrade: SPDY/3.1` (kubectl's
// fallback). Per forwarded connection the client opens two streams carrying headers streamtype (error|data),
// port and requestid; the data stream is piped to the port in the pod (NodeApi.dialPod), the error stream
// carries a text message if that fails. The session ends with GOAWAY when the pod stops running or goes away,
// so the client learns it lost the pod.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Pod } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import type { ResourceRequest } from './routes.js';
import type { NodeApi } from '../kubelet/node-api.js';
import { SpdySession, type SpdyStream } from '../spdy/session.js';
import { socketTransport, wsTransport, type BindableTransport } from '../spdy/transports.js';

export const PORTFORWARD_PROTOCOL = 'portforward.k8s.io';
export const SPDY_WS_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
/** How long the first stream of a pair waits for the other one. */
const PAIR_TIMEOUT_MS = 30_000;

// `SPDY/3.1+portforward.k8s.io` is not an RFC 6455 token ('/' and '+'), so `ws` would refuse the handshake:
// the subprotocol is checked here, hidden from `ws`, and named in the 101 reply by hand.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on('headers', (headers: string[]) => headers.push(`Sec-WebSocket-Protocol: ${SPDY_WS_PROTOCOL}`));

export function handlePortForwardUpgrade(
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  pod: Pod | undefined,
  r: ResourceRequest,
  node: NodeApi,
  registry: Registry,
): void {
  if (!pod) return refuse(socket, 404, 'NotFound', `pods "${r.name}" not found`, { name: r.name, kind: 'pods' });
  if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) {
    return refuse(socket, 400, 'BadRequest', `pod ${pod.metadata.name} is not running (phase ${pod.status?.phase ?? 'Pending'})`);
  }
  (socket as import('node:net').Socket).setNoDelay?.(true);
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  if (upgrade === 'websocket') {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(SPDY_WS_PROTOCOL) && offered.some((p) => CHANNEL_PROTOCOLS.includes(p))) {
      // The kubelet's own WebSocket port forwarding (client-node, browsers): channels, ports from the query.
      const ports = channelPorts(new URL(req.url ?? '/', 'http://localhost').searchParams);
      if ('error' in ports) return refuse(socket, 400, 'BadRequest', ports.error);
      channelWss.handleUpgrade(req, socket, head, (ws) => serveChannels(ws, ports.ports, pod, node, registry));
      return;
    }
    if (!offered.includes(SPDY_WS_PROTOCOL)) {
      return refuse(socket, 400, 'BadRequest', `unable to upgrade: the supported WebSocket subprotocols are ${SPDY_WS_PROTOCOL} and ${CHANNEL_PROTOCOLS.join(', ')}`);
    }
    delete req.headers['sec-websocket-protocol'];
    wss.handleUpgrade(req, socket, head, (ws) => serve(wsTransport(ws), pod, node, registry));
    return;
  }
  if (upgrade === 'spdy/3.1') {
    const versions = ([] as string[]).concat(req.headers['x-stream-protocol-version'] ?? []).flatMap((v) => v.split(',').map((s) => s.trim()));
    if (versions.length && !versions.includes(PORTFORWARD_PROTOCOL)) {
      return refuse(socket, 403, 'Forbidden', `unable to upgrade: no common protocol among ${versions.join(', ')}`);
    }
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' + `X-Stream-Protocol-Version: ${PORTFORWARD_PROTOCOL}\r\n\r\n`,
    );
    const session = serve(socketTransport(socket), pod, node, registry);
    if (head.length) session.receive(head);
    return;
  }
  refuse(socket, 400, 'BadRequest', 'Upgrade request required');
}

/** The kubelet's port-forward WebSocket subprotocols, preferred first (the channel number leads each message). */
export const CHANNEL_PROTOCOLS = ['v4.channel.k8s.io', 'channel.k8s.io'];
const channelWss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered: Set<string>) => CHANNEL_PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

/** The `ports` query parameters (each may list several, comma-separated), as the kubelet parses them. */
export function channelPorts(q: URLSearchParams): { ports: number[] } | { error: string } {
  const raw = q.getAll('ports').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  if (!raw.length) return { error: 'query parameter "port" is required' };
  const ports: number[] = [];
  for (const s of raw) {
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!(n >= 0 && n <= 65535)) return { error: `unable to parse "${s}" as a port: strconv.ParseUint: parsing ${JSON.stringify(s)}: ${/^\d+$/.test(s) ? 'value out of range' : 'invalid syntax'}` };
    if (n < 1) return { error: 'port "0" must be > 0' };
    ports.push(n);
  }
  return { ports };
}

/** A message on a channel: its number, then the bytes. */
export function channelFrame(channel: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), payload]);
}

/** The first message on each of a port's channels: the port, 16 bits little-endian. */
export function portPrefix(channel: number, port: number): Buffer {
  const b = Buffer.alloc(3);
  b[0] = channel;
  b.writeUInt16LE(port, 1);
  return b;
}

/**
 * One WebSocket forwards one connection per requested port: port i's data on channel 2i, its errors on 2i+1.
 * The socket closes when every pod connection has ended, or when the pod stops running.
 */
function serveChannels(ws: import('ws').WebSocket, ports: number[], pod: Pod, node: NodeApi, registry: Registry): void {
  const podName = pod.metadata.name!;
  const uid = pod.metadata.uid!;
  const conns: (Duplex | undefined)[] = [];
  let open = ports.length;
  const send = (b: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(b);
  };
  const done = new Set<number>();
  const ended = (i: number) => {
    if (done.has(i)) return;
    done.add(i);
    if (--open <= 0) ws.close(1000);
  };
  const stopWatch = registry.watch(PODS, pod.metadata.namespace, { fieldSelector: `metadata.name=${podName}` }, (e) => {
    const p = e.object as Pod;
    if (e.type === 'DELETED' || p.metadata.uid !== uid || p.metadata.deletionTimestamp || (p.status?.phase && p.status.phase !== 'Running')) ws.close(1000);
  });
  ws.on('close', () => {
    stopWatch();
    for (const c of conns) c?.destroy();
  });
  ws.on('error', () => {});
  ports.forEach((port, i) => {
    send(portPrefix(2 * i, port));
    send(portPrefix(2 * i + 1, port));
  });
  const pending: Buffer[][] = ports.map(() => []);
  ws.on('message', (data: Buffer) => {
    if (!data.length) return;
    const i = data[0]! / 2;
    if (!Number.isInteger(i) || i >= ports.length) return;
    const payload = data.subarray(1);
    const c = conns[i];
    if (c) c.write(payload);
    else pending[i]!.push(Buffer.from(payload));
  });
  ports.forEach(async (port, i) => {
    const fail = (msg: string) => {
      send(channelFrame(2 * i + 1, Buffer.from(msg)));
      ended(i);
    };
    const conn = await dialForwarded(node, pod, port, fail);
    if (!conn) return;
    if (ws.readyState !== ws.OPEN) {
      conn.destroy();
      return;
    }
    conns[i] = conn;
    for (const b of pending[i]!) conn.write(b);
    pending[i] = [];
    conn.on('data', (d: Buffer) => send(channelFrame(2 * i, d)));
    conn.on('error', (e: Error) => fail(`error forwarding port ${port} to pod ${podName}, uid ${uid}: ${e.message}`));
    conn.on('close', () => ended(i));
  });
}

/** Connects to the pod's port; on failure says so in the kubelet's words (through `fail`) and gives undefined. */
async function dialForwarded(node: NodeApi, pod: Pod, port: number, fail: (msg: string) => void): Promise<Duplex | undefined> {
  try {
    if (!node.dialPod) throw new Error('this node cannot forward ports');
    return await node.dialPod(pod, port);
  } catch (e) {
    fail(`error forwarding port ${port} to pod ${pod.metadata.name}, uid ${pod.metadata.uid}: ${(e as Error).message}`);
    return undefined;
  }
}

function refuse(socket: Duplex, code: number, reason: string, message: string, details?: Record<string, unknown>): void {
  const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[code] ?? 'Error';
  socket.end(`HTTP/1.1 ${code} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function serve(transport: BindableTransport, pod: Pod, node: NodeApi, registry: Registry): SpdySession {
  const session = new SpdySession(transport, 'server');
  transport.bind(session);
  const pairs = new Map<string, { error?: SpdyStream; data?: SpdyStream; timer: NodeJS.Timeout }>();
  const podName = pod.metadata.name!;
  const uid = pod.metadata.uid!;

  // The session lives as long as the pod runs: GOAWAY once it is deleted, replaced or stops running.
  let stopWatch: (() => void) | undefined;
  session.on('close', () => {
    stopWatch?.();
    for (const p of pairs.values()) clearTimeout(p.timer);
    pairs.clear();
  });
  stopWatch = registry.watch(PODS, pod.metadata.namespace, { fieldSelector: `metadata.name=${podName}` }, (e) => {
    const p = e.object as Pod;
    if (e.type === 'DELETED' || p.metadata.uid !== uid || p.metadata.deletionTimestamp || (p.status?.phase && p.status.phase !== 'Running')) {
      session.goAway();
    }
  });
  if (session.closed) stopWatch(); // the pod was already going when the watch started

  session.on('stream', (s: SpdyStream) => {
    s.reply();
    s.on('error', () => {});
    const type = s.headers.streamtype;
    const key = s.headers.requestid ?? `stream-${s.id}`;
    if (type !== 'error' && type !== 'data') {
      s.reset();
      return;
    }
    let pair = pairs.get(key);
    if (!pair) {
      const timer = setTimeout(() => {
        const p = pairs.get(key);
        pairs.delete(key);
        p?.error?.reset();
        p?.data?.reset();
      }, PAIR_TIMEOUT_MS);
      timer.unref();
      pair = { timer };
      pairs.set(key, pair);
    }
    pair[type] = s;
    if (type === 'error') s.resume(); // the client half-closes it at once; nothing to read
    if (pair.error && pair.data) {
      clearTimeout(pair.timer);
      pairs.delete(key);
      forward(pair.error, pair.data, podName, uid, pod, node);
    }
  });
  return session;
}

async function forward(errorStream: SpdyStream, data: SpdyStream, podName: string, uid: string, pod: Pod, node: NodeApi): Promise<void> {
  const port = Number(data.headers.port);
  const fail = (msg: string) => {
    if (!errorStream.writableEnded && !errorStream.destroyed) errorStream.end(msg);
    if (!data.writableEnded && !data.destroyed) data.end();
  };
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return fail(`invalid port "${data.headers.port ?? ''}": a port number between 1 and 65535 is required`);
  }
  const conn = await dialForwarded(node, pod, port, fail);
  if (!conn) return;
  if (data.destroyed) {
    conn.destroy();
    return;
  }
  data.pipe(conn); // the client's FIN half-closes the pod connection
  conn.pipe(data); // the pod closing its side sends FIN
  conn.on('end', () => {
    // Both directions may still be busy, but kubectl waits for the error stream to end once the pod side is done.
    if (!errorStream.writableEnded && !errorStream.destroyed) errorStream.end();
  });
  conn.on('error', (e: Error) => fail(`error forwarding port ${port} to pod ${podName}, uid ${uid}: ${e.message}`));
  data.on('error', () => conn.destroy());
  data.on('close', () => {
    if (!conn.destroyed && !conn.readableEnded) conn.destroy();
  });
}
