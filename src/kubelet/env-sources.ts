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
