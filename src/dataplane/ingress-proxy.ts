// The Ingress proxy on the host: an HTTP and an HTTPS (SNI) listener that route each request with
// the current table (ingress-routes.ts) to one of the backend's ready endpoints, reached through the
// data plane's tunnel (so it works where the host cannot route to pod IPs). Client connections stay
// keep-alive; upstream connections are pooled per endpoint; `Upgrade` requests (WebSocket) are
// relayed byte for byte once the backend answers. X-Forwarded-For/-Proto/-Host/-Port are set.
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { BackendAddress } from './protocol.js';
import { routeRequest, tlsFor, type IngressTable, type ResolvedBackend } from './ingress-routes.js';
import { pipeBoth } from './agent/proxy.js';

export type Dial = (ip: string, port: number) => Promise<net.Socket>;

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** An http.Agent whose connections are tunnel dials to one endpoint. */
class TunnelAgent extends http.Agent {
  constructor(
    private readonly dial: Dial,
    private readonly target: BackendAddress,
  ) {
    super({ keepAlive: true, maxFreeSockets: 16 });
  }

  override createConnection(_opts: http.ClientRequestArgs, cb?: (err: Error | null, s: Duplex) => void): undefined {
    this.dial(this.target.ip, this.target.port).then(
      (s) => {
        s.resume();
        cb?.(null, s);
      },
      (e: Error) => cb?.(e, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

/** The headers sent upstream: the client's minus hop-by-hop ones, plus X-Forwarded-*. */
export function forwardedHeaders(req: http.IncomingMessage, proto: 'http' | 'https', localPort: number, upgrade: boolean): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  const connectionTokens = String(req.headers.connection ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || HOP_BY_HOP.includes(k) || connectionTokens.includes(k)) continue;
    out[k] = v;
  }
  const client = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const prior = req.headers['x-forwarded-for'];
  out['x-forwarded-for'] = prior ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${client}` : client;
  out['x-forwarded-proto'] = proto;
  out['x-forwarded-host'] = req.headers.host ?? '';
  out['x-forwarded-port'] = String(localPort);
  out['x-real-ip'] = client;
  if (upgrade) {
    out.connection = 'Upgrade';
    out.upgrade = req.headers.upgrade ?? '';
  }
  return out;
}

export class IngressProxy {
  private table: IngressTable = { exact: new Map(), wildcard: new Map(), any: [], tls: [] };
  private agents = new Map<string, TunnelAgent>();
  private rr = new Map<string, number>();
  private contexts = new Map<string, tls.SecureContext>();
  private defaultContext?: tls.SecureContext;

  constructor(
    private readonly dial: Dial,
    private readonly log: (m: string) => void,
  ) {}

  setTable(t: IngressTable): void {
    this.table = t;
    // Endpoints that are gone: close their pooled connections.
    const live = new Set<string>();
    const add = (b: ResolvedBackend) => b.endpoints.forEach((e) => live.add(`${e.ip}:${e.port}`));
    for (const g of [...t.exact.values(), ...t.wildcard.values(), t.any]) for (const p of g) add(p.backend);
    if (t.defaultBackend) add(t.defaultBackend);
    for (const [k, a] of this.agents) {
      if (!live.has(k)) {
        a.destroy();
        this.agents.delete(k);
      }
    }
  }

  /** The certificate served when no Ingress's TLS names the host (the cluster's serving certificate). */
  setDefaultCertificate(cert: string, key: string): void {
    this.defaultContext = tls.createSecureContext({ cert, key });
  }

  httpServer(): http.Server {
    const s = http.createServer({ keepAlive: true }, (req, res) => this.handle(req, res, 'http'));
    s.on('upgrade', (req: http.IncomingMessage, sock: net.Socket, head: Buffer) => this.upgrade(req, sock, head, 'http'));
    s.on('clientError', (_e, sock: net.Socket) => sock.destroy());
    return s;
  }

  httpsServer(): https.Server {
    const s = https.createServer({ SNICallback: (name, cb) => cb(null, this.contextFor(name)) }, (req, res) => this.handle(req, res, 'https'));
    s.on('upgrade', (req: http.IncomingMessage, sock: net.Socket, head: Buffer) => this.upgrade(req, sock, head, 'https'));
    s.on('clientError', (_e, sock: net.Socket) => sock.destroy());
    s.on('tlsClientError', () => undefined);
    return s;
  }

  private contextFor(serverName: string): tls.SecureContext | undefined {
    const e = tlsFor(this.table, serverName);
    if (!e) return this.defaultContext;
    const id = `${e.secret}\0${e.cert}`;
    let c = this.contexts.get(id);
    if (!c) {
      try {
        c = tls.createSecureContext({ cert: e.cert, key: e.key });
      } catch (err) {
        this.log(`ingress: secret ${e.secret}: ${(err as Error).message}`);
        return this.defaultContext;
      }
      if (this.contexts.size > 256) this.contexts.clear();
      this.contexts.set(id, c);
    }
    return c;
  }

  private pick(b: ResolvedBackend): BackendAddress | undefined {
    if (!b.endpoints.length) return undefined;
    const i = (this.rr.get(b.name) ?? Math.floor(Math.random() * b.endpoints.length)) % b.endpoints.length;
    this.rr.set(b.name, i + 1);
    return b.endpoints[i];
  }

  private agentFor(e: BackendAddress): TunnelAgent {
    const k = `${e.ip}:${e.port}`;
    let a = this.agents.get(k);
    if (!a) this.agents.set(k, (a = new TunnelAgent(this.dial, e)));
    return a;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, proto: 'http' | 'https'): void {
    const route = routeRequest(this.table, req.headers.host, req.url ?? '/');
    if (route.kind === 'none') return plain(res, 404, '404 page not found\n');
    const target = this.pick(route.backend);
    if (!target) return plain(res, 503, `503 Service Unavailable: ${route.backend.error ?? `no ready endpoints for ${route.backend.name}`}\n`);
    const up = http.request({
      agent: this.agentFor(target),
      host: target.ip,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: forwardedHeaders(req, proto, req.socket.localPort ?? 0, false),
    });
    up.on('response', (r) => {
      const headers = { ...r.headers };
      for (const h of HOP_BY_HOP) delete headers[h];
      res.writeHead(r.statusCode ?? 502, r.statusMessage, headers);
      r.pipe(res);
    });
    up.on('error', (e) => {
      if (!res.headersSent) plain(res, 502, `502 Bad Gateway: ${e.message}\n`);
      else res.destroy();
    });
    req.pipe(up);
    res.on('close', () => !res.writableFinished && up.destroy());
  }

  private upgrade(req: http.IncomingMessage, sock: net.Socket, head: Buffer, proto: 'http' | 'https'): void {
    const route = routeRequest(this.table, req.headers.host, req.url ?? '/');
    const fail = (code: number, text: string) => sock.end(`HTTP/1.1 ${code} ${http.STATUS_CODES[code]}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
    if (route.kind === 'none') return void fail(404, '404 page not found\n');
    const target = this.pick(route.backend);
    if (!target) return void fail(503, `503 Service Unavailable: no ready endpoints for ${route.backend.name}\n`);
    sock.on('error', () => sock.destroy());
    this.dial(target.ip, target.port).then(
      (up) => {
        const headers = forwardedHeaders(req, proto, req.socket.localPort ?? 0, true);
        let text = `${req.method} ${req.url} HTTP/1.1\r\n`;
        for (const [k, v] of Object.entries(headers)) for (const x of Array.isArray(v) ? v : [v]) text += `${k}: ${x}\r\n`;
        up.write(text + '\r\n');
        if (head.length) up.write(head);
        pipeBoth(sock, up);
        up.resume();
      },
      (e: Error) => fail(502, `502 Bad Gateway: ${e.message}\n`),
    );
  }
}

function plain(res: http.ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
