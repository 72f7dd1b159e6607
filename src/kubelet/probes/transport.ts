// Runs one probe: exec in the container, or httpGet / tcpSocket / grpc against the pod's network namespace, and
// returns Kubernetes' result and output (pkg/probe/{exec,http,tcp,grpc}, pkg/kubelet/prober/prober.go).
//
// Where http and tcp probes run. Kubernetes dials the pod IP from the node. kbx does the same when the host can route
// to container IPs (Linux): Node's http/net straight to the pod IP; nothing runs in any container. When it cannot
// (Docker Desktop runs containers in a VM), the probe runs from the pod's infrastructure container instead, which
// shares the pod's network namespace (127.0.0.1:<port> there is the application) and is busybox, so it has `nc` —
// the application's image needs no shell or tool either way. Those commands go through one long-lived `sh` session
// per pod (sandbox-shell.ts), not one `docker exec` per probe.
//
// How the path is chosen: once per cluster (per kubelet), at the first network probe, kbx connects from the host to
// that pod's IP on a port nobody listens on (1). An answer — refused or accepted — within a second proves the route;
// no route, a timeout or no pod IP ⇒ the sandbox path from then on. KBX_PROBE_NETWORK=direct|sandbox overrides.
import http from 'node:http';
import https from 'node:https';
import http2 from 'node:http2';
import net from 'node:net';
import type { Container, Pod } from '../../api/types.js';
import type { ContainerRuntime } from '../../runtime/runtime.js';
import type { ProbeKind, ProbeOutcome, ProbeSettings } from './worker.js';
import { SandboxShells, printfBytes, shQuote } from './sandbox-shell.js';
import { goQuote } from '../../compat/go-format.js';

export const PROBE_USER_AGENT = 'kube-probe/1.35';
/** Kubernetes reads at most 10 KiB of a probe's output (exec) or response body (http). */
const MAX_OUTPUT = 10 * 1024;
const MAX_REDIRECTS = 10;

export type NetworkPath = 'direct' | 'sandbox';

export interface ProbeTarget {
  pod: Pod;
  container: Container;
  /** The Docker container the probe is for (exec runs there). */
  containerId: string;
  podIP?: string;
  /** The pod's infrastructure container (the sandbox path runs there). */
  infraId?: string;
}

export interface ProbeTransport {
  run(kind: ProbeKind, settings: ProbeSettings, target: ProbeTarget): Promise<ProbeOutcome>;
  forgetPod(uid: string): void;
  close(): void;
}

// ------------------------------------------------------------------------------------------------ helpers (pure)

/** Kubernetes' extractPort: a number, or a container port's name, or a number written as a string. */
export function resolvePort(port: unknown, c: Container): number {
  let n: number;
  if (typeof port === 'number') n = port;
  else {
    const name = String(port ?? '');
    const found = (c.ports ?? []).find((p) => p.name === name);
    if (found) n = found.containerPort;
    else if (/^\d+$/.test(name)) n = Number(name);
    else throw new Error(`couldn't find port: ${name} in ${c.name}`);
  }
  if (!(n > 0 && n < 65536)) throw new Error(`invalid port number: ${n}`);
  return n;
}

/** Go's net/url host:port (IPv6 literals in brackets). */
export function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

export interface HttpRequestSpec {
  scheme: 'http' | 'https';
  /** Where to connect (the `host` field, else the pod IP). */
  host: string;
  port: number;
  /** Path and query, starting with '/'. */
  path: string;
  url: string;
  /** Header lines to send, in order (Host first). */
  headers: [string, string][];
}

