// The TokenRequest API (POST …/serviceaccounts/NAME/token) and the authentication of the tokens
// it issues: a token is accepted while its service account exists with the uid it names (and, for
// a token bound to a pod or secret, while that object does), as kube-apiserver's
// serviceaccount token authenticator checks. What the token's user may do is RBAC's business.
import type { KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import * as errors from '../api/errors.js';
import { invalid, type FieldError } from '../api/field-errors.js';
import type { Registry } from './registry.js';
import { rfc3339 } from '../util/clock.js';
import { ALL_AUTHENTICATED, serviceAccountGroups, serviceAccountUsername, type UserInfo } from '../auth/user.js';
import { MIN_EXPIRATION_SECONDS, type TokenClaims, type TokenIssuer } from '../auth/sa-token.js';

const SA = RESOURCES.find((r) => r.kind === 'ServiceAccount')!;
const BOUND: Record<string, (typeof RESOURCES)[number] | undefined> = {
  Pod: RESOURCES.find((r) => r.kind === 'Pod'),
  Secret: RESOURCES.find((r) => r.kind === 'Secret'),
  Node: RESOURCES.find((r) => r.kind === 'Node'),
};

type Obj = Record<string, any>;

/** ValidateTokenRequest. */
function validateTokenRequest(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const exp = spec.expirationSeconds;
  if (exp !== undefined && exp !== null) {
    if (exp < MIN_EXPIRATION_SECONDS) errs.push(invalid('spec.expirationSeconds', exp, 'may not specify a duration less than 10 minutes'));
    if (exp > 2 ** 32) errs.push(invalid('spec.expirationSeconds', exp, 'may not specify a duration larger than 2^32 seconds'));
  }
  return errs;
}

/** Serves a TokenRequest for serviceaccounts/NAME in `ns`: the request echoed back with its status (token, expirationTimestamp). */
export function createTokenRequest(registry: Registry, issuer: TokenIssuer, ns: string, name: string, body: KObject | undefined, opts: { dryRun?: boolean } = {}): KObject {
  const req = (body ?? {}) as Obj;
  if (req.kind && req.kind !== 'TokenRequest') throw errors.badRequest(`the body of the request was in an unknown format`);
  const spec: Obj = { ...(req.spec ?? {}) };
  const errs = validateTokenRequest(spec);
  if (errs.length) throw errors.invalid('TokenRequest', name, 'authentication.k8s.io', errs);
  const sa = registry.get(SA, ns, name);
  const audiences: string[] = spec.audiences?.length ? spec.audiences : issuer.apiAudiences;
  const expirationSeconds: number = spec.expirationSeconds ?? 3600;
  let bound: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid: string } | undefined;
  if (spec.boundObjectRef) {
    const ref = spec.boundObjectRef as Obj;
    const info = BOUND[ref.kind];
    if (!info) throw errors.badRequest(`cannot bind token for serviceaccount "${name}" to object of kind "${ref.kind}"`);
    const obj = registry.get(info, info.namespaced ? ns : undefined, ref.name);
    if (ref.uid && ref.uid !== obj.metadata.uid) {
      throw errors.conflict(
        info.plural,
        ref.name,
        `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
      );
    }
    bound = { kind: ref.kind, name: ref.name, uid: obj.metadata.uid! };
    spec.boundObjectRef = { kind: ref.kind, apiVersion: ref.apiVersion ?? 'v1', name: ref.name, uid: obj.metadata.uid };
  }
  const now = Math.floor(registry.clock.now() / 1000);
  const { token, claims } = opts.dryRun
    ? { token: '', claims: { exp: now + expirationSeconds } as TokenClaims }
    : issuer.issue({ namespace: ns, serviceAccount: { name, uid: sa.metadata.uid! }, audiences, expirationSeconds, boundObject: bound, now });
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace: ns, creationTimestamp: rfc3339(now * 1000) },
    spec: { audiences, expirationSeconds, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token, expirationTimestamp: rfc3339(claims.exp * 1000) },
  };
}

/**
 * The user of `token` when it is a service-account token this cluster issued, still valid, whose
 * owners still exist: `system:serviceaccount:<ns>:<name>` in the service-account groups, with the
 * extra the token authenticator adds (credential id, bound pod). Undefined otherwise.
 */
export function authenticateServiceAccountToken(registry: Registry, issuer: TokenIssuer, token: string): UserInfo | undefined {
  const claims = issuer.verify(token, Math.floor(registry.clock.now() / 1000));
  if (!claims) return undefined;
  const k = claims['kubernetes.io'];
  const sa = registry.tryGet(SA, k.namespace, k.serviceaccount.name);
  if (!sa || sa.metadata.uid !== k.serviceaccount.uid) return undefined;
  for (const [kind, ref] of [['Pod', k.pod], ['Secret', k.secret]] as const) {
    if (!ref) continue;
    const o = registry.tryGet(BOUND[kind]!, k.namespace, ref.name);
    if (!o || o.metadata.uid !== ref.uid) return undefined;
  }
  const extra: Record<string, string[]> = { 'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`] };
  if (k.node) extra['authentication.kubernetes.io/node-name'] = [k.node.name];
  if (k.pod) {
    extra['authentication.kubernetes.io/pod-name'] = [k.pod.name];
    extra['authentication.kubernetes.io/pod-uid'] = [k.pod.uid];
  }
  return {
    username: serviceAccountUsername(k.namespace, k.serviceaccount.name),
    uid: k.serviceaccount.uid,
    groups: [...serviceAccountGroups(k.namespace), ALL_AUTHENTICATED],
    extra,
  };
}
