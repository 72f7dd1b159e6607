// The Priority admission plugin (plugin/pkg/admission/priority): a pod's priorityClassName becomes
// spec.priority (and preemptionPolicy); without a name, the globalDefault class (the lowest value
// among several) or 0. A PriorityClass may not be a second globalDefault.
import type { KObject } from '../api/types.js';
import * as errors from '../api/errors.js';
import { qualifiedResource } from '../api/resource-info.js';
import type { AdmissionPlugin, AdmissionReader } from './admission.js';
import { SYSTEM_PRIORITY_CLASSES } from '../api/validation-scheduling.js';

type Obj = Record<string, any>;
const PC = 'scheduling.k8s.io/v1';

function defaultClass(read: AdmissionReader): Obj | undefined {
  const defaults = read.listKind(PC, 'PriorityClass').filter((c) => (c as Obj).globalDefault) as Obj[];
  return defaults.sort((a, b) => a.value - b.value)[0];
}

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  admitCreate(info, obj, read) {
    const o = obj as Obj;
    if (info.kind === 'PriorityClass' && info.group === 'scheduling.k8s.io') {
      const other = o.globalDefault ? defaultClass(read) : undefined;
      if (other && other.metadata.name !== obj.metadata.name) {
        throw errors.forbidden(qualifiedResource(info), obj.metadata.name ?? '', `PriorityClass ${other.metadata.name} is already marked as default. Only one default can exist`);
      }
      return;
    }
    if (info.kind !== 'Pod' || info.group !== '') return;
    const spec = (o.spec ??= {}) as Obj;
    let value = 0;
    let policy: string | undefined = 'PreemptLowerPriority';
    if (!spec.priorityClassName) {
      const d = defaultClass(read);
      if (d) {
        spec.priorityClassName = d.metadata.name;
        value = d.value;
        policy = d.preemptionPolicy;
      }
    } else {
      const pc = read.listKind(PC, 'PriorityClass').find((c) => c.metadata.name === spec.priorityClassName) as Obj | undefined;
      if (!pc) throw errors.forbidden(qualifiedResource(info), obj.metadata.name ?? '', `no PriorityClass with name ${spec.priorityClassName} was found`);
      value = pc.value;
      policy = pc.preemptionPolicy;
    }
    if (typeof spec.priority === 'number' && spec.priority !== value) {
      throw errors.forbidden(
        qualifiedResource(info),
        obj.metadata.name ?? '',
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
      );
    }
    spec.priority = value;
    if (policy) spec.preemptionPolicy ??= policy;
  },
};

/** The two system classes, created at start when missing. */
export function systemPriorityClassObjects(): KObject[] {
  return SYSTEM_PRIORITY_CLASSES.map((c) => ({ apiVersion: PC, kind: 'PriorityClass', metadata: { name: c.name }, value: c.value, description: c.description })) as unknown as KObject[];
}
