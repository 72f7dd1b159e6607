// Pure: the built-in Ingress controller's routing table, from the Ingresses of its class, their
// Services, the Services' ready endpoints and the TLS Secrets; and how a request (Host, path) picks a
// backend, as the Ingress spec says (https://kubernetes.io/docs/concepts/services-networking/ingress/):
//  - hosts: an exact host wins over a `*.` wildcard, which matches exactly one DNS label
//    (`*.foo.com` matches `bar.foo.com`, neither `foo.com` nor `baz.bar.foo.com`); a rule without a
//    host matches every request. The most specific matching host is chosen, then its paths (a host
//    whose paths do not match goes to the default backend, as ingress-nginx's server blocks do).
//  - paths: `Exact` compares the whole path; `Prefix` compares '/'-separated elements (`/foo` matches
//    `/foo`, `/foo/`, `/foo/bar`, not `/foobar`; a trailing '/' in the rule is ignored);
//    `ImplementationSpecific` is kbx's Prefix. The longest matching path wins; on a tie Exact beats
//    Prefix; then the oldest Ingress.
//  - no rule matches: the default backend (the oldest Ingress's `defaultBackend`), else 404.
import type { KObject } from '../api/types.js';
import { DEFAULT_CLASS_ANNOTATION, INGRESS_CLASS_ANNOTATION } from '../api/validation-networking.js';
import type { BackendAddress } from './protocol.js';

type Obj = Record<string, any>;

export const KBX_INGRESS_CONTROLLER = 'kbx.io/ingress-controller';
export const KBX_INGRESS_CLASS = 'kbx';

export interface ResolvedBackend {
  /** "ns/name:port" as describe prints it. */
  name: string;
  /** Ready endpoints (pod IP, target port); empty → 503. */
  endpoints: BackendAddress[];
  /** Why it cannot be served (the Service or its port does not exist …); the request gets a 503. */
  error?: string;
}

export interface RoutePath {
  /** Prefix: the rule's path elements; Exact: the whole path. */
  path: string;
  elements: string[];
  exact: boolean;
  backend: ResolvedBackend;
  /** "ns/name" of the Ingress, and its age rank (0 = oldest) for ties. */
  ingress: string;
  rank: number;
}

export interface TlsEntry {
  hosts: string[];
  ingress: string;
  secret: string;
  cert?: string;
  key?: string;
}

export interface IngressTable {
  exact: Map<string, RoutePath[]>;
  /** Keyed by the wildcard's suffix without the '*' (".foo.com"). */
  wildcard: Map<string, RoutePath[]>;
  any: RoutePath[];
  defaultBackend?: ResolvedBackend & { ingress: string };
  tls: TlsEntry[];
}

export interface Problem {
  ingress: KObject;
  reason: string;
  message: string;
}

export interface TableInputs {
  ingresses: KObject[];
  classes: KObject[];
  services: KObject[];
  /** By "ns/name". */
  endpoints: Map<string, KObject>;
  /** By "ns/name". */
  secrets: Map<string, KObject>;
}

/** The names of the IngressClasses this controller serves, and whether one of them is the cluster's default. */
function ourClasses(classes: KObject[]): { names: Set<string>; isDefault: boolean } {
  const names = new Set<string>();
  let isDefault = false;
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  for (const c of classes) if ((c.spec as Obj | undefined)?.controller === KBX_INGRESS_CONTROLLER) names.add(c.metadata.name!);
  if (defaults.length && defaults.every((c) => names.has(c.metadata.name!))) isDefault = true;
  return { names, isDefault };
}

/** Whether this controller serves the Ingress (its class, the legacy annotation, or none and kbx is the default). */
export function servesIngress(ing: KObject, classes: KObject[]): boolean {
  const { names, isDefault } = ourClasses(classes);
  const cls = (ing.spec as Obj | undefined)?.ingressClassName ?? ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (cls == null) return isDefault;
  return names.has(cls);
}

