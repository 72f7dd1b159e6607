// Who sent a request: the cluster's admin bearer token (the kubeconfig's user, in system:masters),
// or a service-account token; then the impersonation headers (Impersonate-User, -Group, -Uid,
// -Extra-*), each checked with the `impersonate` verb as k8s.io/apiserver's impersonation filter does.
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import * as errors from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { TokenIssuer } from '../auth/sa-token.js';
import { ADMIN_USER, ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS, serviceAccountGroups, splitServiceAccountUsername, type UserInfo } from '../auth/user.js';
import type { Attributes, Decision } from '../auth/rbac/rules.js';
import { authenticateServiceAccountToken } from '../registry/service-account-tokens.js';
import { forbiddenError } from './authorization.js';

export function authenticate(registry: Registry, adminToken: string, tokens: TokenIssuer | undefined, req: http.IncomingMessage): UserInfo | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return undefined;
  const token = m[1]!.trim();
  const a = Buffer.from(token);
  const b = Buffer.from(adminToken);
  if (a.length === b.length && timingSafeEqual(a, b)) return ADMIN_USER;
  return tokens ? authenticateServiceAccountToken(registry, tokens, token) : undefined;
}

const headerValues = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean));

/**
 * The user a request acts as: `user` itself, or the one its Impersonate-* headers name once `user`
 * may impersonate each part (a 403 naming the first it may not).
 */
export function impersonate(user: UserInfo, headers: http.IncomingHttpHeaders, authorize: (a: Attributes) => Decision): UserInfo {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const username = first(headers['impersonate-user']);
  const groups = headerValues(headers['impersonate-group']);
  const uid = first(headers['impersonate-uid']);
  const extra: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (!k.startsWith('impersonate-extra-')) continue;
    let key = k.slice('impersonate-extra-'.length);
    try {
      key = decodeURIComponent(key);
    } catch {
      /* kept as sent */
    }
    extra[key.toLowerCase()] = headerValues(v);
  }
  const wantsUser = typeof username === 'string' && username !== '';
  if (!wantsUser) {
    if (groups.length || Object.keys(extra).length || uid) {
      throw errors.badRequest(`requested impersonation of groups, extra or uid without impersonating a user`);
    }
    return user;
  }
  const check = (a: Omit<Attributes, 'user' | 'verb' | 'resourceRequest'>) => {
    const attrs: Attributes = { user, verb: 'impersonate', resourceRequest: true, ...a };
    const d = authorize(attrs);
    if (!d.allowed) throw forbiddenError(attrs, d.reason);
  };
  const sa = splitServiceAccountUsername(username);
  if (sa) check({ apiGroup: '', resource: 'serviceaccounts', namespace: sa[0], name: sa[1] });
  else check({ apiGroup: '', resource: 'users', name: username });
  for (const g of groups) check({ apiGroup: '', resource: 'groups', name: g });
  for (const [k, vs] of Object.entries(extra)) for (const v of vs) check({ apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: k, name: v });
  if (uid) check({ apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });

  let finalGroups = groups.length ? [...groups] : sa ? serviceAccountGroups(sa[0]) : [];
  if (username !== ANONYMOUS) {
    if (!finalGroups.includes(ALL_AUTHENTICATED) && !finalGroups.includes(ALL_UNAUTHENTICATED)) finalGroups = [...finalGroups, ALL_AUTHENTICATED];
  } else if (!finalGroups.includes(ALL_UNAUTHENTICATED)) finalGroups = [...finalGroups, ALL_UNAUTHENTICATED];
  const out: UserInfo = { username, groups: finalGroups };
  if (uid) out.uid = uid;
  if (Object.keys(extra).length) out.extra = extra;
  return out;
}
