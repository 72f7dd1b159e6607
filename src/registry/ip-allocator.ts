// Service ClusterIP and NodePort allocation, as Kubernetes' ipallocator and portallocator do it:
// a random free value from the upper ("dynamic") band first, then the lower ("static") band that
// is meant for values users choose. The allocators keep no state of their own: the caller passes
// the values in use, derived from the stored Services, so a restart can never double-allocate and
// a deleted Service releases its values implicitly.

export { serviceIPRange, dnsServiceIP, kubernetesServiceIP, ipToInt, intToIp, parseCIDR, ipInRange, type IPRange } from '../config/service-network.js';
import { intToIp, ipToInt, type IPRange } from '../config/service-network.js';

/** `--service-node-port-range`. */
export const NODE_PORT_RANGE = { base: 30000, size: 2768 } as const;
export const NODE_PORT_RANGE_TEXT = `${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`;

/** Size of the static (lower) band of a service IP range: min(max(16, size/16), 256). */
export function ipStaticBand(size: number): number {
  return Math.min(Math.max(16, Math.floor(size / 16)), 256, size);
}

/** Size of the static band of a node port range: min(max(16, size/32), 128) (86 for 30000-32767). */
export function portStaticBand(size: number): number {
  return Math.min(Math.max(16, Math.floor(size / 32)), 128, size);
}

/**
 * Picks a free offset in [0, size): random in [staticBand, size) first, then random in
 * [0, staticBand); each band is scanned from a random start so a free value is always found.
 */
function pickOffset(size: number, staticBand: number, isUsed: (offset: number) => boolean, random: () => number): number | undefined {
  const bands: [number, number][] = [
    [staticBand, size],
    [0, staticBand],
  ];
  for (const [lo, hi] of bands) {
    const n = hi - lo;
    if (n <= 0) continue;
    const start = Math.floor(random() * n);
    for (let i = 0; i < n; i++) {
      const off = lo + ((start + i) % n);
      if (!isUsed(off)) return off;
    }
  }
  return undefined;
}

/** A free ClusterIP in the range, or undefined when the range is full. */
export function allocateIP(range: IPRange, used: Set<string>, random: () => number = Math.random): string | undefined {
  const off = pickOffset(range.size, ipStaticBand(range.size), (o) => used.has(intToIp(range.base + o)), random);
  return off === undefined ? undefined : intToIp(range.base + off);
}

/** A free node port, or undefined when the range is full. */
export function allocateNodePort(used: Set<number>, random: () => number = Math.random): number | undefined {
  const { base, size } = NODE_PORT_RANGE;
  const off = pickOffset(size, portStaticBand(size), (o) => used.has(base + o), random);
  return off === undefined ? undefined : base + off;
}

export function nodePortInRange(p: number): boolean {
  return p >= NODE_PORT_RANGE.base && p < NODE_PORT_RANGE.base + NODE_PORT_RANGE.size;
}
