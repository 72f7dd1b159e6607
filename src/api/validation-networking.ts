// networking.k8s.io/v1 Ingress and IngressClass validation with the API server's messages
// (pkg/apis/networking/validation: ValidateIngressSpec, validateHTTPIngressPath,
// validateIngressBackend, ValidateIngressClass), and the DefaultIngressClass admission plugin's
// defaulting of spec.ingressClassName.
import { isIP } from 'node:net';
import type { KObject } from './types.js';
import { ipToInt } from '../registry/ip-allocator.js';
import { type FieldError, child, forbidden, index, invalid, notSupported, required, tooLong } from './field-errors.js';
import { FIELD_IMMUTABLE, isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain, regexError, validateLabelSelectorSpec, validateNamespaceName } from './validation.js';

type Obj = Record<string, any>;

export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'] as const;
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const MAX_LEN_CONTROLLER = 250;

function hostErrors(host: string, path: string): FieldError[] {
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  return msgs.map((m) => invalid(path, host, m));
}

/** validateIngressBackend: a service (name + port name or number) or a resource, never both. */
export function validateIngressBackend(b: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = b.resource != null;
  const hasService = b.service != null;
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    const r = b.resource as Obj;
    const rp = child(path, 'resource');
    if (r.apiGroup != null) for (const m of isDNS1123Subdomain(r.apiGroup)) errs.push(invalid(child(rp, 'apiGroup'), r.apiGroup, m));
    if (!r.kind) errs.push(required(child(rp, 'kind')));
    else for (const m of pathSegmentName(r.kind)) errs.push(invalid(child(rp, 'kind'), r.kind, m));
    if (!r.name) errs.push(required(child(rp, 'name')));
    else for (const m of pathSegmentName(r.name)) errs.push(invalid(child(rp, 'name'), r.name, m));
    return errs;
  }
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const s = b.service as Obj;
  if (!s.name) errs.push(required(child(path, 'service', 'name')));
  else for (const m of isDNS1035Label(s.name)) errs.push(invalid(child(path, 'service', 'name'), s.name, m));
  const port = (s.port ?? {}) as Obj;
  const hasName = typeof port.name === 'string' && port.name.length > 0;
  const hasNumber = !!port.number;
  if (hasName && hasNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (hasName) for (const m of isValidPortName(port.name)) errs.push(invalid(child(path, 'service', 'port', 'name'), port.name, m));
  else if (hasNumber) for (const m of isValidPortNum(port.number)) errs.push(invalid(child(path, 'service', 'port', 'number'), port.number, m));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

/** content.IsPathSegmentName: not "." or "..", no "/" or "%". */
function pathSegmentName(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const ch of ['/', '%']) if (name.includes(ch)) errs.push(`may not contain '${ch}'`);
  return errs;
}

function validateHTTPIngressPath(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.pathType == null) return [required(child(path, 'pathType'), 'pathType must be specified')];
  const value = String(p.path ?? '');
  const pp = child(path, 'path');
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
    if (value.length > 0) {
      for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(pp, value, `must not contain '${seq}'`));
      for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(pp, value, `cannot end with '${suf}'`));
    }
  } else if (p.pathType === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(pp, value, 'must be an absolute path'));
  } else {
    errs.push(notSupported(child(path, 'pathType'), p.pathType, PATH_TYPES));
  }
  errs.push(...validateIngressBackend((p.backend ?? {}) as Obj, child(path, 'backend')));
  return errs;
}

