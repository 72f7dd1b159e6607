import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { defaultPriorityClass, validatePriorityClass, validatePriorityClassUpdate } from '../api/validation-scheduling.js';
import { age, ageCol, col, nameCol } from '../printers/columns.js';

type Obj = Record<string, any>;

/** scheduling.k8s.io/v1 PriorityClass; pods get its value at admission (src/admission/priority.ts). */
export const priorityClass: KindDefinition = {
  resource: resource({ group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', plural: 'priorityclasses', shortNames: ['pc'], namespaced: false }),
  validate: (o) => validatePriorityClass(o),
  strategy: {
    hasStatus: false,
    prepareForCreate: (o: KObject) => defaultPriorityClass(o),
    prepareForUpdate: (o: KObject) => defaultPriorityClass(o),
    validateUpdate: validatePriorityClassUpdate,
  },
  printer: {
    columns: [
      nameCol(),
      col('Value', 'integer', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
      col('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.'),
      ageCol(),
      col('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
    ],
    row: (o, now) => ({ cells: [o.metadata.name ?? '', (o as Obj).value ?? 0, !!(o as Obj).globalDefault, age(o, now), (o as Obj).preemptionPolicy ?? ''] }),
  },
};
