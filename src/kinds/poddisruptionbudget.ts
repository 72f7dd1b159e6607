import { resource, type KindDefinition } from './kind.js';
import { validatePdb } from '../api/validation-policy.js';
import { withStatusStrategy } from '../registry/strategies.js';
import { PDB_COLUMNS, printPdb } from '../printers/policy.js';

export const podDisruptionBudget: KindDefinition = {
  resource: resource({ group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', shortNames: ['pdb'], subresources: ['status'] }),
  validate: (obj) => validatePdb(obj),
  strategy: withStatusStrategy,
  printer: { columns: PDB_COLUMNS, row: printPdb },
  describer: async () => (await import('../printers/policy.js')).describePdb,
};
