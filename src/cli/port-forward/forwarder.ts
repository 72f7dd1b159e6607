// The client side of port-forward, as kubectl does it: one SPDY/3.1 session to pods/NAME/portforward, local
// listeners, and per accepted connection an error stream and a data stream carrying port and requestid. Each
// connection half-closes independently in each direction. The session runs on the upgraded HTTP connection
// (`Upgrade: SPDY/3.1`, kubectl's fallback) rather than tunnelled in a WebSocket: same frames, one layer less.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { SpdySession, type SpdyStream } from '../../spdy/session.js';
import { socketTransport } from '../../spdy/transports.js';
import { joinHostPort, type ForwardedPort, type ListenAddress } from './args.js';

export const PORTFORWARD_PROTOCOL = 'portforward.k8s.io';
/** kubectl pings every 10 s so idle connections through proxies stay up. */
const PING_MS = 10_000;

export interface ForwarderOptions {
  /** POST …/api/v1/namespaces/NS/pods/NAME/portforward with these headers (and the client's credentials, TLS). */
  upgradeRequest: (headers: Record<string, string>) => http.ClientRequest;
  addresses: ListenAddress[];
  ports: ForwardedPort[];
  out: (s: string) => void;
  err: (s: string) => void;
}

export class LostConnectionError extends Error {
  constructor() {
    super('lost connection to pod');
  }
}

export class PortForwarder {
  private session?: SpdySession;
  private readonly servers: net.Server[] = [];
  private readonly sockets = new Set<net.Socket>();
  private nextRequest = 0;
  private stopping = false;
  private settle!: { resolve: () => void; reject: (e: Error) => void };
  /** Resolves after stop(); rejects with LostConnectionError when the session ends on its own. */
  readonly done: Promise<void>;

  constructor(private readonly o: ForwarderOptions) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  /** Upgrades the connection, then listens; resolves once listening. */
  async start(): Promise<void> {
    const { socket, head } = await upgrade(this.o.upgradeRequest);
    const transport = socketTransport(socket);
    const session = new SpdySession(transport, 'client');
    transport.bind(session);
    if (head.length) session.receive(head);
    this.session = session;
    const ping = setInterval(() => session.ping(), PING_MS);
    ping.unref();
    session.on('close', () => {
      clearInterval(ping);
      this.closeListeners();
      if (this.stopping) this.settle.resolve();
      else this.settle.reject(new LostConnectionError());
    });
    let any = false;
    for (const port of this.o.ports) {
      try {
        await this.listenOnPort(port);
        any = true;
      } catch (e) {
        this.o.err(`Unable to listen on port ${port.local}: ${(e as Error).message}\n`);
      }
    }
    if (!any) {
      this.stop();
      throw new Error(`unable to listen on any of the requested ports: [${this.o.ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]`);
    }
  }

  /** Releases the ports and ends the session. */
  stop(): void {
    this.stopping = true;
    this.closeListeners();
    if (this.session && !this.session.closed) this.session.close();
    else this.settle.resolve();
  }

