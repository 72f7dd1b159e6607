// The resource table: every kind kbx serves, looked up the ways the apiserver (routing, discovery)
// and the CLI (resolving `po`, `deploy/x`) need. The kinds themselves are declared in src/kinds/.
// The CLI's bundle replaces this module by the same table written out at build time (scripts/bundle.mjs):
// resolving `po` then loads no kind's validation, strategy or printer.
import { KINDS } from '../kinds/index.js';
import type { ResourceInfo } from './resource-info.js';
import { resourceLookup } from './resource-lookup.js';

export { ALL_VERBS, coreOrGroupApiVersion, qualifiedResource, qualifiedSingular, type ResourceInfo } from './resource-info.js';

export const RESOURCES: ResourceInfo[] = KINDS.map((k) => k.resource);

/** Resolves what a user types (`po`, `pods`, `Pod`, `deployments.apps`, `deploy`) to a resource. */
export const { resolveResource, resourceByKind, resourceByPlural } = resourceLookup(RESOURCES);
