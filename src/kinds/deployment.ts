import { resource, type KindDefinition } from './kind.js';
import { validateDeployment } from '../api/validation-apps.js';
import { deploymentStrategy } from '../registry/strategies.js';
import { DEPLOYMENT_COLUMNS, printDeployment } from '../printers/columns.js';
import { dangerousTemplateFields } from '../api/pod-limits.js';

export const deployment: KindDefinition = {
  resource: resource({
    group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', shortNames: ['deploy'], categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  validate: validateDeployment,
  // Pod templates that hand the pods this machine (api/pod-limits.ts), announced as the Pod kind announces them.
  warnings: (obj) => dangerousTemplateFields(obj),
  strategy: deploymentStrategy,
  printer: { columns: DEPLOYMENT_COLUMNS, row: printDeployment },
  describer: async () => (await import('../printers/describe-apps.js')).describeDeploymentWithContext,
};
