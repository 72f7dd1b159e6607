import { resource, type KindDefinition } from './kind.js';
import { plainStrategy } from '../registry/strategies.js';
import { EVENT_COLUMNS, printEvent } from '../printers/columns.js';

export const event: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'Event', plural: 'events', shortNames: ['ev'] }),
  strategy: plainStrategy,
  printer: { columns: EVENT_COLUMNS, row: printEvent },
};
