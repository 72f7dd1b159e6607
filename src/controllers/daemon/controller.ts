// The DaemonSet controller: level-triggered over DaemonSet, Pod and Node watches. One sync =
// claim pods and revisions → record the current template as a ControllerRevision → planManage
// (one pod per eligible node) → when that had nothing to do, planRollingUpdate → delete old
// revisions → write status if it changed. The decisions are plan.ts's and ../history's.
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { WorkQueue } from '../queue.js';
import { controllerRef, objectKey } from '../ownership.js';
import { claimObjects } from '../claim.js';
import { slowStartBatches } from '../replicaset/status.js';
import { semanticEqual } from '../../api/semantic.js';
import type { NodeView } from '../scheduler/filters.js';
import { newDaemonPod, planManage, planRollingUpdate, calculateStatus } from './plan.js';
import { ensureCurrentRevision } from '../history/current-revision.js';
import { revisionHash, revisionsToDelete, type ControllerRevision } from '../history/revisions.js';

const DAEMONSETS = RESOURCES.find((r) => r.kind === 'DaemonSet')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const REVISIONS = RESOURCES.find((r) => r.kind === 'ControllerRevision')!;
const SOURCE = 'daemonset-controller';
/** The failed-pods backoff (1 s doubling to 15 min), as the controller's flowcontrol.Backoff. */
const BACKOFF_INITIAL_MS = 1000;
const BACKOFF_MAX_MS = 15 * 60 * 1000;

export class DaemonSetController {
  private queue: WorkQueue;
  private stops: (() => void)[] = [];
  private failedBackoff = new Map<string, { delay: number; until: number }>();

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  start(): void {
    this.stops.push(this.registry.watch(DAEMONSETS, undefined, {}, (e) => {
      if (e.type !== 'DELETED') this.queue.add(objectKey(e.object));
    }));
    this.stops.push(this.registry.watch(PODS, undefined, {}, (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'DaemonSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      else if (!ref && e.type !== 'DELETED') this.enqueueAll(e.object.metadata.namespace);
    }));
    // A node that appears, changes labels or taints, or goes away changes where pods belong.
    this.stops.push(this.registry.watch(NODES, undefined, {}, () => this.enqueueAll()));
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private enqueueAll(ns?: string): void {
    for (const ds of this.registry.list(DAEMONSETS, ns).items) this.queue.add(objectKey(ds));
  }

  private sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const ds = this.registry.tryGet(DAEMONSETS, ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const now = this.registry.clock.now();
    const nodes = this.registry.list(NODES, undefined).items as NodeView[];
    const revisions = claimObjects(this.registry, REVISIONS, ds, this.registry.list(REVISIONS, ns).items as ControllerRevision[]);
    const current = this.currentRevision(ds, revisions);
    if (!current) return;
    const hash = revisionHash(current);

    let pods = this.pods(ds);
    const manage = planManage({ ds, nodes, pods, hash, now, failedBackoffUntil: (n) => this.failedBackoff.get(`${k}/${n}`)?.until });
    for (const n of manage.failedOn) {
      const key = `${k}/${n}`;
      const prev = this.failedBackoff.get(key);
      const delay = prev ? Math.min(prev.delay * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
      this.failedBackoff.set(key, { delay, until: now + delay });
    }
    for (const e of manage.events) this.recorder.record(SOURCE, ds, e.type, e.reason, e.message);
    let acted = this.execute(ds, manage.delete, manage.createOn, hash);
    if (manage.requeueAfterMs !== undefined) this.queue.addAfter(k, manage.requeueAfterMs);

    if (!acted && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      pods = this.pods(ds);
      const roll = planRollingUpdate(ds, nodes, pods, hash, now);
      acted = this.execute(ds, roll.delete, roll.createOn, hash);
    }

    pods = this.pods(ds);
    const live = new Set(pods.map((p) => p.metadata.labels?.['controller-revision-hash'] ?? ''));
    for (const r of revisionsToDelete(revisions, ds.spec?.revisionHistoryLimit ?? 10, live, new Set([current.metadata.name!]))) {
      this.tryDelete(REVISIONS, ns, r);
    }
    const { status, requeueAfterMs } = calculateStatus(ds, nodes, pods, hash, now);
    this.writeStatus(ds, status);
    if (requeueAfterMs !== undefined) this.queue.addAfter(k, requeueAfterMs);
  }

  /** The revision recording the current template; undefined after a hash collision (requeued with a higher collisionCount). */
  private currentRevision(ds: KObject, revisions: ControllerRevision[]): ControllerRevision | undefined {
    return ensureCurrentRevision(this.registry, ds, revisions, (collisionCount) => {
      this.writeStatus(ds, { ...(ds.status ?? {}), collisionCount });
      this.queue.add(objectKey(ds));
    });
  }

  private pods(ds: KObject): Pod[] {
    return claimObjects(this.registry, PODS, ds, this.registry.list(PODS, ds.metadata.namespace).items as Pod[]);
  }

  /** Deletes, then creates in slow-start batches; true when anything was written. */
  private execute(ds: KObject, del: Pod[], createOn: string[], hash: string): boolean {
    const ns = ds.metadata.namespace!;
    for (const p of del) {
      if (this.tryDelete(PODS, ns, p)) this.recorder.record(SOURCE, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    }
    let i = 0;
    let failed = false;
    for (const batch of slowStartBatches(createOn.length)) {
      for (let b = 0; b < batch && !failed; b++, i++) {
        try {
          const pod = this.registry.create(PODS, ns, newDaemonPod(ds, createOn[i]!, hash));
          this.recorder.record(SOURCE, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        } catch (e) {
          if (!isApiError(e)) throw e;
          this.recorder.record(SOURCE, ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
          failed = true;
        }
      }
    }
    return del.length + createOn.length > 0;
  }

  private tryDelete(info: typeof PODS, ns: string, o: KObject): boolean {
    try {
      this.registry.delete(info, ns, o.metadata.name!, { preconditions: { uid: o.metadata.uid } });
      return true;
    } catch (e) {
      if (!isApiError(e)) throw e;
      return false;
    }
  }

  private writeStatus(ds: KObject, status: object): void {
    try {
      this.registry.mutate(DAEMONSETS, ds.metadata.namespace, ds.metadata.name!, (o) => {
        if (o.metadata.uid !== ds.metadata.uid || semanticEqual(o.status ?? {}, status)) return false;
        o.status = status;
      }, { subresource: 'status' });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}
