// Helpers shared by the commands that write objects from manifests (apply, create, delete -f).
import type { KObject } from '../api/types.js';
import { qualifiedSingular, resourceByKind, type ResourceInfo } from '../api/registry.js';
import { CliError } from './errors.js';
import type { SourcedObject } from './manifests.js';

import { CHANGE_CAUSE_ANNOTATION, LAST_APPLIED_CONFIG_ANNOTATION } from '../api/deployment-util.js';

export const LAST_APPLIED = LAST_APPLIED_CONFIG_ANNOTATION;
export const CHANGE_CAUSE = CHANGE_CAUSE_ANNOTATION;

export interface ResolvedObject extends SourcedObject {
  info: ResourceInfo;
  namespace: string | undefined;
}

/** Maps a manifest to its resource and namespace, with kubectl's errors for unknown kinds and namespace clashes. */
export function resolveObject(so: SourcedObject, flagNamespace: string | undefined, defaultNamespace: string): ResolvedObject {
  const { object, source } = so;
  const info = resourceByKind(object.apiVersion, object.kind);
  if (!object.kind || !object.apiVersion) {
    const missing = !object.apiVersion ? 'apiVersion' : 'kind';
    throw new CliError(`error validating "${source}": error validating data: ${missing} not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  if (!info) {
    throw new CliError(
      `resource mapping not found for name: "${object.metadata?.name ?? ''}" namespace: "${object.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  object.metadata = object.metadata ?? {};
  let namespace: string | undefined;
  if (info.namespaced) {
    const own = object.metadata.namespace;
    if (own && flagNamespace && own !== flagNamespace) {
      throw new CliError(
        `the namespace from the provided object "${own}" does not match the namespace "${flagNamespace}". You must pass '--namespace=${own}' to perform this operation.`,
      );
    }
    namespace = own || flagNamespace || defaultNamespace;
  }
  return { ...so, info, namespace };
}

export function displayName(info: ResourceInfo, name: string): string {
  return `${qualifiedSingular(info)}/${name}`;
}

/** Deep copy with map keys sorted, as Go's encoding of unstructured objects produces. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = sortKeysDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The `last-applied-configuration` kubectl stores: the manifest (without that annotation), compact JSON, newline. */
export function lastAppliedOf(obj: KObject, namespace: string | undefined): string {
  const copy = structuredClone(obj);
  copy.metadata = copy.metadata ?? {};
  const ann = { ...(copy.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  copy.metadata.annotations = ann;
  if (namespace) copy.metadata.namespace = namespace;
  return JSON.stringify(sortKeysDeep(copy)) + '\n';
}

export function withAnnotation(obj: KObject, key: string, value: string): KObject {
  const copy = structuredClone(obj);
  copy.metadata = copy.metadata ?? {};
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [key]: value };
  return copy;
}