  private closeListeners(): void {
    for (const s of this.servers.splice(0)) s.close();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  private async listenOnPort(port: ForwardedPort): Promise<void> {
    const errors: string[] = [];
    const ok = { all: 0, any: 0 };
    const failed = { all: 0, any: 0 };
    for (const addr of this.o.addresses) {
      try {
        await this.listen(port, addr);
        ok[addr.failureMode]++;
      } catch (e) {
        errors.push(`unable to create listener: Error listen tcp${addr.family} ${joinHostPort(addr.address, port.local)}: ${bindError(e)}`);
        failed[addr.failureMode]++;
      }
    }
    if ((ok.all === 0 && failed.all > 0) || failed.any > 0) {
      throw new Error(`Listeners failed to create with the following errors: [${errors.join(' ')}]`);
    }
  }

  private listen(port: ForwardedPort, addr: ListenAddress): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.handle(socket, port));
      server.once('error', reject);
      server.listen({ host: addr.address, port: port.local, ipv6Only: addr.family === 6, exclusive: true }, () => {
        server.off('error', reject);
        server.on('error', () => {});
        const bound = (server.address() as net.AddressInfo).port;
        port.local = bound; // a random port (0) stays the same on the other addresses
        this.servers.push(server);
        this.o.out(`Forwarding from ${joinHostPort(addr.address, bound)} -> ${port.remote}\n`);
        resolve();
      });
    });
  }

  private async handle(local: net.Socket, port: ForwardedPort): Promise<void> {
    const session = this.session;
    if (!session || session.closed) return void local.destroy();
    this.sockets.add(local);
    local.on('close', () => this.sockets.delete(local));
    local.on('error', () => {});
    this.o.out(`Handling connection for ${port.local}\n`);
    const requestid = String(this.nextRequest++);
    const headers = { port: String(port.remote), requestid };
    let errorStream: SpdyStream;
    let data: SpdyStream;
    try {
      errorStream = session.openStream({ streamtype: 'error', ...headers });
      errorStream.on('error', () => {});
      errorStream.end(); // nothing to say on it: half-closed at once, as kubectl does
      await errorStream.waitReply();
    } catch (e) {
      if (this.stopping) return void local.destroy();
      this.o.err(`error creating error stream for port ${port.local} -> ${port.remote}: ${(e as Error).message}\n`);
      return void local.destroy();
    }
    try {
      data = session.openStream({ streamtype: 'data', ...headers });
      data.on('error', () => {});
      await data.waitReply();
    } catch (e) {
      if (this.stopping) return void local.destroy();
      this.o.err(`error creating forwarding stream for port ${port.local} -> ${port.remote}: ${(e as Error).message}\n`);
      errorStream.reset();
      return void local.destroy();
    }
    const message = readText(errorStream);
    const remoteDone = new Promise<void>((r) => {
      data.once('end', r);
      data.once('close', r);
      local.once('close', r);
    });
    local.pipe(data); // the local client's half-close becomes FIN
    data.pipe(local); // the pod's FIN half-closes the local socket
    await remoteDone;
    const text = await message;
    if (text) this.o.err(`an error occurred forwarding ${port.local} -> ${port.remote}: ${text}\n`);
    // Let what was written to the local socket drain before closing it.
    if (!local.destroyed && !local.writableFinished) await new Promise((r) => (local.once('finish', r), local.once('close', r)));
    local.destroy();
    data.reset();
    errorStream.reset();
  }
}

function readText(s: SpdyStream): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString()));
    s.once('end', () => resolve(text));
    s.once('close', () => resolve(text));
  });
}

function bindError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'bind: address already in use';
  if (code === 'EADDRNOTAVAIL') return 'bind: cannot assign requested address';
  if (code === 'EACCES') return 'bind: permission denied';
  return (e as Error).message;
}

/** POST …/portforward with `Upgrade: SPDY/3.1`; resolves with the upgraded connection. */
function upgrade(request: ForwarderOptions['upgradeRequest']): Promise<{ socket: Duplex; head: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({
      Connection: 'Upgrade',
      Upgrade: 'SPDY/3.1',
      'X-Stream-Protocol-Version': PORTFORWARD_PROTOCOL,
    });
    req.once('upgrade', (res, socket, head) => {
      if (String(res.headers['x-stream-protocol-version'] ?? '') !== PORTFORWARD_PROTOCOL) {
        socket.destroy();
        return reject(new Error(`error upgrading connection: unable to negotiate the ${PORTFORWARD_PROTOCOL} protocol`));
      }
      (socket as net.Socket).setNoDelay?.(true);
      resolve({ socket, head });
    });
    req.once('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        let msg = `${res.statusCode} ${res.statusMessage}`;
        try {
          msg = (JSON.parse(body) as { message?: string }).message ?? msg;
        } catch {
          /* not a Status */
        }
        reject(new Error(`error upgrading connection: ${msg}`));
      });
    });
    req.once('error', (e) => reject(new Error(`error upgrading connection: ${e.message}`)));
    req.end();
  });
}
