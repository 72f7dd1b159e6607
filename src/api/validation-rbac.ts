// rbac.authorization.k8s.io/v1 validation with the API server's messages (pkg/apis/rbac/validation):
// policy rules, role references and subjects; names are path segments (minimalNameRequirements).
import type { KObject } from './types.js';
import { type FieldError, child, index, invalid, notSupported, required } from './field-errors.js';
import { isValidPathSegmentName } from './names.js';
import { nameIsDNSSubdomain } from './validation.js';

type Obj = Record<string, any>;
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export const rbacNameValidator = (name: string) => isValidPathSegmentName(name);

const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);

export function validatePolicyRule(rule: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!len(rule.verbs)) errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  if (len(rule.nonResourceURLs)) {
    if (namespaced) errs.push(invalid(child(path, 'nonResourceURLs'), rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (len(rule.apiGroups) || len(rule.resources) || len(rule.resourceNames)) {
      errs.push(invalid(child(path, 'nonResourceURLs'), rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (!len(rule.apiGroups)) errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (!len(rule.resources)) errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  if (len(rule.resourceNames) && len(rule.resources) > 1) errs.push(required(child(path, 'resourceNames'), 'resource names cannot apply to multiple resources'));
  return errs;
}

export function validateRoleRules(obj: KObject, namespaced: boolean): FieldError[] {
  const rules = ((obj as Obj).rules ?? []) as Obj[];
  return rules.flatMap((r, i) => validatePolicyRule(r ?? {}, namespaced, index('rules', i)));
}

function validateSubject(s: Obj, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = String(s.name ?? '');
  if (!name) errs.push(required(child(path, 'name')));
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(child(path, 'name'), name, m));
      if (s.apiGroup) errs.push(notSupported(child(path, 'apiGroup'), s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(child(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (!name) errs.push(invalid(child(path, 'name'), name, `${s.kind === 'User' ? 'user' : 'group'} name cannot be empty`));
      if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(child(path, 'apiGroup'), s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(child(path, 'kind'), s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

export function validateBinding(obj: KObject, namespaced: boolean): FieldError[] {
  const o = obj as Obj;
  const ref = (o.roleRef ?? {}) as Obj;
  const errs: FieldError[] = [];
  if (ref.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push(required('roleRef.name'));
  else for (const m of isValidPathSegmentName(String(ref.name))) errs.push(invalid('roleRef.name', ref.name, m));
  ((o.subjects ?? []) as Obj[]).forEach((s, i) => errs.push(...validateSubject(s ?? {}, namespaced, index('subjects', i))));
  return errs;
}

export function validateBindingUpdate(obj: KObject, old: KObject): FieldError[] {
  const a = ((obj as Obj).roleRef ?? {}) as Obj;
  const b = ((old as Obj).roleRef ?? {}) as Obj;
  if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) return [invalid('roleRef', { apiGroup: a.apiGroup, kind: a.kind, name: a.name }, 'cannot change roleRef')];
  return [];
}

/** SetDefaults_RoleBinding / SetDefaults_Subject: the roleRef's group, and rbac's group for User and Group subjects. */
export function defaultBinding(obj: KObject): void {
  const o = obj as Obj;
  if (o.roleRef && typeof o.roleRef === 'object' && !o.roleRef.apiGroup) o.roleRef.apiGroup = RBAC_GROUP;
  for (const s of (o.subjects ?? []) as Obj[]) {
    if (s && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
  }
}
