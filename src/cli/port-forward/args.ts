// What `port-forward` is asked to do, in kubectl's rules and words. Pure: no I/O.
//
//   8080:80   local 8080 → remote 80        80   local 80 → remote 80        :80   a random local port → 80
//   8443:https  a named port: the pod's container port of that name, or, for a service, the service port of that
//               name, then the service port's targetPort (a number, or a container port name looked up in the pod)
import type { Pod } from '../../api/types.js';

export interface ServiceLike {
  metadata: { name?: string };
  spec?: {
    clusterIP?: string;
    ports?: { name?: string; port: number; targetPort?: number | string; protocol?: string }[];
  };
}

export interface ForwardedPort {
  /** 0: pick a free port. */
  local: number;
  remote: number;
}

export interface ListenAddress {
  address: string;
  family: 4 | 6;
  /** 'all': an error only if every address of this kind fails (localhost); 'any': any failure is fatal. */
  failureMode: 'all' | 'any';
}

/** kubectl's splitPort: `a:b` → [a, b]; `a` → [a, a]. */
function splitPort(spec: string): [string, string] {
  const parts = spec.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

/** More than one colon: left as given, for parsePorts to refuse. */
function malformed(spec: string): boolean {
  return spec.split(':').length > 2;
}

function isNumber(s: string): boolean {
  return /^-?[0-9]+$/.test(s);
}

/** The container port called `name` in any of the pod's containers. */
export function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw new Error(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** pod/x: remote port names become the pod's container port numbers. */
export function convertPodNamedPorts(specs: string[], pod: Pod): string[] {
  return specs.map((spec) => {
    if (malformed(spec)) return spec;
    const [local, remote] = splitPort(spec);
    const port = isNumber(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${port}` : port;
  });
}

/** The port in the pod that a service port leads to. */
export function containerPortForServicePort(svc: ServiceLike, pod: Pod, port: number): number {
  for (const sp of svc.spec?.ports ?? []) {
    if (sp.port !== port) continue;
    if (svc.spec?.clusterIP === 'None') return port;
    const tp = sp.targetPort;
    if (tp === undefined || tp === 0 || tp === '') return sp.port;
    if (typeof tp === 'number' || isNumber(tp)) return Number(tp);
    return containerPortByName(pod, tp);
  }
  throw new Error(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

/** svc/x: service ports (number or name) become the chosen pod's target ports, as kubectl maps them client-side. */
export function translateServicePorts(specs: string[], svc: ServiceLike, pod: Pod): string[] {
  return specs.map((spec) => {
    if (malformed(spec)) return spec;
    let [local, remote] = splitPort(spec);
    let portnum: number;
    if (isNumber(remote)) portnum = Number(remote);
    else {
      const named = (svc.spec?.ports ?? []).find((p) => p.name === remote);
      if (!named) throw new Error(`Service '${svc.metadata.name}' does not have a named port '${remote}'`);
      portnum = named.port;
      if (local === remote) local = String(portnum);
    }
    const containerPort = containerPortForServicePort(svc, pod, portnum);
    remote = String(containerPort);
    return local !== remote ? `${local}:${containerPort}` : String(containerPort);
  });
}

/** A UDP-only service port cannot be forwarded (port-forward is TCP). */
export function checkUDPPorts(specs: string[], svc: ServiceLike): void {
  for (const spec of specs) {
    const [, remote] = splitPort(spec);
    const sp = (svc.spec?.ports ?? []).find((p) => (isNumber(remote) ? p.port === Number(remote) : p.name === remote));
    if (sp?.protocol === 'UDP') throw new Error(`UDP protocol is not supported for ${remote}`);
  }
}

function parseUint16(s: string): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

/** Numeric specs → ports, with kubectl's messages. */
export function parsePorts(specs: string[]): ForwardedPort[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    let local: string;
    let remote: string;
    if (parts.length === 1) {
      local = remote = parts[0]!;
    } else if (parts.length === 2) {
      local = parts[0] || '0';
      remote = parts[1]!;
    } else {
      throw new Error(`invalid port format '${spec}'`);
    }
    const l = parseUint16(local);
    if (l === undefined) throw new Error(`error parsing local port '${local}': strconv.ParseUint: parsing "${local}": invalid syntax`);
    const r = parseUint16(remote);
    if (r === undefined) throw new Error(`error parsing remote port '${remote}': strconv.ParseUint: parsing "${remote}": invalid syntax`);
    if (r === 0) throw new Error(`remote port must be > 0`);
    return { local: l, remote: r };
  });
}

/** --address: IPs or `localhost` (both 127.0.0.1 and ::1), comma-separated, duplicates once. */
export function parseAddresses(list: string[]): ListenAddress[] {
  const out = new Map<string, ListenAddress>();
  for (const raw of list.flatMap((a) => a.split(',')).map((a) => a.trim())) {
    if (raw === 'localhost') {
      if (!out.has('127.0.0.1')) out.set('127.0.0.1', { address: '127.0.0.1', family: 4, failureMode: 'all' });
      if (!out.has('::1')) out.set('::1', { address: '::1', family: 6, failureMode: 'all' });
    } else if (isIPv4(raw)) {
      out.set(raw, { address: raw, family: 4, failureMode: 'any' });
    } else if (isIPv6(raw)) {
      out.set(raw, { address: raw, family: 6, failureMode: 'any' });
    } else {
      throw new Error(`${raw} is not a valid IP`);
    }
  }
  return [...out.values()];
}

function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

function isIPv6(s: string): boolean {
  return s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;
}

/** `127.0.0.1:8080`, `[::1]:8080` (Go's net.JoinHostPort). */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
