// Service proxies: one listener per ClusterIP:port (TCP and UDP), spreading connections round-robin over the
// port's ready backends, skipping a backend that refuses. Backends are looked up per connection, so an
// Endpoints change applies at once without touching the listeners.
import dgram from 'node:dgram';
import net from 'node:net';
import type { BackendAddress, DataplaneConfig } from '../protocol.js';
import { connectionAllowed, type PolicyProtocol, type PolicyTable } from '../netpol-match.js';

const UDP_IDLE_MS = 30_000;
const CONNECT_TIMEOUT_MS = 3000;

export function pipeBoth(a: net.Socket, b: net.Socket): void {
  // End propagates (half-close both ways); an error on one side tears both down.
  a.pipe(b);
  b.pipe(a);
  const kill = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', kill);
  b.on('error', kill);
  a.on('close', () => !b.writableEnded && b.destroy());
  b.on('close', () => !a.writableEnded && a.destroy());
}

/** Connects to the first backend that accepts, starting at `start`. */
export function connectAny(backends: BackendAddress[], start: number): Promise<net.Socket | undefined> {
  return new Promise((resolve) => {
    const tryAt = (i: number) => {
      if (i >= backends.length) return resolve(undefined);
      const b = backends[(start + i) % backends.length]!;
      const s = net.connect({ host: b.ip, port: b.port, allowHalfOpen: true });
      const t = setTimeout(() => s.destroy(new Error('connect timeout')), CONNECT_TIMEOUT_MS);
      s.once('connect', () => {
        clearTimeout(t);
        s.removeAllListeners('error');
        resolve(s);
      });
      s.once('error', () => {
        clearTimeout(t);
        tryAt(i + 1);
      });
    };
    tryAt(0);
  });
}

interface Listener {
  close(): void;
}

export class ServiceProxies {
  private backends = new Map<string, BackendAddress[]>();
  /** ClientIP affinity: key → seconds, and "key|client" → the backend last used and until when. */
  private affinity = new Map<string, number>();
  private sticky = new Map<string, { backend: BackendAddress; until: number }>();
  private listeners = new Map<string, Listener>();
  private rr = new Map<string, number>();
  /** NetworkPolicy by pod IP: a backend sees this agent's address, so the agent decides with the client's. */
  private policies: PolicyTable = {};

  constructor(private log: (m: string) => void) {}

  /** The next backend index for a key (round-robin). */
  private next(key: string, n: number): number {
    const i = (this.rr.get(key) ?? Math.floor(Math.random() * Math.max(n, 1))) % Math.max(n, 1);
    this.rr.set(key, i + 1);
    return i;
  }

  /** Where a new connection starts looking: the client's sticky backend (ClientIP affinity), else round-robin. */
  private pick(key: string, backends: BackendAddress[], client: string): number {
    if (this.affinity.has(key)) {
      const s = this.sticky.get(`${key}|${client}`);
      if (s && s.until > Date.now()) {
        const i = backends.findIndex((b) => b.ip === s.backend.ip && b.port === s.backend.port);
        if (i >= 0) return i;
      }
    }
    return this.next(key, backends.length);
  }

  private remember(key: string, client: string, backend: BackendAddress): void {
    const secs = this.affinity.get(key);
    if (!secs) return;
    if (this.sticky.size > 10_000) for (const [k, v] of this.sticky) if (v.until <= Date.now()) this.sticky.delete(k);
    this.sticky.set(`${key}|${client}`, { backend, until: Date.now() + secs * 1000 });
  }

  /** Opens a TCP connection to one of a service port's backends (used by the tunnel too). */
  async dialService(ip: string, port: number): Promise<net.Socket | undefined> {
    const key = `${ip}:${port}/TCP`;
    const backends = this.backends.get(key);
    if (!backends) return undefined;
    return connectAny(backends, this.next(key, backends.length));
  }

  owns(ip: string, port: number): boolean {
    return this.backends.has(`${ip}:${port}/TCP`);
  }

  /** The backends a pod at `client` may reach under NetworkPolicy (its egress and each backend's ingress). */
  private permitted(backends: BackendAddress[], client: string, protocol: PolicyProtocol): BackendAddress[] {
    return backends.filter((b) => connectionAllowed(this.policies, client, b.ip, protocol, b.port));
  }

  apply(cfg: DataplaneConfig): void {
    this.policies = cfg.policies ?? {};
    const want = new Map<string, BackendAddress[]>();
    this.affinity.clear();
    for (const s of cfg.services) {
      if (!s.clusterIP || s.clusterIP === 'None') continue;
      for (const p of s.ports) {
        if (p.protocol !== 'TCP' && p.protocol !== 'UDP') continue;
        const key = `${s.clusterIP}:${p.port}/${p.protocol}`;
        want.set(key, p.backends);
        if (s.affinitySeconds) this.affinity.set(key, s.affinitySeconds);
      }
    }
    this.backends = want;
    for (const [key, l] of this.listeners) {
      if (!want.has(key)) {
        l.close();
        this.listeners.delete(key);
      }
    }
    for (const key of want.keys()) if (!this.listeners.has(key)) this.open(key);
  }

  private open(key: string): void {
    const m = /^(.+):(\d+)\/(TCP|UDP)$/.exec(key)!;
    const ip = m[1]!;
    const port = Number(m[2]);
    if (m[3] === 'TCP') {
      const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
        const backends = this.permitted(this.backends.get(key) ?? [], client.remoteAddress ?? '', 'TCP');
        void connectAny(backends, this.pick(key, backends, client.remoteAddress ?? '')).then((up) => {
          if (up) this.remember(key, client.remoteAddress ?? '', { ip: up.remoteAddress ?? '', port: up.remotePort ?? 0 });
          if (!up) {
            // No ready endpoint (or none NetworkPolicy allows): refuse, as kube-proxy's REJECT rule does.
            client.resetAndDestroy();
            return;
          }
          pipeBoth(client, up);
          client.resume();
        });
      });
      server.on('error', (e) => this.log(`listen ${key}: ${e.message}`));
      server.listen(port, ip);
      this.listeners.set(key, { close: () => server.close() });
    } else {
      const sock = dgram.createSocket('udp4');
      const sessions = new Map<string, { up: dgram.Socket; timer: NodeJS.Timeout }>();
      sock.on('message', (msg, rinfo) => {
        const id = `${rinfo.address}:${rinfo.port}`;
        let s = sessions.get(id);
        if (!s) {
          const backends = this.permitted(this.backends.get(key) ?? [], rinfo.address, 'UDP');
          if (!backends.length) return;
          const b = backends[this.next(key, backends.length)]!;
          const up = dgram.createSocket('udp4');
          up.connect(b.port, b.ip);
          up.on('message', (reply) => sock.send(reply, rinfo.port, rinfo.address));
          up.on('error', () => undefined);
          s = { up, timer: setTimeout(() => undefined, 0) };
          sessions.set(id, s);
        }
        clearTimeout(s.timer);
        const cur = s;
        s.timer = setTimeout(() => {
          cur.up.close();
          sessions.delete(id);
        }, UDP_IDLE_MS);
        const send = () => cur.up.send(msg);
        // connect() is asynchronous; sending before it completes throws.
        try {
          send();
        } catch {
          cur.up.once('connect', send);
        }
      });
      sock.on('error', (e) => this.log(`listen ${key}: ${e.message}`));
      sock.bind(port, ip);
      this.listeners.set(key, {
        close: () => {
          sock.close();
          for (const s of sessions.values()) {
            clearTimeout(s.timer);
            s.up.close();
          }
        },
      });
    }
  }
}