/** NewRequestForHTTPGetAction + newProbeRequest: URL, Host, User-Agent and Accept as Kubernetes sends them. */
export function httpRequestSpec(h: Record<string, any>, c: Container, podIP: string): HttpRequestSpec {
  const scheme = String(h.scheme ?? 'HTTP').toLowerCase() === 'https' ? 'https' : 'http';
  const host = h.host ? String(h.host) : podIP;
  const port = resolvePort(h.port, c);
  let path = String(h.path ?? '');
  if (!path.startsWith('/')) path = `/${path}`;
  const url = `${scheme}://${hostPort(host, port)}${path}`;
  const given: [string, string][] = ((h.httpHeaders ?? []) as { name: string; value: string }[])
    .filter((x) => x && x.name)
    .map((x) => [canonicalHeader(x.name), String(x.value ?? '')]);
  const has = (n: string) => given.some(([k]) => k === n);
  const hostHeader = given.find(([k]) => k === 'Host')?.[1] || hostPort(host, port);
  const headers: [string, string][] = [['Host', hostHeader]];
  for (const [k, v] of given) if (k !== 'Host') headers.push([k, v]);
  if (!has('User-Agent')) headers.push(['User-Agent', PROBE_USER_AGENT]);
  if (!has('Accept')) headers.push(['Accept', '*/*']);
  // An Accept header set to "" means: send none.
  return { scheme, host, port, path, url, headers: headers.filter(([k, v]) => !(k === 'Accept' && v === '')) };
}

/** Go's http.CanonicalHeaderKey. */
export function canonicalHeader(name: string): string {
  return name
    .split('-')
    .map((p) => (p ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p))
    .join('-');
}

/** The raw request the sandbox path sends through nc. */
export function rawHttpRequest(spec: HttpRequestSpec): Buffer {
  const lines = [`GET ${spec.path} HTTP/1.1`, ...spec.headers.map(([k, v]) => `${k}: ${v}`), 'Connection: close', '', ''];
  return Buffer.from(lines.join('\r\n'));
}

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Status line, headers and (de-chunked, best effort) body of a raw HTTP/1.x response; undefined if none. */
export function parseHttpResponse(raw: Buffer): ParsedResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  const head = (end >= 0 ? raw.subarray(0, end) : raw).toString('latin1');
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head);
  if (!m) return undefined;
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end >= 0 ? raw.subarray(end + 4) : Buffer.alloc(0);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status: Number(m[1]), headers, body: body.subarray(0, MAX_OUTPUT) };
}

function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const nl = b.indexOf('\r\n', i);
    if (nl < 0) break;
    const size = parseInt(b.subarray(i, nl).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(b.subarray(nl + 2, nl + 2 + size));
    i = nl + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Go's net error text for a Node socket error: `dial tcp 10.0.0.5:80: connect: connection refused`. */
export function dialError(addr: string, e: NodeJS.ErrnoException | { code?: string; message: string }): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `dial tcp ${addr}: connect: connection refused`;
    case 'EHOSTUNREACH':
      return `dial tcp ${addr}: connect: no route to host`;
    case 'ENETUNREACH':
      return `dial tcp ${addr}: connect: network is unreachable`;
    case 'ETIMEDOUT':
    case 'TIMEOUT':
      return `dial tcp ${addr}: i/o timeout`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${addr.replace(/:\d+$/, '')}: no such host`;
    case 'ECONNRESET':
      return `read tcp ${addr}: read: connection reset by peer`;
    default:
      return e.message;
  }
}

/** What the sandbox's `nc` said, in Go's words. */
export function ncError(addr: string, output: string): string {
  const text = output.trim();
  if (/refused/i.test(text)) return dialError(addr, { code: 'ECONNREFUSED', message: text });
  if (/no route/i.test(text)) return dialError(addr, { code: 'EHOSTUNREACH', message: text });
  if (/unreachable/i.test(text)) return dialError(addr, { code: 'ENETUNREACH', message: text });
  if (/bad address|resolve|not known|no such/i.test(text)) return dialError(addr, { code: 'ENOTFOUND', message: text });
  if (/timed out|timeout/i.test(text)) return dialError(addr, { code: 'TIMEOUT', message: text });
  return text ? `dial tcp ${addr}: ${text.split('\n')[0]}` : `dial tcp ${addr}: connect failed`;
}

/** DoHTTPProbe's verdict on a response. */
export function httpVerdict(status: number, body: Buffer): ProbeOutcome {
  if (status >= 200 && status < 400) {
    if (status >= 300) return { result: 'warning', output: `Probe terminated redirects, Response body: ${body.toString('utf8')}` };
    return { result: 'success', output: body.toString('utf8') };
  }
  return { result: 'failure', output: `HTTP probe failed with statuscode: ${status}` };
}

/** Where a redirect leads, if Kubernetes' probe client follows it (same host only). */
export function sameHostRedirect(spec: HttpRequestSpec, location: string | undefined): HttpRequestSpec | undefined {
  if (!location) return undefined;
  let next: URL;
  try {
    next = new URL(location, spec.url);
  } catch {
    return undefined;
  }
  const cur = new URL(spec.url);
  if (next.hostname !== cur.hostname) return undefined;
  const scheme = next.protocol === 'https:' ? 'https' : 'http';
  const port = next.port ? Number(next.port) : scheme === 'https' ? 443 : 80;
  const path = `${next.pathname}${next.search}`;
  return { ...spec, scheme, port, path, url: `${scheme}://${hostPort(spec.host, port)}${path}` };
}

