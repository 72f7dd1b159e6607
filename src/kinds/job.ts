import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { defaultJob, generateJobSelector } from '../api/batch.js';
import { validateJob, validateJobUpdate } from '../api/validation-batch.js';
import { JOB_COLUMNS, printJob } from '../printers/columns-batch.js';
import { dangerousTemplateFields } from '../api/pod-limits.js';

/**
 * batch/v1 Job (pkg/registry/batch/job/strategy.go): defaults, an empty status and the generated
 * selector on create (the uid is assigned before, as FillObjectMetaSystemFields does), the
 * update rules of ValidateJobSpecUpdate.
 */
export const job: KindDefinition = {
  resource: resource({ group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', categories: ['all'], subresources: ['status'] }),
  validate: validateJob,
  // Pod templates that hand the pods this machine (api/pod-limits.ts), announced as the Pod kind announces them.
  warnings: (obj) => dangerousTemplateFields(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate(obj) {
      Object.assign(obj, defaultJob(obj));
      generateJobSelector(obj);
      obj.status = {};
    },
    prepareForUpdate(obj: KObject) {
      Object.assign(obj, defaultJob(obj));
    },
    validateUpdate: validateJobUpdate,
  },
  printer: { columns: JOB_COLUMNS, row: printJob },
  describer: async () => (await import('../printers/describe-batch.js')).describeJob,
};
