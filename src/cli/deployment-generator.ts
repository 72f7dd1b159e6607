// `kbx create deployment`'s object: the Deployment kubectl's generator builds (create_deployment.go).
import type { KObject } from '../api/types.js';
import { randomSuffix, type RandomSource } from '../api/names.js';

/** The container name kubectl derives from an image: last path part, no tag or digest; `_`/`.` → `-` plus a random suffix. */
export function containerNameForImage(image: string, rand: RandomSource = Math.random): string {
  const parts = image.split('/');
  let name = parts[parts.length - 1]!;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${randomSuffix(5, rand)}`;
  return name;
}

export interface DeploymentSpecOptions {
  name: string;
  images: string[];
  replicas: number;
  /** -1: no port. */
  port: number;
  command: string[];
  /** Set only when -n was given (kubectl's EnforceNamespace). */
  namespace?: string;
  rand?: RandomSource;
}

/** The Deployment `kubectl create deployment` builds, keys in the Go struct order its JSON printer uses. */
export function buildDeployment(o: DeploymentSpecOptions): KObject {
  const labels = () => ({ app: o.name });
  const containers = o.images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameForImage(image, o.rand), image };
    if (o.command.length) c.command = [...o.command];
    c.resources = {};
    return c;
  });
  if (o.port >= 0 && containers.length) {
    const first = containers[0]!;
    const resources = first.resources;
    delete first.resources;
    first.ports = [{ containerPort: o.port }];
    first.resources = resources;
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), labels: labels() },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: labels() },
      template: { metadata: { labels: labels() }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}
