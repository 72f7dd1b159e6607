// kubeconfig loading as client-go does it (file list, merge rules, overrides, relative paths), kbx config's
// output against what the real kubectl v1.35 printed for the same files, the writers (mode kept, other entries
// kept), and the cluster certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { kubeconfigFiles, loadKubeconfig, resolveRestConfig, KubeconfigError } from '../../src/client/kubeconfig.js';
import { mergeEntry, removeEntry } from '../../src/client/kubeconfig-write.js';
import { wantsExternalCluster } from '../../src/client/connect.js';
import { ensureServingCerts, servingCertUsable, pkiPaths } from '../../src/config/pki.js';
import { Ctx } from '../../src/cli/context.js';
import { run as config } from '../../src/cli/commands/config.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-unit-kubeconfig-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string, mode = 0o600) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text, { mode });
  fs.chmodSync(p, mode);
  return p;
};

// The file the kubectl goldens below were printed for.
const A = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:1234
    certificate-authority-data: aGVsbG8=
  name: c1
- cluster:
    server: https://10.0.0.1
    insecure-skip-tls-verify: true
  name: c2
contexts:
- context:
    cluster: c1
    user: u1
    namespace: ns1
  name: ctx1
- context:
    cluster: c2
    user: u2
  name: ctx-two-long-name
current-context: ctx1
users:
- name: u1
  user:
    token: secret
- name: u2
  user:
    client-certificate-data: aGVsbG8=
    client-key-data: aGVsbG8=
