// Environment variables from the downward API (`valueFrom.fieldRef`), as the kubelet resolves them
// (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue, pkg/fieldpath): metadata.name,
// .namespace, .uid, .labels['k'], .annotations['k'], spec.nodeName, spec.serviceAccountName,
// status.podIP, status.hostIP. Other sources (resourceFieldRef, configMapKeyRef, secretKeyRef) are
// not resolved here.
import type { Pod } from '../api/types.js';

export function fieldRefValue(pod: Pod, fieldPath: string, podIP = ''): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (m) return (pod.metadata[m[1] as 'labels' | 'annotations'] ?? {})[m[2]!] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return (pod.spec.serviceAccountName as string | undefined) ?? '';
    case 'status.podIP':
      return podIP || pod.status?.podIP || '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
  }
  return undefined;
}

/** `NAME=value` for each env var whose value comes from a fieldRef the kubelet can resolve. */
export function fieldRefEnv(pod: Pod, env: { name: string; valueFrom?: unknown }[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of env ?? []) {
    const ref = (e.valueFrom as { fieldRef?: { fieldPath?: string } } | undefined)?.fieldRef?.fieldPath;
    if (!ref) continue;
    const v = fieldRefValue(pod, ref);
    if (v !== undefined) out.set(e.name, v);
  }
  return out;
}
