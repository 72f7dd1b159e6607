// The PersistentVolume controller (binder, kbx's local provisioner, reclaimer) and the pvc/pv-protection
// controllers. Level-triggered: any change to a claim, volume, class or pod resyncs them all (a local cluster
// has few), and every 15 s as the binder's resync does. Decisions come from plan.ts; this file only writes.
import fs from 'node:fs';
import path from 'node:path';
import { RESOURCES } from '../../../api/registry.js';
import { isApiError } from '../../../api/errors.js';
import type { KObject } from '../../../api/types.js';
import type { Registry } from '../../../registry/registry.js';
import type { EventRecorder } from '../../../events/recorder.js';
import { DEFAULT_CLASS_ANNOTATION, PVC_PROTECTION, PV_PROTECTION, isDefaultClass } from '../../../api/validation-storage.js';
import { LOCAL_PROVISIONER, PROVISIONED_BY, claimInUse, planClaim, planVolume, type ClaimAction, type EventSpec } from './plan.js';

const PVS = RESOURCES.find((r) => r.kind === 'PersistentVolume')!;
const PVCS = RESOURCES.find((r) => r.kind === 'PersistentVolumeClaim')!;
const CLASSES = RESOURCES.find((r) => r.kind === 'StorageClass')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SOURCE = 'persistentvolume-controller';
const RESYNC_MS = 15_000;

type Obj = Record<string, any>;

/** The class a fresh cluster has, as kind's and minikube's `standard`. */
export const DEFAULT_STORAGE_CLASS: KObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
  provisioner: LOCAL_PROVISIONER,
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
} as KObject;

export class PersistentVolumeController {
  private stops: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private resync?: NodeJS.Timeout;
  /** The last event per claim, so a waiting claim is not re-announced on every resync. */
  private said = new Map<string, string>();

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    /** Where the local provisioner makes volume directories ($KBX_HOME/volumes). */
    private readonly volumesDir: string,
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(): void {
    try {
      if (!this.registry.tryGet(CLASSES, undefined, 'standard') && !this.registry.list(CLASSES, undefined).items.length) this.registry.create(CLASSES, undefined, structuredClone(DEFAULT_STORAGE_CLASS));
    } catch (e) {
      this.log(`persistentvolume: default StorageClass: ${(e as Error).message}`);
    }
    const kick = () => this.soon();
    for (const info of [PVS, PVCS, CLASSES, PODS]) this.stops.push(this.registry.watch(info, undefined, {}, kick));
    this.resync = setInterval(kick, RESYNC_MS);
    this.resync.unref();
    this.soon();
  }

  close(): void {
    for (const s of this.stops) s();
    if (this.timer) clearTimeout(this.timer);
    if (this.resync) clearInterval(this.resync);
  }

