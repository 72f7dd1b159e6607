// The HTTP face of the control plane: Kubernetes REST paths → registry operations → JSON, Table or
// Status. No business logic lives here.
import http from 'node:http';
import https from 'node:https';
import { timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type { KObject, Pod, StatusObject, WatchEvent } from '../api/types.js';
import { qualifiedResource } from '../api/registry.js';
import * as errors from '../api/errors.js';
import type { Registry, DeleteOptions, Propagation } from '../registry/registry.js';
import { StorageError } from '../store/store.js';
import { parsePath, rawPathname, type ResourceRequest } from './routes.js';
import {
  AGGREGATED_CONTENT_TYPE,
  aggregatedDiscovery,
  apiResourceList,
  legacyApiGroupList,
  legacyApiVersions,
  wantsAggregated,
} from './discovery.js';
import { kindOf, toTable } from '../kinds/index.js';
import type { NodeApi } from './node-api.js';
import type { TokenIssuer } from '../auth/sa-token.js';
import { authenticateServiceAccountToken, createTokenRequest } from './service-account-tokens.js';

export interface ApiServerOptions {
  registry: Registry;
  token: string;
  /** Signs and checks service-account tokens (TokenRequest); without it only `token` is accepted. */
  tokens?: TokenIssuer;
  node: NodeApi;
  version: { gitVersion: string };
  log?: (msg: string) => void;
  /** The serving certificate and key (PEM): the API then speaks HTTPS only. */
  tls?: { cert: string; key: string };
}

const JSON_TYPE = 'application/json';

export function createApiServer(opts: ApiServerOptions): http.Server {
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(opts, req, res).catch(async (e) => {
      // An error may rest on writes not yet durable (a conflict with one): answer after them too.
      await opts.registry.store.durable().catch(() => undefined);
      sendError(res, e, opts.log);
    });
  };
  // https.Server has http.Server's events and methods (it is one over TLS); clients resume TLS sessions by ticket.
  const server = opts.tls
    ? (https.createServer({ keepAlive: true, cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, onRequest) as unknown as http.Server)
    : http.createServer({ keepAlive: true }, onRequest);
  server.keepAliveTimeout = 30_000;
  server.on('upgrade', (req, socket: Duplex, head) => {
    if (!authorized(opts, req)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = parsePath(rawPathname(req.url));
    if (route.type === 'resource' && route.req.info.kind === 'Pod' && (route.req.subresource === 'exec' || route.req.subresource === 'attach') && route.req.name) {
      const pod = opts.registry.tryGet(route.req.info, route.req.namespace, route.req.name) as Pod | undefined;
      // The WebSocket code loads on the first exec, not at start-up.
      import('./exec-ws.js')
        .then(({ handleExecUpgrade }) => handleExecUpgrade(req, socket, head, url, pod, route.req, opts.node))
        .catch(() => socket.destroy());
      return;
    }
    if (route.type === 'resource' && route.req.info.kind === 'Pod' && route.req.subresource === 'portforward' && route.req.name) {
      const pod = opts.registry.tryGet(route.req.info, route.req.namespace, route.req.name) as Pod | undefined;
      import('./portforward.js')
        .then(({ handlePortForwardUpgrade }) => handlePortForwardUpgrade(req, socket, head, pod, route.req, opts.node, opts.registry))
        .catch(() => socket.destroy());
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}

/** The cluster's own bearer token, or a service-account token whose service account still exists. */
function authorized(opts: ApiServerOptions, req: http.IncomingMessage): boolean {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(h);
  if (!m) return false;
  const a = Buffer.from(m[1]!.trim());
  const b = Buffer.from(opts.token);
  if (a.length === b.length && timingSafeEqual(a, b)) return true;
  return !!opts.tokens && authenticateServiceAccountToken(opts.registry, opts.tokens, m[1]!.trim());
}

async function handle(opts: ApiServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = parsePath(rawPathname(req.url));
  if (route.type === 'health') return sendText(res, 200, 'ok');
  if (!authorized(opts, req)) {
    return sendStatus(res, {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401,
    });
  }
  if (url.pathname === '/healthz/etcd' || url.pathname === '/livez/etcd' || url.pathname === '/readyz/etcd') return sendStoreHealth(opts, res);
  const accept = req.headers.accept;
  switch (route.type) {
    case 'version':
      return sendJson(res, 200, versionInfo(opts.version.gitVersion));
    case 'api':
      if (wantsAggregated(accept)) return sendJson(res, 200, aggregatedDiscovery(true), AGGREGATED_CONTENT_TYPE);
      return sendJson(res, 200, legacyApiVersions());
    case 'apis':
      if (wantsAggregated(accept)) return sendJson(res, 200, aggregatedDiscovery(false), AGGREGATED_CONTENT_TYPE);
      return sendJson(res, 200, legacyApiGroupList());
    case 'groupVersion': {
      const list = apiResourceList(route.group, route.version);
      if (!list) throw errors.notFoundPath();
      return sendJson(res, 200, list);
    }
    case 'unknownResource':
    case 'notFound':
      throw errors.notFoundPath();
    case 'badRequest':
      throw errors.badRequest(route.message);
    case 'resource':
      return handleResource(opts, route.req, url, req, res);
  }
}

async function handleResource(
  opts: ApiServerOptions,
  r: ResourceRequest,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const { registry } = opts;
  const reply = (code: number, body: unknown) => {
    // Warnings for what a write stored but kbx will not honour (299 as the apiserver's).
    if (method !== 'GET' && method !== 'DELETE' && body && typeof body === 'object' && (body as KObject).metadata && !r.subresource) {
      const w = kindOf(r.info).strategy.warnings?.(body as KObject) ?? [];
      if (w.length) res.setHeader('Warning', w.map((m) => `299 - ${JSON.stringify(m)}`));
    }
    return replyDurable(registry, res, code, body);
  };
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const ns = r.info.namespaced ? r.namespace : undefined;
  const dryRun = q.get('dryRun') === 'All';
  const table = wantsTable(req.headers.accept);
  const includeObject = (q.get('includeObject') as 'None' | 'Metadata' | 'Object' | null) ?? 'Metadata';

  if (r.subresource === 'eviction' && r.info.kind === 'Pod' && r.name) {
    if (method !== 'POST') throw errors.methodNotAllowed();
    const { evictPod } = await import('./eviction.js');
    return sendJson(res, 201, evictPod(registry, r.namespace!, r.name, await readBody(req), { dryRun }));
  }
  if (r.subresource === 'token' && r.info.kind === 'ServiceAccount' && r.name) {
    if (method !== 'POST') throw errors.methodNotAllowed();
    if (!opts.tokens) throw errors.notFoundPath();
    return sendJson(res, 201, createTokenRequest(registry, opts.tokens, r.namespace ?? 'default', r.name, (await readBody(req)) as KObject, { dryRun }));
  }
  if (r.subresource && !['status', 'log', 'scale'].includes(r.subresource)) {
    if (r.subresource === 'exec' || r.subresource === 'attach' || r.subresource === 'portforward') {
      throw errors.badRequest('Upgrade request required');
    }
    throw errors.notFoundPath();
  }

  if (r.subresource === 'scale') {
    if (!r.name || !r.info.subresources.includes('scale')) throw errors.notFoundPath();
    if (method === 'GET') return reply(200, registry.getScale(r.info, ns, r.name));
    if (method === 'PUT') {
      const body = (await readBody(req)) as KObject;
      return reply(200, registry.writeScale(r.info, ns, r.name, () => body, { dryRun }));
    }
    if (method === 'PATCH') {
      const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const body = await readBody(req);
      const { applyPatch } = await import('../api/patch/index.js');
      return reply(200, registry.writeScale(r.info, ns, r.name, (scale) => applyPatch(ct, scale, body, 'Scale') as KObject, { dryRun }));
    }
    throw errors.methodNotAllowed();
  }
  if (r.subresource === 'log') {
    if (method !== 'GET') throw errors.methodNotAllowed();
    return handleLog(opts, r, q, res);
  }

  if (method === 'GET' && !r.name) {
    if (q.get('watch') === 'true' || q.get('watch') === '1') return handleWatch(opts, r, q, req, res, table, includeObject);
    const list = registry.list(r.info, ns, { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
    if (table) {
      return reply(200, toTable(r.info.kind, list.items, { now: registry.clock.now(), includeObject, resourceVersion: list.resourceVersion }));
    }
    return reply(200, {
      kind: `${r.info.kind}List`,
      apiVersion: r.info.group ? `${r.info.group}/${r.info.version}` : r.info.version,
      metadata: { resourceVersion: list.resourceVersion },
      items: list.items,
    });
  }
  if (method === 'GET') {
    const obj = registry.get(r.info, ns, r.name!);
    if (table) {
      return reply(200, toTable(r.info.kind, [obj], { now: registry.clock.now(), includeObject, resourceVersion: obj.metadata.resourceVersion }));
    }
    return reply(200, r.subresource === 'status' ? obj : obj);
  }
  if (method === 'POST') {
    if (r.name) throw errors.methodNotAllowed();
    const body = (await readBody(req)) as KObject;
    checkBodyKind(r, body);
    await checkRuntime(opts, r);
    const created = registry.create(r.info, ns, body, { dryRun });
    return reply(201, created);
  }
  if (method === 'PUT') {
    if (!r.name) throw errors.methodNotAllowed();
    const body = (await readBody(req)) as KObject;
    checkBodyKind(r, body);
    return reply(200, registry.update(r.info, ns, r.name, body, { dryRun, subresource: r.subresource }));
  }
  if (method === 'PATCH') {
    if (!r.name) throw errors.methodNotAllowed();
    const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const body = await readBody(req);
    if (ct === 'application/apply-patch+yaml' && !registry.tryGet(r.info, ns, r.name)) {
      // Server-side apply of a missing object creates it.
      return reply(201, registry.create(r.info, ns, body as KObject, { dryRun }));
    }
    const { applyPatch } = await import('../api/patch/index.js');
    return reply(200, registry.patch(r.info, ns, r.name, ct, body, { dryRun, subresource: r.subresource, patcher: applyPatch }));
  }
  if (method === 'DELETE') {
    const body = ((await readBody(req)) ?? {}) as Record<string, unknown>;
    const del: DeleteOptions = {
      gracePeriodSeconds: numberParam(q.get('gracePeriodSeconds')) ?? (body.gracePeriodSeconds as number | undefined),
      propagationPolicy: (q.get('propagationPolicy') ?? body.propagationPolicy ?? (body.orphanDependents === true ? 'Orphan' : undefined)) as
        | Propagation
        | undefined,
      preconditions: body.preconditions as DeleteOptions['preconditions'],
      dryRun: dryRun || (Array.isArray(body.dryRun) && body.dryRun.includes('All')),
    };
    if (!r.name) {
      // deletecollection
      const list = registry.list(r.info, ns, { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
      const items: KObject[] = [];
      for (const o of list.items) {
        try {
          items.push(registry.delete(r.info, o.metadata.namespace, o.metadata.name!, del));
        } catch (e) {
          if (!(errors.isApiError(e) && e.code === 404)) throw e;
        }
      }
      return reply(200, { kind: `${r.info.kind}List`, apiVersion: 'v1', metadata: {}, items });
    }
    return reply(200, registry.delete(r.info, ns, r.name, del));
  }
  throw errors.methodNotAllowed();
}

/** Workloads are refused while Docker is unreachable: better a clear error now than a pod stuck Pending. */
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);
async function checkRuntime(opts: ApiServerOptions, r: ResourceRequest): Promise<void> {
  if (!WORKLOAD_KINDS.has(r.info.kind) || !opts.node.runtimeError) return;
  const msg = await opts.node.runtimeError();
  if (msg) throw errors.serviceUnavailable(msg);
}

function checkBodyKind(r: ResourceRequest, body: KObject): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body of the request was in an unknown format');
  if (body.kind && body.kind !== r.info.kind) {
    throw errors.badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${r.info.group ? r.info.group + '/' : ''}${r.info.version})`);
  }
}

async function handleWatch(
  opts: ApiServerOptions,
  r: ResourceRequest,
  q: URLSearchParams,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  table: boolean,
  includeObject: 'None' | 'Metadata' | 'Object',
): Promise<void> {
  const { registry } = opts;
  const ns = r.info.namespaced ? r.namespace : undefined;
  const sendInitial = q.get('sendInitialEvents') === 'true';
  const rv = sendInitial ? undefined : (q.get('resourceVersion') ?? undefined);
  const timeout = numberParam(q.get('timeoutSeconds'));
  const now = () => registry.clock.now();
  let first = true;
  const encode = (e: WatchEvent): string => {
    if (!table || e.type === 'BOOKMARK' || e.type === 'ERROR') return JSON.stringify(e) + '\n';
    const t = toTable(r.info.kind, [e.object], { now: now(), includeObject, resourceVersion: e.object.metadata.resourceVersion });
    if (!first) (t as { columnDefinitions: unknown }).columnDefinitions = [];
    first = false;
    return JSON.stringify({ type: e.type, object: t }) + '\n';
  };
  const buffered: WatchEvent[] = [];
  let ready = false;
  const onEvent = (e: WatchEvent) => {
    if (!ready) buffered.push(e);
    else res.write(encode(e));
  };
  // Subscribing may throw (410 Gone, bad selector) before any byte is sent: that becomes a Status reply.
  const stop = registry.watch(r.info, ns, { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined, resourceVersion: rv }, onEvent);
  res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  for (const e of buffered) res.write(encode(e));
  if (sendInitial) {
    res.write(
      encode({
        type: 'BOOKMARK',
        object: {
          kind: r.info.kind,
          apiVersion: r.info.group ? `${r.info.group}/${r.info.version}` : r.info.version,
          metadata: { resourceVersion: String(registry.store.committedResourceVersion), annotations: { 'k8s.io/initial-events-end': 'true' } },
        },
      }),
    );
  }
  ready = true;
  let timer: NodeJS.Timeout | undefined;
  const finish = () => {
    stop();
    if (timer) clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  if (timeout && timeout > 0) timer = setTimeout(finish, timeout * 1000);
  req.on('close', finish);
  res.on('close', finish);
}

async function handleLog(opts: ApiServerOptions, r: ResourceRequest, q: URLSearchParams, res: http.ServerResponse): Promise<void> {
  const pod = opts.registry.get(r.info, r.namespace, r.name!) as Pod;
  const names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
  let container = q.get('container') ?? undefined;
  if (!container) {
    if (pod.spec.containers.length !== 1) {
      throw errors.badRequest(
        `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${pod.spec.containers.map((c) => c.name).join(' ')}]`,
      );
    }
    container = pod.spec.containers[0]!.name;
  }
  if (!names.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  const stream = await opts.node.logs(pod, {
    container,
    follow: q.get('follow') === 'true',
    tailLines: numberParam(q.get('tailLines')),
    timestamps: q.get('timestamps') === 'true',
    sinceSeconds: numberParam(q.get('sinceSeconds')),
    sinceTime: q.get('sinceTime') ?? undefined,
    previous: q.get('previous') === 'true',
    limitBytes: numberParam(q.get('limitBytes')),
  });
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  const s = stream as NodeJS.ReadableStream & { destroy?: () => void };
  res.on('close', () => s.destroy?.());
  s.on('data', (chunk: Buffer) => res.write(chunk));
  s.on('end', () => res.end());
  s.on('error', () => res.end());
}

function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

function numberParam(v: string | null): number | undefined {
  if (v === null || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      // YAML bodies are rare (kubectl sends JSON): load the parser only for them.
      const YAML = createRequire(import.meta.url)('yaml') as typeof import('yaml');
      return YAML.parse(text);
    } catch (e) {
      throw errors.badRequest(`the body of the request could not be decoded: ${(e as Error).message}`);
    }
  }
}

function versionInfo(gitVersion: string) {
  return {
    major: '1',
    minor: '35',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-11-01T00:00:00Z',
    goVersion: `node${process.versions.node}`,
    compiler: 'kbx',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}

function sendJson(res: http.ServerResponse, code: number, body: unknown, contentType = JSON_TYPE): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Answers once every write the request made or read is durable (the store commits writes in groups):
 * a reply never reports a write that is not on disk. A write that could not be saved is a 500.
 */
async function replyDurable(registry: Registry, res: http.ServerResponse, code: number, body: unknown): Promise<void> {
  try {
    await registry.store.durable();
  } catch (e) {
    if (e instanceof StorageError) throw errors.internal(e.message);
    throw e;
  }
  sendJson(res, code, body);
}

/** The API server's etcd check, for the store: `ok`, or why writes fail and what the last start set aside. */
function sendStoreHealth(opts: ApiServerOptions, res: http.ServerResponse): void {
  const h = opts.registry.store.health();
  if (h.writeError) return sendText(res, 500, `[-]etcd failed: writes fail: ${h.writeError}\n`);
  sendText(res, 200, h.recovery ? `ok (${h.recovery})\n` : 'ok');
}

function sendText(res: http.ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendStatus(res: http.ServerResponse, status: StatusObject): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status.code ?? 500, status);
}

function sendError(res: http.ServerResponse, e: unknown, log?: (m: string) => void): void {
  if (errors.isApiError(e)) return sendStatus(res, e.status);
  log?.(`internal error: ${(e as Error)?.stack ?? String(e)}`);
  sendStatus(res, errors.internal((e as Error)?.message ?? String(e)).status);
}

export { qualifiedResource };
