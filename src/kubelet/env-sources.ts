// Where a pod's env lookups read from on this node: its namespace's ConfigMaps and Secrets and the
// node's allocatable resources, straight from the registry (the kubelet's informer caches).
import type { Pod } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import type { EnvSources } from './env.js';

const CM = RESOURCES.find((r) => r.kind === 'ConfigMap')!;
const SECRET = RESOURCES.find((r) => r.kind === 'Secret')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;

export function registryEnvSources(registry: Registry, pod: Pod, nodeName: string): Pick<EnvSources, 'configMap' | 'secret' | 'allocatable'> {
  const ns = pod.metadata.namespace ?? 'default';
  const node = registry.tryGet(NODES, undefined, nodeName);
  return {
    configMap: (name) => registry.tryGet(CM, ns, name),
    secret: (name) => registry.tryGet(SECRET, ns, name),
    allocatable: ((node?.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {}) as Record<string, string>,
  };
}

/** A pod's imagePullSecrets as its namespace holds them, and the names it does not hold (the kubelet's getPullSecretsForPod). */
export function podPullSecrets(registry: Registry, pod: Pod): { secrets: Record<string, unknown>[]; missing: string[] } {
  const ns = pod.metadata.namespace ?? 'default';
  const secrets: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const ref of (pod.spec as { imagePullSecrets?: { name?: string }[] }).imagePullSecrets ?? []) {
    if (!ref?.name) continue;
    const s = registry.tryGet(SECRET, ns, ref.name);
    if (s) secrets.push(s as unknown as Record<string, unknown>);
    else missing.push(ref.name);
  }
  return { secrets, missing };
}
