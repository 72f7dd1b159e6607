import { describe, it, expect, beforeEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import type { KObject } from '../../src/api/types.js';
import { decodeBase64Strict } from '../../src/api/validation-config.js';
import { toTable } from '../../src/kinds/index.js';
import { describeConfigMap, describeSecret, describeServiceAccount } from '../../src/printers/describe-config.js';
import { applyPatch } from '../../src/api/patch/apply.js';

const CM = RESOURCES.find((r) => r.kind === 'ConfigMap')!;
const SECRET = RESOURCES.find((r) => r.kind === 'Secret')!;
const SA = RESOURCES.find((r) => r.kind === 'ServiceAccount')!;
const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const b64 = (s: string) => Buffer.from(s).toString('base64');

let reg: Registry;
beforeEach(() => {
  reg = new Registry(Store.memory(), new FakeClock());
  reg.create(NS, undefined, { metadata: { name: 'default' } });
});

const msg = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('ConfigMap', () => {
  it('is served as configmaps/cm in v1', () => {
    expect(CM).toMatchObject({ group: '', version: 'v1', plural: 'configmaps', shortNames: ['cm'], namespaced: true });
  });

  it('refuses bad keys with IsConfigMapKey messages and duplicates across data and binaryData', () => {
    expect(msg(() => reg.create(CM, 'default', { metadata: { name: 'x' }, data: { 'a b': '1' } }))).toBe(
      `ConfigMap "x" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    expect(msg(() => reg.create(CM, 'default', { metadata: { name: 'x' }, data: { '..': '1' } }))).toBe(`ConfigMap "x" is invalid: data[..]: Invalid value: "..": must not be '..'`);
    expect(msg(() => reg.create(CM, 'default', { metadata: { name: 'x' }, data: { k: '1' }, binaryData: { k: b64('2') } }))).toBe(
      'ConfigMap "x" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData',
    );
  });

  it('refuses more than 1 MiB in total', () => {
    const big = 'x'.repeat(600 * 1024);
    expect(msg(() => reg.create(CM, 'default', { metadata: { name: 'big' }, data: { a: big, b: big } }))).toBe(
      'ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes',
    );
    expect(reg.create(CM, 'default', { metadata: { name: 'ok' }, data: { a: big } }).data.a.length).toBe(big.length);
  });

  it('refuses binaryData that is not base64 while decoding', () => {
    expect(msg(() => reg.create(CM, 'default', { metadata: { name: 'x' }, binaryData: { k: 'a!==' } }))).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 1',
    );
  });

  it('keeps an immutable ConfigMap as it is', () => {
    reg.create(CM, 'default', { metadata: { name: 'im' }, data: { a: '1' }, immutable: true });
    expect(msg(() => reg.update(CM, 'default', 'im', { metadata: { name: 'im' }, data: { a: '2' }, immutable: true }))).toBe(
      'ConfigMap "im" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
    expect(msg(() => reg.update(CM, 'default', 'im', { metadata: { name: 'im' }, data: { a: '1' } }))).toBe(
      'ConfigMap "im" is invalid: immutable: Forbidden: field is immutable when `immutable` is set',
    );
    // Labels may still change, and the object may be deleted.
    reg.patch(CM, 'default', 'im', 'application/merge-patch+json', { metadata: { labels: { a: 'b' } } }, { patcher: applyPatch });
    reg.delete(CM, 'default', 'im');
  });

  it('prints NAME DATA AGE, DATA counting data and binaryData', () => {
    const cm = reg.create(CM, 'default', { metadata: { name: 'c' }, data: { a: '1', b: '2' }, binaryData: { c: b64('3') } });
    const t = toTable('ConfigMap', [cm], { now: Date.parse('2026-01-01T00:00:05Z') } as never);
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Data', 'Age']);
    expect(t.rows[0]!.cells).toEqual(['c', 3, '5s']);
  });

  it('describes data values and binary sizes', () => {
    const cm = { metadata: { name: 'c', namespace: 'default' }, data: { b: 'two\nlines', a: '1' }, binaryData: { bin: b64('12345') } } as KObject;
    expect(describeConfigMap(cm, [], { now: 0 })).toBe(
      [
        'Name:         c',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'a:',
        '----',
        '1',
        '',
        'b:',
        '----',
        'two',
        'lines',
        '',
        '',
        'BinaryData',
        '====',
        'bin: 5 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('Secret', () => {
  it('folds stringData into data, base64, and defaults the type to Opaque', () => {
    const s = reg.create(SECRET, 'default', { metadata: { name: 's' }, data: { a: b64('old'), b: b64('keep') }, stringData: { a: 'new', c: 'ü' } } as KObject);
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ a: b64('new'), b: b64('keep'), c: b64('ü') });
    expect((s as Record<string, unknown>).stringData).toBeUndefined();
  });

  it('checks each type’s required keys', () => {
    const mk = (type: string, data: Record<string, string> = {}, annotations?: Record<string, string>) => () =>
      reg.create(SECRET, 'default', { metadata: { name: 's', annotations }, type, data } as KObject);
    expect(msg(mk('kubernetes.io/tls', { 'tls.crt': b64('c') }))).toBe('Secret "s" is invalid: data[tls.key]: Required value');
    expect(msg(mk('kubernetes.io/tls'))).toBe('Secret "s" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]');
    expect(msg(mk('kubernetes.io/basic-auth'))).toBe('Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]');
    expect(msg(mk('kubernetes.io/basic-auth', { username: b64('u') }))).toBe('no error');
    reg.delete(SECRET, 'default', 's');
    expect(msg(mk('kubernetes.io/ssh-auth'))).toBe('Secret "s" is invalid: data[ssh-privatekey]: Required value');
    expect(msg(mk('kubernetes.io/dockerconfigjson'))).toBe('Secret "s" is invalid: data[.dockerconfigjson]: Required value');
    expect(msg(mk('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': b64('nope') }))).toMatch(
      /^Secret "s" is invalid: data\[\.dockerconfigjson\]: Invalid value: "<secret contents redacted>": /,
    );
    expect(msg(mk('kubernetes.io/service-account-token'))).toBe(
      'Secret "s" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    );
    expect(msg(mk('kubernetes.io/service-account-token', {}, { 'kubernetes.io/service-account.name': 'default' }))).toBe('no error');
  });

  it('refuses more than 1 MiB of decoded data and non-base64 values', () => {
    const big = Buffer.alloc(MiB + 1).toString('base64');
    expect(msg(() => reg.create(SECRET, 'default', { metadata: { name: 'big' }, data: { a: big } } as KObject))).toBe(
      'Secret "big" is invalid: data: Too long: may not be more than 1048576 bytes',
    );
    expect(msg(() => reg.create(SECRET, 'default', { metadata: { name: 'x' }, data: { a: 'abc' } } as KObject))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
  });

  it('keeps its type and, when immutable, its data', () => {
    reg.create(SECRET, 'default', { metadata: { name: 's' }, data: { a: b64('1') }, immutable: true } as KObject);
    expect(msg(() => reg.update(SECRET, 'default', 's', { metadata: { name: 's' }, type: 'kubernetes.io/basic-auth', data: { a: b64('1'), username: b64('u') }, immutable: true } as KObject))).toBe(
      'Secret "s" is invalid: [type: Invalid value: "kubernetes.io/basic-auth": field is immutable, data: Forbidden: field is immutable when `immutable` is set]',
    );
    expect(msg(() => reg.update(SECRET, 'default', 's', { metadata: { name: 's' }, stringData: { a: '2' }, immutable: true } as KObject))).toBe(
      'Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set',
    );
  });

  it('prints NAME TYPE DATA AGE and describes sizes, never values', () => {
    const s = reg.create(SECRET, 'default', { metadata: { name: 'db' }, stringData: { password: 's3cr3t', user: 'admin' } } as KObject);
    expect(toTable('Secret', [s], { now: Date.parse('2026-01-01T00:01:00Z') } as never).rows[0]!.cells).toEqual(['db', 'Opaque', 2, '60s']);
    const text = describeSecret(s, undefined, { now: 0 });
    expect(text).toBe(
      ['Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  6 bytes', 'user:      5 bytes', ''].join('\n'),
    );
    expect(text).not.toContain('s3cr3t');
  });
});

describe('ServiceAccount', () => {
  it('prints NAME SECRETS AGE and describes as kubectl', () => {
    const sa = reg.create(SA, 'default', { metadata: { name: 'default' } });
    expect(toTable('ServiceAccount', [sa], { now: Date.parse('2026-01-01T00:00:00Z') } as never).rows[0]!.cells).toEqual(['default', 0, '0s']);
    expect(describeServiceAccount(sa, [], { now: 0 })).toBe(
      [
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});

const MiB = 1024 * 1024;

describe('decodeBase64Strict', () => {
  it.each([
    ['', ''],
    ['YQ==', 'a'],
    ['YWI=', 'ab'],
    ['YWJj', 'abc'],
    ['YW\nJj', 'abc'],
  ])('%j decodes to %j', (input, out) => {
    const r = decodeBase64Strict(input);
    expect('bytes' in r && r.bytes.toString()).toBe(out);
  });
  it.each([
    ['YQ=', 'illegal base64 data at input byte 3'],
    ['Y', 'illegal base64 data at input byte 1'],
    ['Y===', 'illegal base64 data at input byte 1'],
    ['YQ==YQ==', 'illegal base64 data at input byte 4'],
    ['a_bc', 'illegal base64 data at input byte 1'],
  ])('%j fails with %j', (input, err) => {
    expect(decodeBase64Strict(input)).toEqual({ error: err });
  });
});
