// rbac.authorization.k8s.io/v1: Role, ClusterRole (aggregationRule filled in by the aggregation
// controller), RoleBinding and ClusterRoleBinding. Escalation and bind checks are the API server's
// (src/apiserver/rbac-admission.ts): they need the requesting user, which a strategy never sees.
import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { defaultBinding, rbacNameValidator, validateBinding, validateBindingUpdate, validateRoleRules } from '../api/validation-rbac.js';
import { CLUSTERROLEBINDING_PRINTER, ROLEBINDING_PRINTER } from '../printers/rbac.js';

const GROUP = 'rbac.authorization.k8s.io';
const describeRole = async () => (await import('../printers/rbac.js')).describeRoleLike;
const describeBinding = async () => (await import('../printers/rbac.js')).describeBindingLike;
const bindingStrategy = {
  hasStatus: false,
  prepareForCreate: (o: KObject) => defaultBinding(o),
  prepareForUpdate: (o: KObject) => defaultBinding(o),
  validateUpdate: validateBindingUpdate,
};

export const role: KindDefinition = {
  resource: resource({ group: GROUP, version: 'v1', kind: 'Role', plural: 'roles' }),
  nameValidator: rbacNameValidator,
  validate: (o) => validateRoleRules(o, true),
  strategy: { hasStatus: false },
  describer: describeRole,
};

export const clusterRole: KindDefinition = {
  resource: resource({ group: GROUP, version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false }),
  nameValidator: rbacNameValidator,
  validate: (o) => validateRoleRules(o, false),
  strategy: { hasStatus: false },
  describer: describeRole,
};

export const roleBinding: KindDefinition = {
  resource: resource({ group: GROUP, version: 'v1', kind: 'RoleBinding', plural: 'rolebindings' }),
  nameValidator: rbacNameValidator,
  validate: (o) => validateBinding(o, true),
  strategy: bindingStrategy,
  printer: ROLEBINDING_PRINTER,
  describer: describeBinding,
};

export const clusterRoleBinding: KindDefinition = {
  resource: resource({ group: GROUP, version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', namespaced: false }),
  nameValidator: rbacNameValidator,
  validate: (o) => validateBinding(o, false),
  strategy: bindingStrategy,
  printer: CLUSTERROLEBINDING_PRINTER,
  describer: describeBinding,
};
