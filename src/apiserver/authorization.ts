// The API server's authorizer: system:masters may do anything (the privileged-group authorizer in
// front of RBAC, as kube-apiserver runs it), everyone else is authorized by RBAC over the stored
// roles and bindings. A denial is the API server's Forbidden with its exact message.
import type { Registry } from '../registry/registry.js';
import type { ResourceInfo } from '../api/resource-info.js';
import { resourceByKind } from '../api/registry.js';
import * as errors from '../api/errors.js';
import { goQuote as goq } from '../compat/go-format.js';
import { SYSTEM_MASTERS } from '../auth/user.js';
import { authorizeRBAC, type Attributes, type Binding, type Decision, type RoleLike, type RoleSource } from '../auth/rbac/rules.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

/**
 * The roles and bindings as the authorizer reads them: kept in memory and re-read when a watch
 * says one of them changed (events arrive once a write is committed, before it is acknowledged, so
 * a client that made a binding is authorized by it on its next request).
 */
export class StoreRoleSource implements RoleSource {
  private dirty = true;
  private crbs: Binding[] = [];
  private rbs = new Map<string, Binding[]>();
  private roles = new Map<string, RoleLike>();
  private clusterRoles = new Map<string, RoleLike>();
  private readonly infos: Record<'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding', ResourceInfo>;
  private stops: (() => void)[] = [];

  constructor(private readonly registry: Registry) {
    const r = (kind: string) => resourceByKind(RBAC, kind)!;
    this.infos = { Role: r('Role'), ClusterRole: r('ClusterRole'), RoleBinding: r('RoleBinding'), ClusterRoleBinding: r('ClusterRoleBinding') };
    const mark = () => {
      this.dirty = true;
    };
    for (const info of Object.values(this.infos)) this.stops.push(registry.watch(info, undefined, { resourceVersion: String(registry.store.committedResourceVersion || 1) }, mark));
  }

  close(): void {
    for (const s of this.stops) s();
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const list = (info: ResourceInfo) => this.registry.list(info, undefined).items as unknown as (Binding & RoleLike)[];
    this.crbs = list(this.infos.ClusterRoleBinding);
    this.rbs = new Map();
    for (const b of list(this.infos.RoleBinding)) {
      const ns = b.metadata.namespace ?? '';
      this.rbs.set(ns, [...(this.rbs.get(ns) ?? []), b]);
    }
    this.roles = new Map(list(this.infos.Role).map((r) => [`${r.metadata.namespace}/${r.metadata.name}`, r]));
    this.clusterRoles = new Map(list(this.infos.ClusterRole).map((r) => [r.metadata.name!, r]));
  }

  clusterRoleBindings(): readonly Binding[] {
    this.refresh();
    return this.crbs;
  }
  roleBindings(namespace: string): readonly Binding[] {
    this.refresh();
    return this.rbs.get(namespace) ?? [];
  }
  role(namespace: string, name: string): RoleLike | undefined {
    this.refresh();
    return this.roles.get(`${namespace}/${name}`);
  }
  clusterRole(name: string): RoleLike | undefined {
    this.refresh();
    return this.clusterRoles.get(name);
  }
}

export function isPrivileged(a: Pick<Attributes, 'user'>): boolean {
  return a.user.groups.includes(SYSTEM_MASTERS);
}

/** The union authorizer kube-apiserver runs: privileged groups first, then RBAC. */
export function authorize(src: RoleSource, a: Attributes): Decision {
  if (isPrivileged(a)) return { allowed: true, reason: '' };
  return authorizeRBAC(src, a);
}

/** responsewriters.forbiddenMessage. */
export function forbiddenMessage(a: Attributes): string {
  const user = a.user.username;
  if (!a.resourceRequest) return `User ${goq(user)} cannot ${a.verb} path ${goq(a.path ?? '')}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '');
  if (a.namespace) return `User ${goq(user)} cannot ${a.verb} resource ${goq(resource)} in API group ${goq(a.apiGroup ?? '')} in the namespace ${goq(a.namespace)}`;
  return `User ${goq(user)} cannot ${a.verb} resource ${goq(resource)} in API group ${goq(a.apiGroup ?? '')} at the cluster scope`;
}

/** The 403 of a denied request: `pods "x" is forbidden: User "…" cannot get resource "pods" …[: reason]`. */
export function forbiddenError(a: Attributes, reason: string): errors.ApiError {
  const msg = forbiddenMessage(a) + (reason ? `: ${reason}` : '');
  if (!a.resourceRequest) return errors.forbidden('', '', msg);
  return errors.forbidden({ plural: a.resource ?? '', group: a.apiGroup ?? '' }, a.name ?? '', msg);
}
