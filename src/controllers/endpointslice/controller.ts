// The EndpointSlice controller: keeps, for every Service with a selector, discovery.k8s.io/v1
// EndpointSlices (labelled kubernetes.io/service-name and managed-by endpointslice-controller.k8s.io,
// owned by the Service) listing the matching pods with their ready/serving/terminating conditions.
// Level-triggered: a sync recomputes the plan (compute.ts) from the stored Service, pods and slices
// and writes only what differs; existing slices are updated in place. Slices of a deleted Service
// go with it through the garbage collector (owner reference), as in Kubernetes.
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import { ServiceKeyedController } from '../service-keyed.js';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, managesSlicesFor, planSlices } from './compute.js';

type Obj = Record<string, any>;

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;
const SLICES = RESOURCES.find((r) => r.kind === 'EndpointSlice')!;

export class EndpointSliceController extends ServiceKeyedController {
  constructor(registry: Registry, log: (m: string) => void = () => {}) {
    super(registry, SLICES, log);
  }

  /** Slices of ours edited or deleted by someone else are put back. */
  protected ownerKey(e: { type: string; object: KObject }): string | undefined {
    const labels = e.object.metadata.labels ?? {};
    if (e.type === 'ADDED' || labels[LABEL_MANAGED_BY] !== CONTROLLER_NAME || !labels[LABEL_SERVICE_NAME]) return undefined;
    return `${e.object.metadata.namespace}/${labels[LABEL_SERVICE_NAME]}`;
  }

  private slicesOf(ns: string, name: string): KObject[] {
    const sel = `${LABEL_SERVICE_NAME}=${name},${LABEL_MANAGED_BY}=${CONTROLLER_NAME}`;
    return this.registry.list(SLICES, ns, { labelSelector: sel }).items;
  }

  protected listsPod(svc: KObject, pod: KObject): boolean {
    return this.slicesOf(svc.metadata.namespace!, svc.metadata.name!).some((s) =>
      ((s as Obj).endpoints ?? []).some((ep: Obj) => ep?.targetRef?.uid === pod.metadata.uid),
    );
  }

  protected sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const svc = this.registry.tryGet(SERVICES, ns, name);
    // Gone: the garbage collector removes its slices (they are owned by it).
    if (!svc || !managesSlicesFor(svc)) return;
    const pods = this.registry.list(PODS, ns).items as Pod[];
    const plan = planSlices(svc, pods, this.slicesOf(ns, name));
    try {
      for (const s of plan.create) this.registry.create(SLICES, ns, s);
      for (const s of plan.update) {
        this.registry.mutate(SLICES, ns, s.metadata.name!, (o) => {
          const cur = o as Obj;
          const want = s as Obj;
          cur.metadata.labels = want.metadata.labels;
          cur.endpoints = want.endpoints;
          cur.ports = want.ports;
        });
      }
      for (const s of plan.delete) {
        try {
          this.registry.delete(SLICES, ns, s.metadata.name!, { preconditions: { uid: s.metadata.uid! } });
        } catch (e) {
          if (!(isApiError(e) && e.code === 404)) throw e; // already gone
        }
      }
    } catch (e) {
      // The namespace is going away, or a racing write: look again shortly.
      if (isApiError(e) && (e.code === 409 || e.code === 403 || e.code === 404)) {
        this.queue.addAfter(k, 500);
        return;
      }
      throw e;
    }
  }
}
