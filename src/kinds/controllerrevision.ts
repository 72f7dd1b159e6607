import { resource, type KindDefinition } from './kind.js';
import { validateControllerRevision, validateControllerRevisionUpdate } from '../api/validation-workloads.js';
import { CONTROLLERREVISION_COLUMNS, printControllerRevision } from '../printers/columns-workloads.js';

/**
 * apps/v1 ControllerRevision: an immutable snapshot of a DaemonSet's or StatefulSet's template
 * (`data`, a strategic-merge patch) and its `revision` number; the history behind `rollout undo`.
 */
export const controllerRevision: KindDefinition = {
  resource: resource({ group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions' }),
  validate: validateControllerRevision,
  strategy: { hasStatus: false, validateUpdate: validateControllerRevisionUpdate },
  printer: { columns: CONTROLLERREVISION_COLUMNS, row: printControllerRevision },
};
