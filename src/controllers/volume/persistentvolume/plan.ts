// The PersistentVolume binder's decisions (pkg/controller/volume/persistentvolume: syncClaim, syncVolume,
// findMatchingVolume), pure: for a claim, what to do next (take the default class, bind a volume, provision
// one, wait); for a volume, the phase it is in (Available, Bound, Released) and whether to reclaim it.
import type { KObject } from '../../../api/types.js';
import { compareQuantities, tryParseQuantity } from '../../../api/quantity.js';
import { labelSelectorFromSpec, matchesLabels } from '../../../api/selectors.js';
import { storageClassOf } from '../../../api/validation-storage.js';

type Obj = Record<string, any>;

/** kbx's provisioner: a directory per claim under $KBX_HOME/volumes, mounted as a hostPath. */
export const LOCAL_PROVISIONER = 'kbx.io/hostpath';
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export type ClaimAction =
  | { type: 'none' }
  | { type: 'setDefaultClass'; className: string }
  | { type: 'bind'; volume: string }
  | { type: 'provision'; className: string }
  | { type: 'markBound'; volume: string }
  | { type: 'lost'; event: EventSpec }
  | { type: 'pending'; event?: EventSpec };

const storage = (v: unknown) => (v === undefined || v === null ? null : tryParseQuantity(v as string));

