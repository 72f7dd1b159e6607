// Admission plugins: what the API server runs on a create before the kind's strategy and
// validation (mutating: LimitRanger defaults, Priority; validating: LimitRanger's min/max). They run
// on every create through the registry, so objects made by controllers (a ReplicaSet's pods) are
// admitted too. They see the object as sent: a container's missing request still means its limit.
import type { KObject } from '../api/types.js';
import type { ResourceInfo } from '../api/resource-info.js';

/** What a plugin may read: stored objects of a kind (from the store, not a cache). */
export interface AdmissionReader {
  listKind(apiVersion: string, kind: string, namespace?: string): KObject[];
}

export interface AdmissionPlugin {
  name: string;
  /** Mutates `obj` or throws the ApiError that refuses it. */
  admitCreate?(info: ResourceInfo, obj: KObject, read: AdmissionReader): void;
}
