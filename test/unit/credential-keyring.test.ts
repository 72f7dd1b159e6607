// Image pull credentials from imagePullSecrets, with the matching rules of Kubernetes' credentialprovider keyring
// (cases after pkg/credentialprovider/keyring_test.go).
import { describe, expect, it } from 'vitest';
import { credentialsFor, dockerConfigsOf, isDefaultRegistryMatch, keyOf, repositoryOf, urlsMatch } from '../../src/kubelet/credential-keyring.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const config = (auths: Record<string, string>) => ({ auths: Object.fromEntries(Object.entries(auths).map(([k, user]) => [k, { auth: b64(`${user}:pw-${user}`) }])) });
const users = (image: string, configs: object[]) => credentialsFor(image, configs).map((a) => a.username);

describe('credential keyring', () => {
  it.each([
    ['https://quay.io/v1/', 'quay.io'],
    ['http://quay.io/v2/', 'quay.io'],
    ['quay.io/foo', 'quay.io/foo'],
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['localhost:5000', 'localhost:5000'],
  ])('key of %s is %s', (loc, key) => expect(keyOf(loc)).toBe(key));

  it.each([
    ['*.kubernetes.io', 'prefix.kubernetes.io', true],
    ['prefix.*.io', 'prefix.kubernetes.io', true],
    ['prefix.kubernetes.*', 'prefix.kubernetes.io', true],
    ['*-good.kubernetes.io', 'prefix-good.kubernetes.io', true],
    ['*.kubernetes.io', 'kubernetes.io', false],
    ['*.*.kubernetes.io', 'prefix.kubernetes.io', false],
    ['prefix.kubernetes.io:8080', 'prefix.kubernetes.io', false],
    ['prefix.kubernetes.io', 'prefix.kubernetes.io:8080', false],
    ['kubernetes.io/foo', 'kubernetes.io/foo/bar', true],
    ['kubernetes.io/foo', 'kubernetes.io/bar', false],
    ['kubernetes.io', 'kubernetes.io/anything', true],
  ])('%s matches %s: %s', (glob, target, want) => expect(urlsMatch(glob, target)).toBe(want));

  it('repositories and the default registry', () => {
    expect(repositoryOf('quay.io/foo/bar:1.2')).toBe('quay.io/foo/bar');
    expect(repositoryOf('localhost:5000/app@sha256:abc')).toBe('localhost:5000/app');
    expect(repositoryOf('localhost:5000/app')).toBe('localhost:5000/app');
    for (const r of ['busybox', 'library/busybox', 'docker.io/library/busybox', 'me/app']) expect(isDefaultRegistryMatch(r)).toBe(true);
    for (const r of ['quay.io/x', 'localhost/x', 'localhost:5000/x', 'registry:5000/x']) expect(isDefaultRegistryMatch(r)).toBe(false);
  });

  it('most specific key first, every match tried; none: anonymous', () => {
    const cfg = config({ 'quay.io': 'host', 'quay.io/team': 'team', 'quay.io/team/app': 'app', 'other.io': 'other' });
    expect(users('quay.io/team/app:1', [cfg])).toEqual(['app', 'team', 'host']);
    expect(users('quay.io/solo/x', [cfg])).toEqual(['host']);
    expect(users('gcr.io/x/y', [cfg])).toEqual([]);
  });

  it("docker.io's images get index.docker.io's credentials", () => {
    const cfg = config({ 'https://index.docker.io/v1/': 'hub' });
    expect(users('busybox:latest', [cfg])).toEqual(['hub']);
    expect(users('docker.io/library/busybox', [cfg])).toEqual(['hub']);
    expect(users('quay.io/busybox', [cfg])).toEqual([]);
  });

  it('reads dockerconfigjson and legacy dockercfg Secrets; username/password without auth; bad JSON skipped', () => {
    const secrets = [
      { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64(JSON.stringify({ auths: { '127.0.0.1:5000': { username: 'u', password: 'p' } } })) } },
      { type: 'kubernetes.io/dockercfg', data: { '.dockercfg': b64(JSON.stringify({ 'legacy.io': { auth: b64('l:q') } })) } },
      { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{nope') } },
    ];
    const configs = dockerConfigsOf(secrets);
    expect(configs).toHaveLength(2);
    expect(credentialsFor('127.0.0.1:5000/app:1', configs)).toEqual([{ username: 'u', password: 'p', serveraddress: '127.0.0.1:5000' }]);
    expect(credentialsFor('legacy.io/x', configs)).toEqual([{ username: 'l', password: 'q', serveraddress: 'legacy.io' }]);
  });
});
