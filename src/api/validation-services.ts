// core/v1 Service validation with Kubernetes' messages (pkg/apis/core/validation ValidateService,
// validateServicePort, validateClusterIPs, ValidateServiceUpdate / validateUpgradeDowngradeClusterIPs).
// Name rules (RFC 1035 label) are declared with the kind (src/kinds/service.ts). Objects are validated
// after defaulting and allocation, as the apiserver does; allocation errors (nodePort out of range,
// already allocated) come from the service strategy, before validation, as in Kubernetes.
import type { KObject } from './types.js';
import { type FieldError, child, duplicate, forbidden, index, invalid, notSupported, required } from './field-errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, validateLabels } from './validation.js';

type Obj = Record<string, any>;

export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((p) => Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

export function isHeadless(spec: Obj): boolean {
  return spec.clusterIP === 'None';
}

/** ValidatePortNumOrName: a number in 1-65535 or an IANA service name. */
function validatePortNumOrName(v: unknown, path: string): FieldError[] {
  if (typeof v === 'number') return isValidPortNum(v).map((m) => invalid(path, v, m));
  if (typeof v === 'string') return isValidPortName(v).map((m) => invalid(path, v, m));
  return [invalid(path, v, 'must be an int or a string')];
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = sp.name ?? '';
  if (requireName && name === '') errs.push(required(child(path, 'name')));
  else if (name !== '') {
    const msgs = isDNS1123Label(name);
    for (const m of msgs) errs.push(invalid(child(path, 'name'), name, m));
    if (!msgs.length && names.has(name)) errs.push(duplicate(child(path, 'name'), name));
  }
  names.add(name);
  for (const m of isValidPortNum(sp.port)) errs.push(invalid(child(path, 'port'), sp.port ?? 0, m));
  if (!sp.protocol) errs.push(required(child(path, 'protocol')));
  else if (!PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(child(path, 'protocol'), sp.protocol, PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort, child(path, 'targetPort')));
  return errs;
}

export function validateService(svc: KObject): FieldError[] {
  const spec = (svc.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  const type = spec.type;
  const ports: Obj[] = Array.isArray(spec.ports) ? spec.ports : [];
  if (!SERVICE_TYPES.includes(type)) errs.push(notSupported('spec.type', type ?? '', SERVICE_TYPES));

  if (type === 'ExternalName') {
    if (spec.clusterIP) errs.push(forbidden('spec.clusterIP', 'may not be set for ExternalName services'));
    if (spec.clusterIPs?.length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    const en = String(spec.externalName ?? '').replace(/\.$/, '');
    if (!en) errs.push(required('spec.externalName'));
    else for (const m of isDNS1123Subdomain(en)) errs.push(invalid('spec.externalName', spec.externalName, m));
  } else {
    // validateClusterIPs
    const ips: string[] = spec.clusterIPs ?? [];
    if (spec.clusterIP && ips.length && ips[0] !== spec.clusterIP) {
      errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
    }
    ips.forEach((ip, i) => {
      if (ip === 'None') {
        if (i > 0 || ips.length > 1) errs.push(invalid(index('spec.clusterIPs', i), ip, "'None' must be the first and only value"));
      } else if (!isIPv4(ip)) errs.push(invalid(index('spec.clusterIPs', i), ip, IP_MSG));
    });
    if (spec.clusterIP && spec.clusterIP !== 'None' && !ips.length && !isIPv4(spec.clusterIP)) errs.push(invalid('spec.clusterIP', spec.clusterIP, IP_MSG));
  }

  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errs.push(required('spec.ports'));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p ?? {}, ports.length > 1, names, index('spec.ports', i))));
  // Port and protocol pairs are unique.
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p?.protocol}/${p?.port}`;
    if (seen.has(k)) errs.push(duplicate(index('spec.ports', i), { port: p.port, protocol: p.protocol }));
    seen.add(k);
  });

  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  if (spec.sessionAffinity && !SESSION_AFFINITIES.includes(spec.sessionAffinity)) {
    errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, SESSION_AFFINITIES));
  }
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (spec.sessionAffinity === 'ClientIP' && timeout !== undefined && !(timeout > 0 && timeout <= 86400)) {
    errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400'));
  }
  if (spec.internalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.externalTrafficPolicy && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.ipFamilyPolicy && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }

  // Node ports: only for NodePort and LoadBalancer, numbers in 1-65535, unique per protocol.
  const needsNodePort = type === 'NodePort' || type === 'LoadBalancer';
  if ((type === 'NodePort' || type === 'LoadBalancer') && isHeadless(spec)) {
    errs.push(invalid(index('spec.clusterIPs', 0), 'None', `may not be set to 'None' for ${type} services`));
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = p?.nodePort;
    if (np === undefined || np === null || np === 0) return;
    const path = child(index('spec.ports', i), 'nodePort');
    if (!needsNodePort) {
      errs.push(forbidden(path, `may not be used when \`type\` is '${type}'`));
      return;
    }
    for (const m of isValidPortNum(np)) errs.push(invalid(path, np, m));
    const k = `${p.protocol}/${np}`;
    if (nodePorts.has(k)) errs.push(duplicate(path, np));
    nodePorts.add(k);
  });
  return errs;
}

/** Update rules: the cluster IPs may not change once set (unless to or from ExternalName). */
export function validateServiceUpdate(svc: KObject, old: KObject): FieldError[] {
  const ns = (svc.spec ?? {}) as Obj;
  const os = (old.spec ?? {}) as Obj;
  if (ns.type === 'ExternalName' || os.type === 'ExternalName') return [];
  if (isHeadless(ns) && isHeadless(os)) return [];
  const oldIPs: string[] = os.clusterIPs ?? (os.clusterIP ? [os.clusterIP] : []);
  const newIPs: string[] = ns.clusterIPs ?? (ns.clusterIP ? [ns.clusterIP] : []);
  const errs: FieldError[] = [];
  oldIPs.forEach((ip, i) => {
    if (i < newIPs.length && newIPs[i] !== ip) errs.push(invalid(index('spec.clusterIPs', i), newIPs, 'may not change once set'));
  });
  if (newIPs.length < oldIPs.length && newIPs.length === 0) errs.push(invalid(index('spec.clusterIPs', 0), newIPs, 'primary clusterIP can not be unset'));
  return errs;
}
