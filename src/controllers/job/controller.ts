// The Job controller: level-triggered over the Job and Pod watches, one sync = claim pods →
// planJob (plan.ts, pure) → delete/create pods → write status → remove the job-tracking finalizers
// of the pods the written status accounts for. Pods whose Job is gone or finished lose their
// finalizer too (upstream's orphan queue), and ttlSecondsAfterFinished deletes finished Jobs
// (the TTL-after-finished controller, foreground propagation).
import type { Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import { JOB_TRACKING_FINALIZER, isJobFinished, type Job } from '../../api/batch.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { WorkQueue } from '../queue.js';
import { controllerRef, objectKey, selects } from '../ownership.js';
import { claimObjects } from '../claim.js';
import { planJob, type JobPlan } from './plan.js';
import type { BackoffRecord } from './backoff.js';
import { hasTrackingFinalizer } from './pods.js';
import { slowStartBatches } from '../replicaset/status.js';

const JOBS = RESOURCES.find((r) => r.kind === 'Job')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SOURCE = 'job-controller';
const ORPHAN = 'orphan-pod:';

export class JobController {
  private queue: WorkQueue;
  private stops: (() => void)[] = [];
  private backoffs = new Map<string, BackoffRecord>();

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => (k.startsWith(ORPHAN) ? this.releaseOrphan(k.slice(ORPHAN.length)) : this.sync(k)), registry.clock, log);
  }

  start(): void {
    this.stops.push(
      this.registry.watch(JOBS, undefined, {}, (e) => {
        if (e.type === 'DELETED') this.backoffs.delete(objectKey(e.object));
        else this.queue.add(objectKey(e.object));
      }),
    );
    this.stops.push(
      this.registry.watch(PODS, undefined, {}, (e) => {
        const p = e.object as Pod;
        const ref = controllerRef(p);
        if (ref?.kind === 'Job' && ref.apiVersion.startsWith('batch/')) this.queue.add(`${p.metadata.namespace}/${ref.name}`);
        else if (!ref && e.type !== 'DELETED') {
          for (const j of this.registry.list(JOBS, p.metadata.namespace).items) if (selects(j, p)) this.queue.add(objectKey(j));
        }
        if (e.type !== 'DELETED' && hasTrackingFinalizer(p)) {
          const job = ref && (this.registry.tryGet(JOBS, p.metadata.namespace, ref.name) as Job | undefined);
          if (!job || job.metadata.uid !== ref!.uid || isJobFinished(job)) this.queue.add(`${ORPHAN}${objectKey(p)}`);
        }
      }),
    );
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const job = this.registry.tryGet(JOBS, ns, name) as Job | undefined;
    if (!job) return;
    const now = this.registry.clock.now();
    const pods = this.claimPods(job);
    const plan = planJob({ job, pods, now, backoff: this.backoffs.get(k) });
    this.execute(job, plan);
    this.backoffs.set(k, plan.backoff);
    if (plan.requeueAfterMs !== undefined) this.queue.addAfter(k, Math.max(1, plan.requeueAfterMs));
  }

  private execute(job: Job, plan: JobPlan): void {
    const ns = job.metadata.namespace!;
    const record = (type: 'Normal' | 'Warning', reason: string, message: string) => this.recorder.record(SOURCE, job, type, reason, message);
    if (plan.deleteJob) {
      try {
        this.registry.delete(JOBS, ns, job.metadata.name!, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
    for (const p of plan.deletePods) {
      try {
        this.registry.delete(PODS, ns, p.metadata.name!, { preconditions: { uid: p.metadata.uid } });
        record('Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.code !== 404) record('Warning', 'FailedDelete', `Error deleting: ${e.message}`);
      }
    }
    let created = 0;
    let failedCreate = false;
    for (const batch of slowStartBatches(plan.createPods.length)) {
      for (let i = 0; i < batch && !failedCreate; i++) {
        const p = plan.createPods[created]!;
        try {
          const pod = this.registry.create(PODS, ns, p);
          record('Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
          created++;
        } catch (e) {
          if (!isApiError(e)) throw e;
          record('Warning', 'FailedCreate', `Error creating: ${e.message}`);
          failedCreate = true;
        }
      }
    }
    if (failedCreate) {
      // The status would count pods that do not exist: look again later.
      this.queue.addAfter(objectKey(job), 1000);
      return;
    }
    if (plan.status) {
      const written = this.registry.mutate(JOBS, ns, job.metadata.name!, (o) => {
        if (o.metadata.uid !== job.metadata.uid) return false;
        o.status = plan.status;
      }, { subresource: 'status' });
      if (!written || written.metadata.uid !== job.metadata.uid) return;
    }
    for (const e of plan.events) record(e.type, e.reason, e.message);
    // Only now, with the status recording them, may the pods go.
    for (const p of plan.removeFinalizers) this.removeFinalizer(p);
    if (plan.removeFinalizers.length) this.queue.add(objectKey(job));
  }

  private removeFinalizer(p: Pod): void {
    try {
      this.registry.mutate(PODS, p.metadata.namespace, p.metadata.name!, (o) => {
        if (o.metadata.uid !== p.metadata.uid || !(o.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) return false;
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f: string) => f !== JOB_TRACKING_FINALIZER);
        if (!o.metadata.finalizers.length) delete o.metadata.finalizers;
      });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  /** A pod with the finalizer whose Job is gone (or finished): nothing will count it any more. */
  private releaseOrphan(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const p = this.registry.tryGet(PODS, ns, name) as Pod | undefined;
    if (!p || !hasTrackingFinalizer(p)) return;
    const ref = controllerRef(p);
    const job = ref && (this.registry.tryGet(JOBS, ns, ref.name) as Job | undefined);
    if (job && job.metadata.uid === ref!.uid && !isJobFinished(job)) return;
    this.removeFinalizer(p);
  }

  /** Pods this job controls after adoption and release (ControllerRefManager). */
  private claimPods(job: Job): Pod[] {
    return claimObjects(this.registry, PODS, job, this.registry.list(PODS, job.metadata.namespace!).items as Pod[]);
  }
}
