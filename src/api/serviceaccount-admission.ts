// The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount), pure: on pod create the pod's
// service account must exist; unless automounting is off (the pod's automountServiceAccountToken, else the
// service account's), a projected `kube-api-access-<5>` volume (bound token, the cluster CA from the
// kube-root-ca.crt ConfigMap, the namespace) is added and mounted read-only at
// /var/run/secrets/kubernetes.io/serviceaccount in every container that mounts nothing there; and the
// service account's imagePullSecrets become the pod's when it names none.
import type { KObject, Pod } from './types.js';
import { randomSuffix, type RandomSource } from './names.js';

type Obj = Record<string, any>;

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
/** The projected token's lifetime the plugin asks for (an hour and 7 s, so it is told apart from a user's). */
export const TOKEN_EXPIRATION_SECONDS = 3607;

/** Whether the token is mounted: the pod's choice first, then the service account's, else yes. */
export function shouldAutomount(pod: Pod, sa: KObject | undefined): boolean {
  const p = (pod.spec as Obj).automountServiceAccountToken;
  if (typeof p === 'boolean') return p;
  const s = (sa as Obj | undefined)?.automountServiceAccountToken;
  if (typeof s === 'boolean') return s;
  return true;
}

export function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

/**
 * Mutates `pod` as the plugin does once its service account is known (`sa` undefined: the `default` one
 * that its controller has not made yet — then nothing is mounted, as there is no account to bind a token to).
 */
export function admitServiceAccount(pod: Pod, sa: KObject | undefined, rand: RandomSource = Math.random): void {
  const spec = pod.spec as Obj;
  if (sa && !spec.imagePullSecrets?.length && (sa as Obj).imagePullSecrets?.length) {
    spec.imagePullSecrets = ((sa as Obj).imagePullSecrets as Obj[]).map((s) => ({ name: s.name }));
  }
  if (!sa || !shouldAutomount(pod, sa)) return;
  const volumes = (spec.volumes ?? []) as Obj[];
  let name = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith(TOKEN_VOLUME_PREFIX))?.name as string | undefined;
  if (!name) {
    name = TOKEN_VOLUME_PREFIX + randomSuffix(5, rand);
    spec.volumes = [...volumes, tokenVolume(name)];
  }
  for (const c of [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])]) {
    const mounts = (c.volumeMounts ?? []) as Obj[];
    if (mounts.some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...mounts, { name, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
  }
}
