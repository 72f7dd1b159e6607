// The service network's addresses: the CIDR ClusterIPs come from and the addresses reserved in it (the
// `kubernetes` Service's, the cluster DNS'). Pure; the allocators are registry/ip-allocator.ts.

/**
 * The service CIDR ClusterIPs come from (`--service-cluster-ip-range`).
 * `KBX_SERVICE_CIDR`, default 10.96.0.0/16. Pods route it to the data-plane container, which owns all of it.
 */
export function serviceIPRange(): string {
  return process.env.KBX_SERVICE_CIDR?.trim() || '10.96.0.0/16';
}

/** The cluster DNS address (10.96.0.10 in 10.96.0.0/16, as kube-dns'): reserved, never given to a Service. */
export function dnsServiceIP(cidr = serviceIPRange()): string {
  return intToIp(parseCIDR(cidr).base + 9);
}

/** The `kubernetes` Service's ClusterIP: the first address of the range (10.96.0.1), as the apiserver reserves it. */
export function kubernetesServiceIP(cidr = serviceIPRange()): string {
  return intToIp(parseCIDR(cidr).base);
}

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface IPRange {
  cidr: string;
  /** First allocatable address (the network address + 1). */
  base: number;
  /** Number of allocatable addresses (network and broadcast addresses excluded). */
  size: number;
}

export function parseCIDR(cidr: string): IPRange {
  const [ip, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const start = ipToInt(ip ?? '');
  if (start === undefined || !Number.isInteger(bits) || bits < 8 || bits > 30) throw new Error(`invalid service CIDR ${JSON.stringify(cidr)}`);
  const total = 2 ** (32 - bits);
  const network = start - (start % total);
  return { cidr: `${intToIp(network)}/${bits}`, base: network + 1, size: total - 2 };
}

export function ipInRange(r: IPRange, ip: string): boolean {
  const n = ipToInt(ip);
  return n !== undefined && n >= r.base && n < r.base + r.size;
}
