// The review APIs, answered from the authorizer and never stored (pkg/registry/authorization/*,
// pkg/registry/authentication/*): SelfSubjectAccessReview (`kubectl auth can-i`),
// SelfSubjectRulesReview (`can-i --list`), SubjectAccessReview and LocalSubjectAccessReview (any
// user, for those allowed to ask), SelfSubjectReview (`kubectl auth whoami`) and TokenReview.
import type { KObject } from '../api/types.js';
import * as errors from '../api/errors.js';
import { invalid, required, type FieldError } from '../api/field-errors.js';
import type { UserInfo } from '../auth/user.js';
import { rulesFor, type Attributes, type Decision, type RoleSource } from '../auth/rbac/rules.js';

type Obj = Record<string, any>;

export interface ReviewContext {
  user: UserInfo;
  authorize: (a: Attributes) => Decision;
  rules: RoleSource;
  /** Authenticates a bearer token (TokenReview). */
  authenticateToken: (token: string) => UserInfo | undefined;
  /** The request's namespace (LocalSubjectAccessReview). */
  namespace?: string;
}

const AUTHZ = 'authorization.k8s.io';

function reply(body: Obj, apiVersion: string, kind: string, status: Obj): KObject {
  return { kind, apiVersion, metadata: { ...(body.metadata ?? {}), creationTimestamp: null }, spec: body.spec ?? {}, status } as unknown as KObject;
}

/** spec.resourceAttributes or spec.nonResourceAttributes → attributes for `user`. */
function specAttributes(kind: string, spec: Obj, user: UserInfo, extraErrs: FieldError[] = []): Attributes {
  const ra = spec.resourceAttributes as Obj | undefined;
  const nra = spec.nonResourceAttributes as Obj | undefined;
  const errs = [...extraErrs];
  if (!ra && !nra) errs.push(required('spec.resourceAttributes', 'exactly one of nonResourceAttributes or resourceAttributes must be specified'));
  if (ra && nra) errs.push(invalid('spec.nonResourceAttributes', nra, 'cannot be specified in combination with resourceAttributes'));
  if (errs.length) throw errors.invalid(kind, '', AUTHZ, errs);
  if (ra) {
    return {
      user, resourceRequest: true, verb: String(ra.verb ?? ''), namespace: String(ra.namespace ?? ''), apiGroup: String(ra.group ?? ''),
      resource: String(ra.resource ?? ''), subresource: String(ra.subresource ?? ''), name: String(ra.name ?? ''),
    };
  }
  return { user, resourceRequest: false, verb: String(nra!.verb ?? ''), path: String(nra!.path ?? '') };
}

function decisionStatus(d: Decision): Obj {
  return d.reason ? { allowed: d.allowed, reason: d.reason } : { allowed: d.allowed };
}

export function serveReview(kind: string, body: Obj | undefined, ctx: ReviewContext): KObject {
  const b = (body ?? {}) as Obj;
  const spec = (b.spec ?? {}) as Obj;
  switch (kind) {
    case 'SelfSubjectAccessReview': {
      const a = specAttributes(kind, spec, ctx.user);
      return reply(b, `${AUTHZ}/v1`, kind, decisionStatus(ctx.authorize(a)));
    }
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview': {
      const errs: FieldError[] = [];
      if (!spec.user && !(spec.groups ?? []).length) errs.push(invalid('spec.user', spec.user ?? '', 'at least one of user or group must be specified'));
      if (kind === 'LocalSubjectAccessReview' && spec.resourceAttributes && spec.resourceAttributes.namespace !== ctx.namespace) {
        errs.push(invalid('spec.resourceAttributes.namespace', spec.resourceAttributes.namespace ?? '', 'must match metadata.namespace'));
      }
      const subject: UserInfo = { username: String(spec.user ?? ''), uid: spec.uid, groups: [...(spec.groups ?? [])], extra: spec.extra };
      const a = specAttributes(kind, spec, subject, errs);
      return reply(b, `${AUTHZ}/v1`, kind, decisionStatus(ctx.authorize(a)));
    }
    case 'SelfSubjectRulesReview': {
      if (!spec.namespace) throw errors.invalid(kind, '', AUTHZ, [required('spec.namespace', 'must be specified')]);
      const { rules, errors: errs } = rulesFor(ctx.rules, ctx.user, String(spec.namespace));
      const status: Obj = {
        resourceRules: rules.filter((r) => r.resources?.length).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources, ...(r.resourceNames?.length ? { resourceNames: r.resourceNames } : {}) })),
        nonResourceRules: rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })),
        incomplete: false,
      };
      if (errs.length) status.evaluationError = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
      return reply(b, `${AUTHZ}/v1`, kind, status);
    }
    case 'SelfSubjectReview':
      return { kind, apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: userInfoJson(ctx.user) } } as unknown as KObject;
    case 'TokenReview': {
      if (!spec.token) throw errors.invalid(kind, '', 'authentication.k8s.io', [required('spec.token', 'token must be specified')]);
      const u = ctx.authenticateToken(String(spec.token));
      const status: Obj = u ? { authenticated: true, user: userInfoJson(u), audiences: spec.audiences ?? ['https://kubernetes.default.svc.cluster.local'] } : { user: {}, error: '[invalid bearer token, token lookup failed]' };
      return reply(b, 'authentication.k8s.io/v1', kind, status);
    }
  }
  throw errors.notFoundPath();
}

function userInfoJson(u: UserInfo): Obj {
  const out: Obj = { username: u.username };
  if (u.uid) out.uid = u.uid;
  out.groups = u.groups;
  if (u.extra && Object.keys(u.extra).length) out.extra = u.extra;
  return out;
}
