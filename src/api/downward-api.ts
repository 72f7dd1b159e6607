// The downward API's pod fields by path (pkg/fieldpath ExtractFieldPathAsString): what the kubelet
// puts in env vars and downwardAPI volumes, and what `describe pod` shows for a fieldRef. Pure.
import type { Pod } from './types.js';
import { goQuote } from '../compat/go-format.js';

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

