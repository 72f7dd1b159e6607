// The endpoints controller: keeps, for every Service with a selector, an Endpoints object of the
// same name listing the matching pods (ready ones in `addresses`, the others in
// `notReadyAddresses`). Level-triggered: a sync recomputes from the stored Service and pods and
// writes only when the result differs. Endpoints of a Service that is gone are deleted (they are
// tied to the Service by name, not by an owner reference, as in Kubernetes).
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import { ServiceKeyedController } from '../service-keyed.js';
import { objectKey } from '../ownership.js';
import { desiredEndpoints, endpointsEqual } from './compute.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;
const ENDPOINTS = RESOURCES.find((r) => r.kind === 'Endpoints')!;

export class EndpointsController extends ServiceKeyedController {
  constructor(registry: Registry, log: (m: string) => void = () => {}) {
    super(registry, ENDPOINTS, log);
  }

  /** Endpoints edited or deleted by someone else are put back. */
  protected ownerKey(e: { type: string; object: KObject }): string | undefined {
    return e.type !== 'ADDED' ? objectKey(e.object) : undefined;
  }

  /** The Service's current Endpoints name the pod (it may have stopped matching). */
  protected listsPod(svc: KObject, pod: KObject): boolean {
    const ep = this.registry.tryGet(ENDPOINTS, svc.metadata.namespace, svc.metadata.name!);
    for (const s of (ep?.subsets ?? []) as Record<string, any>[]) {
      for (const a of [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]) if (a.targetRef?.uid === pod.metadata.uid) return true;
    }
    return false;
  }

  protected sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const svc = this.registry.tryGet(SERVICES, ns, name);
    const current = this.registry.tryGet(ENDPOINTS, ns, name);
    if (!svc || svc.metadata.deletionTimestamp) {
      if (current) this.registry.remove(ENDPOINTS, ns, name, current.metadata.uid);
      return;
    }
    const selector = svc.spec?.selector as Record<string, string> | undefined;
    // Without a selector the Endpoints are the user's to manage; ExternalName has none.
    if (!selector || !Object.keys(selector).length || svc.spec?.type === 'ExternalName') return;
    const pods = this.registry.list(PODS, ns).items as Pod[];
    const want = desiredEndpoints(svc, pods);
    if (endpointsEqual(current, want)) return;
    try {
      if (!current) {
        this.registry.create(ENDPOINTS, ns, want);
      } else {
        this.registry.mutate(ENDPOINTS, ns, name, (o) => {
          if (want.metadata.labels) o.metadata.labels = want.metadata.labels;
          else delete o.metadata.labels;
          if ((want as Record<string, any>).subsets) (o as Record<string, any>).subsets = (want as Record<string, any>).subsets;
          else delete (o as Record<string, any>).subsets;
        });
      }
    } catch (e) {
      // The namespace is going away, or a racing create: the next event brings us back.
      if (isApiError(e) && (e.code === 409 || e.code === 403 || e.code === 404)) {
        this.queue.addAfter(k, 500);
        return;
      }
      throw e;
    }
  }
}
