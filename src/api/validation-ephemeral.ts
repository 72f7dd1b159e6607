// ValidatePodEphemeralContainersUpdate (Kubernetes' pkg/apis/core/validation): what a write to
// pods/ephemeralcontainers may do — add ephemeral containers (never change or remove one), each a
// container without the fields that serve the pod (ports, probes, lifecycle, resources), named
// uniquely among all the pod's containers, targeting an existing (non-ephemeral) container.
import type { Container, Pod } from './types.js';
import { semanticEqual } from './semantic.js';
import { child, duplicate, forbidden, index, notFound, type FieldError } from './field-errors.js';
import { validateContainerCommon } from './validation.js';

/** The container fields an ephemeral container may not set (the complement of Kubernetes' allow-list). */
const NOT_FOR_EPHEMERAL = ['ports', 'resources', 'resizePolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'restartPolicy', 'restartPolicyRules'];

/** A value Go would not call zero (an empty struct or list is unset). */
function isSetValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.values(v as object).some(isSetValue);
  return true;
}

type Ephemeral = Container & { targetContainerName?: string };

/** validateEphemeralContainers: each new container's own rules. */
export function validateEphemeralContainers(pod: Pod): FieldError[] {
  const spec = pod.spec;
  const list = (spec.ephemeralContainers ?? []) as Ephemeral[];
  const errs: FieldError[] = [];
  const others = new Set([...spec.containers, ...(spec.initContainers ?? [])].map((c) => c.name));
  const all = new Set(others);
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
  list.forEach((ec, i) => {
    const p = index('spec.ephemeralContainers', i);
    errs.push(...validateContainerCommon(ec, volumes, p, { isPod: true }));
    if (all.has(ec.name)) errs.push(duplicate(child(p, 'name'), ec.name));
    else all.add(ec.name);
    if (ec.targetContainerName && !others.has(ec.targetContainerName)) errs.push(notFound(child(p, 'targetContainerName'), ec.targetContainerName));
    for (const f of NOT_FOR_EPHEMERAL) {
      if (isSetValue((ec as Record<string, unknown>)[f])) errs.push(forbidden(child(p, f), 'cannot be set for an Ephemeral Container'));
    }
    (ec.volumeMounts ?? []).forEach((vm, j) => {
      const m = vm as { subPath?: string; subPathExpr?: string };
      if (m.subPath) errs.push(forbidden(child(index(child(p, 'volumeMounts'), j), 'subPath'), 'cannot be set for an Ephemeral Container'));
      if (m.subPathExpr) errs.push(forbidden(child(index(child(p, 'volumeMounts'), j), 'subPathExpr'), 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}

/** The update rules: the new ones valid, every existing one kept unchanged (order may change: patches do not keep it). */
export function validateEphemeralContainersUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const errs = validateEphemeralContainers(newPod);
  const byName = new Map((newPod.spec.ephemeralContainers ?? []).map((c) => [c.name, c]));
  for (const old of oldPod.spec.ephemeralContainers ?? []) {
    const now = byName.get(old.name);
    if (!now) errs.push(forbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(old.name)} may not be removed\n`));
    else if (!semanticEqual(old, now)) errs.push(forbidden('spec.ephemeralContainers', `existing ephemeral containers ${JSON.stringify(old.name)} may not be changed\n`));
  }
  return errs;
}