export function validateIngressSpec(spec: Obj, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const rules = (spec.rules ?? []) as Obj[];
  if (rules.length === 0 && spec.defaultBackend == null) errs.push(invalid(path, spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend != null) errs.push(...validateIngressBackend(spec.defaultBackend, child(path, 'defaultBackend')));
  rules.forEach((r, i) => {
    const rp = index(child(path, 'rules'), i);
    if (r.host) {
      if (isIP(r.host)) errs.push(invalid(child(rp, 'host'), r.host, 'must be a DNS name, not an IP address'));
      errs.push(...hostErrors(r.host, child(rp, 'host')));
    }
    if (r.http != null) {
      const paths = (r.http.paths ?? []) as Obj[];
      const hp = child(rp, 'http', 'paths');
      if (paths.length === 0) errs.push(required(hp));
      paths.forEach((p, j) => errs.push(...validateHTTPIngressPath(p, index(hp, j))));
    }
  });
  ((spec.tls ?? []) as Obj[]).forEach((t, i) => {
    const tp = index(child(path, 'tls'), i);
    ((t.hosts ?? []) as string[]).forEach((h, j) => errs.push(...hostErrors(h, index(child(tp, 'hosts'), j))));
    if (t.secretName) for (const m of isDNS1123Subdomain(t.secretName)) errs.push(invalid(child(tp, 'secretName'), t.secretName, m));
  });
  if (spec.ingressClassName != null) for (const m of isDNS1123Subdomain(spec.ingressClassName)) errs.push(invalid(child(path, 'ingressClassName'), spec.ingressClassName, m));
  return errs;
}

/** ValidateIngressCreate/Update's rules after metadata (the annotation check applies on create only). */
export function validateIngress(obj: KObject, creating = true): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs = validateIngressSpec(spec);
  const ann = obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (creating && ann !== undefined && spec.ingressClassName != null && ann !== spec.ingressClassName) {
    errs.push(invalid(child('annotations', INGRESS_CLASS_ANNOTATION), ann, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

/** validation.IsDomainPrefixedPath (an IngressClass's controller, e.g. "k8s.io/ingress-nginx"). */
function domainPrefixedPath(value: string, path: string): FieldError[] {
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || !host || !rest) return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  const fmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
  if (!new RegExp(`^${fmt}$`).test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', fmt)));
  return errs;
}

export function validateIngressClass(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  const cp = 'spec.controller';
  if (!spec.controller) errs.push(required(cp));
  else {
    if (spec.controller.length > MAX_LEN_CONTROLLER) errs.push(tooLong(cp, MAX_LEN_CONTROLLER));
    errs.push(...domainPrefixedPath(spec.controller, cp));
  }
  const params = spec.parameters as Obj | undefined;
  if (params) {
    const pp = 'spec.parameters';
    if (params.apiGroup != null) for (const m of isDNS1123Subdomain(params.apiGroup)) errs.push(invalid(child(pp, 'apiGroup'), params.apiGroup, m));
    if (!params.kind) errs.push(required(child(pp, 'kind')));
    else for (const m of pathSegmentName(params.kind)) errs.push(invalid(child(pp, 'kind'), params.kind, m));
    if (!params.name) errs.push(required(child(pp, 'name')));
    else for (const m of pathSegmentName(params.name)) errs.push(invalid(child(pp, 'name'), params.name, m));
    if (params.scope == null) errs.push(required(child(pp, 'scope')));
    else if (params.scope !== 'Cluster' && params.scope !== 'Namespace') errs.push(notSupported(child(pp, 'scope'), params.scope, ['Cluster', 'Namespace']));
    else if (params.scope === 'Namespace') {
      if (params.namespace == null) errs.push(required(child(pp, 'namespace'), "`parameters.scope` is set to 'Namespace'"));
      else for (const m of validateNamespaceName(params.namespace, false)) errs.push(invalid(child(pp, 'namespace'), params.namespace, m));
    } else if (params.namespace != null) errs.push(forbidden(child(pp, 'namespace'), "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

export function validateIngressClassUpdate(obj: KObject, old: KObject): FieldError[] {
  const now = (obj.spec as Obj | undefined)?.controller;
  const before = (old.spec as Obj | undefined)?.controller;
  return now === before ? [] : [invalid('spec.controller', now ?? '', FIELD_IMMUTABLE)];
}

/** IngressClassParametersReference's scope default (SetDefaults_IngressClass: Cluster). */
export function defaultIngressClass(obj: KObject): void {
  const params = (obj.spec as Obj | undefined)?.parameters as Obj | undefined;
  if (params && params.scope == null) params.scope = 'Cluster';
}

/**
 * The DefaultIngressClass admission plugin: an Ingress created without a class (field or
 * annotation) gets the default IngressClass (the newest one marked is-default-class=true).
 */
export function admitDefaultIngressClass(obj: KObject, classes: KObject[]): void {
  const spec = (obj.spec ??= {}) as Obj;
  if (spec.ingressClassName != null || obj.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return;
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true' && !c.metadata.deletionTimestamp);
  if (!defaults.length) return;
  defaults.sort((a, b) => String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
  spec.ingressClassName = defaults[0]!.metadata.name;
}

// ---------------------------------------------------------------------------------------------
// NetworkPolicy (ValidateNetworkPolicySpec, ValidateNetworkPolicyPort/Peer, ValidateIPBlock).

const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** An IPv4 CIDR as [network as uint32, prefix length], or undefined; IPv6 CIDRs parse as [-1, bits]. */
function parseCidr(v: string): [number, number] | undefined {
  const slash = v.indexOf('/');
  if (slash < 0) return undefined;
  const ip = v.slice(0, slash);
  const bitsText = v.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (isIP(ip) === 6) return bits <= 128 ? [-1, bits] : undefined;
  const n = ipToInt(ip);
  if (n === undefined || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return [n - (n % size), bits];
}

function validateIPBlock(b: Obj, path: string): FieldError[] {
  if (!b.cidr) return [required(child(path, 'cidr'))];
  const cidr = parseCidr(b.cidr);
  if (!cidr) return [invalid(child(path, 'cidr'), b.cidr, CIDR_MSG)];
  const errs: FieldError[] = [];
  ((b.except ?? []) as string[]).forEach((e, i) => {
    const ep = index(child(path, 'except'), i);
    const ex = parseCidr(e);
    if (!ex) return void errs.push(invalid(ep, e, CIDR_MSG));
    const inside = cidr[0] < 0 || ex[0] < 0 ? true : ex[0] - (ex[0] % 2 ** (32 - cidr[1])) === cidr[0];
    if (!inside || cidr[1] >= ex[1]) errs.push(invalid(ep, e, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function validatePolicyPort(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.protocol != null && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(notSupported(child(path, 'protocol'), p.protocol, ['TCP', 'UDP', 'SCTP']));
  if (p.port != null) {
    if (typeof p.port === 'number') {
      for (const m of isValidPortNum(p.port)) errs.push(invalid(child(path, 'port'), p.port, m));
      if (p.endPort != null) {
        if (p.endPort < p.port) errs.push(invalid(child(path, 'endPort'), p.endPort, 'must be greater than or equal to `port`'));
        for (const m of isValidPortNum(p.endPort)) errs.push(invalid(child(path, 'endPort'), p.endPort, m));
      }
    } else {
      if (p.endPort != null) errs.push(invalid(child(path, 'endPort'), p.endPort, 'may not be specified when `port` is non-numeric'));
      for (const m of isValidPortName(String(p.port))) errs.push(invalid(child(path, 'port'), p.port, m));
    }
  } else if (p.endPort != null) errs.push(invalid(child(path, 'endPort'), p.endPort, 'may not be specified when `port` is not specified'));
  return errs;
}

function validatePeer(p: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (p.podSelector != null) {
    n++;
    errs.push(...validateLabelSelectorSpec(p.podSelector, child(path, 'podSelector')));
  }
  if (p.namespaceSelector != null) {
    n++;
    errs.push(...validateLabelSelectorSpec(p.namespaceSelector, child(path, 'namespaceSelector')));
  }
  if (p.ipBlock != null) {
    n++;
    errs.push(...validateIPBlock(p.ipBlock, child(path, 'ipBlock')));
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && p.ipBlock != null) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicy(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs = validateLabelSelectorSpec(spec.podSelector ?? {}, 'spec.podSelector');
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    ((spec[dir] ?? []) as Obj[]).forEach((r, i) => {
      const rp = index(child('spec', dir), i);
      ((r.ports ?? []) as Obj[]).forEach((p, j) => errs.push(...validatePolicyPort(p, index(child(rp, 'ports'), j))));
      ((r[peers] ?? []) as Obj[]).forEach((p, j) => errs.push(...validatePeer(p, index(child(rp, peers), j))));
    });
  }
  const types = (spec.policyTypes ?? []) as string[];
  if (types.length > 2) return [...errs, invalid('spec.policyTypes', types, 'may not specify more than two policyTypes')];
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(index('spec.policyTypes', i), t, ['Ingress', 'Egress']));
  });
  return errs;
}

/** SetDefaults_NetworkPolicy: policyTypes Ingress, plus Egress when there are egress rules; ports' protocol TCP. */
export function defaultNetworkPolicy(obj: KObject): void {
  const spec = (obj.spec ??= {}) as Obj;
  spec.podSelector ??= {};
  if (!spec.policyTypes?.length) spec.policyTypes = ['Ingress', ...((spec.egress ?? []).length ? ['Egress'] : [])];
  for (const dir of ['ingress', 'egress']) for (const r of (spec[dir] ?? []) as Obj[]) for (const p of (r.ports ?? []) as Obj[]) p.protocol ??= 'TCP';
}

/** The Warning kbx sends with a NetworkPolicy write when nothing enforces it: the data plane is switched off. */
export function networkPolicyWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
  return env.KBX_DATAPLANE === 'off' ? ['NetworkPolicy is not enforced by kbx: the data plane is off (KBX_DATAPLANE=off), pod traffic is not filtered'] : [];
}
