// The CronJob controller (cronjob_controllerv2.go): level-triggered over the CronJob and Job
// watches and a timer per CronJob at its next activation (100 ms after it). One sync = the jobs it
// controls → planCronJob (plan.ts, pure) → delete jobs (background propagation) → create the job
// due → write status. A job already created for that time (AlreadyExists after a restart between
// the create and the status write) is recorded, not created twice: the job name is the lock.
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { CronJob, CronJobStatus, Job } from '../../api/batch.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { WorkQueue } from '../queue.js';
import { controllerRef, objectKey } from '../ownership.js';
import { planCronJob, recordScheduled } from './plan.js';

const CRONJOBS = RESOURCES.find((r) => r.kind === 'CronJob')!;
const JOBS = RESOURCES.find((r) => r.kind === 'Job')!;
const SOURCE = 'cronjob-controller';

export class CronJobController {
  private queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  start(): void {
    this.stops.push(
      this.registry.watch(CRONJOBS, undefined, {}, (e) => {
        if (e.type !== 'DELETED') this.queue.add(objectKey(e.object));
      }),
    );
    this.stops.push(
      this.registry.watch(JOBS, undefined, {}, (e) => {
        const ref = controllerRef(e.object);
        if (ref?.kind === 'CronJob') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      }),
    );
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const cj = this.registry.tryGet(CRONJOBS, ns, name) as CronJob | undefined;
    if (!cj) return;
    const now = this.registry.clock.now();
    const jobs = (this.registry.list(JOBS, ns).items as Job[]).filter((j) => controllerRef(j)?.uid === cj.metadata.uid);
    const plan = planCronJob(cj, jobs, now);
    const record = (type: 'Normal' | 'Warning', reason: string, message: string) => this.recorder.record(SOURCE, cj, type, reason, message);
    for (const e of plan.events) record(e.type, e.reason, e.message);
    for (const j of plan.deleteJobs) {
      try {
        this.registry.delete(JOBS, ns, j.metadata.name!, { propagationPolicy: 'Background', preconditions: { uid: j.metadata.uid } });
        record('Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.code !== 404) record('Warning', 'FailedDelete', `Deleted job: ${e.message}`);
      }
    }
    let status: CronJobStatus = plan.status;
    if (plan.createJob && plan.scheduledTime !== undefined) {
      let job: Job | undefined;
      try {
        job = this.registry.create(JOBS, ns, plan.createJob) as Job;
        record('Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.code === 409) {
          const existing = this.registry.tryGet(JOBS, ns, plan.createJob.metadata.name!) as Job | undefined;
          // Ours: created before a restart cut the status write short. Someone else's: leave it.
          if (existing && controllerRef(existing)?.uid === cj.metadata.uid) job = existing;
        } else {
          record('Warning', 'FailedCreate', `Error creating job: ${e.message}`);
          throw e;
        }
      }
      if (job) status = recordScheduled(status, job, plan.scheduledTime);
    }
    if (JSON.stringify(status) !== JSON.stringify(cj.status ?? {})) {
      this.registry.mutate(CRONJOBS, ns, name, (o) => {
        if (o.metadata.uid !== cj.metadata.uid) return false;
        o.status = status;
      }, { subresource: 'status' });
    }
    // At most an hour at a time: timers cannot wait longer than ~24.8 days, and a look per hour is cheap.
    if (plan.requeueAfterMs !== undefined) this.queue.addAfter(k, Math.min(3_600_000, Math.max(1, plan.requeueAfterMs)));
  }
}
