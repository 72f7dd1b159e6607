// A small Kubernetes REST client over node:http/https: JSON, Tables, watch streams, logs and exec.
// Used by the CLI and by integration tests; it speaks only the Kubernetes API, never Docker.
// One keep-alive agent per client: the first request's connection (and its TLS handshake) serves the rest.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { RestConfig } from './kubeconfig.js';
import type { KObject, StatusObject, Table, WatchEvent } from '../api/types.js';
import { type ResourceInfo } from '../api/registry.js';
import { isValidPathSegmentName } from '../api/names.js';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** An error the API server answered with a Status. */
export class StatusError extends Error {
  constructor(readonly status: StatusObject) {
    super(status.message ?? 'unknown error');
  }
  get code(): number {
    return this.status.code ?? 0;
  }
  get reason(): string {
    return this.status.reason ?? '';
  }
}

/** The server could not be reached at all; `code` is the socket's (ECONNREFUSED, …). */
export class ConnectionError extends Error {
  constructor(message: string, readonly code = '') {
    super(message);
  }
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | string[]>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  timeoutMs?: number;
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** client-go's Request.Namespace/Name checks: a name that is not one path segment never leaves the client. */
export class InvalidPathSegment extends Error {}

function checkSegment(what: 'resource name' | 'namespace', v: string): void {
  const msgs = isValidPathSegmentName(v);
  // client-go formats the reasons with %v: [may not be '..'].
  if (msgs.length) throw new InvalidPathSegment(`invalid ${what} ${JSON.stringify(v)}: [${msgs.join(' ')}]`);
}

export function resourcePath(info: ResourceInfo, namespace?: string, name?: string, sub?: string): string {
  if (namespace) checkSegment('namespace', namespace);
  if (name) checkSegment('resource name', name);
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  let p = base;
  if (info.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${info.plural}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  if (sub) p += `/${sub}`;
  return p;
}

function queryString(q?: RequestOptions['query']): string {
  if (!q) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) sp.append(k, x);
    else sp.append(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** TLS settings for a connection made outside the agent (WebSocket, SPDY upgrade). */
export interface TlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
  servername?: string;
}

export class ApiClient {
  private agent: http.Agent;
  private url: URL;
  private secure: boolean;
  /** The server URL's path (a proxy's prefix, `https://host/k8s/clusters/c-1`), without the trailing slash. */
  private prefix: string;
  config: RestConfig;
  /** Warnings the server sent (`Warning:` headers), printed by the CLI as kubectl does. */
  onWarning?: (msg: string) => void;
  /**
   * What a refused connection does before it is an error: the local control plane's client is made without
   * asking it first whether it is up (a round trip per command); a request it refuses starts it (or waits for
   * the one starting) here, and is sent again to the client this gives. Once per client.
   */
  onRefused?: () => Promise<ApiClient>;
  private recovering?: Promise<void>;

  constructor(config: RestConfig | string, token?: string) {
    this.config = typeof config === 'string' ? { server: config, token, namespace: 'default' } : config;
    this.url = new URL(this.config.server);
    this.secure = this.url.protocol === 'https:';
    this.prefix = this.url.pathname.replace(/\/+$/, '');
    this.agent = this.secure ? new https.Agent({ keepAlive: true, maxSockets: 16, ...this.tlsOptions() }) : new http.Agent({ keepAlive: true, maxSockets: 16 });
  }

  get server(): string {
    return this.config.server;
  }

  get token(): string {
    return this.config.token ?? '';
  }

  tlsOptions(): TlsOptions {
    if (!this.secure) return {};
    const c = this.config;
    const o: TlsOptions = { rejectUnauthorized: !c.insecure };
    if (c.ca) o.ca = c.ca;
    if (c.cert) o.cert = c.cert;
    if (c.key) o.key = c.key;
    if (c.servername) o.servername = c.servername;
    return o;
  }

  close(): void {
    this.agent.destroy();
  }

  /** The Authorization header this client sends, if any (bearer token, else basic credentials). */
  authorization(): string | undefined {
    if (this.config.token) return `Bearer ${this.config.token}`;
    if (this.config.basic) return `Basic ${Buffer.from(`${this.config.basic.username}:${this.config.basic.password}`).toString('base64')}`;
    return undefined;
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const auth = this.authorization();
    const imp = this.config.impersonate;
    // Several groups are several header lines (node sends an array so); the type stays a string map for callers.
    const impersonation = imp
      ? { 'Impersonate-User': imp.user, ...(imp.groups?.length ? { 'Impersonate-Group': imp.groups as unknown as string } : {}), ...(imp.uid ? { 'Impersonate-Uid': imp.uid } : {}) }
      : {};
    return { ...(auth ? { Authorization: auth } : {}), 'User-Agent': 'kbx', ...impersonation, ...extra };
  }

  /** node:http(s) request options for `path` on this server (host, port, TLS, prefix). */
  requestOptions(method: string, path: string, headers: Record<string, string>, keepAlive = true): https.RequestOptions {
    // No agent on the socket (a connection there costs microseconds): an agent's server-name check
    // (net.isIP) compiles Node's IPv6 pattern, ~7 ms of a command's start.
    if (keepAlive && this.config.socketPath) {
      const socketPath = this.config.socketPath;
      return { method, path: this.prefix + path, headers, createConnection: () => net.connect({ path: socketPath }) };
    }
    return {
      protocol: this.url.protocol,
      host: this.url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: this.url.port || (this.secure ? 443 : 80),
      method,
      path: this.prefix + path,
      headers,
      ...(keepAlive ? { agent: this.agent } : { agent: false, ...this.tlsOptions() }),
    };
  }

  /** http.request or https.request, as the server's scheme says. */
  send(opts: https.RequestOptions, onResponse?: (res: http.IncomingMessage) => void): http.ClientRequest {
    // Options with their own connection are the local socket's (plain HTTP).
    return this.secure && !opts.createConnection ? https.request(opts, onResponse) : http.request(opts, onResponse);
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    try {
      return await this.send1(method, path, opts);
    } catch (e) {
      // A refused connection never reached the server: sending the request again is safe, even a POST.
      if (!(e instanceof ConnectionError) || e.code !== 'ECONNREFUSED' || (!this.onRefused && !this.recovering)) throw e;
      await this.recover();
      return this.send1(method, path, opts);
    }
  }

  /** Runs onRefused once (concurrent refused requests wait for the same start) and talks to its client from then on. */
  private recover(): Promise<void> {
    if (!this.recovering) {
      const start = this.onRefused!;
      this.onRefused = undefined;
      // The old agent is left alone: requests still connecting through it are refused too and come here.
      this.recovering = start().then((fresh) => {
        const onWarning = this.onWarning;
        Object.assign(this, { agent: fresh.agent, url: fresh.url, secure: fresh.secure, prefix: fresh.prefix, config: { ...fresh.config, impersonate: this.config.impersonate } });
        this.onWarning = onWarning;
      });
    }
    return this.recovering;
  }

  private async send1(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    const headers = this.headers({ Accept: opts.accept ?? 'application/json' });
    if (body !== undefined) {
      headers['Content-Type'] = opts.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = this.send(this.requestOptions(method, path + queryString(opts.query), headers), (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            this.warnings(res.headers);
            const text = Buffer.concat(chunks).toString('utf8');
            const ct = String(res.headers['content-type'] ?? '');
            let parsed: unknown = text;
            if (ct.includes('json') && text) {
              try {
                parsed = JSON.parse(text);
              } catch {
                /* keep text */
              }
            }
            const status = res.statusCode ?? 0;
            if (status >= 400) {
              const st =
                parsed && typeof parsed === 'object' && (parsed as StatusObject).kind === 'Status'
                  ? (parsed as StatusObject)
                  : ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: text || `HTTP ${status}`, code: status } as StatusObject);
              reject(new StatusError(st));
              return;
            }
            resolve({ status, headers: res.headers, body: parsed });
          });
          res.on('error', reject);
        });
      if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new Error(`Client.Timeout exceeded while awaiting headers`)));
      req.on('error', (e) => reject(new ConnectionError(this.refused(e), this.socketGone(e) ? 'ECONNREFUSED' : (e as NodeJS.ErrnoException).code)));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  /** The local socket's file is gone (its control plane stopped): refused, as its TCP port would be. */
  private socketGone(e: Error): boolean {
    return !!this.config.socketPath && (e as NodeJS.ErrnoException).code === 'ENOENT';
  }

  private refused(e: Error): string {
    const host = this.url.host;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ECONNREFUSED' || this.socketGone(e)) {
      return `The connection to the server ${host} was refused - did you specify the right host or port?`;
    }
    if (code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'SELF_SIGNED_CERT_IN_CHAIN' || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY') {
      return `Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority`;
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      return `Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for other names, not ${this.url.hostname}`;
    }
    if (code === 'CERT_HAS_EXPIRED') return `Unable to connect to the server: tls: failed to verify certificate: x509: certificate has expired or is not yet valid`;
    if (code === 'ENOTFOUND') return `Unable to connect to the server: dial tcp: lookup ${this.url.hostname}: no such host`;
    return `Unable to connect to the server: ${e.message}`;
  }

  private warnings(h: http.IncomingHttpHeaders): void {
    const w = h['warning'];
    if (!w || !this.onWarning) return;
    for (const part of String(w).split(/,(?=\s*\d{3}\s)/)) {
      const m = /^\s*\d{3}\s+\S+\s+"(.*)"\s*$/.exec(part);
      this.onWarning(m ? m[1]!.replace(/\\"/g, '"') : part.trim());
    }
  }

  async get<T = KObject>(info: ResourceInfo, ns: string | undefined, name: string): Promise<T> {
    return (await this.request('GET', resourcePath(info, ns, name))).body as T;
  }

  async list(info: ResourceInfo, ns: string | undefined, query: RequestOptions['query'] = {}): Promise<{ items: KObject[]; metadata: { resourceVersion?: string } }> {
    return (await this.request('GET', resourcePath(info, ns), { query })).body as { items: KObject[]; metadata: { resourceVersion?: string } };
  }

  async table(info: ResourceInfo, ns: string | undefined, name?: string, query: RequestOptions['query'] = {}): Promise<Table> {
    return (await this.request('GET', resourcePath(info, ns, name), { query, accept: TABLE_ACCEPT })).body as Table;
  }

  async create(info: ResourceInfo, ns: string | undefined, obj: unknown, query?: RequestOptions['query']): Promise<KObject> {
    return (await this.request('POST', resourcePath(info, ns), { body: obj, query })).body as KObject;
  }

  async update(info: ResourceInfo, ns: string | undefined, name: string, obj: unknown, sub?: string): Promise<KObject> {
    return (await this.request('PUT', resourcePath(info, ns, name, sub), { body: obj })).body as KObject;
  }

  async patch(info: ResourceInfo, ns: string | undefined, name: string, patch: unknown, contentType: string, query?: RequestOptions['query'], sub?: string): Promise<KObject> {
    return (await this.request('PATCH', resourcePath(info, ns, name, sub), { body: patch, contentType, query })).body as KObject;
  }

  async delete(info: ResourceInfo, ns: string | undefined, name: string, opts: Record<string, unknown> = {}): Promise<KObject> {
    return (await this.request('DELETE', resourcePath(info, ns, name), { body: { kind: 'DeleteOptions', apiVersion: 'v1', ...opts } })).body as KObject;
  }

  /**
   * Streams watch events until `signal` aborts or the server ends the stream.
   * Resolves when the stream ends.
   */
  watch(
    path: string,
    query: RequestOptions['query'],
    onEvent: (e: WatchEvent<any>) => void,
    opts: { accept?: string; signal?: AbortSignal } = {},
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = this.send(this.requestOptions('GET', path + queryString({ ...query, watch: 'true' }), this.headers({ Accept: opts.accept ?? 'application/json' })), (res) => {
          if ((res.statusCode ?? 0) >= 400) {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              try {
                reject(new StatusError(JSON.parse(Buffer.concat(chunks).toString()) as StatusObject));
              } catch {
                reject(new Error(`watch failed: HTTP ${res.statusCode}`));
              }
            });
            return;
          }
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let nl: number;
            while ((nl = buf.indexOf('\n')) >= 0) {
              const line = buf.slice(0, nl).trim();
              buf = buf.slice(nl + 1);
              if (line) onEvent(JSON.parse(line) as WatchEvent);
            }
          });
          res.on('end', () => resolve());
          res.on('error', () => resolve());
          res.on('close', () => resolve());
        },
      );
      req.on('error', (e) => {
        if (opts.signal?.aborted) resolve();
        else reject(new ConnectionError(this.refused(e)));
      });
      opts.signal?.addEventListener('abort', () => {
        req.destroy();
        resolve();
      });
      req.end();
    });
  }

  /** GET a streaming text endpoint (pod logs); `onData` gets raw bytes. */
  stream(path: string, query: RequestOptions['query'], onData: (b: Buffer) => void, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = this.send(this.requestOptions('GET', path + queryString(query), this.headers({ Accept: 'application/json, */*' })), (res) => {
          if ((res.statusCode ?? 0) >= 400) {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              try {
                reject(new StatusError(JSON.parse(text) as StatusObject));
              } catch {
                reject(new Error(text || `HTTP ${res.statusCode}`));
              }
            });
            return;
          }
          res.on('data', onData);
          res.on('end', () => resolve());
          res.on('close', () => resolve());
        },
      );
      req.on('error', (e) => (signal?.aborted ? resolve() : reject(new ConnectionError(this.refused(e)))));
      signal?.addEventListener('abort', () => {
        req.destroy();
        resolve();
      });
      req.end();
    });
  }

  wsUrl(path: string, query: RequestOptions['query']): string {
    return `${this.secure ? 'wss' : 'ws'}://${this.url.host}${this.prefix}${path}${queryString(query)}`;
  }

  /** The URL of `path` on this server (for the SPDY upgrade of port-forward). */
  urlFor(path: string): string {
    return `${this.url.protocol}//${this.url.host}${this.prefix}${path}`;
  }
}
