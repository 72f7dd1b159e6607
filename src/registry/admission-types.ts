// Admission plugins: what the API server runs on a write. Mutating plugins (admitCreate: LimitRanger
// defaults, Priority) see a create before the kind's strategy and validation; validating plugins
// (validate: PodSecurity) see creates and updates after them, as the API server's validating
// admission runs after the object's validation. They run on every write through the registry, so
// objects made by controllers (a ReplicaSet's pods) are admitted too.
import type { KObject } from '../api/types.js';
import type { ResourceInfo } from '../api/resource-info.js';

/** What a plugin may read: stored objects of a kind (from the store, not a cache). */
export interface AdmissionReader {
  listKind(apiVersion: string, kind: string, namespace?: string): KObject[];
  getObject(apiVersion: string, kind: string, namespace: string | undefined, name: string): KObject | undefined;
}

export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE';
  info: ResourceInfo;
  obj: KObject;
  old?: KObject;
  subresource?: string;
  dryRun: boolean;
}

/** What a validating plugin may add to the response: API warnings, and annotations on the request's audit event. */
export interface AdmissionContext {
  warn(message: string): void;
  audit(annotations: Record<string, string>): void;
}

/** One audited request's annotations (the audit log's Event, reduced to what kbx records). */
export interface AuditRecord {
  verb: 'create' | 'update';
  info: ResourceInfo;
  namespace?: string;
  name: string;
  subresource?: string;
  annotations: Record<string, string>;
}

export interface AdmissionPlugin {
  name: string;
  /** Mutates `obj` or throws the ApiError that refuses it. */
  admitCreate?(info: ResourceInfo, obj: KObject, read: AdmissionReader): void;
  /** Throws the ApiError that refuses the write, or lets it through (possibly with warnings and audit annotations). */
  validate?(attrs: AdmissionAttributes, read: AdmissionReader, ctx: AdmissionContext): void;
}
