// RBAC (rbac.authorization.k8s.io/v1): kubectl's binding columns (printRoleBinding,
// printClusterRoleBinding; roles use the default Name/Created At) and the describers
// (RoleDescriber, ClusterRoleDescriber, RoleBindingDescriber, ClusterRoleBindingDescriber).
import type { EventObject, KObject, TableColumnDefinition } from '../api/types.js';
import { age, ageCol, col, nameCol, type KindPrinter } from './columns.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, type DescribeContext } from './describe.js';
import { breakdownRule, compactRules, sortRules, type PolicyRule, type Subject } from '../auth/rbac/rules.js';

type Obj = Record<string, any>;

const ROLEBINDING_ROLEREF_DOC =
  'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.';
const CLUSTERROLEBINDING_ROLEREF_DOC =
  'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.';

const bindingColumns = (roleRefDoc: string, what: string): TableColumnDefinition[] => [
  nameCol(),
  col('Role', 'string', roleRefDoc),
  ageCol(),
  col('Users', 'string', `Users in the ${what}`, 1),
  col('Groups', 'string', `Groups in the ${what}`, 1),
  col('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
];

/** SubjectsStrings: users, groups, `ns/name` service accounts. */
export function subjectsStrings(subjects: Subject[] | undefined | null): { users: string[]; groups: string[]; sas: string[] } {
  const out = { users: [] as string[], groups: [] as string[], sas: [] as string[] };
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') out.sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') out.users.push(s.name);
    else if (s.kind === 'Group') out.groups.push(s.name);
  }
  return out;
}

const bindingPrinter = (roleRefDoc: string, what: string): KindPrinter => ({
  columns: bindingColumns(roleRefDoc, what),
  row: (o, now) => {
    const b = o as Obj;
    const s = subjectsStrings(b.subjects);
    return { cells: [o.metadata.name ?? '', `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, age(o, now), s.users.join(', '), s.groups.join(', '), s.sas.join(', ')] };
  },
});

export const ROLEBINDING_PRINTER = bindingPrinter(ROLEBINDING_ROLEREF_DOC, 'roleBinding');
export const CLUSTERROLEBINDING_PRINTER = bindingPrinter(CLUSTERROLEBINDING_ROLEREF_DOC, 'clusterRoleBinding');

/** CombineResourceGroup: `pods`, `deployments.apps`, `deployments.apps/scale`. */
export function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return '';
  const r = resources[0]!;
  const slash = r.indexOf('/');
  let out = slash < 0 ? r : r.slice(0, slash);
  if (groups?.length && groups[0] !== '') out += `.${groups[0]}`;
  if (slash >= 0) out += r.slice(slash);
  return out;
}

/** Go's %v of a []string. */
const goList = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;

/** The rules as kubectl prints them (describe role, auth can-i --list): broken down, compacted, sorted. */
export function ruleRows(rules: PolicyRule[]): string[] {
  return sortRules(compactRules(rules.flatMap(breakdownRule))).map(
    (r) => `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`,
  );
}

function describeRole(obj: KObject): string {
  const rules = ((obj as Obj).rules ?? []) as PolicyRule[];
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const row of ruleRows(rules)) w.write(1, row);
  return w.toString();
}

function describeBinding(obj: KObject): string {
  const b = obj as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
  w.write(1, `Name:\t${b.roleRef?.name ?? ''}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of (b.subjects ?? []) as Subject[]) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.toString();
}

export const describeRoleLike = (obj: KObject, _e: EventObject[] | undefined, _ctx: DescribeContext) => describeRole(obj);
export const describeBindingLike = (obj: KObject, _e: EventObject[] | undefined, _ctx: DescribeContext) => describeBinding(obj);
