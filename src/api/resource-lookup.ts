// Looking up what a user or a manifest names in a resource table: `po`, `pods`, `Pod`, `deployments.apps`,
// `deploy`; by kind and apiVersion; by group and plural. registry.ts applies it to the kinds' table (the CLI's
// bundle to the same table, written out at build time: see scripts/bundle.mjs).
import { coreOrGroupApiVersion, type ResourceInfo } from './resource-info.js';

export interface ResourceLookup {
  resolveResource(name: string): ResourceInfo | undefined;
  resourceByKind(apiVersion: string | undefined, kind: string | undefined): ResourceInfo | undefined;
  resourceByPlural(group: string, plural: string): ResourceInfo | undefined;
}

export function resourceLookup(resources: readonly ResourceInfo[]): ResourceLookup {
  return {
    resolveResource(name) {
      const n = name.toLowerCase();
      const dot = n.indexOf('.');
      const base = dot >= 0 ? n.slice(0, dot) : n;
      const group = dot >= 0 ? n.slice(dot + 1) : undefined;
      return resources.find((r) => {
        if (group !== undefined && r.group !== group && !(group === 'v1' && r.group === '')) return false;
        return r.plural === base || r.singular === base || r.shortNames.includes(base) || r.kind.toLowerCase() === base;
      });
    },
    resourceByKind(apiVersion, kind) {
      if (!kind) return undefined;
      return resources.find((r) => r.kind === kind && (!apiVersion || coreOrGroupApiVersion(r) === apiVersion));
    },
    resourceByPlural(group, plural) {
      return resources.find((r) => r.group === group && r.plural === plural);
    },
  };
}
