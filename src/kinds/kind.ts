// A kind is one declaration: what the API calls it, how its names and specs are validated, what
// the storage layer does on create/update/delete, the columns of its server-side table and its
// describer. Every layer reads the kind's behaviour from here (src/kinds/index.ts lists them),
// so adding a kind is one file in this folder and one line in that list.
import type { ResourceInfo } from '../api/resource-info.js';
import type { KObject } from '../api/types.js';
import type { NameValidator, SpecValidator } from '../api/validation.js';
import type { Strategy } from '../registry/strategies.js';
import type { KindPrinter } from '../printers/columns.js';
import type { Describer } from '../printers/describe.js';

export interface KindDefinition {
  resource: ResourceInfo;
  /** The rule for metadata.name; DNS subdomain when absent (ValidateObjectMeta's usual choice). */
  nameValidator?: NameValidator;
  /** The rules after metadata, on create and update. */
  validate?: SpecValidator;
  /** Defaults, status handling, update rules and grace on delete (registry/strategies.ts). */
  strategy: Strategy;
  /** Server-side Table columns and rows; the apiserver's default (Name, Created At) when absent. */
  printer?: KindPrinter;
  /** Warnings the API server sends (`Warning:` headers) with a write of this kind (what kbx stores but does not do). */
  warnings?: (obj: KObject) => string[];
  /** kubectl describe's text, loaded only by the verb that needs it; the generic describer when absent. */
  describer?: () => Promise<Describer>;
}

/** Declares a resource with the defaults most kinds share (all verbs, no short names, no subresources). */
export function resource(r: Pick<ResourceInfo, 'group' | 'version' | 'kind' | 'plural'> & Partial<ResourceInfo>): ResourceInfo {
  return {
    singular: r.kind.toLowerCase(),
    shortNames: [],
    namespaced: true,
    categories: [],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [],
    ...r,
  };
}