// ------------------------------------------------------------------------------------------------ the transport

export interface TransportOptions {
  /** Forces a path; default: KBX_PROBE_NETWORK, else detected. */
  network?: NetworkPath;
  log?: (m: string) => void;
}

export class DefaultProbeTransport implements ProbeTransport {
  private readonly shells: SandboxShells;
  private path?: Promise<NetworkPath>;
  private readonly log: (m: string) => void;

  constructor(
    private readonly runtime: ContainerRuntime,
    opts: TransportOptions = {},
  ) {
    this.shells = new SandboxShells(runtime);
    this.log = opts.log ?? (() => {});
    const forced = opts.network ?? envPath();
    if (forced) this.path = Promise.resolve(forced);
  }

  /** The path in use, once known (for logs and tests). */
  async networkPath(podIP?: string): Promise<NetworkPath> {
    if (!this.path) {
      if (!podIP) return 'sandbox'; // undecided: nothing to test against yet
      this.path = detectDirect(podIP).then((ok) => {
        const p: NetworkPath = ok ? 'direct' : 'sandbox';
        this.log(`probes: ${ok ? `the host reaches pod IPs (${podIP}): http and tcp probes dial them directly` : `the host cannot reach pod IPs (${podIP}): http and tcp probes run from each pod's sandbox`}`);
        return p;
      });
    }
    return this.path;
  }

  sandboxSessions(): number {
    return this.shells.sessions();
  }

  async run(kind: ProbeKind, s: ProbeSettings, t: ProbeTarget): Promise<ProbeOutcome> {
    void kind;
    const h = s.handler;
    try {
      if (h.exec) return await this.exec(h.exec.command ?? [], s.timeoutMs, t);
      if (h.httpGet) return await this.http(h.httpGet, s.timeoutMs, t);
      if (h.tcpSocket) return await this.tcp(h.tcpSocket, s.timeoutMs, t);
      if (h.grpc) return await this.grpc(h.grpc, s.timeoutMs, t);
      return { result: 'unknown', output: 'missing probe handler' };
    } catch (e) {
      return { result: 'unknown', output: (e as Error).message };
    }
  }

  forgetPod(uid: string): void {
    this.shells.forget(uid);
  }

  close(): void {
    this.shells.close();
  }

  // ---------------------------------------------------------------- exec

  private async exec(cmd: string[], timeoutMs: number, t: ProbeTarget): Promise<ProbeOutcome> {
    const session = await this.runtime.exec(t.containerId, { cmd });
    const chunks: Buffer[] = [];
    let size = 0;
    const take = (d: Buffer) => {
      if (size >= MAX_OUTPUT) return;
      const part = d.subarray(0, MAX_OUTPUT - size);
      size += part.length;
      chunks.push(part);
    };
    session.stdout.on('data', take);
    session.stderr.on('data', take);
    session.stdout.on('error', () => {});
    session.stderr.on('error', () => {});
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const code = await Promise.race([session.wait(), timedOut]);
      if (code === 'timeout') {
        session.close();
        return { result: 'failure', output: `command ${goQuote(cmd.join(' '))} timed out` };
      }
      const output = Buffer.concat(chunks).toString('utf8');
      return { result: code === 0 ? 'success' : 'failure', output };
    } finally {
      clearTimeout(timer);
    }
  }

