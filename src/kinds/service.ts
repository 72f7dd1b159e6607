import { resource, type KindDefinition } from './kind.js';
import { nameIsDNS1035Label } from '../api/validation.js';
import { validateService } from '../api/validation-services.js';
import { serviceStrategy } from '../registry/strategies.js';
import { SERVICE_COLUMNS, printService } from '../printers/columns.js';

export const service: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'Service', plural: 'services', shortNames: ['svc'], categories: ['all'], subresources: ['status'] }),
  nameValidator: nameIsDNS1035Label,
  validate: (obj) => validateService(obj),
  strategy: serviceStrategy,
  printer: { columns: SERVICE_COLUMNS, row: printService },
  describer: async () => (await import('../printers/describe-services.js')).describeServiceWithContext,
};
