import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildConfigMap, buildDockerRegistrySecret, buildGenericSecret, buildTlsSecret, dockerConfigJson } from '../../src/cli/config-generators.js';
import { envFileEntries, parseFileSource, parseLiteralSource } from '../../src/cli/config-sources.js';
import { tokenRequestFor } from '../../src/cli/commands/create-token.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-gen-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
  fs.writeFileSync(path.join(dir, 'bin'), Buffer.from([0, 255]));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link'));
  fs.writeFileSync(path.join(dir, 'e.env'), '\uFEFF# comment\nA=1\n  B=two words\n\nC\nD==x\n');
  fs.writeFileSync(path.join(dir, 'bad.env'), '1A=x\n');
});
const fail = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('sources', () => {
  it.each([
    ['f.txt', { key: 'f.txt', file: 'f.txt' }],
    ['/p/q/f.txt', { key: 'f.txt', file: '/p/q/f.txt' }],
    ['k=/p/f', { key: 'k', file: '/p/f' }],
  ])('file source %j', (src, want) => expect(parseFileSource(src)).toEqual(want));
  it.each([
    ['=f', 'key name for file path f missing'],
    ['k=', 'file path for key name k missing'],
    ['a=b=c', "key names or file paths cannot contain '='"],
  ])('bad file source %j', (src, msg) => expect(fail(() => parseFileSource(src))).toBe(msg));
  it('literals split at the first =', () => {
    expect(parseLiteralSource('k=a=b')).toEqual({ key: 'k', value: 'a=b' });
    expect(parseLiteralSource('k=')).toEqual({ key: 'k', value: '' });
    expect(fail(() => parseLiteralSource('=v'))).toBe('invalid literal source =v, expected key=value');
    expect(fail(() => parseLiteralSource('kv'))).toBe('invalid literal source kv, expected key=value');
  });
  it('env files: BOM, comments, blanks, leading spaces, values from the environment', () => {
    expect(envFileEntries(path.join(dir, 'e.env'), 'config', { C: 'from-env' })).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: 'two words' },
      { key: 'C', value: 'from-env' },
      { key: 'D', value: '=x' },
    ]);
    expect(fail(() => envFileEntries(path.join(dir, 'bad.env'), 'config'))).toBe(
      '"1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')',
    );
    expect(fail(() => envFileEntries(dir, 'config'))).toBe('env config file cannot be a directory');
    expect(fail(() => envFileEntries(dir, 'secret'))).toBe('env secret file cannot be a directory');
  });
});

describe('create configmap', () => {
  it('a directory gives its regular files, binary ones in binaryData', () => {
    expect(buildConfigMap({ name: 'c', fromFile: [dir] })).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { 'a.txt': 'hello\n', 'bad.env': '1A=x\n', 'e.env': fs.readFileSync(path.join(dir, 'e.env'), 'utf8') },
      binaryData: { bin: 'AP8=' },
    });
  });
  it('keys, literals, namespace, and no data at all', () => {
    expect(buildConfigMap({ name: 'c', namespace: 'ns', fromFile: [`k=${dir}/a.txt`], fromLiteral: ['x=1'] })).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'ns' },
      data: { k: 'hello\n', x: '1' },
    });
    expect(buildConfigMap({ name: 'empty' })).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'empty' } });
  });
  it('the --append-hash suffix is kubectl’s (checked against kubectl 1.32)', () => {
    expect(buildConfigMap({ name: 'c4', fromFile: [`k=${dir}/a.txt`], fromLiteral: ['z=1'], appendHash: true }).metadata.name).toBe('c4-2gbhhftgkh');
  });
  it('refuses what kubectl refuses, in its words', () => {
    expect(fail(() => buildConfigMap({ name: 'c', fromLiteral: ['a=1', 'a=2'] }))).toBe('cannot add key "a", another key by that name already exists in Data for ConfigMap "c"');
    expect(fail(() => buildConfigMap({ name: 'c', fromLiteral: ['a b=1'] }))).toMatch(/^"a b" is not a valid key name for a ConfigMap: a valid config key must consist/);
    expect(fail(() => buildConfigMap({ name: 'c', fromEnvFile: ['x'], fromLiteral: ['a=1'] }))).toBe('from-env-file cannot be combined with from-file or from-literal');
    expect(fail(() => buildConfigMap({ name: 'c', fromFile: [`k=${dir}`] }))).toBe('cannot give a key name for a directory path');
    expect(fail(() => buildConfigMap({ name: 'c', fromFile: ['/nope/x'] }))).toBe('error reading /nope/x: no such file or directory');
  });
});

