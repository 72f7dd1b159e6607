// discovery.k8s.io/v1 EndpointSlice validation with the API server's messages
// (pkg/apis/discovery/validation: ValidateEndpointSlice, validateEndpoints, validatePorts,
// validateAddressType; ValidateEndpointSliceUpdate adds the immutable addressType). Names are DNS
// subdomains (the default name rule). Objects are validated after defaulting (defaultEndpointSlice).
import { isIPv4, isIPv6 } from 'node:net';
import type { KObject } from './types.js';
import { type FieldError, child, duplicate, index, invalid, notSupported, required, tooMany } from './field-errors.js';
import { FIELD_IMMUTABLE, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateLabels } from './validation.js';

type Obj = Record<string, any>;

export const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const; // sets.String.List() order
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ENDPOINTS = 1000;
const MAX_TOPOLOGY_LABELS = 16;

/** SetDefaults_EndpointPort: a port's name defaults to "" and its protocol to TCP. */
export function defaultEndpointSlice(obj: KObject): void {
  const ports = (obj as Obj).ports;
  if (!Array.isArray(ports)) return;
  for (const p of ports) {
    if (!p || typeof p !== 'object') continue;
    if (p.name === undefined || p.name === null) p.name = '';
    if (p.protocol === undefined || p.protocol === null) p.protocol = 'TCP';
  }
}

/** ValidateEndpointIP: addresses that make no sense as an endpoint. */
function validateEndpointIP(ip: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!isIPv4(ip) && !isIPv6(ip)) return [invalid(path, ip, 'must be a valid IP address')];
  if (ip === '0.0.0.0' || /^[0:]+$/.test(ip)) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (/^127\./.test(ip) || ip === '::1') errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (/^169\.254\./.test(ip) || /^fe[89ab][0-9a-f]?:/i.test(ip)) {
    errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if (/^224\.0\.0\./.test(ip) || /^ff02:/i.test(ip)) {
    errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}

/** validation.IsFullyQualifiedDomainName. */
function validateFQDN(name: string, path: string): FieldError[] {
  if (!name) return [required(path)];
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(n);
  if (sub.length) return [invalid(path, n, sub.join(','))];
  const labels = n.split('.');
  if (labels.length < 2) return [invalid(path, n, 'should be a domain with at least two segments separated by dots')];
  for (const l of labels) {
    const e = isDNS1123Label(l);
    if (e.length) return [invalid(path, l, e.join(','))];
  }
  return [];
}

function validateAddress(addressType: unknown, address: string, path: string): FieldError[] {
  switch (addressType) {
    case 'IPv4':
      return [...(isIPv4(address) ? [] : [invalid(path, address, 'must be a valid IPv4 address')]), ...validateEndpointIP(address, path)];
    case 'IPv6':
      return [...(isIPv6(address) ? [] : [invalid(path, address, 'must be a valid IPv6 address')]), ...validateEndpointIP(address, path)];
    case 'FQDN':
      return validateFQDN(address, path);
    default:
      return []; // unknown types are reported on addressType only
  }
}

function validateEndpoints(endpoints: Obj[], addressType: unknown): FieldError[] {
  const errs: FieldError[] = [];
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany('endpoints', endpoints.length, MAX_ENDPOINTS)];
  endpoints.forEach((ep, i) => {
    const path = index('endpoints', i);
    const addrPath = child(path, 'addresses');
    const addresses: unknown[] = Array.isArray(ep?.addresses) ? ep.addresses : [];
    if (addresses.length === 0) errs.push(required(addrPath, 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(addrPath, addresses.length, MAX_ADDRESSES));
    addresses.forEach((a, j) => errs.push(...validateAddress(addressType, String(a ?? ''), index(addrPath, j))));
    if (typeof ep?.nodeName === 'string') {
      for (const m of isDNS1123Subdomain(ep.nodeName)) errs.push(invalid(child(path, 'nodeName'), ep.nodeName, m));
    }
    const topo = ep?.deprecatedTopology as Record<string, string> | undefined;
    if (topo && Object.keys(topo).length > MAX_TOPOLOGY_LABELS) {
      errs.push(tooMany(child(path, 'deprecatedTopology'), Object.keys(topo).length, MAX_TOPOLOGY_LABELS));
    }
    if (topo) errs.push(...validateLabels(topo, child(path, 'deprecatedTopology')));
    if (typeof ep?.hostname === 'string') {
      for (const m of isDNS1123Label(ep.hostname)) errs.push(invalid(child(path, 'hostname'), ep.hostname, m));
    }
  });
  return errs;
}

function validatePorts(ports: Obj[]): FieldError[] {
  if (ports.length > MAX_PORTS) return [tooMany('ports', ports.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = index('ports', i);
    const name = String(p?.name ?? '');
    if (name.length > 0) for (const m of isDNS1123Label(name)) errs.push(invalid(child(path, 'name'), name, m));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
    if (p?.protocol === undefined || p?.protocol === null) errs.push(required(child(path, 'protocol')));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(child(path, 'protocol'), p.protocol, PROTOCOLS));
    if (typeof p?.appProtocol === 'string') {
      for (const m of isQualifiedName(p.appProtocol)) errs.push(invalid(child(path, 'appProtocol'), p.appProtocol, m));
    }
  });
  return errs;
}

/** ValidateEndpointSlice without the metadata (validate() checks that first). */
export function validateEndpointSlice(obj: KObject): FieldError[] {
  const o = obj as Obj;
  const errs: FieldError[] = [];
  const at = o.addressType;
  if (at === undefined || at === null || at === '') errs.push(required('addressType'));
  else if (!(ADDRESS_TYPES as readonly string[]).includes(at)) errs.push(notSupported('addressType', at, ADDRESS_TYPES));
  errs.push(...validateEndpoints(Array.isArray(o.endpoints) ? o.endpoints : [], at));
  errs.push(...validatePorts(Array.isArray(o.ports) ? o.ports : []));
  return errs;
}

/** ValidateEndpointSliceUpdate's addition: addressType is immutable. */
export function validateEndpointSliceUpdate(obj: KObject, old: KObject): FieldError[] {
  const n = (obj as Obj).addressType;
  if (n !== (old as Obj).addressType) return [invalid('addressType', n ?? '', FIELD_IMMUTABLE)];
  return [];
}
