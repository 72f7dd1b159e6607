import { resource, type KindDefinition } from './kind.js';
import { plainStrategy } from '../registry/strategies.js';
import { ENDPOINTS_COLUMNS, printEndpoints } from '../printers/columns.js';

export const endpoints: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'] }),
  strategy: plainStrategy,
  printer: { columns: ENDPOINTS_COLUMNS, row: printEndpoints },
};