describe('create secret', () => {
  it('generic: literals then files, base64, type only when given', () => {
    expect(buildGenericSecret({ name: 's', fromLiteral: ['user=admin'], fromFile: [`${dir}/a.txt`] })).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { user: 'YWRtaW4=', 'a.txt': 'aGVsbG8K' },
    });
    expect(buildGenericSecret({ name: 's', type: 'kubernetes.io/basic-auth', fromLiteral: ['username=u'] })).toMatchObject({ type: 'kubernetes.io/basic-auth' });
    expect(fail(() => buildGenericSecret({ name: 's', fromLiteral: ['a=1', 'a=2'] }))).toBe('cannot add key a, another key by that name already exists');
  });
  it('docker-registry: the config.json kubectl writes, and its hash', () => {
    expect(dockerConfigJson('u', 'p', 'e@x', 'https://index.docker.io/v1/')).toBe('{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"p","email":"e@x","auth":"dTpw"}}}');
    const s = buildDockerRegistrySecret({ name: 'reg', username: 'u', password: 'p', email: 'e@x', appendHash: true });
    expect(s.metadata.name).toBe('reg-ffct6b2thg');
    expect((s as Record<string, unknown>).type).toBe('kubernetes.io/dockerconfigjson');
    expect(fail(() => buildDockerRegistrySecret({ name: 'reg', username: 'u' }))).toBe(
      'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    );
  });
  it('tls: a matching key pair, refused otherwise', () => {
    const gen = (n: string) => {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=x', '-keyout', `${dir}/${n}.key`, '-out', `${dir}/${n}.crt`], { stdio: 'ignore' });
    };
    gen('one');
    gen('two');
    const s = buildTlsSecret({ name: 't', cert: `${dir}/one.crt`, key: `${dir}/one.key` }) as Record<string, any>;
    expect(s.type).toBe('kubernetes.io/tls');
    expect(Buffer.from(s.data['tls.crt'], 'base64').toString()).toContain('BEGIN CERTIFICATE');
    expect(fail(() => buildTlsSecret({ name: 't', cert: `${dir}/one.crt`, key: `${dir}/two.key` }))).toBe('tls: private key does not match public key');
    expect(fail(() => buildTlsSecret({ name: 't', cert: `${dir}/one.key`, key: `${dir}/one.crt` }))).toBe(
      'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched',
    );
    expect(fail(() => buildTlsSecret({ name: 't', cert: `${dir}/one.crt` }))).toBe('key and cert must be specified');
    expect(fail(() => buildTlsSecret({ name: 't', cert: `${dir}/none.crt`, key: `${dir}/one.key` }))).toBe(`Cannot read file ${dir}/none.crt, open ${dir}/none.crt: no such file or directory`);
  });
});

describe('create token', () => {
  it('builds the TokenRequest kubectl sends', () => {
    expect(tokenRequestFor({})).toEqual({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec: {} });
    expect(tokenRequestFor({ audience: ['a', 'b'], duration: '2h', boundObjectKind: 'Pod', boundObjectName: 'p' }).spec).toEqual({
      audiences: ['a', 'b'],
      expirationSeconds: 7200,
      boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p' },
    });
  });
  it.each([
    [{ duration: '-1s' }, '--duration must be greater than or equal to 0'],
    [{ duration: '1500ms' }, '--duration cannot be expressed in units less than seconds'],
    [{ audience: [''] }, '--audience must not be an empty string'],
    [{ boundObjectName: 'x' }, '--bound-object-name can only be set if --bound-object-kind is provided'],
    [{ boundObjectKind: 'Deployment', boundObjectName: 'x' }, 'supported --bound-object-kind values are Node, Pod, Secret'],
    [{ boundObjectKind: 'Pod' }, '--bound-object-name is required if --bound-object-kind is provided'],
  ])('%j is refused', (o, msg) => expect(fail(() => tokenRequestFor(o))).toBe(msg));
});
