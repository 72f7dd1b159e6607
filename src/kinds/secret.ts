import { resource, type KindDefinition } from './kind.js';
import { validateSecret } from '../api/validation-config.js';
import { secretStrategy } from '../registry/config-strategies.js';
import { SECRET_PRINTER } from '../printers/columns-config.js';

export const secret: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'Secret', plural: 'secrets' }),
  validate: (obj) => validateSecret(obj),
  strategy: secretStrategy,
  printer: SECRET_PRINTER,
  describer: async () => (await import('../printers/describe-config.js')).describeSecret,
};
