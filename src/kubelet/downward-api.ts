// The downward API's values (pkg/fieldpath and resourcehelper as the kubelet uses them): pod
// fields by path, and a container's resources in divisor units (a missing limit is the node's
// allocatable, as the kubelet defaults it). Pure.
import type { Container, Pod } from '../api/types.js';
import { goQuote } from '../api/field-errors.js';
import { containerResourceValue } from '../printers/describe.js';

/** fieldpath.FormatMap: sorted `key="value"` lines (Go's %q), no trailing newline. */
export function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${goQuote(m![k]!)}`)
    .join('\n');
}

export interface PodRuntimeFields {
  podIP?: string;
  hostIP?: string;
}

/** ExtractFieldPathAsString / podFieldSelectorRuntimeValue for the paths the API allows. */
export function podFieldValue(pod: Pod, fieldPath: string, rt: PodRuntimeFields = {}): string {
  const m = pod.metadata ?? {};
  const st = (pod.status ?? {}) as Record<string, any>;
  const sub = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (sub) return (sub[1] === 'labels' ? m.labels : m.annotations)?.[sub[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return m.name ?? '';
    case 'metadata.namespace':
      return m.namespace ?? '';
    case 'metadata.uid':
      return m.uid ?? '';
    case 'metadata.labels':
      return formatMap(m.labels);
    case 'metadata.annotations':
      return formatMap(m.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return (pod.spec as { serviceAccountName?: string })?.serviceAccountName ?? '';
    case 'status.hostIP':
      return rt.hostIP ?? st.hostIP ?? '';
    case 'status.hostIPs':
      return rt.hostIP ?? ((st.hostIPs ?? []) as { ip: string }[]).map((i) => i.ip).join(',');
    case 'status.podIP':
      return rt.podIP ?? st.podIP ?? '';
    case 'status.podIPs':
      return rt.podIP ?? ((st.podIPs ?? []) as { ip: string }[]).map((i) => i.ip).join(',');
  }
  throw new Error(`unsupported fieldPath: ${fieldPath}`);
}

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