  // ---------------------------------------------------------------- http

  private async http(h: Record<string, any>, timeoutMs: number, t: ProbeTarget): Promise<ProbeOutcome> {
    const podIP = t.podIP ?? '';
    let spec = httpRequestSpec(h, t.container, podIP);
    const path = await this.networkPath(t.podIP);
    const deadline = Date.now() + timeoutMs;
    for (let hop = 0; ; hop++) {
      const left = Math.max(1, deadline - Date.now());
      const r = path === 'direct' || !t.infraId ? await directHttp(spec, left) : await this.sandboxHttp(spec, left, t);
      if ('error' in r) return { result: 'failure', output: `Get ${goQuote(spec.url)}: ${r.error}` };
      if (r.status >= 300 && r.status < 400) {
        const next = sameHostRedirect(spec, r.headers['location']);
        if (next) {
          if (hop + 1 >= MAX_REDIRECTS) return { result: 'failure', output: `Get ${goQuote(next.url)}: stopped after ${MAX_REDIRECTS} redirects` };
          spec = next;
          continue;
        }
      }
      return httpVerdict(r.status, r.body);
    }
  }

  private async sandboxHttp(spec: HttpRequestSpec, timeoutMs: number, t: ProbeTarget): Promise<ParsedResponse | { error: string }> {
    const secs = Math.max(1, Math.ceil(timeoutMs / 1000));
    // The pod's own address is 127.0.0.1 in its namespace; another `host` is dialled as given.
    const dial = spec.host === t.podIP || !spec.host ? '127.0.0.1' : spec.host;
    const addr = hostPort(spec.host, spec.port);
    let script: string;
    if (spec.scheme === 'https') {
      // nc speaks no TLS: busybox wget does (certificates unchecked, as Kubernetes' probes). It follows redirects itself.
      const hdrs = spec.headers.filter(([k]) => k !== 'User-Agent' && k !== 'Host').map(([k, v]) => `--header ${shQuote(`${k}: ${v}`)}`).join(' ');
      const ua = spec.headers.find(([k]) => k === 'User-Agent')?.[1] ?? PROBE_USER_AGENT;
      script = `timeout ${secs} wget -q -S -O /dev/null -T ${secs} --no-check-certificate -U ${shQuote(ua)} ${hdrs} ${shQuote(`https://${hostPort(dial, spec.port)}${spec.path}`)}`;
    } else {
      script = `printf '%b' ${printfBytes(rawHttpRequest(spec))} | timeout ${secs} nc ${shQuote(dial)} ${spec.port} | head -c 12288`;
    }
    const r = await this.shells.run(t.pod.metadata.uid!, t.infraId!, script, timeoutMs + 3000);
    if (spec.scheme === 'https') {
      const lines = r.output.toString('latin1').split('\n').map((l) => l.trim());
      const statuses = lines.filter((l) => /^HTTP\/\d/.test(l));
      const last = statuses[statuses.length - 1];
      if (last) return { status: Number(last.split(' ')[1]), headers: {}, body: Buffer.alloc(0) };
      if (r.code === 143) return { error: 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)' };
      return { error: ncError(addr, r.output.toString('utf8')) };
    }
    const parsed = parseHttpResponse(r.output);
    if (parsed) return parsed;
    if (r.code === 143) return { error: 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)' };
    const text = r.output.toString('utf8').trim();
    if (!text && r.code === 0) return { error: 'EOF' };
    if (/can't connect|refused|unreachable|no route|timed out/i.test(text)) return { error: ncError(addr, text) };
    return { error: `malformed HTTP response ${goQuote(text.slice(0, 64))}` };
  }

  // ---------------------------------------------------------------- tcp

  private async tcp(h: Record<string, any>, timeoutMs: number, t: ProbeTarget): Promise<ProbeOutcome> {
    const port = resolvePort(h.port, t.container);
    const host = h.host ? String(h.host) : (t.podIP ?? '');
    const addr = hostPort(host, port);
    const path = await this.networkPath(t.podIP);
    if (path === 'direct' || !t.infraId) {
      const err = await directConnect(host, port, timeoutMs);
      return err ? { result: 'failure', output: dialError(addr, err) } : { result: 'success', output: '' };
    }
    const dial = host === t.podIP || !host ? '127.0.0.1' : host;
    const secs = Math.max(1, Math.ceil(timeoutMs / 1000));
    // `nc HOST PORT -e true`: connect, run `true`, close — the connect is the whole check.
    const r = await this.shells.run(t.pod.metadata.uid!, t.infraId!, `timeout ${secs} nc ${shQuote(dial)} ${port} -e true`, timeoutMs + 3000);
    if (r.code === 0) return { result: 'success', output: '' };
    if (r.code === 143) return { result: 'failure', output: dialError(addr, { code: 'TIMEOUT', message: '' }) };
    return { result: 'failure', output: ncError(addr, r.output.toString('utf8')) };
  }

  // ---------------------------------------------------------------- grpc

  private async grpc(h: Record<string, any>, timeoutMs: number, t: ProbeTarget): Promise<ProbeOutcome> {
    const port = Number(h.port);
    const addr = hostPort(t.podIP ?? '', port);
    const path = await this.networkPath(t.podIP);
    if (path !== 'direct') {
      return { result: 'unknown', output: `grpc probes need a route from the host to the pod IP (${addr}); use an exec, httpGet or tcpSocket probe here` };
    }
    return grpcHealth(t.podIP!, port, String(h.service ?? ''), timeoutMs);
  }
}

function envPath(): NetworkPath | undefined {
  const v = process.env.KBX_PROBE_NETWORK;
  return v === 'direct' || v === 'sandbox' ? v : undefined;
}

/** Does the host reach this pod IP? A refused or accepted connection says yes. */
export function detectDirect(ip: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: ip, port: 1 });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.once('connect', () => done(true));
    sock.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET'));
  });
}

