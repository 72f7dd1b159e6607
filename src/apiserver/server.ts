// The HTTP face of the control plane: Kubernetes REST paths → registry operations → JSON, Table or
// Status. No business logic lives here.
import { podContainerNames } from '../api/pod-containers.js';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import type { KObject, Pod, StatusObject, WatchEvent } from '../api/types.js';
import { qualifiedResource } from '../api/registry.js';
import * as errors from '../api/errors.js';
import type { Registry, DeleteOptions, Propagation } from '../registry/registry.js';
import { Store, StorageError } from '../store/store.js';
import { ApiMetrics } from './metrics.js';
import { RESOURCES } from '../api/registry.js';
import { patchFailure } from '../registry/registry.js';
import { parsePath, rawPathname, type ResourceRequest } from './routes.js';
import { healthReport } from './health.js';
import { rfc3339 } from '../util/clock.js';
import {
  AGGREGATED_CONTENT_TYPE,
  aggregatedDiscovery,
  apiResourceList,
  legacyApiGroupList,
  legacyApiVersions,
  wantsAggregated,
} from './discovery.js';
import { kindOf, toTable, type VersionConversion } from '../kinds/index.js';
import type { NodeApi } from '../kubelet/node-api.js';
import type { TokenIssuer } from '../auth/sa-token.js';
import { authenticateServiceAccountToken, createTokenRequest } from '../registry/service-account-tokens.js';
import { decodeRequestBody } from './body.js';
import type { UserInfo } from '../auth/user.js';
import type { Attributes, Decision } from '../auth/rbac/rules.js';
import { authenticate, impersonate } from './authentication.js';
import { authorize, forbiddenError, StoreRoleSource } from './authorization.js';
import { requestInfo } from './request-info.js';
import { checkRbacWrite, isRbacKind } from './rbac-admission.js';

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

/** The options plus what the server builds from them once: the roles and bindings the authorizer reads. */
interface Served extends ApiServerOptions {
  rbac: StoreRoleSource;
  metrics: ApiMetrics;
  authorize: (a: Attributes) => Decision;
}

/** The request's user once authenticated, impersonation applied and the request authorized; a 401/403 ApiError otherwise. */
function admit(o: Served, req: http.IncomingMessage, url: URL, upgrade = false): UserInfo {
  const authenticated = authenticate(o.registry, o.token, o.tokens, req);
  if (!authenticated) throw errors.unauthorized('Unauthorized');
  const user = impersonate(authenticated, req.headers, o.authorize);
  const a: Attributes = { ...requestInfo(req.method ?? 'GET', rawPathname(req.url), url.searchParams, { upgrade }), user };
  const d = o.authorize(a);
  if (!d.allowed) throw forbiddenError(a, d.reason);
  return user;
}

