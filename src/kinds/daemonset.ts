import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { defaultDaemonSet } from '../api/defaults-apps.js';
import { semanticEqual } from '../api/semantic.js';
import { validateDaemonSet, validateDaemonSetUpdate } from '../api/validation-workloads.js';
import { DAEMONSET_COLUMNS, printDaemonSet } from '../printers/columns-workloads.js';
import { dangerousTemplateFields } from '../api/pod-limits.js';

/** apps/v1 keeps the internal spec.templateGeneration in this annotation. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function setTemplateGeneration(obj: KObject, generation: number): void {
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(generation) };
}

/**
 * apps/v1 DaemonSet (pkg/registry/apps/daemonset/strategy.go): defaults, an empty status and
 * templateGeneration 1 on create; templateGeneration + 1 whenever an update changes the template.
 */
export const daemonSet: KindDefinition = {
  resource: resource({ group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', shortNames: ['ds'], categories: ['all'], subresources: ['status'] }),
  validate: validateDaemonSet,
  // Pod templates that hand the pods this machine (api/pod-limits.ts), announced as the Pod kind announces them.
  warnings: (obj) => dangerousTemplateFields(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate(obj) {
      Object.assign(obj, defaultDaemonSet(obj));
      setTemplateGeneration(obj, 1);
      obj.status = {};
    },
    prepareForUpdate(obj, old) {
      Object.assign(obj, defaultDaemonSet(obj));
      const prev = Number(old.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1') || 1;
      setTemplateGeneration(obj, semanticEqual(obj.spec?.template, old.spec?.template) ? prev : prev + 1);
    },
    validateUpdate: validateDaemonSetUpdate,
  },
  printer: { columns: DAEMONSET_COLUMNS, row: printDaemonSet },
  describer: async () => (await import('../printers/describe-workloads.js')).describeDaemonSet,
};
