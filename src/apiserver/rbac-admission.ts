// The RBAC storage's own checks on writes of roles and bindings (pkg/registry/rbac/*/policybased):
// a user may only create or change a role whose rules they already hold (unless they may
// `escalate` it), and only bind a role whose rules they hold (unless they may `bind` it);
// an aggregationRule needs full authority. system:masters is exempt (EscalationAllowed).
import type { KObject } from '../api/types.js';
import * as errors from '../api/errors.js';
import { isPrivileged } from './authorization.js';
import type { UserInfo } from '../auth/user.js';
import { escalationError, roleReferenceRules, type Attributes, type Decision, type PolicyRule, type RoleRef, type RoleSource } from '../auth/rbac/rules.js';

const GROUP = 'rbac.authorization.k8s.io';
const FULL_AUTHORITY: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

export function isRbacKind(kind: string): boolean {
  return RBAC_KINDS.has(kind);
}

type Obj = Record<string, any>;

/** IsOnlyMutatingGCFields: an update that only touches owner references and finalizers is not checked. */
function onlyGcFieldsChange(obj: KObject, old: KObject): boolean {
  const strip = (x: KObject) => {
    const { ownerReferences: _o, finalizers: _f, resourceVersion: _r, managedFields: _m, ...meta } = (x.metadata ?? {}) as Obj;
    return JSON.stringify({ ...x, metadata: meta });
  };
  return strip(obj) === strip(old);
}

/**
 * Refuses (403) a write of `obj` (a Role, ClusterRole, RoleBinding or ClusterRoleBinding in
 * `namespace`, '' for cluster-scoped) that would grant `user` more than they hold; `old` is the
 * stored object on update.
 */
export function checkRbacWrite(
  src: RoleSource,
  authorize: (a: Attributes) => Decision,
  user: UserInfo,
  kind: string,
  plural: string,
  namespace: string,
  obj: KObject,
  old?: KObject,
): void {
  if (isPrivileged({ user }) || (old && onlyGcFieldsChange(obj, old))) return;
  const o = obj as Obj;
  const name = obj.metadata?.name ?? '';
  const qr = { plural, group: GROUP };
  const may = (verb: string, resource: string, resourceName: string) =>
    authorize({ user, verb, resourceRequest: true, apiGroup: GROUP, resource, namespace, name: resourceName }).allowed;
  if (kind === 'Role' || kind === 'ClusterRole') {
    if (may('escalate', plural, name)) return;
    const err = escalationError(src, user, namespace, (o.rules ?? []) as PolicyRule[]);
    if (err) throw errors.forbidden(qr, name, err);
    if (kind === 'ClusterRole' && o.aggregationRule?.clusterRoleSelectors?.length && escalationError(src, user, namespace, FULL_AUTHORITY)) {
      throw errors.forbidden(qr, name, 'must have cluster-admin privileges to use the aggregationRule');
    }
    return;
  }
  const ref = (o.roleRef ?? {}) as RoleRef;
  if (may('bind', ref.kind === 'Role' ? 'roles' : 'clusterroles', ref.name)) return;
  const { rules, error } = roleReferenceRules(src, ref, namespace);
  if (error) throw errors.notFound({ plural: ref.kind === 'Role' ? 'roles' : 'clusterroles', group: GROUP }, ref.name);
  const err = escalationError(src, user, namespace, rules!);
  if (err) throw errors.forbidden(qr, name, err);
}
