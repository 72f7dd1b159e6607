// What a Pod looks like after the apiserver has defaulted it (pkg/apis/core/v1/defaults.go) and
// the default admission plugins have run (ServiceAccount, Priority, DefaultTolerationSeconds),
// so `kubectl get pod -o yaml` shows the same fields as on a real cluster. Pure and idempotent.
import type { Container, Pod } from './types.js';
import { parseQuantity, quantityToString, roundUp } from './quantity.js';

type Obj = Record<string, any>;
const isUnset = (v: unknown): boolean => v === undefined || v === null;

// ---------------------------------------------------------------------------------------------
// Image references (github.com/distribution/reference, as kubelet's parsers.ParseImageName uses)

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME_TOTAL_LENGTH_MAX = 255;

export interface ImageReference {
  /** Fully qualified repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** Registry host (with port), e.g. `docker.io`. */
  domain: string;
  /** Path within the registry, e.g. `library/nginx`. */
  path: string;
  /** The tag as written, '' when absent. */
  tag: string;
  /** The digest as written, '' when absent. */
  digest: string;
}

/** ParseNormalizedNamed; null when the reference is invalid (e.g. upper-case repository). */
export function parseImageReference(image: string): ImageReference | null {
  if (/^[a-f0-9]{64}$/.test(image)) return null; // a bare image ID is not a name
  const slash = image.indexOf('/');
  let domain = 'docker.io';
  let remainder = image;
  const first = slash >= 0 ? image.slice(0, slash) : '';
  if (slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first;
    remainder = image.slice(slash + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = 'library/' + remainder;
  const repoPart = remainder.split(':')[0]!;
  if (repoPart.toLowerCase() !== repoPart) return null;
  const m = REFERENCE_RE.exec(`${domain}/${remainder}`);
  if (!m) return null;
  const repository = m[1]!;
  if (repository.length > NAME_TOTAL_LENGTH_MAX) return null;
  return { repository, domain, path: repository.slice(domain.length + 1), tag: m[2] ?? '', digest: m[3] ?? '' };
}

/**
 * The tag kubelet pulls (parsers.ParseImageName): the written tag, `latest` when there is
 * neither tag nor digest, '' for a digest-only or unparseable reference.
 */
export function imageTagOf(image: string): string {
  const ref = parseImageReference(image);
  if (!ref) return '';
  if (!ref.tag && !ref.digest) return 'latest';
  return ref.tag;
}

/** SetDefaults_Container: Always for `:latest` (explicit or implied), IfNotPresent otherwise. */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return imageTagOf(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

// ---------------------------------------------------------------------------------------------
// Pod defaults

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
export const DEFAULT_TOLERATION_SECONDS = 300;
const DEFAULT_MODE = 0o644; // 420, how secret/configMap/downwardAPI/projected volumes default

/** Tolerations DefaultTolerationSeconds adds so pods ride out short node outages. */
export function defaultTolerations(): Obj[] {
  return [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS },
  ];
}

/** Built-in PriorityClasses; other names are left for admission to resolve. */
const BUILTIN_PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

// SetDefaults_ResourceList: canonical text, rounded up to milli units. Unparseable values stay
// as written so validation (or the decode check) can report them.
function defaultResourceList(list: Obj | undefined): Obj | undefined {
  if (!list) return list;
  const out: Obj = {};
  for (const [k, v] of Object.entries(list)) {
    try {
      out[k] = quantityToString(roundUp(parseQuantity(v as string | number), -3));
    } catch {
      out[k] = v;
    }
  }
  return out;
}

function defaultHandler(h: Obj | undefined): void {
  if (!h?.httpGet) return;
  if (!h.httpGet.path) h.httpGet.path = '/';
  if (!h.httpGet.scheme) h.httpGet.scheme = 'HTTP';
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  defaultHandler(p);
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
}

function defaultFieldRef(ref: Obj | undefined): void {
  if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
}

function defaultContainer(c: Obj, hostNetwork: boolean): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultImagePullPolicy(String(c.image ?? ''));
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  for (const port of (c.ports ?? []) as Obj[]) {
    if (!port.protocol) port.protocol = 'TCP';
    // defaultHostNetworkPorts: on the host network the host port is the container port.
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  for (const e of (c.env ?? []) as Obj[]) defaultFieldRef(e.valueFrom?.fieldRef);
  // A Pod (not a template) requests what it limits unless it says otherwise.
  if (isUnset(c.resources)) c.resources = {};
  const res = c.resources as Obj;
  if (res.limits && Object.keys(res.limits).length) {
    res.requests = { ...(res.requests ?? {}) };
    for (const [k, v] of Object.entries(res.limits)) if (!(k in res.requests)) res.requests[k] = v;
  }
  if (res.limits) res.limits = defaultResourceList(res.limits);
  if (res.requests) res.requests = defaultResourceList(res.requests);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
}

function defaultVolume(v: Obj): void {
  if (v.hostPath && isUnset(v.hostPath.type)) v.hostPath.type = '';
  if (v.emptyDir?.sizeLimit !== undefined && v.emptyDir.sizeLimit !== null) {
    v.emptyDir.sizeLimit = defaultResourceList({ s: v.emptyDir.sizeLimit })!.s;
  }
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (v[k] && isUnset(v[k].defaultMode)) v[k].defaultMode = DEFAULT_MODE;
  }
  for (const item of (v.downwardAPI?.items ?? []) as Obj[]) defaultFieldRef(item.fieldRef);
  for (const src of (v.projected?.sources ?? []) as Obj[]) {
    for (const item of (src.downwardAPI?.items ?? []) as Obj[]) defaultFieldRef(item.fieldRef);
    if (src.serviceAccountToken && isUnset(src.serviceAccountToken.expirationSeconds)) src.serviceAccountToken.expirationSeconds = 3600;
  }
}

/**
 * Returns a copy of `pod` with the apiserver's defaults: restartPolicy Always, grace period 30,
 * dnsPolicy ClusterFirst, default-scheduler, securityContext {}, service links on, service
 * account `default` (both fields), priority 0 / PreemptLowerPriority, the not-ready/unreachable
 * NoExecute tolerations (300s), and per container the pull policy, termination message path and
 * policy, `resources: {}`, TCP ports, probe timings and canonical quantities (requests default to
 * limits). The kube-api-access volume is admission's (api/serviceaccount-admission.ts), on create only.
 */
export function defaultPod<T extends Pod>(pod: T): T {
  const out = structuredClone(pod) as T;
  const spec = (out.spec ?? ((out as Obj).spec = {})) as Obj;
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (isUnset(spec.terminationGracePeriodSeconds)) spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  if (isUnset(spec.securityContext)) spec.securityContext = {};
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  if (isUnset(spec.enableServiceLinks)) spec.enableServiceLinks = true;
  // serviceAccount is the deprecated alias: it fills in an empty serviceAccountName and mirrors it.
  const sa = spec.serviceAccountName || spec.serviceAccount || 'default';
  spec.serviceAccountName = sa;
  spec.serviceAccount = sa;
  if (isUnset(spec.priority)) {
    if (!spec.priorityClassName) spec.priority = 0;
    else if (spec.priorityClassName in BUILTIN_PRIORITIES) spec.priority = BUILTIN_PRIORITIES[spec.priorityClassName];
  }
  if (isUnset(spec.preemptionPolicy) && (!spec.priorityClassName || spec.priorityClassName in BUILTIN_PRIORITIES)) {
    spec.preemptionPolicy = 'PreemptLowerPriority';
  }
  const tolerations: Obj[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const tolerates = (taint: string): boolean =>
    tolerations.some((t) => (t.key === taint || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const [notReady, unreachable] = defaultTolerations();
  const added: Obj[] = [];
  if (!tolerates('node.kubernetes.io/not-ready')) added.push(notReady!);
  if (!tolerates('node.kubernetes.io/unreachable')) added.push(unreachable!);
  if (added.length) spec.tolerations = [...tolerations, ...added];

  const hostNetwork = spec.hostNetwork === true;
  for (const c of (spec.containers ?? []) as Container[]) defaultContainer(c as Obj, hostNetwork);
  for (const c of (spec.initContainers ?? []) as Container[]) defaultContainer(c as Obj, hostNetwork);
  for (const c of (spec.ephemeralContainers ?? []) as Container[]) defaultContainer(c as Obj, hostNetwork);
  for (const v of (spec.volumes ?? []) as Obj[]) defaultVolume(v);
  for (const k of ['overhead']) if (spec[k]) spec[k] = defaultResourceList(spec[k]);
  return out;
}