  private soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.syncAll();
      } catch (e) {
        this.log(`persistentvolume: ${(e as Error).stack ?? e}`);
      }
    }, 0);
  }

  syncAll(): void {
    const classes = new Map(this.registry.list(CLASSES, undefined).items.map((c) => [c.metadata.name!, c]));
    const defaults = [...classes.values()].filter(isDefaultClass).sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
    const claims = this.registry.list(PVCS, undefined).items;
    const pods = this.registry.list(PODS, undefined).items;
    for (const claim of claims) {
      if (claim.metadata.deletionTimestamp) {
        if (claim.metadata.finalizers?.includes(PVC_PROTECTION) && !claimInUse(claim, pods)) this.dropFinalizer(PVCS, claim, PVC_PROTECTION);
        continue;
      }
      const volumes = this.registry.list(PVS, undefined).items;
      this.applyClaim(claim, planClaim({ claim, volumes, classes, defaultClass: defaults[0]?.metadata.name }));
    }
    const byKey = new Map(this.registry.list(PVCS, undefined).items.map((c) => [`${c.metadata.namespace}/${c.metadata.name}`, c]));
    for (const pv of this.registry.list(PVS, undefined).items) {
      const ref = ((pv as Obj).spec ?? {}).claimRef as Obj | undefined;
      this.applyVolume(pv, planVolume(pv, ref ? byKey.get(`${ref.namespace}/${ref.name}`) : undefined));
    }
    for (const key of this.said.keys()) if (!claims.some((c) => c.metadata.uid === key)) this.said.delete(key);
  }

  private event(claim: KObject, e: EventSpec | undefined): void {
    if (!e) return;
    const text = `${e.reason}\u0000${e.message}`;
    if (this.said.get(claim.metadata.uid!) === text) return;
    this.said.set(claim.metadata.uid!, text);
    this.recorder.record(SOURCE, claim, e.type, e.reason, e.message);
  }

  private applyClaim(claim: KObject, a: ClaimAction): void {
    const ns = claim.metadata.namespace!;
    const name = claim.metadata.name!;
    try {
      switch (a.type) {
        case 'none':
          return;
        case 'pending':
          this.event(claim, a.event);
          return;
        case 'setDefaultClass':
          this.registry.mutate(PVCS, ns, name, (o) => void ((o as Obj).spec.storageClassName = a.className));
          return;
        case 'lost':
          this.registry.mutate(PVCS, ns, name, (o) => void ((o as Obj).status = { ...(o as Obj).status, phase: 'Lost' }), { subresource: 'status' });
          this.event(claim, a.event);
          return;
        case 'provision':
          this.provision(claim, a.className);
          return;
        case 'bind':
        case 'markBound':
          this.bind(claim, a.volume);
          return;
      }
    } catch (e) {
      if (!(isApiError(e) && e.code === 409)) this.log(`persistentvolume: claim ${ns}/${name} ${a.type}: ${(e as Error).message}`);
    }
  }

  /** bindVolumeToClaim, then bindClaimToVolume, then both statuses. */
  private bind(claim: KObject, volume: string): void {
    const ns = claim.metadata.namespace!;
    const name = claim.metadata.name!;
    const pv = this.registry.mutate(PVS, undefined, volume, (o) => {
      const spec = (o as Obj).spec;
      const ref = spec.claimRef as Obj | undefined;
      if (ref && ref.uid === claim.metadata.uid && ref.name === name && ref.namespace === ns) return false;
      spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: ns, name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' };
    });
    if (!pv) return;
    this.registry.mutate(PVS, undefined, volume, (o) => {
      if ((o as Obj).status?.phase === 'Bound') return false;
      (o as Obj).status = { phase: 'Bound' };
    }, { subresource: 'status' });
    const bound = this.registry.mutate(PVCS, ns, name, (o) => {
      const spec = (o as Obj).spec;
      const ann = o.metadata.annotations ?? {};
      if (spec.volumeName === volume && ann['pv.kubernetes.io/bind-completed'] === 'yes') return false;
      const byUs = !spec.volumeName;
      spec.volumeName = volume;
      o.metadata.annotations = { ...ann, 'pv.kubernetes.io/bind-completed': 'yes', ...(byUs ? { 'pv.kubernetes.io/bound-by-controller': 'yes' } : {}) };
    });
    if (!bound) return;
    const ps = (pv as Obj).spec;
    this.registry.mutate(PVCS, ns, name, (o) => {
      const st = ((o as Obj).status ?? {}) as Obj;
      if (st.phase === 'Bound' && JSON.stringify(st.capacity) === JSON.stringify(ps.capacity)) return false;
      (o as Obj).status = { phase: 'Bound', accessModes: ps.accessModes, capacity: ps.capacity };
    }, { subresource: 'status' });
    this.said.delete(claim.metadata.uid!);
  }

  /** kbx's provisioner: a directory $KBX_HOME/volumes/pvc-<uid> (mode 0777, as local-path-provisioner's) and its PV, pre-bound to the claim. */
  private provision(claim: KObject, className: string): void {
    const sc = this.registry.tryGet(CLASSES, undefined, className) as Obj | undefined;
    const name = `pvc-${claim.metadata.uid}`;
    const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
    if (this.registry.tryGet(PVS, undefined, name)) return;
    this.registry.mutate(PVCS, claim.metadata.namespace, claim.metadata.name!, (o) => {
      const ann = o.metadata.annotations ?? {};
      if (ann['volume.kubernetes.io/storage-provisioner'] === LOCAL_PROVISIONER) return false;
      o.metadata.annotations = { ...ann, 'volume.beta.kubernetes.io/storage-provisioner': LOCAL_PROVISIONER, 'volume.kubernetes.io/storage-provisioner': LOCAL_PROVISIONER };
    });
    this.recorder.record(SOURCE, claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`);
    const dir = path.join(this.volumesDir, name);
    fs.mkdirSync(dir, { recursive: true, mode: 0o777 });
    fs.chmodSync(dir, 0o777);
    const spec = (claim as Obj).spec;
    this.registry.create(PVS, undefined, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { [PROVISIONED_BY]: LOCAL_PROVISIONER } },
      spec: {
        capacity: { storage: spec.resources.requests.storage },
        accessModes: spec.accessModes,
        persistentVolumeReclaimPolicy: sc?.reclaimPolicy ?? 'Delete',
        storageClassName: className,
        volumeMode: spec.volumeMode ?? 'Filesystem',
        hostPath: { path: dir, type: 'DirectoryOrCreate' },
        claimRef: { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion },
      },
    } as KObject);
    this.recorder.record(SOURCE, claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
  }

  private applyVolume(pv: KObject, a: ReturnType<typeof planVolume>): void {
    const name = pv.metadata.name!;
    try {
      if (a.type === 'phase') {
        this.registry.mutate(PVS, undefined, name, (o) => {
          (o as Obj).status = { phase: a.phase, ...(a.message ? { message: a.message } : {}) };
        }, { subresource: 'status' });
        if (a.phase === 'Failed' && a.message) this.recorder.record(SOURCE, pv, 'Warning', 'VolumeFailedDelete', a.message);
      } else if (a.type === 'removeFinalizer') {
        this.dropFinalizer(PVS, pv, PV_PROTECTION);
      } else if (a.type === 'delete') {
        const dir = ((pv as Obj).spec.hostPath?.path ?? '') as string;
        // Only a directory this provisioner made (under $KBX_HOME/volumes) is ever removed.
        if (dir && path.dirname(dir) === path.resolve(this.volumesDir)) fs.rmSync(dir, { recursive: true, force: true });
        this.registry.delete(PVS, undefined, name);
        this.dropFinalizer(PVS, pv, PV_PROTECTION);
      }
    } catch (e) {
      if (!(isApiError(e) && (e.code === 409 || e.code === 404))) this.log(`persistentvolume: volume ${name} ${a.type}: ${(e as Error).message}`);
    }
  }

  private dropFinalizer(info: typeof PVS, o: KObject, f: string): void {
    this.registry.mutate(info, o.metadata.namespace, o.metadata.name!, (x) => {
      if (!x.metadata.finalizers?.includes(f)) return false;
      x.metadata.finalizers = x.metadata.finalizers.filter((y) => y !== f);
    });
  }
}
