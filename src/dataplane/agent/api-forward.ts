// The API server as pods see it: the `kubernetes` Service's endpoint is this agent's address on the cluster
// network, port API_FORWARD_PORT (6443, the apiserver's usual port). The control plane listens on the host's
// loopback only, which a container cannot reach everywhere (Docker Desktop), so the connection goes the other
// way: the control plane keeps one control connection to the tunnel ("<token> @reverse 0"); for every pod
// connection the agent writes its id there, the control plane dials the tunnel back ("<token> @accept <id>"),
// connects that to its HTTPS port, and the agent joins the two. TLS stays end to end (pod ↔ API server).
import net from 'node:net';
import { pipeBoth } from './proxy.js';

/** How long a pod connection waits for the control plane to answer before it is refused. */
const ACCEPT_TIMEOUT_MS = 5000;

export class ApiForwarder {
  private server?: net.Server;
  private control?: net.Socket;
  private pending = new Map<string, { sock: net.Socket; timer: NodeJS.Timeout }>();
  private seq = 0;

  constructor(private log: (m: string) => void) {}

  listen(port: number): Promise<void> {
    this.server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (sock) => this.incoming(sock));
    return new Promise((res, rej) => {
      this.server!.once('error', rej);
      this.server!.listen(port, '0.0.0.0', () => res());
    });
  }

  /** The control plane's control connection (a newer one replaces an older one). */
  setControl(sock: net.Socket): void {
    this.control?.destroy();
    this.control = sock;
    sock.write('OK\n');
    sock.resume(); // the control plane sends nothing more; reading keeps 'close' coming
    sock.on('data', () => undefined);
    const gone = () => {
      if (this.control === sock) this.control = undefined;
    };
    sock.on('close', gone);
    sock.on('error', gone);
    this.log('api forward: control plane connected');
  }

  /** The control plane's connection for pod connection `id`. */
  accept(id: string, up: net.Socket): void {
    const p = this.pending.get(id);
    if (!p) {
      up.end('ERR no such connection\n');
      return;
    }
    this.pending.delete(id);
    clearTimeout(p.timer);
    up.write('OK\n');
    pipeBoth(p.sock, up);
    up.resume();
    p.sock.resume();
  }

  private incoming(sock: net.Socket): void {
    sock.on('error', () => sock.destroy());
    if (!this.control || this.control.destroyed) {
      sock.resetAndDestroy();
      return;
    }
    const id = String(++this.seq);
    const timer = setTimeout(() => {
      this.pending.delete(id);
      sock.resetAndDestroy();
    }, ACCEPT_TIMEOUT_MS);
    this.pending.set(id, { sock, timer });
    this.control.write(`${id}\n`);
  }

  close(): void {
    this.server?.close();
    this.control?.destroy();
  }
}
