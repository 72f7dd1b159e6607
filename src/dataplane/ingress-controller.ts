// kbx's built-in Ingress controller: makes the `kbx` IngressClass (the cluster's default) at start,
// listens on the host (127.0.0.1:80 and :443 by default; another free port when those cannot be
// bound, reported in status, `get ingress` PORTS and an event), keeps the proxy's routing table in
// step with the Ingresses, Services, Endpoints and Secrets, and writes each served Ingress's
// status.loadBalancer when it changes.
//   KBX_INGRESS=off                       no controller (and no IngressClass)
//   KBX_INGRESS_ADDRESS=127.0.0.1         the address it listens on and reports
//   KBX_INGRESS_HTTP_PORT=80, KBX_INGRESS_HTTPS_PORT=443 (0: any free port)
import fs from 'node:fs';
import path from 'node:path';
import type net from 'node:net';
import type { KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import type { EventRecorder } from '../events/recorder.js';
import { isApiError } from '../api/errors.js';
import { pkiPaths } from '../config/pki.js';
import { buildIngressTable, type Problem } from './ingress-routes.js';
import { ensureIngressClass } from './ingress-class.js';
import { IngressProxy, type Dial } from './ingress-proxy.js';

const R = (kind: string) => RESOURCES.find((r) => r.kind === kind)!;
const INGRESSES = R('Ingress');
const CLASSES = R('IngressClass');
const SERVICES = R('Service');
const ENDPOINTS = R('Endpoints');
const SECRETS = R('Secret');
const SOURCE = 'kbx-ingress-controller';

type Obj = Record<string, any>;

export interface IngressListenConfig {
  address: string;
  httpPort: number;
  httpsPort: number;
}

export function ingressListenConfig(env: NodeJS.ProcessEnv = process.env): IngressListenConfig {
  const port = (v: string | undefined, d: number) => (v !== undefined && v.trim() !== '' && Number.isInteger(Number(v)) ? Number(v) : d);
  return { address: env.KBX_INGRESS_ADDRESS?.trim() || '127.0.0.1', httpPort: port(env.KBX_INGRESS_HTTP_PORT, 80), httpsPort: port(env.KBX_INGRESS_HTTPS_PORT, 443) };
}

/** Pure: the status.loadBalancer an Ingress gets (ports listed when they are not 80/443). */
export function ingressStatus(address: string, http: number, https: number): Obj {
  const entry: Obj = { ip: address };
  if (http !== 80 || https !== 443) entry.ports = [{ port: http, protocol: 'TCP' }, { port: https, protocol: 'TCP' }];
  return { loadBalancer: { ingress: [entry] } };
}

interface Bound {
  port: number;
  /** Why the configured port was not used, when it was not. */
  fallback?: string;
}

export class IngressController {
  private readonly proxy: IngressProxy;
  private stops: (() => void)[] = [];
  private servers: net.Server[] = [];
  private timer?: NodeJS.Timeout;
  private bound?: { http: Bound; https: Bound };
  private reported = new Set<string>();
  private closed = false;

  constructor(
    private readonly registry: Registry,
    dial: Dial,
    private readonly recorder: EventRecorder,
    private readonly home: string,
    private readonly log: (m: string) => void,
    private readonly config = ingressListenConfig(),
  ) {
    this.proxy = new IngressProxy(dial, log);
  }

  start(): void {
    ensureIngressClass(this.registry);
    const kick = () => this.schedule();
    for (const r of [INGRESSES, CLASSES, SERVICES, ENDPOINTS, SECRETS]) this.stops.push(this.registry.watch(r, undefined, {}, kick));
    const p = pkiPaths(this.home);
    try {
      this.proxy.setDefaultCertificate(fs.readFileSync(p.cert, 'utf8'), fs.readFileSync(p.key, 'utf8'));
    } catch {
      /* no serving certificate: HTTPS without a matching Ingress TLS fails the handshake */
    }
    void this.listen().then(() => this.schedule());
    this.sync();
  }

  close(): void {
    this.closed = true;
    for (const s of this.stops) s();
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.servers) s.close();
  }

  /** Where it listens (after start resolved): for tests and `cluster status`. */
  get ports(): { http?: number; https?: number } {
    return { http: this.bound?.http.port, https: this.bound?.https.port };
  }

  private portsFile(): string {
    return path.join(this.home, 'dataplane', 'ingress-ports.json');
  }

  private async listen(): Promise<void> {
    let remembered: { http?: number; https?: number } = {};
    try {
      remembered = JSON.parse(fs.readFileSync(this.portsFile(), 'utf8'));
    } catch {
      /* first time */
    }
    const http = await this.bind(this.proxy.httpServer(), this.config.httpPort, remembered.http);
    const https = await this.bind(this.proxy.httpsServer(), this.config.httpsPort, remembered.https);
    if (this.closed) return;
    this.bound = { http, https };
    this.log(`ingress: http on ${this.config.address}:${http.port}, https on ${this.config.address}:${https.port}`);
    try {
      fs.mkdirSync(path.dirname(this.portsFile()), { recursive: true });
      fs.writeFileSync(this.portsFile(), JSON.stringify({ http: http.port, https: https.port }) + '\n');
    } catch {
      /* remembered next time, maybe */
    }
  }

  /** The configured port, else the one used last time, else any free port. */
  private async bind(server: net.Server, want: number, last: number | undefined): Promise<Bound> {
    this.servers.push(server);
    const attempt = (port: number) =>
      new Promise<number>((resolve, reject) => {
        const onError = (e: NodeJS.ErrnoException) => reject(e);
        server.once('error', onError);
        server.listen(port, this.config.address, () => {
          server.off('error', onError);
          resolve((server.address() as net.AddressInfo).port);
        });
      });
    try {
      return { port: await attempt(want) };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = `port ${want} on ${this.config.address}: ${err.code === 'EACCES' ? 'permission denied' : err.code === 'EADDRINUSE' ? 'address already in use' : err.message}`;
      for (const p of last && last !== want ? [last, 0] : [0]) {
        try {
          return { port: await attempt(p), fallback: why };
        } catch {
          /* next */
        }
      }
      throw new Error(`ingress: cannot listen (${why})`);
    }
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sync();
    }, 5);
  }

  private sync(): void {
    const byKey = (items: KObject[]) => new Map(items.map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
    const ingresses = this.registry.list(INGRESSES, undefined).items;
    const { table, served, problems } = buildIngressTable({
      ingresses,
      classes: this.registry.list(CLASSES, undefined).items,
      services: this.registry.list(SERVICES, undefined).items,
      endpoints: byKey(this.registry.list(ENDPOINTS, undefined).items),
      secrets: byKey(this.registry.list(SECRETS, undefined).items),
    });
    this.proxy.setTable(table);
    this.report(problems);
    if (!this.bound) return;
    const status = ingressStatus(this.config.address, this.bound.http.port, this.bound.https.port);
    for (const ing of served) {
      if (JSON.stringify((ing.status as Obj | undefined)?.loadBalancer ?? {}) !== JSON.stringify(status.loadBalancer)) {
        try {
          this.registry.mutate(INGRESSES, ing.metadata.namespace, ing.metadata.name!, (o) => void (o.status = { ...(o.status ?? {}), ...status }), { subresource: 'status' });
        } catch (e) {
          if (!isApiError(e)) throw e;
        }
      }
      this.announce(ing);
    }
    // An Ingress moved to another class: the address kbx wrote is no longer true.
    const ours = new Set(served.map((i) => i.metadata.uid));
    const mine = JSON.stringify(status.loadBalancer);
    for (const ing of ingresses) {
      if (ours.has(ing.metadata.uid) || JSON.stringify((ing.status as Obj | undefined)?.loadBalancer ?? {}) !== mine) continue;
      try {
        this.registry.mutate(INGRESSES, ing.metadata.namespace, ing.metadata.name!, (o) => void (o.status = { ...(o.status ?? {}), loadBalancer: {} }), { subresource: 'status' });
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
  }

  /** One event per served Ingress and listening address: where it answers (and why not on 80/443). */
  private announce(ing: KObject): void {
    const { http, https } = this.bound!;
    const a = this.config.address;
    const key = `${ing.metadata.uid}\0${a}:${http.port}:${https.port}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.recorder.record(SOURCE, ing, 'Normal', 'Sync', `Serving on http://${a}:${http.port} and https://${a}:${https.port}`);
    for (const b of [http, https]) {
      if (b.fallback) this.recorder.record(SOURCE, ing, 'Warning', 'PortUnavailable', `${b.fallback}: serving on ${a}:${b.port} instead (set KBX_INGRESS_HTTP_PORT/KBX_INGRESS_HTTPS_PORT to choose)`);
    }
  }

  private report(problems: Problem[]): void {
    for (const p of problems) {
      const key = `${p.ingress.metadata.uid}\0${p.ingress.metadata.generation}\0${p.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.recorder.record(SOURCE, p.ingress, 'Warning', p.reason, p.message);
    }
    if (this.reported.size > 10_000) this.reported.clear();
  }
}