function refersTo(pv: KObject, claim: KObject): boolean {
  const ref = ((pv as Obj).spec?.claimRef ?? undefined) as Obj | undefined;
  if (!ref) return false;
  if (ref.namespace !== claim.metadata.namespace || ref.name !== claim.metadata.name) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** findMatchingVolume: a volume pre-bound to the claim, else the smallest Available one that fits. */
export function findMatchingVolume(claim: KObject, volumes: KObject[]): KObject | undefined {
  const spec = ((claim as Obj).spec ?? {}) as Obj;
  const want = storage(spec.resources?.requests?.storage);
  const cls = storageClassOf(claim);
  const modes: string[] = spec.accessModes ?? [];
  const selector = spec.selector ? labelSelectorFromSpec(spec.selector) : undefined;
  let best: KObject | undefined;
  for (const pv of volumes) {
    const ps = ((pv as Obj).spec ?? {}) as Obj;
    if (pv.metadata.deletionTimestamp) continue;
    if ((ps.volumeMode ?? 'Filesystem') !== (spec.volumeMode ?? 'Filesystem')) continue;
    const have = storage(ps.capacity?.storage);
    if (refersTo(pv, claim)) {
      if (!want || (have && compareQuantities(have, want) >= 0)) return pv;
      continue;
    }
    if (ps.claimRef) continue;
    const phase = (pv as Obj).status?.phase;
    if (phase && phase !== 'Available' && phase !== 'Pending') continue;
    if (storageClassOf(pv) !== cls) continue;
    if (selector && !matchesLabels(selector, pv.metadata.labels ?? {})) continue;
    if (want && (!have || compareQuantities(have, want) < 0)) continue;
    const pvModes: string[] = ps.accessModes ?? [];
    if (!modes.every((m) => pvModes.includes(m))) continue;
    const bestHave = best ? storage(((best as Obj).spec ?? {}).capacity?.storage) : null;
    if (!best || (have && bestHave && compareQuantities(have, bestHave) < 0)) best = pv;
  }
  return best;
}

export interface ClaimInputs {
  claim: KObject;
  volumes: KObject[];
  classes: Map<string, KObject>;
  /** The default StorageClass's name (the newest one annotated, as the admission plugin picks). */
  defaultClass?: string;
}

export function planClaim({ claim, volumes, classes, defaultClass }: ClaimInputs): ClaimAction {
  if (claim.metadata.deletionTimestamp) return { type: 'none' };
  const spec = ((claim as Obj).spec ?? {}) as Obj;
  const status = ((claim as Obj).status ?? {}) as Obj;
  const hasClass = typeof spec.storageClassName === 'string' || claim.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined;
  if (!hasClass && defaultClass && !spec.volumeName) return { type: 'setDefaultClass', className: defaultClass };
  if (spec.volumeName) {
    const pv = volumes.find((v) => v.metadata.name === spec.volumeName);
    if (!pv) {
      if (status.phase === 'Bound' || status.phase === 'Lost') {
        return status.phase === 'Lost' ? { type: 'none' } : { type: 'lost', event: { type: 'Warning', reason: 'ClaimLost', message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!' } };
      }
      return { type: 'pending' };
    }
    const ref = ((pv as Obj).spec ?? {}).claimRef as Obj | undefined;
    if (!ref) return { type: 'bind', volume: pv.metadata.name! };
    if (refersTo(pv, claim)) {
      const bound = status.phase === 'Bound' && ref.uid === claim.metadata.uid && (pv as Obj).status?.phase === 'Bound';
      return bound ? { type: 'none' } : { type: 'markBound', volume: pv.metadata.name! };
    }
    return { type: 'pending', event: { type: 'Warning', reason: 'FailedBinding', message: `volume "${pv.metadata.name}" already bound to a different claim.` } };
  }
  const cls = storageClassOf(claim);
  const sc = cls ? classes.get(cls) : undefined;
  if ((sc as Obj | undefined)?.volumeBindingMode === 'WaitForFirstConsumer' && !claim.metadata.annotations?.[SELECTED_NODE]) {
    return { type: 'pending', event: { type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' } };
  }
  const match = findMatchingVolume(claim, volumes);
  if (match) return { type: 'bind', volume: match.metadata.name! };
  if (!cls) return { type: 'pending', event: { type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set' } };
  if (!sc) return { type: 'pending', event: { type: 'Warning', reason: 'ProvisioningFailed', message: `storageclass.storage.k8s.io "${cls}" not found` } };
  const provisioner = (sc as Obj).provisioner as string;
  if (provisioner === LOCAL_PROVISIONER) return { type: 'provision', className: cls };
  return {
    type: 'pending',
    event: {
      type: 'Normal',
      reason: 'ExternalProvisioning',
      message: `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    },
  };
}

export type VolumeAction =
  | { type: 'none' }
  | { type: 'phase'; phase: 'Available' | 'Bound' | 'Released' | 'Failed'; message?: string; clearUid?: boolean }
  | { type: 'delete' }
  | { type: 'removeFinalizer' };

/** syncVolume: the phase from the claim the volume names (if any) and, once released, its reclaim policy. */
export function planVolume(pv: KObject, claim: KObject | undefined): VolumeAction {
  const spec = ((pv as Obj).spec ?? {}) as Obj;
  const phase = (pv as Obj).status?.phase as string | undefined;
  const ref = spec.claimRef as Obj | undefined;
  if (pv.metadata.deletionTimestamp) {
    return phase !== 'Bound' && pv.metadata.finalizers?.includes('kubernetes.io/pv-protection') ? { type: 'removeFinalizer' } : { type: 'none' };
  }
  if (!ref) return phase === 'Available' ? { type: 'none' } : { type: 'phase', phase: 'Available' };
  const claimMatches = !!claim && (!ref.uid || ref.uid === claim.metadata.uid);
  if (!ref.uid) return phase === 'Available' ? { type: 'none' } : { type: 'phase', phase: 'Available' }; // pre-bound, waiting for its claim
  if (claimMatches) {
    const boundBack = ((claim as Obj).spec ?? {}).volumeName === pv.metadata.name;
    if (boundBack) return phase === 'Bound' ? { type: 'none' } : { type: 'phase', phase: 'Bound' };
    return { type: 'none' }; // the claim's sync finishes the binding
  }
  // The claim is gone (or is another one by now): released; then the reclaim policy.
  if (phase !== 'Released' && phase !== 'Failed') return { type: 'phase', phase: 'Released' };
  if (phase === 'Failed') return { type: 'none' };
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy === 'Delete') {
    if (pv.metadata.annotations?.[PROVISIONED_BY] === LOCAL_PROVISIONER) return { type: 'delete' };
    return { type: 'phase', phase: 'Failed', message: `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched` };
  }
  return { type: 'none' };
}

/** The claim is used by a pod that has not finished (the pvc-protection controller's test). */
export function claimInUse(claim: KObject, pods: KObject[]): boolean {
  return pods.some(
    (p) =>
      p.metadata.namespace === claim.metadata.namespace &&
      !['Succeeded', 'Failed'].includes((p as Obj).status?.phase) &&
      (((p as Obj).spec?.volumes ?? []) as Obj[]).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name),
  );
}
