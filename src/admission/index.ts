// The admission chain the control plane runs (kube-apiserver's order: LimitRanger, Priority, PodSecurity, ResourceQuota last), and
// the objects it needs to exist (the system PriorityClasses).
import type { Registry } from '../registry/registry.js';
import type { KObject } from '../api/types.js';
import { resourceByKind } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import { limitRangerAdmission } from './limit-ranger.js';
import { priorityAdmission, systemPriorityClassObjects } from './priority.js';
import { resourceQuotaAdmission } from './resource-quota.js';
import { podSecurityAdmission } from './pod-security/admission.js';

export function installAdmission(registry: Registry, log: (m: string) => void = () => {}): void {
  registry.admission = [limitRangerAdmission, priorityAdmission, podSecurityAdmission, resourceQuotaAdmission];
  const pc = resourceByKind('scheduling.k8s.io/v1', 'PriorityClass')!;
  for (const o of systemPriorityClassObjects()) {
    if (registry.tryGet(pc, undefined, o.metadata.name!)) continue;
    try {
      registry.create(pc, undefined, o as KObject);
    } catch (e) {
      if (!isApiError(e)) throw e;
      log(`admission: priorityclass ${o.metadata.name}: ${e.message}`);
    }
  }
}
