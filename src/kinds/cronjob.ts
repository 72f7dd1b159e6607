import { resource, type KindDefinition } from './kind.js';
import { defaultCronJob } from '../api/batch.js';
import { validateCronJob } from '../api/validation-batch.js';
import { CRONJOB_COLUMNS, printCronJob } from '../printers/columns-batch.js';
import { dangerousTemplateFields } from '../api/pod-limits.js';

/** batch/v1 CronJob (pkg/registry/batch/cronjob/strategy.go): defaults, an empty status, the spec rules on create and update. */
export const cronJob: KindDefinition = {
  resource: resource({ group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', shortNames: ['cj'], categories: ['all'], subresources: ['status'] }),
  validate: validateCronJob,
  // Pod templates that hand the pods this machine (api/pod-limits.ts), announced as the Pod kind announces them.
  warnings: (obj) => dangerousTemplateFields(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate(obj) {
      Object.assign(obj, defaultCronJob(obj));
      obj.status = {};
    },
    prepareForUpdate(obj) {
      Object.assign(obj, defaultCronJob(obj));
    },
  },
  printer: { columns: CRONJOB_COLUMNS, row: printCronJob },
  describer: async () => (await import('../printers/describe-batch.js')).describeCronJob,
};
