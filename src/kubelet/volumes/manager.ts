// The kubelet's volume manager for the API-data volumes (configMap, secret, downwardAPI,
// projected): each is a directory under $KBX_HOME/pods/<uid>/volumes/<plugin>/<name>, written with
// the atomic-writer layout and bind-mounted read-only into the containers, as the kubelet's tmpfs
// volume directories are. The pod's sync calls setUp every time (cheap when nothing changed);
// a change to a ConfigMap or Secret a pod refers to syncs that pod again, so mounted files follow
// within a moment (env vars do not change: they are read when a container is created).
import fs from 'node:fs';
import path from 'node:path';
import type { Container, KObject, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { Mount } from '../../runtime/runtime.js';
import { setVolumeOwnership } from '../../runtime/volume-ownership.js';
import type { TokenIssuer } from '../../auth/sa-token.js';
import { createTokenRequest } from '../../registry/service-account-tokens.js';
import { writeAtomic } from './atomic-writer.js';
import { pluginDir, podReferences, volumePayload } from './payload.js';
import type { PodRuntimeFields } from '../downward-api.js';

const CM = RESOURCES.find((r) => r.kind === 'ConfigMap')!;
const SECRET = RESOURCES.find((r) => r.kind === 'Secret')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const PVCS = RESOURCES.find((r) => r.kind === 'PersistentVolumeClaim')!;
const PVS = RESOURCES.find((r) => r.kind === 'PersistentVolume')!;

type Obj = Record<string, any>;

export interface VolumeManagerDeps {
  registry: Registry;
  /** Where pod directories live ($KBX_HOME/pods). */
  podsDir: string;
  nodeName: string;
  /** Signs the projected service-account tokens; without it a serviceAccountToken projection fails to mount. */
  tokens?: TokenIssuer;
  /** Sync this pod again (its ConfigMaps or Secrets changed). */
  enqueue: (uid: string) => void;
  now: () => number;
}

export interface VolumeFailure {
  volume: string;
  message: string;
  /** True when the volume was never set up: the pod's containers cannot start. */
  blocking: boolean;
}

/** The volume kinds this manager writes. */
export function isApiDataVolume(v: Obj): boolean {
  return !!pluginDir(v);
}

export class VolumeManager {
  private refs = new Map<string, { ns: string; refs: Set<string> }>();
  private tokens = new Map<string, { token: string; refreshAt: number; sa: string }>();
  private stops: (() => void)[] = [];

  constructor(private readonly d: VolumeManagerDeps) {}

  start(): void {
    const changed = (kind: string) => (e: { object: KObject }) => {
      const ns = e.object.metadata.namespace;
      const key = `${kind}/${e.object.metadata.name}`;
      for (const [uid, r] of this.refs) if (r.ns === ns && r.refs.has(key)) this.d.enqueue(uid);
    };
    this.stops.push(this.d.registry.watch(CM, undefined, { resourceVersion: String(this.d.registry.store.resourceVersion) }, changed('configmap')));
    this.stops.push(this.d.registry.watch(SECRET, undefined, { resourceVersion: String(this.d.registry.store.resourceVersion) }, changed('secret')));
    this.stops.push(this.d.registry.watch(PVCS, undefined, { resourceVersion: String(this.d.registry.store.resourceVersion) }, changed('pvc')));
  }

  close(): void {
    for (const s of this.stops) s();
  }

  dirOf(pod: Pod, v: Obj): string {
    return path.join(this.d.podsDir, pod.metadata.uid!, 'volumes', pluginDir(v)!, v.name);
  }

  /** Writes (or refreshes) every API-data volume of the pod; the failures, one per volume. */
  setUp(pod: Pod, rt: PodRuntimeFields): VolumeFailure[] {
    const uid = pod.metadata.uid!;
    const ns = pod.metadata.namespace ?? 'default';
    const refs = podReferences(pod);
    const failures: VolumeFailure[] = [];
    const fsGroup = (pod.spec.securityContext as { fsGroup?: number } | undefined)?.fsGroup;
    for (const v of (pod.spec.volumes ?? []) as Obj[]) {
      if (!v.persistentVolumeClaim) continue;
      refs.add(`pvc/${v.persistentVolumeClaim.claimName}`);
      const r = this.claimPath(ns, v.persistentVolumeClaim.claimName);
      if ('error' in r) failures.push({ volume: v.name, message: r.error, blocking: true });
      else {
        try {
          if (!fs.existsSync(r.path)) fs.mkdirSync(r.path, { recursive: true, mode: 0o777 });
          // fsGroup: the claim's files belong to the pod's group (the kubelet's SetVolumeOwnership, policy Always).
          if (typeof fsGroup === 'number') setVolumeOwnership(r.path, undefined, fsGroup);
        } catch (e) {
          failures.push({ volume: v.name, message: (e as Error).message, blocking: true });
        }
      }
    }
    this.refs.set(uid, { ns, refs });
    const allocatable = this.allocatable();
    for (const v of (pod.spec.volumes ?? []) as Obj[]) {
      if (!isApiDataVolume(v)) continue;
      const dir = this.dirOf(pod, v);
      const result = volumePayload(pod, v, {
        ...rt,
        allocatable,
        configMap: (name) => this.d.registry.tryGet(CM, ns, name),
        secret: (name) => this.d.registry.tryGet(SECRET, ns, name),
        token: (req) => this.token(pod, v.name, req),
      });
      const mounted = fs.existsSync(path.join(dir, '..data'));
      if ('error' in result) {
        failures.push({ volume: v.name, message: result.error, blocking: !mounted });
        continue;
      }
      try {
        writeAtomic(dir, result.payload, this.d.now());
      } catch (e) {
        failures.push({ volume: v.name, message: (e as Error).message, blocking: !mounted });
      }
    }
    return failures;
  }

  /** Bind mounts of the container's volumeMounts into API-data volumes (read-only; subPath resolved to the file it names now). */
  mountsFor(pod: Pod, c: Container): Mount[] {
    const out: Mount[] = [];
    for (const m of (c.volumeMounts ?? []) as Obj[]) {
      const v = ((pod.spec.volumes ?? []) as Obj[]).find((x) => x.name === m.name);
      if (v?.persistentVolumeClaim) {
        const r = this.claimPath(pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName);
        if ('error' in r) continue; // setUp reported it and kept the pod from starting
        const source = m.subPath ? path.join(r.path, m.subPath) : r.path;
        if (m.subPath) fs.mkdirSync(source, { recursive: true, mode: 0o777 });
        out.push({ type: 'bind', source, target: m.mountPath, readOnly: !!m.readOnly || !!v.persistentVolumeClaim.readOnly });
        continue;
      }
      if (!v || !isApiDataVolume(v)) continue;
      const dir = this.dirOf(pod, v);
      let source = dir;
      if (m.subPath) {
        // A subPath mount is of the file behind the symlinks: it keeps that content, as in Kubernetes.
        try {
          source = fs.realpathSync(path.join(dir, m.subPath));
        } catch {
          source = path.join(dir, m.subPath);
        }
      }
      out.push({ type: 'bind', source, target: m.mountPath, readOnly: true });
    }
    return out;
  }

  /** The pod is gone: its volume directories go too. */
  tearDown(uid: string): void {
    this.refs.delete(uid);
    for (const k of this.tokens.keys()) if (k.startsWith(`${uid}/`)) this.tokens.delete(k);
    fs.rmSync(path.join(this.d.podsDir, uid), { recursive: true, force: true });
  }

  /** Removes directories of pods that no longer exist (left by a control plane that was stopped meanwhile). */
  sweep(live: Set<string>): void {
    let entries: string[];
    try {
      entries = fs.readdirSync(this.d.podsDir);
    } catch {
      return;
    }
    for (const uid of entries) if (!live.has(uid)) this.tearDown(uid);
  }

  /** The host directory behind a claim: its bound PersistentVolume's hostPath or local path (the kubelet's messages otherwise). */
  private claimPath(ns: string, claim: string): { path: string } | { error: string } {
    const pvc = this.d.registry.tryGet(PVCS, ns, claim) as Obj | undefined;
    if (!pvc) return { error: `error processing PVC ${ns}/${claim}: failed to fetch PVC from API server: persistentvolumeclaims "${claim}" not found` };
    const volume = pvc.spec?.volumeName as string | undefined;
    if (!volume || pvc.status?.phase !== 'Bound') return { error: `error processing PVC ${ns}/${claim}: PVC is not bound` };
    const pv = this.d.registry.tryGet(PVS, undefined, volume) as Obj | undefined;
    const p = pv?.spec?.hostPath?.path ?? pv?.spec?.local?.path;
    if (!p) return { error: `error processing PVC ${ns}/${claim}: failed to fetch PV ${volume} from API server: persistentvolumes "${volume}" not found` };
    return { path: p };
  }

  private allocatable(): Record<string, string> {
    const node = this.d.registry.tryGet(NODES, undefined, this.d.nodeName);
    return ((node?.status as Obj | undefined)?.allocatable ?? {}) as Record<string, string>;
  }

  /**
   * The token of a serviceAccountToken projection, bound to the pod; requested again once 80 % of
   * its lifetime has passed (the kubelet's token manager rule).
   */
  private token(pod: Pod, volume: string, req: { audience?: string; expirationSeconds?: number }): string {
    const sa = (pod.spec as Obj).serviceAccountName || 'default';
    const key = `${pod.metadata.uid}/${volume}/${req.audience ?? ''}/${req.expirationSeconds ?? ''}`;
    const now = this.d.now();
    const cached = this.tokens.get(key);
    if (cached && cached.sa === sa && now < cached.refreshAt) return cached.token;
    if (!this.d.tokens) throw new Error('failed to fetch token: the API server issues no service account tokens');
    const expirationSeconds = req.expirationSeconds ?? 3600;
    let tr: KObject;
    try {
      tr = createTokenRequest(this.d.registry, this.d.tokens, pod.metadata.namespace ?? 'default', sa, {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        metadata: {},
        spec: {
          ...(req.audience ? { audiences: [req.audience] } : {}),
          expirationSeconds,
          boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid },
        },
      } as KObject);
    } catch (e) {
      throw new Error(`failed to fetch token: ${isApiError(e) ? e.message : (e as Error).message}`);
    }
    const token = (tr.status as { token: string }).token;
    this.tokens.set(key, { token, refreshAt: now + expirationSeconds * 800, sa });
    return token;
  }
}
