// The downward API's values (pkg/fieldpath and resourcehelper as the kubelet uses them): pod
// fields by path, and a container's resources in divisor units (a missing limit is the node's
// allocatable, as the kubelet defaults it). Pure.
import type { Container } from '../api/types.js';
export { formatMap, podFieldValue, type PodRuntimeFields } from '../api/downward-api.js';
import { containerResourceValue } from '../printers/describe.js';

/** The container's limit or request of `ref.resource` in `ref.divisor` units, rounded up; unset limits are the node's allocatable. */
export function resourceFieldValue(ref: { resource?: string; divisor?: string | number }, container: Container, allocatable: Record<string, string>): string {
  const [kind, name] = (ref.resource ?? '').split('.') as [string, string | undefined];
  if (!name || (kind !== 'limits' && kind !== 'requests')) throw new Error(`unsupported container resource : ${ref.resource}`);
  const limits = { ...(container.resources?.limits ?? {}) } as Record<string, string>;
  const requests = { ...(container.resources?.requests ?? {}) } as Record<string, string>;
  // The kubelet fills unset limits from the node's allocatable; an unset request is the limit (or 0).
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (limits[r] === undefined && allocatable[r] !== undefined) limits[r] = allocatable[r]!;
  }
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) if (requests[r] === undefined && container.resources?.limits?.[r] !== undefined) requests[r] = String(container.resources.limits[r]);
  return containerResourceValue(ref, { ...container, resources: { limits, requests } } as Container);
}
