// SelfSubjectReview (kubectl auth whoami) and SelfSubjectAccessReview / SelfSubjectRulesReview (kubectl auth
// can-i [--list]): who the request's credential is, and what it may do. kbx's authorizer is permissive: the
// cluster's own token is the administrator and every authenticated user may do everything, so each review
// answers allowed. Served at the paths client-go posts to, before the resource routes (these kinds are not stored).
import type { KObject } from '../api/types.js';

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** The cluster token's user, or the service account a verified token names (its `sub` claim). */
export function userOf(bearer: string, clusterToken: string): UserInfo {
  if (bearer === clusterToken) return { username: 'kbx-admin', groups: ['system:masters', 'system:authenticated'] };
  try {
    const claims = JSON.parse(Buffer.from(bearer.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string; 'kubernetes.io'?: { namespace?: string; serviceaccount?: { uid?: string } } };
    const ns = claims['kubernetes.io']?.namespace ?? '';
    return { username: claims.sub ?? 'system:anonymous', uid: claims['kubernetes.io']?.serviceaccount?.uid, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'] };
  } catch {
    return { username: 'system:anonymous', groups: ['system:unauthenticated'] };
  }
}

export const REVIEW_PATHS: Record<string, string> = {
  '/apis/authentication.k8s.io/v1/selfsubjectreviews': 'SelfSubjectReview',
  '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews': 'SelfSubjectAccessReview',
  '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews': 'SelfSubjectRulesReview',
};

/** The review's answer (201 upstream). */
export function review(kind: string, body: KObject | undefined, user: UserInfo, now: string): KObject {
  const group = kind === 'SelfSubjectReview' ? 'authentication.k8s.io' : 'authorization.k8s.io';
  const base = { apiVersion: `${group}/v1`, kind, metadata: { creationTimestamp: now } } as KObject;
  if (kind === 'SelfSubjectReview') return { ...base, status: { userInfo: user } } as KObject;
  if (kind === 'SelfSubjectAccessReview') {
    return { ...base, spec: body?.spec ?? {}, status: { allowed: true, reason: 'kbx authorizes every authenticated user' } } as KObject;
  }
  return {
    ...base,
    spec: body?.spec ?? {},
    status: {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    },
  } as KObject;
}