export function createApiServer(options: ApiServerOptions): http.Server {
  const rbac = new StoreRoleSource(options.registry);
  const opts: Served = { ...options, rbac, metrics: new ApiMetrics(), authorize: (a) => authorize(rbac, a) };
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    instrument(opts.metrics, req, res);
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
  server.on('close', () => rbac.close());
  server.on('upgrade', (req, socket: Duplex, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      admit(opts, req, url, true);
    } catch (e) {
      const st = errors.isApiError(e) ? e.status : errors.internal(String(e)).status;
      const text = JSON.stringify(st);
      const reason = st.code === 401 ? 'Unauthorized' : st.code === 403 ? 'Forbidden' : 'Bad Request';
      socket.end(`HTTP/1.1 ${st.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
      return;
    }
    const route = parsePath(rawPathname(req.url));
    if (route.type === 'resource' && route.req.info.kind === 'Pod' && (route.req.subresource === 'exec' || route.req.subresource === 'attach') && route.req.name) {
      const pod = opts.registry.tryGet(route.req.info, route.req.namespace, route.req.name) as Pod | undefined;
      if (String(req.headers.upgrade ?? '').toLowerCase() === 'spdy/3.1') {
        import('./exec-spdy.js')
          .then(({ handleExecSpdyUpgrade }) => handleExecSpdyUpgrade(req, socket, head, url, pod, route.req, opts.node))
          .catch(() => socket.destroy());
        return;
      }
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

async function handle(opts: Served, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = parsePath(rawPathname(req.url));
  if (route.type === 'health') {
    const writeError = opts.registry.store.health().writeError;
    const checks = [{ name: 'ping' }, { name: 'log' }, { name: 'etcd', error: writeError }, ...(route.endpoint === 'readyz' ? [{ name: 'api-serving' }] : [])];
    const { code, text } = healthReport(route.endpoint, checks, url.searchParams);
    return sendText(res, code, text);
  }
  const user = admit(opts, req, url);
  if (url.pathname === '/metrics') return sendMetrics(opts, res);
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
    case 'openapi':
      return (await import('./openapi.js')).serveOpenApi(req, res, route.rest, url);
    case 'unknownResource':
    case 'notFound':
      throw errors.notFoundPath();
    case 'badRequest':
      throw errors.badRequest(route.message);
    case 'resource':
      return handleResource(opts, route.req, url, req, res, user);
  }
}

async function handleResource(
  opts: Served,
  r: ResourceRequest,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  user: UserInfo,
): Promise<void> {
  const { registry } = opts;
  // A version served by conversion: bodies come in converted to the stored version, replies go out converted back.
  const conv = r.version ? kindOf(r.info).conversions?.[r.version] : undefined;
  // Validating admission's warnings (PodSecurity), sent with the reply.
  const warnings: string[] = [];
  const reply = (code: number, body: unknown) => {
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') setWarnings(res, [...warnings, ...(kindOf(r.info).warnings?.(body as KObject) ?? [])]);
    return replyDurable(registry, res, code, conv ? convertOut(conv, body, `${r.info.group}/${r.version}`) : body);
  };
  const readIn = async () => {
    const b = await readBody(req);
    return conv && b && typeof b === 'object' ? conv.fromVersion(b as KObject) : b;
  };
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const ns = r.info.namespaced ? r.namespace : undefined;
  const dryRun = q.get('dryRun') === 'All';
  const table = wantsTable(req.headers.accept);
  const includeObject = (q.get('includeObject') as 'None' | 'Metadata' | 'Object' | null) ?? 'Metadata';

  if (r.info.group === 'metrics.k8s.io') {
    if (method !== 'GET') throw errors.methodNotAllowed();
    if (r.subresource || q.get('watch') === 'true') throw errors.notFoundPath();
    const { metricsResponse } = await import('./metrics-api.js');
    const body = metricsResponse(registry, r, q, (await opts.node.resourceMetrics?.()) ?? { pods: [] });
    if (table) {
      const items = 'items' in body ? (body.items as KObject[]) : [body as KObject];
      return sendJson(res, 200, toTable(r.info.kind, items, { now: registry.clock.now(), includeObject, resourceVersion: '' }));
    }
    return sendJson(res, 200, body);
  }
  if (r.info.verbs.length === 1 && r.info.verbs[0] === 'create' && !r.name) {
    // The review APIs: answered, never stored.
    if (method !== 'POST') throw errors.methodNotAllowed();
    const { serveReview } = await import('./access-reviews.js');
    const body = (await readBody(req)) as Record<string, unknown> | undefined;
    checkBodyKind(r, body as KObject);
    (await import('./field-validation.js')).decodeTypes(r.info, body, 'object');
    return sendJson(res, 201, serveReview(r.info.kind, body, {
      user, authorize: opts.authorize, rules: opts.rbac, namespace: r.namespace,
      authenticateToken: (t) => (opts.tokens ? authenticateServiceAccountToken(registry, opts.tokens, t) : undefined),
    }));
  }
  const rbacWrite = isRbacKind(r.info.kind)
    ? (obj: KObject, old?: KObject) => checkRbacWrite(opts.rbac, opts.authorize, user, r.info.kind, r.info.plural, ns ?? '', obj, old)
    : undefined;
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
  const podEphemeral = r.subresource === 'ephemeralcontainers' && r.info.kind === 'Pod';
  if (r.subresource && !['status', 'log', 'scale'].includes(r.subresource) && !podEphemeral) {
    if (r.subresource === 'exec' || r.subresource === 'attach' || r.subresource === 'portforward') {
      throw errors.badRequest('Upgrade request required');
    }
    throw errors.notFoundPath();
  }

  if (r.subresource === 'scale') {
    if (!r.name || !r.info.subresources.includes('scale')) throw errors.notFoundPath();
    if (method === 'GET') return reply(200, registry.getScale(r.info, ns, r.name));
    const fm = await import('./field-manager.js');
    const track = fm.tracker(r.info, fm.writerOf(r.info, q, req, registry.clock.now(), 'scale'));
    if (method === 'PUT') {
      const body = (await readBody(req)) as KObject;
      (await import('./field-validation.js')).decodeTypes(r.info, body, 'object', undefined, 'scale');
      return reply(200, registry.writeScale(r.info, ns, r.name, () => body, { dryRun, track }));
    }
    if (method === 'PATCH') {
      const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const body = await readBody(req);
      const { applyPatch } = await import('../api/patch/apply.js');
      const typedApply = await typedPatcher(r, applyPatch, body);
      const patchScale = (scale: KObject) => {
        try {
          return typedApply(ct, scale, body, 'Scale') as KObject;
        } catch (e) {
          throw patchFailure(e, ct);
        }
      };
      return reply(200, registry.writeScale(r.info, ns, r.name, patchScale, { dryRun, track }));
    }
    throw errors.methodNotAllowed();
  }
  if (r.subresource === 'log') {
    if (method !== 'GET') throw errors.methodNotAllowed();
    return handleLog(opts, r, q, res);
  }

  if (method === 'GET' && !r.name) {
    if (q.get('watch') === 'true' || q.get('watch') === '1') return handleWatch(opts, r, q, req, res, table, includeObject, conv);
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
    const body = (await readIn()) as KObject;
    checkBodyKind(r, body);
    await fieldCheck(r, body, q, 'object', res);
    await checkRuntime(opts, r);
    rbacWrite?.(body);
    const fm = await import('./field-manager.js');
    const track = fm.tracker(r.info, fm.writerOf(r.info, q, req, registry.clock.now()));
    const created = registry.create(r.info, ns, body, { dryRun, track, warnings });
    return reply(201, created);
  }
  if (method === 'PUT') {
    if (!r.name) throw errors.methodNotAllowed();
    const body = (await readIn()) as KObject;
    checkBodyKind(r, body);
    await fieldCheck(r, body, q, 'object', res);
    rbacWrite?.(body, registry.tryGet(r.info, ns, r.name));
    const fm = await import('./field-manager.js');
    const track = fm.tracker(r.info, fm.writerOf(r.info, q, req, registry.clock.now(), r.subresource));
    return reply(200, registry.update(r.info, ns, r.name, body, { dryRun, subresource: r.subresource, track, warnings }));
  }
  if (method === 'PATCH') {
    if (!r.name) throw errors.methodNotAllowed();
    const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const body = await readBody(req);
    if (ct !== 'application/json-patch+json') await fieldCheck(r, body, q, ct === 'application/apply-patch+yaml' ? 'object' : 'patch', res);
    const fm = await import('./field-manager.js');
    const writer = fm.writerOf(r.info, q, req, registry.clock.now(), r.subresource);
    const current = registry.tryGet(r.info, ns, r.name);
    const { applyPatch } = await import('../api/patch/apply.js');
    if (ct === 'application/apply-patch+yaml') {
      const force = q.get('force') === 'true';
      if (!q.get('fieldManager')) throw errors.badRequest('fieldManager is required for apply requests');
      // Server-side apply of a missing object creates it.
      if (!current) {
        const created = fm.applyFor(r.info, undefined, conv ? conv.fromVersion(body as KObject) : body, writer, force);
        rbacWrite?.(created);
        return reply(201, registry.create(r.info, ns, created, { dryRun, warnings }));
      }
      const patcher = (_ct: string, live: unknown) => {
        const applied = fm.applyFor(r.info, live as KObject, body, writer, force);
        rbacWrite?.(applied, current);
        return applied;
      };
      return reply(200, registry.patch(r.info, ns, r.name, ct, body, { dryRun, subresource: r.subresource, patcher, warnings }));
    }
    // In a converted version the patch applies to the object as that version shows it.
    const typedApply = await typedPatcher(r, applyPatch, body);
    const patcher: typeof applyPatch = conv ? (t, obj, p, kind) => conv.fromVersion(typedApply(t, conv.toVersion(obj as KObject), p, kind) as KObject) : typedApply;
    // A role or binding is checked as it would be once patched.
    if (rbacWrite && current) {
      let patched: KObject;
      try {
        patched = patcher(ct, structuredClone(current), body, r.info.kind) as KObject;
      } catch (e) {
        throw patchFailure(e, ct);
      }
      rbacWrite(patched, current);
    }
    const track = fm.tracker(r.info, writer);
    return reply(200, registry.patch(r.info, ns, r.name, ct, body, { dryRun, subresource: r.subresource, patcher, track, warnings }));
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

/** fieldValidation for the kinds the OpenAPI documents describe (the main resource and its status). */
async function fieldCheck(r: ResourceRequest, body: unknown, q: URLSearchParams, kind: 'object' | 'patch', res: http.ServerResponse): Promise<void> {
  if (r.subresource && r.subresource !== 'status') return;
  const { validateFields, decodeTypes } = await import('./field-validation.js');
  validateFields(r.info, body, q.get('fieldValidation'), kind, res);
  if (kind === 'object') decodeTypes(r.info, body, 'object');
}

/** A patch's result decoded against the kind's types (the served version's), before the registry stores it. */
async function typedPatcher(r: ResourceRequest, patcher: (ct: string, obj: unknown, patch: unknown, kind: string) => unknown, patch: unknown) {
  const { decodeTypes } = await import('./field-validation.js');
  return (ct: string, obj: unknown, p: unknown, kind: string) => {
    const out = patcher(ct, obj, p, kind);
    decodeTypes(r.info, out, 'patch', patch, r.subresource);
    return out;
  };
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
  conv?: VersionConversion,
): Promise<void> {
  const { registry } = opts;
  const ns = r.info.namespaced ? r.namespace : undefined;
  const sendInitial = q.get('sendInitialEvents') === 'true';
  const rv = sendInitial ? undefined : (q.get('resourceVersion') ?? undefined);
  const timeout = numberParam(q.get('timeoutSeconds'));
  const now = () => registry.clock.now();
  let first = true;
  const encode = (e: WatchEvent): string => {
    if (conv && e.type !== 'BOOKMARK' && e.type !== 'ERROR') e = { ...e, object: conv.toVersion(e.object) };
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
  const names = podContainerNames(pod);
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

/** A reply (object, list or Table) as the converted version shows it. */
function convertOut(conv: VersionConversion, body: unknown, apiVersion: string): unknown {
  if (!body || typeof body !== 'object') return body;
  const b = body as { kind?: string; items?: KObject[]; rows?: { object?: KObject }[] };
  if (b.kind === 'Table') return { ...b, rows: (b.rows ?? []).map((row) => (row.object?.spec ? { ...row, object: conv.toVersion(row.object) } : row)) };
  if (Array.isArray(b.items)) return { ...b, apiVersion, items: b.items.map((o) => conv.toVersion(o)) };
  if (b.kind === 'Status') return body;
  return conv.toVersion(body as KObject);
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
  if (/^application\/vnd\.kubernetes\.protobuf\b/.test(req.headers['content-type'] ?? '')) return readProtobuf(Buffer.concat(chunks));
  return decodeRequestBody(Buffer.concat(chunks).toString('utf8'));
}

/** client-go's typed clients send built-in kinds as protobuf; a kind without a description is 415, as upstream for CRDs. */
async function readProtobuf(body: Buffer): Promise<unknown> {
  if (!body.length) return undefined;
  const { decodeKubernetesProtobuf, ProtobufError } = await import('../api/protobuf/decode.js');
  try {
    return decodeKubernetesProtobuf(body);
  } catch (e) {
    if (!(e instanceof ProtobufError)) throw e;
    throw new errors.ApiError({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 415, reason: 'UnsupportedMediaType',
      message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (${e.message})`,
    });
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
/** RFC 7234 warn-code 299 headers, as the API server sends them (kubectl prints "Warning: <text>"). */
function setWarnings(res: http.ServerResponse, warnings: string[] | undefined): void {
  if (!warnings?.length) return;
  // Field validation may have set some already: keep them.
  const prev = res.getHeader('Warning');
  const kept = Array.isArray(prev) ? prev : prev ? [String(prev)] : [];
  res.setHeader('Warning', [...kept, ...warnings.map((w) => `299 - ${JSON.stringify(w)}`)]);
}

async function replyDurable(registry: Registry, res: http.ServerResponse, code: number, body: unknown): Promise<void> {
  try {
    await registry.store.durable();
  } catch (e) {
    if (e instanceof StorageError) throw errors.internal(e.message);
    throw e;
  }
  sendJson(res, code, body);
}

/** Counts a request in flight and, once answered, in apiserver_request_total and the latency histogram. */
function instrument(metrics: ApiMetrics, req: http.IncomingMessage, res: http.ServerResponse): void {
  const t0 = performance.now();
  const method = req.method ?? 'GET';
  const pathname = rawPathname(req.url);
  const q = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const info = requestInfo(method, pathname, q);
  const version = info.resourceRequest ? (pathname.split('/')[info.apiGroup ? 3 : 2] ?? '') : '';
  const watching = info.verb === 'watch' || (info.subresource === 'log' && q.get('follow') === 'true');
  const done = metrics.started(method, watching ? { component: 'apiserver', group: info.apiGroup ?? '', resource: info.resource ?? '', scope: info.namespace ? 'namespace' : 'cluster', subresource: info.subresource ?? '', verb: info.verb === 'watch' ? 'WATCH' : 'GET', version } : undefined);
  let counted = false;
  const finish = () => {
    if (counted) return;
    counted = true;
    done();
    const dryRun = q.get('dryRun') === 'All';
    metrics.observe({ method, info, version, dryRun, contentType: req.headers['content-type'], code: res.statusCode, seconds: (performance.now() - t0) / 1000 });
  };
  res.on('finish', finish);
  res.on('close', finish);
}

/** GET /metrics: the Prometheus text exposition (format 0.0.4). */
function sendMetrics(opts: Served, res: http.ServerResponse): void {
  const objects: Record<string, number> = {};
  for (const info of RESOURCES) {
    if (info.group === 'metrics.k8s.io' || (info.verbs.length === 1 && info.verbs[0] === 'create')) continue;
    objects[info.group ? `${info.plural}.${info.group}` : info.plural] = opts.registry.store.count(Store.prefix(info.group, info.plural));
  }
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  const text = opts.metrics.render({
    startTimeSeconds: Math.round((Date.now() - process.uptime() * 1000) / 10) / 100,
    residentBytes: mem.rss,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    objects,
  });
  res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
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
