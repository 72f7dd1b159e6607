// The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go): every HPA is synced
// when it changes and then every sync period (15 s, kube-controller-manager's
// --horizontal-pod-autoscaler-sync-period; KBX_HPA_SYNC_PERIOD seconds). One sync = read the target's scale
// subresource, its pods and their metrics → planSync (pure) → write the scale → write the status if it
// changed → record the events.
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES, resourceByKind } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { HPA } from '../../api/autoscaling.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { WorkQueue } from '../queue.js';
import { objectKey } from '../ownership.js';
import { newMemory, storeScaleEvent, type AutoscalerMemory } from './normalize.js';
import { finishSync, planSync, statusAfter } from './reconcile.js';
import type { RawPodMetrics } from './replica-calculator.js';

const HPAS = RESOURCES.find((r) => r.kind === 'HorizontalPodAutoscaler')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SOURCE = 'horizontal-pod-autoscaler';

/** What the controller needs of the resource metrics API: the PodMetrics of these pods. */
export type PodMetricsSource = (pods: Pod[]) => RawPodMetrics[];

/** KBX_HPA_SYNC_PERIOD (seconds), 15 s when unset or invalid. */
export function hpaSyncPeriodMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.KBX_HPA_SYNC_PERIOD);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 15_000;
}

export interface HPAControllerOptions {
  syncPeriodMs?: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization (5 min). */
  downscaleWindowMs?: number;
  log?: (m: string) => void;
}

export class HorizontalController {
  private readonly queue: WorkQueue;
  private readonly memory = new Map<string, AutoscalerMemory>();
  private stop?: () => void;
  private readonly syncPeriodMs: number;
  private readonly log: (m: string) => void;

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly metrics: PodMetricsSource,
    private readonly o: HPAControllerOptions = {},
  ) {
    this.syncPeriodMs = o.syncPeriodMs ?? 15_000;
    this.log = o.log ?? (() => {});
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, this.log);
  }

  start(): void {
    this.stop = this.registry.watch(HPAS, undefined, {}, (e) => {
      const k = objectKey(e.object);
      if (e.type === 'DELETED') this.memory.delete(k);
      else if (e.type === 'ADDED') this.queue.add(k);
      // A status write of our own is an update too: only spec changes (a new generation) need a sync now.
      else if (e.type === 'MODIFIED' && e.object.metadata.generation !== (e.object.status as HPA['status'])?.observedGeneration) this.queue.add(k);
    });
  }

  close(): void {
    this.stop?.();
    this.queue.stop();
  }

  /** One sync of the HPA `ns/name` (exported for tests, which drive it on a fake clock). */
  sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const hpa = this.registry.tryGet(HPAS, ns, name) as unknown as HPA | undefined;
    if (!hpa) return;
    try {
      this.reconcile(hpa, k);
    } finally {
      this.queue.addAfter(k, this.syncPeriodMs);
    }
  }

  private reconcile(hpa: HPA, k: string): void {
    const now = this.registry.clock.now();
    const ns = hpa.metadata.namespace!;
    const ref = hpa.spec.scaleTargetRef;
    const mem = this.memory.get(k) ?? newMemory();
    this.memory.set(k, mem);
    const target = resourceByKind(ref.apiVersion, ref.kind);
    let scale: { replicas: number; selector: string } | { error: string };
    if (!target || !target.subresources.includes('scale')) {
      scale = { error: `unable to determine resource for scale target reference: no matches for kind "${ref.kind}" in group "${(ref.apiVersion ?? '').split('/').slice(0, -1).join('/')}"` };
    } else {
      try {
        const s = this.registry.getScale(target, ns, ref.name);
        scale = { replicas: (s.spec?.replicas as number) ?? 0, selector: ((s.status as { selector?: string })?.selector) ?? '' };
      } catch (e) {
        if (!isApiError(e)) throw e;
        scale = { error: e.message };
      }
    }
    let pods: Pod[] = [];
    if (!('error' in scale) && scale.selector) {
      try {
        pods = this.registry.list(PODS, ns, { labelSelector: scale.selector }).items as Pod[];
      } catch {
        pods = [];
      }
    }
    let plan = planSync({ hpa, scale, pods, metrics: this.metrics(pods), mem, now, downscaleWindowMs: this.o.downscaleWindowMs });
    if (plan.rescale && target) {
      let error: string | undefined;
      try {
        this.registry.writeScale(target, ns, ref.name, (s) => ({ ...s, spec: { ...s.spec, replicas: plan.desiredReplicas } }));
      } catch (e) {
        if (!isApiError(e)) throw e;
        error = e.message;
      }
      plan = finishSync(plan, { error });
      if (!error) storeScaleEvent(mem, hpa.spec.behavior, plan.currentReplicas, plan.desiredReplicas, now);
    }
    const status = statusAfter(hpa, plan, now);
    if (JSON.stringify(status) !== JSON.stringify(hpa.status ?? {})) {
      this.registry.mutate(HPAS, ns, hpa.metadata.name!, (o) => {
        if (o.metadata.uid !== hpa.metadata.uid) return false;
        o.status = status as KObject['status'];
      }, { subresource: 'status' });
    }
    for (const e of plan.events) this.recorder.record(SOURCE, hpa as unknown as KObject, e.type, e.reason, e.message);
    if (plan.error) this.log(`hpa ${k}: ${plan.error}`);
  }
}
