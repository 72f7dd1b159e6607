// apiextensions.k8s.io/v1 CustomResourceDefinition validation (ValidateCustomResourceDefinition's main rules):
// name = plural.group, group a domain with a dot, names (plural/singular/kind/listKind, short names) as
// DNS labels or kinds, scope, versions (at least one, unique, exactly one storage version, each served one
// with a schema). Pure: no I/O. Not yet wired to serving (see README, CustomResourceDefinitions).
import { invalid, notSupported, required, OMIT_VALUE, type FieldError } from '../field-errors.js';

interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
}
export interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { plural?: string; singular?: string; kind?: string; listKind?: string; shortNames?: string[] };
  versions?: CrdVersion[];
  conversion?: { strategy?: string };
}

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;

export function validateCrd(name: string, spec: CrdSpec): FieldError[] {
  const errs: FieldError[] = [];
  const group = spec.group ?? '';
  const plural = spec.names?.plural ?? '';
  if (name !== `${plural}.${group}`) errs.push(invalid('metadata.name', name, `must be spec.names.plural+"."+spec.group`));
  if (!group) errs.push(required('spec.group'));
  else if (!DNS1123_SUBDOMAIN.test(group)) errs.push(invalid('spec.group', group, 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character'));
  else if (group.split('.').length < 2) errs.push(invalid('spec.group', group, 'should be a domain with at least one dot'));
  if (!spec.scope) errs.push(required('spec.scope'));
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.push(notSupported('spec.scope', spec.scope, ['Cluster', 'Namespaced']));
  errs.push(...validateNames(spec.names ?? {}));
  const versions = spec.versions ?? [];
  if (!versions.length) errs.push(invalid('spec.versions', OMIT_VALUE, 'must have exactly one version marked as storage version'));
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    const p = `spec.versions[${i}]`;
    if (!v.name) errs.push(required(`${p}.name`));
    else if (!DNS1035.test(v.name)) errs.push(invalid(`${p}.name`, v.name, 'a DNS-1035 label must consist of lower case alphanumeric characters or \'-\', start with an alphabetic character, and end with an alphanumeric character (e.g. \'my-name\',  or \'abc-123\', regex used for validation is \'[a-z]([-a-z0-9]*[a-z0-9])?\')'));
    else if (seen.has(v.name)) errs.push({ type: 'Duplicate', field: `${p}.name`, badValue: v.name });
    if (v.name) seen.add(v.name);
    if (!v.schema?.openAPIV3Schema) errs.push(required(`${p}.schema.openAPIV3Schema`, 'schemas are required'));
  });
  const storage = versions.filter((v) => v.storage).length;
  if (versions.length && storage !== 1) errs.push(invalid('spec.versions', OMIT_VALUE, 'must have exactly one version marked as storage version'));
  if (versions.length && !versions.some((v) => v.served)) errs.push(invalid('spec.versions', OMIT_VALUE, 'must have at least one version marked as served'));
  const strategy = spec.conversion?.strategy ?? 'None';
  if (strategy !== 'None' && strategy !== 'Webhook') errs.push(notSupported('spec.conversion.strategy', strategy, ['None', 'Webhook']));
  return errs;
}

function validateNames(n: NonNullable<CrdSpec['names']>): FieldError[] {
  const errs: FieldError[] = [];
  const label = (field: string, v: string | undefined, need: boolean) => {
    if (!v) {
      if (need) errs.push(required(field));
    } else if (!DNS1123_LABEL.test(v)) {
      errs.push(invalid(field, v, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
    }
  };
  label('spec.names.plural', n.plural, true);
  label('spec.names.singular', n.singular, false);
  if (!n.kind) errs.push(required('spec.names.kind'));
  else if (!KIND.test(n.kind)) errs.push(invalid('spec.names.kind', n.kind, 'may have mixed case, but should otherwise match: [a-z]([-a-z0-9]*[a-z0-9])?'));
  if (n.listKind && !KIND.test(n.listKind)) errs.push(invalid('spec.names.listKind', n.listKind, 'may have mixed case, but should otherwise match: [a-z]([-a-z0-9]*[a-z0-9])?'));
  if (n.kind && n.listKind && n.kind === n.listKind) errs.push(invalid('spec.names.listKind', n.listKind, 'kind and listKind may not be the same or parsing become ambiguous'));
  (n.shortNames ?? []).forEach((s, i) => label(`spec.names.shortNames[${i}]`, s, false));
  return errs;
}
