import { describe, it, expect, beforeEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import type { KObject } from '../../src/api/types.js';
import { TokenIssuer } from '../../src/auth/sa-token.js';
import { authenticateServiceAccountToken, createTokenRequest } from '../../src/registry/service-account-tokens.js';
import { ServiceAccountsController, planNamespace } from '../../src/controllers/serviceaccounts.js';

const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const SA = RESOURCES.find((r) => r.kind === 'ServiceAccount')!;
const CM = RESOURCES.find((r) => r.kind === 'ConfigMap')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;

let reg: Registry;
let clock: FakeClock;
const issuer = new TokenIssuer(Buffer.alloc(32, 7));
beforeEach(() => {
  clock = new FakeClock();
  reg = new Registry(Store.memory(), clock);
  reg.create(NS, undefined, { metadata: { name: 'default' } });
});

const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
const msg = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('TokenRequest', () => {
  it('issues a JWT with the API server’s claims, accepted while the service account exists', () => {
    const sa = reg.create(SA, 'default', { metadata: { name: 'app' } });
    const tr = createTokenRequest(reg, issuer, 'default', 'app', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec: {} } as KObject);
    expect(tr).toMatchObject({
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      spec: { audiences: ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: 3600, boundObjectRef: null },
      status: { expirationTimestamp: '2026-01-01T01:00:00Z' },
    });
    const token = (tr.status as { token: string }).token;
    const [head] = token.split('.');
    expect(JSON.parse(Buffer.from(head!, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(decode(token)).toMatchObject({
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:default:app',
      aud: ['https://kubernetes.default.svc.cluster.local'],
      'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'app', uid: sa.metadata.uid } },
    });
    expect(authenticateServiceAccountToken(reg, issuer, token)?.username).toMatch(/^system:serviceaccount:/);
    // Expired after an hour.
    clock.advance(3600_000);
    expect(authenticateServiceAccountToken(reg, issuer, token)).toBeUndefined();
  });

  it('dies with its service account, even one recreated under the same name', () => {
    reg.create(SA, 'default', { metadata: { name: 'app' } });
    const token = (createTokenRequest(reg, issuer, 'default', 'app', undefined).status as { token: string }).token;
    reg.delete(SA, 'default', 'app');
    expect(authenticateServiceAccountToken(reg, issuer, token)).toBeUndefined();
    reg.create(SA, 'default', { metadata: { name: 'app' } });
    expect(authenticateServiceAccountToken(reg, issuer, token)).toBeUndefined();
  });

  it('refuses forged, foreign and other-audience tokens', () => {
    reg.create(SA, 'default', { metadata: { name: 'app' } });
    const token = (createTokenRequest(reg, issuer, 'default', 'app', undefined).status as { token: string }).token;
    const other = new TokenIssuer(Buffer.alloc(32, 8));
    expect(authenticateServiceAccountToken(reg, other, token)).toBeUndefined();
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...decode(token), sub: 'x' })).toString('base64url')}.${s}`;
    expect(authenticateServiceAccountToken(reg, issuer, forged)).toBeUndefined();
    const vault = (createTokenRequest(reg, issuer, 'default', 'app', { spec: { audiences: ['vault'] } } as KObject).status as { token: string }).token;
    expect(authenticateServiceAccountToken(reg, issuer, vault)).toBeUndefined();
    expect(authenticateServiceAccountToken(reg, issuer, 'not.a.jwt')).toBeUndefined();
  });

  it('a token bound to a pod dies with the pod', () => {
    reg.create(SA, 'default', { metadata: { name: 'default' } });
    const pod = reg.create(PODS, 'default', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    const tr = createTokenRequest(reg, issuer, 'default', 'default', { spec: { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p' } } } as KObject);
    const token = (tr.status as { token: string }).token;
    expect(decode(token)['kubernetes.io'].pod).toEqual({ name: 'p', uid: pod.metadata.uid });
    expect(authenticateServiceAccountToken(reg, issuer, token)?.username).toMatch(/^system:serviceaccount:/);
    reg.remove(PODS, 'default', 'p');
    expect(authenticateServiceAccountToken(reg, issuer, token)).toBeUndefined();
  });

  it('answers as the API server does for bad requests', () => {
    expect(msg(() => createTokenRequest(reg, issuer, 'default', 'nope', undefined))).toBe('serviceaccounts "nope" not found');
    reg.create(SA, 'default', { metadata: { name: 'app' } });
    expect(msg(() => createTokenRequest(reg, issuer, 'default', 'app', { spec: { expirationSeconds: 60 } } as KObject))).toBe(
      'TokenRequest.authentication.k8s.io "app" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
    );
    expect(msg(() => createTokenRequest(reg, issuer, 'default', 'app', { spec: { boundObjectRef: { kind: 'Pod', name: 'gone' } } } as KObject))).toBe('pods "gone" not found');
  });
});

describe('serviceaccounts controller', () => {
  it.each([
    ['an active namespace without either', { metadata: { name: 'a' }, status: { phase: 'Active' } }, undefined, undefined, { createSA: true, rootCa: 'create' }],
    ['a terminating namespace', { metadata: { name: 'a', deletionTimestamp: 'x' }, status: { phase: 'Terminating' } }, undefined, undefined, { createSA: false, rootCa: 'none' }],
    ['both present and right', { metadata: { name: 'a' } }, { metadata: { name: 'default' } }, { metadata: {}, data: { 'ca.crt': '' } }, { createSA: false, rootCa: 'none' }],
    ['an edited ca.crt', { metadata: { name: 'a' } }, { metadata: { name: 'default' } }, { metadata: {}, data: { 'ca.crt': 'x', more: 'y' } }, { createSA: false, rootCa: 'update' }],
  ])('%s', (_n, ns, sa, cm, want) => {
    expect(planNamespace(ns as KObject, sa as KObject | undefined, cm as KObject | undefined, '')).toEqual(want);
  });

  it('creates default and kube-root-ca.crt in every namespace, and again when deleted', async () => {
    const c = new ServiceAccountsController(reg, () => 'PEM');
    c.start();
    reg.create(NS, undefined, { metadata: { name: 'team' } });
    await new Promise((r) => setImmediate(r));
    for (const ns of ['default', 'team']) {
      expect(reg.tryGet(SA, ns, 'default')).toBeDefined();
      expect(reg.get(CM, ns, 'kube-root-ca.crt').data).toEqual({ 'ca.crt': 'PEM' });
    }
    reg.delete(SA, 'team', 'default');
    reg.update(CM, 'team', 'kube-root-ca.crt', { metadata: { name: 'kube-root-ca.crt' }, data: { 'ca.crt': 'changed' } });
    await new Promise((r) => setImmediate(r));
    expect(reg.tryGet(SA, 'team', 'default')).toBeDefined();
    expect(reg.get(CM, 'team', 'kube-root-ca.crt').data).toEqual({ 'ca.crt': 'PEM' });
    c.close();
  });
});