/** The Service port's ready endpoints (Endpoints subset port with the Service port's name). */
function resolveBackend(ns: string, b: Obj, services: Map<string, KObject>, endpoints: Map<string, KObject>): ResolvedBackend {
  const s = (b.service ?? {}) as Obj;
  const portText = s.port?.number ? String(s.port.number) : String(s.port?.name ?? '');
  const name = `${ns}/${s.name}:${portText}`;
  if (!b.service) return { name: 'resource backend', endpoints: [], error: 'resource backends are not supported by kbx' };
  const svc = services.get(`${ns}/${s.name}`);
  if (!svc) return { name, endpoints: [], error: `services "${s.name}" not found` };
  const sp = (((svc.spec as Obj | undefined)?.ports ?? []) as Obj[]).find((p) => (s.port?.number ? p.port === s.port.number : p.name === s.port?.name));
  if (!sp) return { name, endpoints: [], error: `service "${s.name}" has no port ${portText}` };
  if ((svc.spec as Obj).type === 'ExternalName') return { name, endpoints: [], error: `service "${s.name}" is an ExternalName service (not supported by kbx's Ingress)` };
  const out: BackendAddress[] = [];
  for (const sub of ((endpoints.get(`${ns}/${s.name}`) as Obj | undefined)?.subsets ?? []) as Obj[]) {
    const p = ((sub.ports ?? []) as Obj[]).find((x) => (x.name ?? '') === (sp.name ?? '') && (x.protocol ?? 'TCP') === 'TCP');
    if (!p) continue;
    for (const a of (sub.addresses ?? []) as Obj[]) if (a.ip) out.push({ ip: a.ip, port: p.port });
  }
  return { name, endpoints: out };
}

export function pathElements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

const byAge = (a: KObject, b: KObject) =>
  String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? '')) || `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`);

