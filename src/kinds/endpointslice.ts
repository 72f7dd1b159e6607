import { resource, type KindDefinition } from './kind.js';
import { validateEndpointSlice } from '../api/validation-discovery.js';
import { endpointSliceStrategy } from '../registry/strategies.js';
import { ENDPOINTSLICE_COLUMNS, printEndpointSlice } from '../printers/columns.js';

export const endpointSlice: KindDefinition = {
  resource: resource({ group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices' }),
  validate: (obj) => validateEndpointSlice(obj),
  strategy: endpointSliceStrategy,
  printer: { columns: ENDPOINTSLICE_COLUMNS, row: printEndpointSlice },
  describer: async () => (await import('../printers/describe-discovery.js')).describeEndpointSlice,
};
