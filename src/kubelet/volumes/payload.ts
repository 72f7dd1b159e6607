// What the kubelet writes into configMap, secret, downwardAPI and projected volumes
// (pkg/volume/{configmap,secret,downwardapi,projected}: MakePayload, CollectData): file path →
// data and mode, or the error that keeps the volume from being set up (`configmap "x" not found`).
// Pure: objects and tokens come from the caller.
import type { Container, KObject, Pod } from '../../api/types.js';
import { podFieldValue, resourceFieldValue, type PodRuntimeFields } from '../downward-api.js';
import type { Payload } from './atomic-writer.js';

type Obj = Record<string, any>;

export const DEFAULT_MODE = 0o644;

export interface PayloadSources extends PodRuntimeFields {
  configMap(name: string): KObject | undefined;
  secret(name: string): KObject | undefined;
  /** A token for the pod's service account (the TokenRequest API, bound to the pod); throws with the API's message. */
  token(req: { audience?: string; expirationSeconds?: number }): string;
  allocatable: Record<string, string>;
}

/** The plugin directory name the kubelet uses (`kubernetes.io~configmap` …), or undefined for other volume kinds. */
export function pluginDir(volume: Obj): string | undefined {
  if (volume.configMap) return 'kubernetes.io~configmap';
  if (volume.secret) return 'kubernetes.io~secret';
  if (volume.downwardAPI) return 'kubernetes.io~downward-api';
  if (volume.projected) return 'kubernetes.io~projected';
  return undefined;
}

export type PayloadResult = { payload: Payload } | { error: string };

function keyedPayload(
  kind: 'configmap' | 'secret',
  obj: KObject | undefined,
  name: string,
  items: Obj[] | undefined,
  defaultMode: number,
  optional: boolean,
  into: Payload,
): string | null {
  if (!obj) {
    if (!optional) return `${kind} "${name}" not found`;
    return null;
  }
  const o = obj as Obj;
  const text = (o.data ?? {}) as Obj;
  const entries = new Map<string, Buffer>();
  if (kind === 'configmap') {
    for (const [k, v] of Object.entries(text)) entries.set(k, Buffer.from(String(v ?? ''), 'utf8'));
    for (const [k, v] of Object.entries((o.binaryData ?? {}) as Obj)) entries.set(k, Buffer.from(String(v ?? ''), 'base64'));
  } else {
    for (const [k, v] of Object.entries(text)) entries.set(k, Buffer.from(String(v ?? ''), 'base64'));
  }
  if (!items?.length) {
    for (const [k, data] of entries) into.set(k, { data, mode: defaultMode });
    return null;
  }
  for (const it of items) {
    const data = entries.get(it.key);
    if (!data) {
      if (optional) continue;
      return kind === 'configmap' ? `configmap references non-existent config key: ${it.key}` : `references non-existent secret key: ${it.key}`;
    }
    into.set(it.path, { data, mode: it.mode ?? defaultMode });
  }
  return null;
}

function downwardPayload(pod: Pod, items: Obj[] | undefined, defaultMode: number, src: PayloadSources, into: Payload): string | null {
  const errs: string[] = [];
  for (const it of items ?? []) {
    let value: string;
    try {
      if (it.fieldRef) value = podFieldValue(pod, it.fieldRef.fieldPath ?? '', src);
      else if (it.resourceFieldRef) {
        const name = it.resourceFieldRef.containerName;
        const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x: Container) => x.name === name);
        if (!c) throw new Error(`cannot find container: ${name}`);
        value = resourceFieldValue(it.resourceFieldRef, c, src.allocatable);
      } else continue;
    } catch (e) {
      errs.push((e as Error).message);
      continue;
    }
    into.set(it.path, { data: Buffer.from(value, 'utf8'), mode: it.mode ?? defaultMode });
  }
  return errs.length ? aggregate(errs) : null;
}

function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`;
}

/** The files of one pod volume of a kind this module handles. */
export function volumePayload(pod: Pod, volume: Obj, src: PayloadSources): PayloadResult {
  const payload: Payload = new Map();
  if (volume.configMap) {
    const v = volume.configMap as Obj;
    const err = keyedPayload('configmap', src.configMap(v.name), v.name, v.items, v.defaultMode ?? DEFAULT_MODE, v.optional === true, payload);
    return err ? { error: err } : { payload };
  }
  if (volume.secret) {
    const v = volume.secret as Obj;
    const err = keyedPayload('secret', src.secret(v.secretName), v.secretName, v.items, v.defaultMode ?? DEFAULT_MODE, v.optional === true, payload);
    return err ? { error: err } : { payload };
  }
  if (volume.downwardAPI) {
    const v = volume.downwardAPI as Obj;
    const err = downwardPayload(pod, v.items, v.defaultMode ?? DEFAULT_MODE, src, payload);
    return err ? { error: err } : { payload };
  }
  if (volume.projected) {
    const v = volume.projected as Obj;
    const mode = v.defaultMode ?? DEFAULT_MODE;
    const errs: string[] = [];
    for (const s of (v.sources ?? []) as Obj[]) {
      let err: string | null = null;
      if (s.configMap) err = keyedPayload('configmap', src.configMap(s.configMap.name), s.configMap.name, s.configMap.items, mode, s.configMap.optional === true, payload);
      else if (s.secret) err = keyedPayload('secret', src.secret(s.secret.name), s.secret.name, s.secret.items, mode, s.secret.optional === true, payload);
      else if (s.downwardAPI) err = downwardPayload(pod, s.downwardAPI.items, mode, src, payload);
      else if (s.serviceAccountToken) {
        const t = s.serviceAccountToken as Obj;
        try {
          payload.set(t.path, { data: Buffer.from(src.token({ audience: t.audience || undefined, expirationSeconds: t.expirationSeconds }), 'utf8'), mode });
        } catch (e) {
          err = (e as Error).message;
        }
      } else if (s.clusterTrustBundle) err = 'clusterTrustBundle projections are not supported by kbx';
      if (err) errs.push(err);
    }
    return errs.length ? { error: aggregate(errs) } : { payload };
  }
  return { error: 'not a configMap, secret, downwardAPI or projected volume' };
}

/** The ConfigMaps and Secrets a pod refers to (volumes, env, envFrom), as `configmap/<name>` and `secret/<name>`. */
export function podReferences(pod: Pod): Set<string> {
  const out = new Set<string>();
  for (const v of (pod.spec.volumes ?? []) as Obj[]) {
    if (v.configMap?.name) out.add(`configmap/${v.configMap.name}`);
    if (v.secret?.secretName) out.add(`secret/${v.secret.secretName}`);
    for (const s of (v.projected?.sources ?? []) as Obj[]) {
      if (s.configMap?.name) out.add(`configmap/${s.configMap.name}`);
      if (s.secret?.name) out.add(`secret/${s.secret.name}`);
    }
  }
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers] as Obj[]) {
    for (const ef of (c.envFrom ?? []) as Obj[]) {
      if (ef.configMapRef?.name) out.add(`configmap/${ef.configMapRef.name}`);
      if (ef.secretRef?.name) out.add(`secret/${ef.secretRef.name}`);
    }
    for (const e of (c.env ?? []) as Obj[]) {
      if (e.valueFrom?.configMapKeyRef?.name) out.add(`configmap/${e.valueFrom.configMapKeyRef.name}`);
      if (e.valueFrom?.secretKeyRef?.name) out.add(`secret/${e.valueFrom.secretKeyRef.name}`);
    }
  }
  return out;
}