export function buildIngressTable(i: TableInputs): { table: IngressTable; served: KObject[]; problems: Problem[] } {
  const services = new Map(i.services.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
  const table: IngressTable = { exact: new Map(), wildcard: new Map(), any: [], tls: [] };
  const problems: Problem[] = [];
  const served = i.ingresses.filter((g) => !g.metadata.deletionTimestamp && servesIngress(g, i.classes)).sort(byAge);
  served.forEach((ing, rank) => {
    const ns = ing.metadata.namespace!;
    const id = `${ns}/${ing.metadata.name}`;
    const spec = (ing.spec ?? {}) as Obj;
    const resolve = (b: Obj) => {
      const r = resolveBackend(ns, b, services, i.endpoints);
      if (r.error) problems.push({ ingress: ing, reason: 'BackendNotFound', message: `backend ${r.name}: ${r.error}` });
      return r;
    };
    if (spec.defaultBackend && !table.defaultBackend) table.defaultBackend = { ...resolve(spec.defaultBackend), ingress: id };
    for (const rule of (spec.rules ?? []) as Obj[]) {
      const host = String(rule.host ?? '').toLowerCase();
      const list = host.startsWith('*.') ? getOrAdd(table.wildcard, host.slice(1)) : host ? getOrAdd(table.exact, host) : table.any;
      for (const p of (rule.http?.paths ?? []) as Obj[]) {
        const path = String(p.path ?? '') || '/';
        const exact = p.pathType === 'Exact';
        list.push({ path, elements: pathElements(path), exact, backend: resolve(p.backend ?? {}), ingress: id, rank });
      }
    }
    for (const t of (spec.tls ?? []) as Obj[]) {
      const entry: TlsEntry = { hosts: ((t.hosts ?? []) as string[]).map((h) => h.toLowerCase()), ingress: id, secret: `${ns}/${t.secretName ?? ''}` };
      if (!t.secretName) {
        table.tls.push(entry);
        continue;
      }
      const sec = i.secrets.get(`${ns}/${t.secretName}`) as Obj | undefined;
      const crt = sec?.data?.['tls.crt'];
      const key = sec?.data?.['tls.key'];
      if (!sec) problems.push({ ingress: ing, reason: 'SecretNotFound', message: `secret "${t.secretName}" not found: TLS for ${entry.hosts.join(',') || '*'} uses the default certificate` });
      else if (!crt || !key) problems.push({ ingress: ing, reason: 'InvalidSecret', message: `secret "${t.secretName}" has no tls.crt and tls.key: TLS uses the default certificate` });
      else Object.assign(entry, { cert: Buffer.from(crt, 'base64').toString('utf8'), key: Buffer.from(key, 'base64').toString('utf8') });
      table.tls.push(entry);
    }
  });
  return { table, served, problems };
}

function getOrAdd<K, V>(m: Map<K, V[]>, k: K): V[] {
  let v = m.get(k);
  if (!v) m.set(k, (v = []));
  return v;
}

/** Whether one rule path matches the request path (the path only: no query). */
export function pathMatches(rule: Pick<RoutePath, 'path' | 'elements' | 'exact'>, requestPath: string, requestElements = pathElements(requestPath)): boolean {
  if (rule.exact) return rule.path === requestPath;
  if (rule.elements.length > requestElements.length) return false;
  return rule.elements.every((e, i) => e === requestElements[i]);
}

/** The best path of a host's rules: longest, Exact before Prefix, then the oldest Ingress. */
export function bestPath(paths: RoutePath[], requestPath: string): RoutePath | undefined {
  const elements = pathElements(requestPath);
  let best: RoutePath | undefined;
  const length = (p: RoutePath) => (p.exact ? p.path.replace(/\/+$/, '').length : p.elements.join('/').length + (p.elements.length ? 1 : 0));
  for (const p of paths) {
    if (!pathMatches(p, requestPath, elements)) continue;
    if (!best) {
      best = p;
      continue;
    }
    const d = length(p) - length(best);
    if (d > 0 || (d === 0 && p.exact && !best.exact) || (d === 0 && p.exact === best.exact && p.rank < best.rank)) best = p;
  }
  return best;
}

/** The host's rule group: exact, else the wildcard one label up, else the host-less rules. */
export function hostGroup(t: IngressTable, host: string): RoutePath[] | undefined {
  const h = normalizeHost(host);
  const exact = t.exact.get(h);
  if (exact) return exact;
  const dot = h.indexOf('.');
  if (dot > 0) {
    const w = t.wildcard.get(h.slice(dot));
    if (w) return w;
  }
  return t.any.length ? t.any : undefined;
}

/** The Host header without its port, lower case, without a trailing dot. */
export function normalizeHost(host: string | undefined): string {
  let h = String(host ?? '').toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  if (colon >= 0) h = h.slice(0, colon);
  return h.replace(/\.$/, '');
}

export type RouteResult = { kind: 'backend'; backend: ResolvedBackend; ingress: string } | { kind: 'none' };

export function routeRequest(t: IngressTable, host: string | undefined, url: string): RouteResult {
  const q = url.search(/[?#]/);
  const path = (q >= 0 ? url.slice(0, q) : url) || '/';
  const group = hostGroup(t, host ?? '');
  const p = group ? bestPath(group, path) : undefined;
  if (p) return { kind: 'backend', backend: p.backend, ingress: p.ingress };
  if (t.defaultBackend) return { kind: 'backend', backend: t.defaultBackend, ingress: t.defaultBackend.ingress };
  return { kind: 'none' };
}

/** The certificate for an SNI server name: an entry naming the host, then a wildcard one, then one without hosts. */
export function tlsFor(t: IngressTable, serverName: string | undefined): TlsEntry | undefined {
  const h = normalizeHost(serverName ?? '');
  const usable = t.tls.filter((e) => e.cert && e.key);
  const dot = h.indexOf('.');
  return (
    usable.find((e) => e.hosts.includes(h)) ??
    (dot > 0 ? usable.find((e) => e.hosts.includes(`*${h.slice(dot)}`)) : undefined) ??
    usable.find((e) => e.hosts.length === 0)
  );
}