`;

describe('which files, and how they merge', () => {
  it('--kubeconfig alone, else $KUBECONFIG in order (duplicates once), else ~/.kube/config', () => {
    expect(kubeconfigFiles('/x', { KUBECONFIG: '/a:/b' })).toEqual({ files: ['/x'], explicit: true });
    expect(kubeconfigFiles(undefined, { KUBECONFIG: '/a::/b:/a' })).toEqual({ files: ['/a', '/b'], explicit: false });
    expect(kubeconfigFiles(undefined, { HOME: '/home/me' })).toEqual({ files: ['/home/me/.kube/config'], explicit: false });
  });

  it('the first file naming an entry wins; the first current-context wins; missing list entries are skipped', () => {
    const first = write('first.yaml', `clusters:\n- name: shared\n  cluster: { server: 'https://first' }\ncontexts:\n- name: one\n  context: { cluster: shared, user: u }\nusers:\n- name: u\n  user: { token: t1 }\n`);
    const second = write('second.yaml', `current-context: two\nclusters:\n- name: shared\n  cluster: { server: 'https://second' }\n- name: only2\n  cluster: { server: 'https://only2' }\ncontexts:\n- name: two\n  context: { cluster: only2, user: u, namespace: n2 }\nusers:\n- name: u\n  user: { token: t2 }\n`);
    const m = loadKubeconfig([first, path.join(dir, 'missing.yaml'), second], false);
    expect(m.config['current-context']).toBe('two');
    expect(m.config.clusters!.map((c) => [c.name, c.cluster.server])).toEqual([['shared', 'https://first'], ['only2', 'https://only2']]);
    const rc = resolveRestConfig(m);
    expect(rc).toMatchObject({ server: 'https://only2', token: 't1', namespace: 'n2', contextName: 'two' });
    expect(resolveRestConfig(m, { context: 'one' })).toMatchObject({ server: 'https://first', namespace: 'default' });
    expect(() => loadKubeconfig([path.join(dir, 'missing.yaml')], true)).toThrow(`stat ${path.join(dir, 'missing.yaml')}: no such file or directory`);
  });

  it('overrides as kubectl applies them, with its messages', () => {
    const m = loadKubeconfig([write('a.yaml', A)], true);
    expect(resolveRestConfig(m)).toMatchObject({ server: 'https://127.0.0.1:1234', ca: 'hello', token: 'secret', namespace: 'ns1' });
    expect(resolveRestConfig(m, { context: 'ctx-two-long-name' })).toMatchObject({ server: 'https://10.0.0.1', insecure: true, cert: 'hello', key: 'hello', namespace: 'default' });
    expect(resolveRestConfig(m, { server: 'https://elsewhere:6443', token: 'tok', namespace: 'x' })).toMatchObject({ server: 'https://elsewhere:6443', token: 'tok', namespace: 'x' });
    expect(resolveRestConfig(m, { insecureSkipTlsVerify: true }).ca).toBeUndefined();
    const u2 = resolveRestConfig(m, { user: 'u2' });
    expect(u2).toMatchObject({ cert: 'hello', key: 'hello' });
    expect(u2.token).toBeUndefined();
    expect(() => resolveRestConfig(m, { context: 'nope' })).toThrow('Error in configuration: context was not found for specified context: nope');
    expect(() => resolveRestConfig(m, { cluster: 'nope' })).toThrow('no server found for cluster "nope"');
    expect(() => resolveRestConfig(m, { user: 'nope' })).toThrow('auth info "nope" does not exist');
    try {
      resolveRestConfig(m, { context: 'nope' });
    } catch (e) {
      expect(e).toBeInstanceOf(KubeconfigError);
      expect((e as KubeconfigError).raw).toBe(true); // kubectl prints it without "error: "
    }
    // No server anywhere: kubectl's http://localhost:8080.
    expect(resolveRestConfig(loadKubeconfig([write('empty.yaml', '')], true))).toMatchObject({ server: 'http://localhost:8080', defaulted: true });
  });

  it('paths inside a file are relative to its directory; tokenFile, basic auth, exec; auth-provider refused', () => {
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'ca.pem'), 'CA-PEM');
    fs.writeFileSync(path.join(dir, 'sub', 'token'), 'from-file\n');
    const f = write('sub/rel.yaml', `clusters:\n- name: c\n  cluster: { server: 'https://h', certificate-authority: ca.pem }\nusers:\n- name: u\n  user: { tokenFile: token }\n- name: b\n  user: { username: me, password: pw }\n- name: e\n  user:\n    exec: { command: ./plugin, apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never }\n- name: ap\n  user:\n    auth-provider: { name: gcp }\ncontexts:\n- name: x\n  context: { cluster: c, user: u }\ncurrent-context: x\n`);
    const m = loadKubeconfig([f], true);
    expect(resolveRestConfig(m)).toMatchObject({ ca: 'CA-PEM', token: 'from-file' });
    expect(resolveRestConfig(m, { user: 'b' }).basic).toEqual({ username: 'me', password: 'pw' });
    expect(resolveRestConfig(m, { user: 'e' }).exec!.command).toBe(path.join(dir, 'sub', 'plugin'));
    expect(() => resolveRestConfig(m, { user: 'ap' })).toThrow(/auth-provider "gcp" .* is not supported by kbx/);
  });

  it('kbx goes to another cluster for any connection flag or $KUBECONFIG, and to its own with none', () => {
    expect(wantsExternalCluster({}, {})).toBe(false);
    expect(wantsExternalCluster({ namespace: 'x' }, {})).toBe(false);
    expect(wantsExternalCluster({}, { KUBECONFIG: '/k' })).toBe(true);
    for (const o of [{ kubeconfig: 'k' }, { context: 'c' }, { server: 's' }, { token: 't' }, { insecureSkipTlsVerify: true }]) expect(wantsExternalCluster(o, {})).toBe(true);
  });
});

/** Runs `kbx config …` in-process; returns what it printed. */
async function kbxConfig(args: string[], opts: Record<string, unknown>): Promise<{ out: string; error?: string }> {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const ctx = new Ctx(args, [], sink, sink);
  try {
    await config(ctx, args, opts);
    return { out };
  } catch (e) {
    return { out, error: (e as Error).message };
  }
}

describe('kbx config, as the real kubectl v1.35 printed it for the same file', () => {
  it('view redacts data and tokens, sorts entries by name, omits empty preferences; --minify', async () => {
    const kubeconfig = write('view.yaml', A);
    expect((await kbxConfig(['view'], { kubeconfig })).out).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:1234
  name: c1
- cluster:
    insecure-skip-tls-verify: true
    server: https://10.0.0.1
  name: c2
contexts:
- context:
    cluster: c2
    user: u2
  name: ctx-two-long-name
- context:
    cluster: c1
    namespace: ns1
    user: u1
  name: ctx1
current-context: ctx1
kind: Config
users:
- name: u1
  user:
    token: REDACTED
- name: u2
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
    expect((await kbxConfig(['view'], { kubeconfig, minify: true })).out).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://127.0.0.1:1234
  name: c1
contexts:
- context:
    cluster: c1
    namespace: ns1
    user: u1
  name: ctx1
current-context: ctx1
kind: Config
users:
- name: u1
  user:
    token: REDACTED
`);
    expect((await kbxConfig(['view'], { kubeconfig, raw: true })).out).toContain('    token: secret\n');
  });

  it('get-contexts, -o name, by name, a missing one', async () => {
    const kubeconfig = write('gc.yaml', A);
    expect((await kbxConfig(['get-contexts'], { kubeconfig })).out).toBe(
      'CURRENT   NAME                CLUSTER   AUTHINFO   NAMESPACE\n          ctx-two-long-name   c2        u2         \n*         ctx1                c1        u1         ns1\n',
    );
    expect((await kbxConfig(['get-contexts'], { kubeconfig, output: 'name' })).out).toBe('ctx-two-long-name\nctx1\n');
    expect((await kbxConfig(['get-contexts', 'ctx1'], { kubeconfig })).out).toBe('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n*         ctx1   c1        u1         ns1\n');
    expect(await kbxConfig(['get-contexts', 'nope'], { kubeconfig })).toEqual({ out: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', error: 'context nope not found' });
  });

  it('current-context, use-context and set-context --current --namespace write the file, keeping its mode', async () => {
    const kubeconfig = write('b.yaml', A, 0o644);
    expect((await kbxConfig(['current-context'], { kubeconfig })).out).toBe('ctx1\n');
    expect(await kbxConfig(['use-context', 'nope'], { kubeconfig })).toEqual({ out: '', error: 'no context exists with the name: "nope"' });
    expect((await kbxConfig(['use-context', 'ctx-two-long-name'], { kubeconfig })).out).toBe('Switched to context "ctx-two-long-name".\n');
    expect((await kbxConfig(['set-context'], { kubeconfig, current: true, namespace: 'foo' })).out).toBe('Context "ctx-two-long-name" modified.\n');
    // What kubectl wrote for the same two commands.
    expect(fs.readFileSync(kubeconfig, 'utf8')).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: aGVsbG8=
    server: https://127.0.0.1:1234
  name: c1
- cluster:
    insecure-skip-tls-verify: true
    server: https://10.0.0.1
  name: c2
contexts:
- context:
    cluster: c2
    namespace: foo
    user: u2
  name: ctx-two-long-name
- context:
    cluster: c1
    namespace: ns1
    user: u1
  name: ctx1
current-context: ctx-two-long-name
kind: Config
users:
- name: u1
  user:
    token: secret
- name: u2
  user:
    client-certificate-data: aGVsbG8=
    client-key-data: aGVsbG8=
`);
    expect(fs.statSync(kubeconfig).mode & 0o777).toBe(0o644);
    expect(await kbxConfig(['current-context'], { kubeconfig: write('none.yaml', 'kind: Config\n') })).toEqual({ out: '', error: 'current-context is not set' });
  });
});

describe("writing kbx's context into a kubeconfig", () => {
  const entry = { name: 'kbx', cluster: { server: 'https://127.0.0.1:5', 'certificate-authority-data': 'Q0E=' }, user: { token: 't' }, context: { cluster: 'kbx', user: 'kbx' } };

  it('adds it beside the other entries (current when new), refreshes it, removes only it', () => {
    const file = write('user.yaml', `apiVersion: v1\nkind: Config\nclusters:\n- name: work\n  cluster: { server: 'https://w' }\ncontexts:\n- name: work\n  context: { cluster: work, user: me }\ncurrent-context: work\nusers:\n- name: me\n  user: { token: abc }\n`, 0o640);
    expect(mergeEntry(file, entry)).toBe(true);
    let m = loadKubeconfig([file], true);
    expect(m.config['current-context']).toBe('kbx');
    expect(m.config.contexts!.map((c) => c.name)).toEqual(['kbx', 'work']); // sorted by name, as kubectl writes
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('current-context: kbx', 'current-context: work'));
    expect(mergeEntry(file, { ...entry, cluster: { ...entry.cluster, server: 'https://127.0.0.1:6' } })).toBe(false);
    m = loadKubeconfig([file], true);
    expect(m.config['current-context']).toBe('work'); // a refresh does not take over
    expect(resolveRestConfig(m, { context: 'kbx' }).server).toBe('https://127.0.0.1:6');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(removeEntry(file, 'kbx')).toBe(true);
    m = loadKubeconfig([file], true);
    expect(m.config.contexts!.map((c) => c.name)).toEqual(['work']);
    expect(m.config.clusters!.map((c) => c.name)).toEqual(['work']);
    expect(m.config['current-context']).toBe('work');
    expect(removeEntry(file, 'kbx')).toBe(false);
  });

  it('creates a missing file 0600 in a new 0700 directory', () => {
    const file = path.join(dir, 'newhome', '.kube', 'config');
    mergeEntry(file, entry);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadKubeconfig([file], true).config['current-context']).toBe('kbx');
  });
});

describe('the cluster certificates', () => {
  it('a CA and a serving certificate for the loopback names, keys 0600, reused, renewed near expiry with the same CA', () => {
    const home = path.join(dir, 'pki-home');
    fs.mkdirSync(home);
    const now = new Date('2026-01-01T00:00:00Z');
    const a = ensureServingCerts(home, now);
    const p = pkiPaths(home);
    for (const f of [p.caKey, p.key]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    const cert = new crypto.X509Certificate(a.certPem);
    expect(cert.subjectAltName).toBe('DNS:localhost, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, IP Address:10.96.0.1');
    expect(cert.checkIssued(new crypto.X509Certificate(a.caPem))).toBe(true);
    expect(new crypto.X509Certificate(a.caPem).ca).toBe(true);
    expect(servingCertUsable(a.caPem, a.certPem, a.keyPem, now.getTime())).toBe(true);
    expect(ensureServingCerts(home, now)).toEqual(a); // reused
    const later = new Date(now.getTime() + 340 * 24 * 3600 * 1000); // within 30 days of the 1-year expiry
    expect(servingCertUsable(a.caPem, a.certPem, a.keyPem, later.getTime())).toBe(false);
    const b = ensureServingCerts(home, later);
    expect(b.caPem).toBe(a.caPem);
    expect(b.certPem).not.toBe(a.certPem);
    expect(servingCertUsable(b.caPem, b.certPem, b.keyPem, later.getTime())).toBe(true);
  });
});