function directConnect(host: string, port: number, timeoutMs: number): Promise<NodeJS.ErrnoException | { code: string; message: string } | undefined> {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (e?: NodeJS.ErrnoException | { code: string; message: string }) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(e);
    };
    const timer = setTimeout(() => done({ code: 'TIMEOUT', message: 'i/o timeout' }), timeoutMs);
    sock.once('connect', () => done());
    sock.once('error', (e: NodeJS.ErrnoException) => done(e));
  });
}

function directHttp(spec: HttpRequestSpec, timeoutMs: number): Promise<ParsedResponse | { error: string }> {
  return new Promise((resolve) => {
    const addr = hostPort(spec.host, spec.port);
    const headers: Record<string, string> = {};
    for (const [k, v] of spec.headers) if (k !== 'Host') headers[k] = v;
    headers['Host'] = spec.headers.find(([k]) => k === 'Host')![1];
    const mod = spec.scheme === 'https' ? https : http;
    let settled = false;
    let gotResponse: (() => void) | undefined;
    const finish = (v: ParsedResponse | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(v);
    };
    const req = mod.request(
      {
        host: spec.host,
        port: spec.port,
        path: spec.path,
        method: 'GET',
        headers,
        agent: false,
        // Lenient as Go's client: small servers (busybox httpd) send bodies Node's strict parser rejects.
        insecureHTTPParser: true,
        ...(spec.scheme === 'https' ? { rejectUnauthorized: false } : {}),
      },
      (res) => {
        gotResponse = () => done();
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (d: Buffer) => {
          if (size < MAX_OUTPUT) {
            chunks.push(d.subarray(0, MAX_OUTPUT - size));
            size += d.length;
          }
          if (size >= MAX_OUTPUT) done();
        });
        const done = () =>
          finish({ status: res.statusCode ?? 0, headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks) });
        res.on('end', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => finish({ error: 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)' }), timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A status line was read: that decides (Go's client does not choke on what follows a response).
      if (gotResponse) return gotResponse();
      if (e.code === 'ECONNRESET' && /socket hang up/.test(e.message)) finish({ error: 'EOF' });
      else finish({ error: dialError(addr, e) });
    });
    req.end();
  });
}

