import { describe, expect, it } from 'vitest';
import { review, userOf } from '../../src/apiserver/auth-reviews.js';

describe('auth reviews', () => {
  it('the cluster token is the administrator; a service-account token is its service account', () => {
    expect(userOf('abc', 'abc')).toEqual({ username: 'kbx-admin', groups: ['system:masters', 'system:authenticated'] });
    const payload = Buffer.from(JSON.stringify({ sub: 'system:serviceaccount:ns1:sa1', 'kubernetes.io': { namespace: 'ns1', serviceaccount: { name: 'sa1', uid: 'u1' } } })).toString('base64url');
    expect(userOf(`h.${payload}.s`, 'abc')).toEqual({ username: 'system:serviceaccount:ns1:sa1', uid: 'u1', groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated'] });
  });
  it('whoami, can-i and can-i --list answers', () => {
    const u = { username: 'kbx-admin', groups: ['system:masters'] };
    expect(review('SelfSubjectReview', undefined, u, 'T').status).toEqual({ userInfo: u });
    const spec = { resourceAttributes: { verb: 'create', resource: 'pods', namespace: 'default' } };
    expect(review('SelfSubjectAccessReview', { spec } as never, u, 'T')).toMatchObject({ apiVersion: 'authorization.k8s.io/v1', spec, status: { allowed: true } });
    expect(review('SelfSubjectRulesReview', undefined, u, 'T').status).toMatchObject({ incomplete: false, resourceRules: [{ verbs: ['*'] }] });
  });
});
