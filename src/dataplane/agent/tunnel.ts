// The tunnel: how the host reaches into the cluster network without routing to container IPs (Docker Desktop
// cannot). Published on the host's loopback. A client sends one line, "<token> <ip> <port>\n"; the agent
// answers "OK\n" once connected (or "ERR <reason>\n" and closes), then relays bytes both ways, half-closes
// included. "@reverse"/"@accept" in place of the address are the API forward's (api-forward.ts). A ClusterIP goes through the service proxy (a ready backend); any other address is dialled as is.
import net from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { pipeBoth, connectAny } from './proxy.js';
import type { ServiceProxies } from './proxy.js';
import type { ApiForwarder } from './api-forward.js';

const MAX_HEADER = 512;

export class TunnelServer {
  private server?: net.Server;

  constructor(private token: () => string, private proxies: ServiceProxies, private log: (m: string) => void, private api?: ApiForwarder) {}

  listen(port: number): Promise<void> {
    this.server = net.createServer({ allowHalfOpen: true }, (sock) => this.accept(sock));
    return new Promise((res, rej) => {
      this.server!.once('error', rej);
      this.server!.listen(port, '0.0.0.0', () => res());
    });
  }

  private accept(sock: net.Socket): void {
    let head = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      head = Buffer.concat([head, d]);
      const nl = head.indexOf(10);
      if (nl < 0) {
        if (head.length > MAX_HEADER) sock.destroy();
        return;
      }
      sock.off('data', onData);
      sock.pause();
      const rest = head.subarray(nl + 1);
      const [token, ip, portText] = head.subarray(0, nl).toString('utf8').trim().split(/\s+/);
      const want = Buffer.from(this.token());
      const got = Buffer.from(token ?? '');
      if (got.length !== want.length || !timingSafeEqual(got, want)) {
        sock.end('ERR unauthorized\n');
        return;
      }
      // The control plane's side of the API forward (see api-forward.ts).
      if (this.api && ip === '@reverse') return this.api.setControl(sock);
      if (this.api && ip === '@accept') return this.api.accept(portText ?? '', sock);
      const port = Number(portText);
      if (!ip || !Number.isInteger(port) || port < 1 || port > 65535) {
        sock.end('ERR bad target\n');
        return;
      }
      const dial = this.proxies.owns(ip, port) ? this.proxies.dialService(ip, port) : connectAny([{ ip, port }], 0);
      void dial.then((up) => {
        if (!up) {
          sock.end(`ERR dial tcp ${ip}:${port}: connect: connection refused\n`);
          return;
        }
        sock.write('OK\n');
        if (rest.length) up.write(rest);
        pipeBoth(sock, up);
        sock.resume();
      });
    };
    sock.on('data', onData);
    sock.on('error', () => sock.destroy());
  }

  close(): void {
    this.server?.close();
  }
}
