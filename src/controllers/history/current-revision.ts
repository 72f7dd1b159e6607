// The I/O of a controller's current ControllerRevision (DaemonSet, StatefulSet): reuse, renumber or
// create it as planCurrentRevision says (history/revisions.ts); on a hash collision (the name is taken by
// another template) the owner's status.collisionCount goes up and the caller requeues.
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import { semanticEqual } from '../../api/semantic.js';
import type { Registry } from '../../registry/registry.js';
import { controllerRef } from '../ownership.js';
import { planCurrentRevision, type ControllerRevision } from './revisions.js';

const REVISIONS = RESOURCES.find((r) => r.kind === 'ControllerRevision')!;

/** The revision recording `owner`'s current template; undefined after a collision (`collided` was called). */
export function ensureCurrentRevision(
  registry: Registry,
  owner: KObject,
  revisions: ControllerRevision[],
  collided: (collisionCount: number) => void,
): ControllerRevision | undefined {
  const ns = owner.metadata.namespace;
  const step = planCurrentRevision(owner, revisions, owner.status?.collisionCount);
  if (step.kind === 'current') return step.revision;
  if (step.kind === 'renumber') {
    return registry.mutate(REVISIONS, ns, step.revision.metadata.name!, (o) => {
      (o as ControllerRevision).revision = step.to;
    }) as ControllerRevision;
  }
  try {
    return registry.create(REVISIONS, ns, step.revision) as ControllerRevision;
  } catch (e) {
    if (!isApiError(e) || e.code !== 409) throw e;
    const existing = registry.tryGet(REVISIONS, ns, step.revision.metadata.name!) as ControllerRevision | undefined;
    if (existing && controllerRef(existing)?.uid === owner.metadata.uid && semanticEqual(existing.data, step.revision.data)) return existing;
    collided((owner.status?.collisionCount ?? 0) + 1);
    return undefined;
  }
}
