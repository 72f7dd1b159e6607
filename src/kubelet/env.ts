// A container's environment as the kubelet makes it (kubelet_pods.go makeEnvironmentVariables):
// envFrom sources in order (prefix, invalid names skipped and reported), then env in order —
// `value` with $(VAR) expansion, or valueFrom (configMapKeyRef, secretKeyRef, fieldRef,
// resourceFieldRef) — then the service variables not already defined. A missing ConfigMap,
// Secret or key that is not optional is an error (the container is not created). Pure.
import type { Container, KObject, Pod } from '../api/types.js';
import { isEnvVarName } from '../api/validation.js';
import { podFieldValue, resourceFieldValue, type PodRuntimeFields } from './downward-api.js';

type Obj = Record<string, any>;

export interface EnvSources extends PodRuntimeFields {
  /** A ConfigMap / Secret of the pod's namespace, or undefined when there is none. */
  configMap(name: string): KObject | undefined;
  secret(name: string): KObject | undefined;
  /** `NAME=value` service variables (service-env.ts), in order. */
  services: string[];
  /** The node's allocatable resources (unset limits in resourceFieldRef). */
  allocatable: Record<string, string>;
}

export interface SkippedKeys {
  /** `configMap` or `secret`, as the event names them. */
  kind: 'configMap' | 'secret';
  name: string;
  keys: string[];
}

export type EnvResult = { env: string[]; skipped: SkippedKeys[] } | { error: string };

/** expansion.Expand: `$(NAME)` from the mapping (kept as is when undefined), `$$` is a literal `$`. */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let read: string;
    let advance = 1;
    if (rest[0] === '$') read = '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')');
      if (close > 0) {
        const name = rest.slice(1, close);
        read = lookup(name) ?? `$(${name})`;
        advance = close + 1;
      } else read = '$(';
    } else read = `$${rest[0]}`;
    out += read;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

const decode = (v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : '');

/** The pod's container environment, or the error that keeps the container from being created. */
export function containerEnv(pod: Pod, c: Container, src: EnvSources): EnvResult {
  const ns = pod.metadata.namespace ?? 'default';
  const vars = new Map<string, string>();
  const skipped: SkippedKeys[] = [];
  const cms = new Map<string, KObject | undefined>();
  const secrets = new Map<string, KObject | undefined>();
  const cm = (name: string) => (cms.has(name) ? cms.get(name) : (cms.set(name, src.configMap(name)), cms.get(name)));
  const secret = (name: string) => (secrets.has(name) ? secrets.get(name) : (secrets.set(name, src.secret(name)), secrets.get(name)));

  for (const ef of ((c as Obj).envFrom ?? []) as Obj[]) {
    const prefix: string = ef.prefix ?? '';
    const ref = ef.configMapRef ?? ef.secretRef;
    if (!ref) continue;
    const isCm = !!ef.configMapRef;
    const obj = isCm ? cm(ref.name) : secret(ref.name);
    if (!obj) {
      if (ref.optional === true) continue;
      return { error: `${isCm ? 'configmap' : 'secret'} "${ref.name}" not found` };
    }
    const data = ((obj as Obj).data ?? {}) as Obj;
    const invalid: string[] = [];
    for (const key of Object.keys(data)) {
      const k = prefix + key;
      if (isEnvVarName(k).length) {
        invalid.push(k);
        continue;
      }
      vars.set(k, isCm ? String(data[key] ?? '') : decode(data[key]));
    }
    if (invalid.length) skipped.push({ kind: isCm ? 'configMap' : 'secret', name: ref.name, keys: invalid.sort() });
  }

  const serviceVars = new Map<string, string>();
  for (const s of src.services) {
    const i = s.indexOf('=');
    serviceVars.set(s.slice(0, i), s.slice(i + 1));
  }
  const lookup = (name: string) => vars.get(name) ?? serviceVars.get(name);
  for (const e of (c.env ?? []) as Obj[]) {
    let value: string = e.value ?? '';
    const vf = e.valueFrom as Obj | undefined;
    if (value !== '') value = expand(value, lookup);
    else if (vf) {
      if (vf.fieldRef) {
        try {
          value = podFieldValue(pod, vf.fieldRef.fieldPath ?? '', src);
        } catch (err) {
          return { error: (err as Error).message };
        }
      } else if (vf.resourceFieldRef) {
        const target = vf.resourceFieldRef.containerName ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === vf.resourceFieldRef.containerName) : c;
        if (!target) return { error: `cannot find container: ${vf.resourceFieldRef.containerName}` };
        try {
          value = resourceFieldValue(vf.resourceFieldRef, target, src.allocatable);
        } catch (err) {
          return { error: (err as Error).message };
        }
      } else if (vf.configMapKeyRef || vf.secretKeyRef) {
        const isCm = !!vf.configMapKeyRef;
        const ref = (vf.configMapKeyRef ?? vf.secretKeyRef) as Obj;
        const obj = isCm ? cm(ref.name) : secret(ref.name);
        if (!obj) {
          if (ref.optional === true) continue;
          return { error: `${isCm ? 'configmap' : 'secret'} "${ref.name}" not found` };
        }
        const data = ((obj as Obj).data ?? {}) as Obj;
        // Only `data`: a ConfigMap's binaryData is not read for env, as the kubelet does.
        if (!(ref.key in data)) {
          if (ref.optional === true) continue;
          return { error: `couldn't find key ${ref.key} in ${isCm ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}` };
        } else value = isCm ? String(data[ref.key] ?? '') : decode(data[ref.key]);
      }
    }
    vars.set(e.name, value);
  }
  const env = [...vars].map(([k, v]) => `${k}=${v}`);
  for (const [k, v] of serviceVars) if (!vars.has(k)) env.push(`${k}=${v}`);
  return { env, skipped };
}

/** The InvalidEnvironmentVariableNames event's message. */
export function skippedKeysMessage(ns: string, s: SkippedKeys): string {
  return `Keys [${s.keys.join(', ')}] from the EnvFrom ${s.kind} ${ns}/${s.name} were skipped since they are considered invalid environment variable names.`;
}

/**
 * The Services whose variables a pod gets: its namespace's (unless enableServiceLinks is false) and
 * always the `kubernetes` Service of `default` (getServiceEnvVarMap's master service).
 */
export function serviceLinkServices(pod: Pod, namespaceServices: KObject[], defaultServices: KObject[]): KObject[] {
  const ns = pod.metadata.namespace ?? 'default';
  const links = (pod.spec as { enableServiceLinks?: boolean }).enableServiceLinks !== false;
  const out = links ? [...namespaceServices] : [];
  const master = defaultServices.find((s) => s.metadata.name === 'kubernetes');
  if (master && !(links && ns === 'default')) out.push(master);
  return out;
}