/** grpc.health.v1.Health/Check over plaintext HTTP/2: SERVING ⇒ success (pkg/probe/grpc). */
function grpcHealth(host: string, port: number, service: string, timeoutMs: number): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const addr = hostPort(host, port);
    const client = http2.connect(`http://${addr}`);
    let settled = false;
    const finish = (o: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.close();
      client.destroy();
      resolve(o);
    };
    const timer = setTimeout(
      () => finish({ result: 'failure', output: `timeout: health rpc did not complete within ${Math.round(timeoutMs / 1000)}s` }),
      timeoutMs,
    );
    client.on('error', (e: NodeJS.ErrnoException) =>
      finish({ result: 'failure', output: `timeout: failed to connect service ${goQuote(addr)} within ${Math.round(timeoutMs / 1000)}s: ${dialError(addr, e)}` }),
    );
    // HealthCheckRequest{service}: field 1, length-delimited; framed with the 5-byte gRPC prefix.
    const svc = Buffer.from(service);
    const msg = svc.length ? Buffer.concat([Buffer.from([0x0a, svc.length]), svc]) : Buffer.alloc(0);
    const frame = Buffer.concat([Buffer.from([0, 0, 0, 0, msg.length]), msg]);
    const req = client.request({
      ':method': 'POST',
      ':path': '/grpc.health.v1.Health/Check',
      'content-type': 'application/grpc',
      te: 'trailers',
      'user-agent': PROBE_USER_AGENT,
    });
    const chunks: Buffer[] = [];
    let grpcStatus: string | undefined;
    let grpcMessage = '';
    req.on('response', (hdrs) => {
      if (hdrs['grpc-status'] !== undefined) grpcStatus = String(hdrs['grpc-status']);
    });
    req.on('trailers', (tr) => {
      grpcStatus = String(tr['grpc-status'] ?? grpcStatus ?? '');
      grpcMessage = String(tr['grpc-message'] ?? '');
    });
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      if (grpcStatus && grpcStatus !== '0') {
        return finish({ result: 'failure', output: `rpc error: code = ${grpcCode(grpcStatus)} desc = ${decodeURIComponent(grpcMessage)}` });
      }
      const body = Buffer.concat(chunks).subarray(5);
      // HealthCheckResponse{status}: field 1, varint; absent = UNKNOWN (0).
      const status = body.length >= 2 && body[0] === 0x08 ? body[1]! : 0;
      const names = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];
      if (status === 1) finish({ result: 'success', output: '' });
      else finish({ result: 'failure', output: `service unhealthy (responded with ${goQuote(names[status] ?? String(status))})` });
    });
    req.on('error', (e: Error) => finish({ result: 'failure', output: e.message }));
    req.end(frame);
  });
}

function grpcCode(n: string): string {
  const codes = ['OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists', 'PermissionDenied', 'ResourceExhausted', 'FailedPrecondition', 'Aborted', 'OutOfRange', 'Unimplemented', 'Internal', 'Unavailable', 'DataLoss', 'Unauthenticated'];
  return codes[Number(n)] ?? `Code(${n})`;
}
