// Who a request is from (k8s.io/apiserver's user.Info) and the well-known names around it.
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export const SYSTEM_MASTERS = 'system:masters';
export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ANONYMOUS = 'system:anonymous';
export const SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';
const SA_PREFIX = 'system:serviceaccount:';

/** The kubeconfig's user: an administrator in system:masters, as kind's kubernetes-admin. */
export const ADMIN_USER: UserInfo = { username: 'kubernetes-admin', groups: [SYSTEM_MASTERS, ALL_AUTHENTICATED] };

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** serviceaccount.SplitUsername: `system:serviceaccount:ns:name` → [ns, name], else undefined. */
export function splitServiceAccountUsername(username: string): [string, string] | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return [parts[0], parts[1]];
}

/** serviceaccount.MatchesUsername: whether `username` is ns/name's, compared in place (the authorizer's hot path). */
export function matchesServiceAccountUsername(namespace: string, name: string, username: string): boolean {
  const p = SA_PREFIX.length;
  return (
    username.length === p + namespace.length + 1 + name.length &&
    username.startsWith(SA_PREFIX) &&
    username.startsWith(namespace, p) &&
    username.charCodeAt(p + namespace.length) === 58 /* : */ &&
    username.endsWith(name)
  );
}

/** serviceaccount.MakeGroupNames: the groups every service account of `namespace` is in. */
export function serviceAccountGroups(namespace: string): string[] {
  return [SERVICE_ACCOUNTS_GROUP, `${SERVICE_ACCOUNTS_GROUP}:${namespace}`];
}
