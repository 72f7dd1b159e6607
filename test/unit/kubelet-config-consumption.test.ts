import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KObject, Pod } from '../../src/api/types.js';
import { containerEnv, expand, serviceLinkServices, skippedKeysMessage, type EnvSources } from '../../src/kubelet/env.js';
import { formatMap, podFieldValue, resourceFieldValue } from '../../src/kubelet/downward-api.js';
import { podReferences, volumePayload, type PayloadSources } from '../../src/kubelet/volumes/payload.js';
import { timestampedDirName, validatePayloadPath, writeAtomic, type Payload } from '../../src/kubelet/volumes/atomic-writer.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const cms: Record<string, KObject> = {
  cfg: { metadata: { name: 'cfg' }, data: { A: '1', B: 'two', '1bad': 'x', 'dot.key': 'y' }, binaryData: { bin: b64('\u0000\u0001') } } as KObject,
};
const secrets: Record<string, KObject> = { sec: { metadata: { name: 'sec' }, data: { password: b64('s3cr3t') } } as KObject };

const pod = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Pod =>
  ({
    metadata: { name: 'p', namespace: 'ns', uid: 'u-1', labels: { app: 'web', tier: 'a"b' }, annotations: { note: 'x' }, ...meta },
    spec: { nodeName: 'kbx', serviceAccountName: 'default', containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '500m', memory: '64Mi' } } }], ...spec },
    status: { hostIP: '10.0.0.1' },
  }) as unknown as Pod;

const envSrc: EnvSources = {
  configMap: (n) => cms[n],
  secret: (n) => secrets[n],
  services: ['WEB_SERVICE_HOST=10.96.0.5', 'A=from-service'],
  allocatable: { cpu: '2', memory: '8Gi' },
  podIP: '172.18.0.9',
};

const withEnv = (env: unknown[], envFrom: unknown[] = []) => {
  const p = pod({});
  Object.assign(p.spec.containers[0]!, { env, envFrom });
  return containerEnv(p, p.spec.containers[0]!, envSrc);
};

