// Service-account tokens as kube-apiserver issues them for the TokenRequest API: JWTs with the
// usual claims (iss, sub `system:serviceaccount:<ns>:<name>`, aud, exp, iat, nbf, jti and the
// `kubernetes.io` claim naming the namespace, service account and bound pod), signed with HS256
// by a key kept under $KBX_HOME. Verification is pure; whether the service account (and the pod)
// still exists is the caller's check (see ServiceAccountAuthenticator).
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const DEFAULT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** TokenRequest's default lifetime, and the kubelet's for the projected token (3607 s, as kube-api-access asks). */
export const DEFAULT_EXPIRATION_SECONDS = 3600;
export const MIN_EXPIRATION_SECONDS = 600;

export interface TokenClaims {
  aud: string[];
  exp: number;
  iat: number;
  iss: string;
  jti: string;
  'kubernetes.io': {
    namespace: string;
    serviceaccount: { name: string; uid: string };
    pod?: { name: string; uid: string };
    node?: { name: string; uid: string };
    secret?: { name: string; uid: string };
  };
  nbf: number;
  sub: string;
}

export interface IssueRequest {
  namespace: string;
  serviceAccount: { name: string; uid: string };
  audiences?: string[];
  expirationSeconds?: number;
  /** The object the token is bound to (a Pod or a Secret): the token dies with it. */
  boundObject?: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid: string };
  /** Seconds since the epoch. */
  now: number;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export class TokenIssuer {
  readonly kid: string;

  constructor(
    private readonly key: Buffer,
    readonly issuer = DEFAULT_ISSUER,
    readonly apiAudiences: string[] = [DEFAULT_ISSUER],
  ) {
    this.kid = createHmac('sha256', key).update('kid').digest('base64url').slice(0, 43);
  }

  issue(r: IssueRequest): { token: string; claims: TokenClaims } {
    const exp = r.now + (r.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS);
    const k8s: TokenClaims['kubernetes.io'] = { namespace: r.namespace, serviceaccount: { name: r.serviceAccount.name, uid: r.serviceAccount.uid } };
    if (r.boundObject?.kind === 'Pod') k8s.pod = { name: r.boundObject.name, uid: r.boundObject.uid };
    if (r.boundObject?.kind === 'Secret') k8s.secret = { name: r.boundObject.name, uid: r.boundObject.uid };
    if (r.boundObject?.kind === 'Node') k8s.node = { name: r.boundObject.name, uid: r.boundObject.uid };
    const claims: TokenClaims = {
      aud: r.audiences?.length ? r.audiences : this.apiAudiences,
      exp,
      iat: r.now,
      iss: this.issuer,
      jti: randomUUID(),
      'kubernetes.io': k8s,
      nbf: r.now,
      sub: `system:serviceaccount:${r.namespace}:${r.serviceAccount.name}`,
    };
    const head = b64url(JSON.stringify({ alg: 'HS256', kid: this.kid }));
    const body = b64url(JSON.stringify(claims));
    return { token: `${head}.${body}.${this.sign(`${head}.${body}`)}`, claims };
  }

  /** The claims of a token this issuer signed, still valid at `now` (seconds) and meant for the API; else null. */
  verify(token: string, now: number): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [head, body, sig] = parts as [string, string, string];
    const want = Buffer.from(this.sign(`${head}.${body}`));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
    let claims: TokenClaims;
    try {
      const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
      if (header.alg !== 'HS256') return null;
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return null;
    }
    if (claims.iss !== this.issuer) return null;
    if (typeof claims.exp !== 'number' || now >= claims.exp) return null;
    if (typeof claims.nbf === 'number' && now < claims.nbf - 60) return null;
    if (!claims.aud?.some((a) => this.apiAudiences.includes(a))) return null;
    if (!claims['kubernetes.io']?.serviceaccount?.name) return null;
    return claims;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}

/** The signing key at $KBX_HOME/sa-signing.key (32 random bytes, mode 0600), made the first time. */
export function loadSigningKey(home: string): Buffer {
  const file = path.join(home, 'sa-signing.key');
  try {
    const k = fs.readFileSync(file);
    if (k.length >= 32) return k;
  } catch {
    /* first start */
  }
  const k = randomBytes(32);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, k, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return k;
}