describe('containerEnv', () => {
  it('envFrom with a prefix, invalid names skipped and reported, then env, then service variables', () => {
    const r = withEnv([{ name: 'X', value: '$(CM_A)-$(WEB_SERVICE_HOST)-$(NOPE)-$$(CM_A)' }], [{ prefix: 'CM_', configMapRef: { name: 'cfg' } }, { configMapRef: { name: 'cfg' } }]);
    expect(r).toEqual({
      env: ['CM_A=1', 'CM_B=two', 'CM_1bad=x', 'CM_dot.key=y', 'A=1', 'B=two', 'dot.key=y', 'X=1-10.96.0.5-$(NOPE)-$(CM_A)', 'WEB_SERVICE_HOST=10.96.0.5'],
      skipped: [{ kind: 'configMap', name: 'cfg', keys: ['1bad'] }],
    });
    expect(skippedKeysMessage('ns', { kind: 'configMap', name: 'cfg', keys: ['1bad', '2bad'] })).toBe(
      'Keys [1bad, 2bad] from the EnvFrom configMap ns/cfg were skipped since they are considered invalid environment variable names.',
    );
  });

  it('key refs, secrets decoded, optional ones skipped', () => {
    expect(
      withEnv([
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'B' } } },
        { name: 'P', valueFrom: { secretKeyRef: { name: 'sec', key: 'password' } } },
        { name: 'O1', valueFrom: { configMapKeyRef: { name: 'gone', key: 'x', optional: true } } },
        { name: 'O2', valueFrom: { secretKeyRef: { name: 'sec', key: 'nope', optional: true } } },
      ]),
    ).toEqual({ env: ['A=two', 'P=s3cr3t', 'WEB_SERVICE_HOST=10.96.0.5'], skipped: [] });
  });

  it.each([
    [[{ name: 'A', valueFrom: { configMapKeyRef: { name: 'gone', key: 'x' } } }], [], 'configmap "gone" not found'],
    [[{ name: 'A', valueFrom: { secretKeyRef: { name: 'gone', key: 'x' } } }], [], 'secret "gone" not found'],
    [[{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'bin' } } }], [], "couldn't find key bin in ConfigMap ns/cfg"],
    [[{ name: 'A', valueFrom: { secretKeyRef: { name: 'sec', key: 'x' } } }], [], "couldn't find key x in Secret ns/sec"],
    [[], [{ secretRef: { name: 'gone' } }], 'secret "gone" not found'],
  ])('%j %j fails with %j', (env, envFrom, error) => {
    expect(withEnv(env, envFrom)).toEqual({ error });
  });

  it('the downward API: fields and resources with divisors', () => {
    const r = withEnv([
      { name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
      { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
      { name: 'SA', valueFrom: { fieldRef: { fieldPath: 'spec.serviceAccountName' } } },
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'MCPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'EPH', valueFrom: { resourceFieldRef: { resource: 'limits.ephemeral-storage' } } },
    ]);
    expect('env' in r && r.env.slice(0, 9)).toEqual(['N=p', 'NS=ns', 'L=web', 'IP=172.18.0.9', 'HOST=10.0.0.1', 'SA=default', 'CPU=1', 'MCPU=500', 'MEM=64']);
  });

  it('unset limits are the node’s allocatable', () => {
    const c = { name: 'c', image: 'i' } as never;
    expect(resourceFieldValue({ resource: 'limits.memory', divisor: '1Gi' }, c, { memory: '8Gi' })).toBe('8');
    expect(resourceFieldValue({ resource: 'requests.cpu' }, c, { cpu: '2' })).toBe('0');
  });

  it('expand follows Kubernetes’ expansion rules', () => {
    const m = (n: string) => ({ A: 'a' })[n];
    expect(expand('$(A)$(B)$$$(A)$', m)).toBe('a$(B)$a$');
    expect(expand('$(A', m)).toBe('$(A');
    expect(expand('$x', m)).toBe('$x');
  });

  it('the kubernetes Service’s variables reach every namespace', () => {
    const svc = (name: string) => ({ metadata: { name } }) as KObject;
    expect(serviceLinkServices(pod({}), [svc('web')], [svc('kubernetes'), svc('other')]).map((s) => s.metadata.name)).toEqual(['web', 'kubernetes']);
    expect(serviceLinkServices(pod({ enableServiceLinks: false }), [svc('web')], [svc('kubernetes')]).map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});

describe('downward API values', () => {
  it('labels and annotations as fieldpath.FormatMap', () => {
    expect(formatMap({ b: '2', a: 'x"y' })).toBe('a="x\\"y"\nb="2"');
    expect(podFieldValue(pod({}), 'metadata.labels')).toBe('app="web"\ntier="a\\"b"');
  });
});

const payloadSrc = (over: Partial<PayloadSources> = {}): PayloadSources => ({
  configMap: (n) => cms[n],
  secret: (n) => secrets[n],
  token: () => 'TOKEN',
  allocatable: {},
  ...over,
});
const files = (r: ReturnType<typeof volumePayload>) => ('payload' in r ? Object.fromEntries([...r.payload].map(([k, v]) => [k, [v.data.toString(), v.mode.toString(8)]])) : r);

describe('volume payloads', () => {
  it('configMap: every key (binary too), or the items with their modes', () => {
    expect(files(volumePayload(pod({}), { name: 'v', configMap: { name: 'cfg' } }, payloadSrc()))).toEqual({
      A: ['1', '644'],
      B: ['two', '644'],
      '1bad': ['x', '644'],
      'dot.key': ['y', '644'],
      bin: ['\u0000\u0001', '644'],
    });
    expect(files(volumePayload(pod({}), { name: 'v', configMap: { name: 'cfg', defaultMode: 0o600, items: [{ key: 'A', path: 'dir/a.txt', mode: 0o400 }, { key: 'B', path: 'b' }] } }, payloadSrc()))).toEqual({
      'dir/a.txt': ['1', '400'],
      b: ['two', '600'],
    });
  });

  it.each([
    [{ configMap: { name: 'gone' } }, 'configmap "gone" not found'],
    [{ secret: { secretName: 'gone' } }, 'secret "gone" not found'],
    [{ configMap: { name: 'cfg', items: [{ key: 'nope', path: 'x' }] } }, 'configmap references non-existent config key: nope'],
    [{ secret: { secretName: 'sec', items: [{ key: 'nope', path: 'x' }] } }, 'references non-existent secret key: nope'],
  ])('%j fails with %j', (v, error) => expect(volumePayload(pod({}), { name: 'v', ...v }, payloadSrc())).toEqual({ error }));

  it('optional: a missing object or key is an empty volume', () => {
    expect(files(volumePayload(pod({}), { name: 'v', configMap: { name: 'gone', optional: true } }, payloadSrc()))).toEqual({});
    expect(files(volumePayload(pod({}), { name: 'v', secret: { secretName: 'sec', optional: true, items: [{ key: 'x', path: 'x' }] } }, payloadSrc()))).toEqual({});
  });

  it('projected: secret, configMap, downwardAPI and token in one directory; errors aggregated', () => {
    const v = {
      name: 'all',
      projected: {
        defaultMode: 0o640,
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
          { secret: { name: 'sec', items: [{ key: 'password', path: 'pw' }] } },
          { configMap: { name: 'cfg', items: [{ key: 'A', path: 'a' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }, { path: 'cpu', resourceFieldRef: { containerName: 'c', resource: 'limits.cpu', divisor: '1m' } }] } },
        ],
      },
    };
    expect(files(volumePayload(pod({}), v, payloadSrc()))).toEqual({ token: ['TOKEN', '640'], pw: ['s3cr3t', '640'], a: ['1', '640'], namespace: ['ns', '640'], cpu: ['500', '640'] });
    const bad = { name: 'x', projected: { sources: [{ configMap: { name: 'gone' } }, { serviceAccountToken: { path: 't' } }] } };
    expect(volumePayload(pod({}), bad, payloadSrc({ token: () => { throw new Error('failed to fetch token: serviceaccounts "default" not found'); } }))).toEqual({
      error: '[configmap "gone" not found, failed to fetch token: serviceaccounts "default" not found]',
    });
  });

  it('podReferences lists what a pod reads', () => {
    const p = pod({ volumes: [{ name: 'a', configMap: { name: 'c1' } }, { name: 'b', projected: { sources: [{ secret: { name: 's1' } }] } }] });
    Object.assign(p.spec.containers[0]!, { envFrom: [{ secretRef: { name: 's2' } }], env: [{ name: 'x', valueFrom: { configMapKeyRef: { name: 'c2', key: 'k' } } }] });
    expect([...podReferences(p)].sort()).toEqual(['configmap/c1', 'configmap/c2', 'secret/s1', 'secret/s2']);
  });
});

describe('atomic writer', () => {
  const payload = (m: Record<string, string>, mode = 0o644): Payload => new Map(Object.entries(m).map(([k, v]) => [k, { data: Buffer.from(v), mode }]));

  it('writes ..data → a timestamped directory and a symlink per top-level name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-aw-'));
    expect(writeAtomic(dir, payload({ a: '1', 'sub/b': '2' }), Date.parse('2026-12-02T08:15:30Z'))).toBe(true);
    const ts = fs.readlinkSync(path.join(dir, '..data'));
    expect(ts).toMatch(/^\.\.2026_12_02_08_15_30\.\d{10}$/);
    expect(fs.readlinkSync(path.join(dir, 'a'))).toBe('..data/a');
    expect(fs.readlinkSync(path.join(dir, 'sub'))).toBe('..data/sub');
    expect(fs.readFileSync(path.join(dir, 'sub/b'), 'utf8')).toBe('2');
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o644);
    // Unchanged: nothing is rewritten.
    expect(writeAtomic(dir, payload({ a: '1', 'sub/b': '2' }))).toBe(false);
    expect(fs.readlinkSync(path.join(dir, '..data'))).toBe(ts);
  });

  it('an update swaps ..data, removes names the payload lost and the old directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-aw-'));
    writeAtomic(dir, payload({ a: '1', b: '2' }));
    const old = fs.readlinkSync(path.join(dir, '..data'));
    const fd = fs.openSync(path.join(dir, 'a'), 'r'); // a reader holding the old file keeps its content
    expect(writeAtomic(dir, payload({ a: 'new', c: '3' }, 0o400))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'a'), 'utf8')).toBe('new');
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o400);
    expect(fs.existsSync(path.join(dir, 'b'))).toBe(false);
    expect(fs.existsSync(path.join(dir, old))).toBe(false);
    expect(fs.readFileSync(fd, 'utf8')).toBe('1');
    fs.closeSync(fd);
    expect(fs.readdirSync(dir).sort()).toEqual([fs.readlinkSync(path.join(dir, '..data')), '..data', 'a', 'c'].sort());
    // A mode change alone is a change.
    expect(writeAtomic(dir, payload({ a: 'new', c: '3' }, 0o644))).toBe(true);
  });

  it.each([
    ['', 'invalid path: must not be empty'],
    ['/abs', 'invalid path: must be relative path: /abs'],
    ['a/../b', "invalid path: must not contain '..': a/../b"],
    ['..x', "invalid path: must not start with '..': ..x"],
  ])('refuses path %j', (p, msg) => expect(validatePayloadPath(p)).toBe(msg));

  it('names directories as the kubelet does', () => {
    expect(timestampedDirName(Date.parse('2026-01-02T03:04:05Z'))).toMatch(/^\.\.2026_01_02_03_04_05\.\d{10}$/);
  });
});
