// The kbx CLI as a client of another cluster (a second kbx, in its own KBX_HOME): --kubeconfig, $KUBECONFIG
// (never the local cluster then), --context over merged files, --server/--token/--certificate-authority,
// --insecure-skip-tls-verify, an exec credential plugin, `kbx config …`; and the default cluster's context in
// the user's kubeconfig (a temporary HOME: never the real ~/.kube).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Cluster, KBX, KUBECTL, ROOT, requireTool, waitFor } from './harness.js';

let local: Cluster;
let other: Cluster;
let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-test-client-'));
  local = new Cluster('client-local');
  other = new Cluster('client-other');
  local.ok('run only-in-local --image=busybox:latest --restart=Never -- sleep 3600');
  other.ok('run only-in-other --image=busybox:latest --restart=Never -- sleep 3600');
  other.ok('create namespace elsewhere');
  local.ok('cluster stop');
}, 120_000);
afterAll(() => {
  local?.destroy();
  other?.destroy();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** kbx in the local cluster's KBX_HOME with a temporary HOME (so ~/.kube is never the developer's). */
const kbx = (args: string[], env: Record<string, string> = {}) => local.kbx(args, { env: { HOME: scratch, ...env } });
const names = (out: string) => out.split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);
const localRunning = () => fs.existsSync(path.join(local.home, 'server.json'));

describe('kbx drives another cluster', () => {
  it('--kubeconfig and $KUBECONFIG list the other cluster, never the local one, and start nothing', () => {
    let r = kbx(['--kubeconfig', other.kubeconfig, 'get', 'pods', '--no-headers']);
    expect(r.stderr).toBe('');
    expect(names(r.stdout)).toEqual(['only-in-other']);
    r = kbx(['get', 'pods', '-o', 'name'], { KUBECONFIG: other.kubeconfig });
    expect(r.stdout).toBe('pod/only-in-other\n');
    r = kbx(['get', 'pods', '--kubeconfig', other.kubeconfig, '-o', 'name']); // after the verb too
    expect(r.stdout).toBe('pod/only-in-other\n');
    expect(localRunning()).toBe(false);
    // A $KUBECONFIG naming no server is kubectl's localhost:8080, not the local cluster.
    fs.writeFileSync(path.join(scratch, 'empty.yaml'), '');
    r = kbx(['get', 'pods'], { KUBECONFIG: path.join(scratch, 'empty.yaml') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    expect(localRunning()).toBe(false);
  });

  it('--context picks a context of merged files; kbx config reads and changes them as kubectl does', () => {
    const merged = path.join(scratch, 'merged.yaml');
    // Each cluster writes its context into $KUBECONFIG's first file when asked.
    const m1 = other.kbx(['cluster', 'kubeconfig', '--merge'], { env: { KUBECONFIG: merged } });
    expect(m1.stdout).toBe(`Context "kbx-${other.clusterId()}" written to ${merged}; \`kbx cluster reset\` removes it.\n`);
    expect(fs.statSync(merged).mode & 0o777).toBe(0o600);
    expect(localRunning()).toBe(false); // not started by that
    const oc = `kbx-${other.clusterId()}`;
    let r = kbx(['--context', oc, 'get', 'pods', '-o', 'name'], { KUBECONFIG: merged });
    expect(r.stdout).toBe('pod/only-in-other\n');
    r = kbx(['config', 'get-contexts'], { KUBECONFIG: merged });
    expect(r.stdout).toBe(`CURRENT   NAME${' '.repeat(oc.length - 1)}CLUSTER${' '.repeat(oc.length - 4)}AUTHINFO${' '.repeat(oc.length - 5)}NAMESPACE\n*         ${oc}   ${oc}   ${oc}   \n`);
    expect(kbx(['config', 'current-context'], { KUBECONFIG: merged }).stdout).toBe(`${oc}\n`);
    r = kbx(['config', 'view'], { KUBECONFIG: merged });
    expect(r.stdout).toContain('    certificate-authority-data: DATA+OMITTED\n');
    expect(r.stdout).toContain('    token: REDACTED\n');
    expect(kbx(['config', 'view', '--raw'], { KUBECONFIG: merged }).stdout).not.toContain('REDACTED');
    // -n defaults from the context's namespace.
    expect(kbx(['config', 'set-context', '--current', '--namespace=elsewhere'], { KUBECONFIG: merged }).stdout).toBe(`Context "${oc}" modified.\n`);
    r = kbx(['get', 'pods'], { KUBECONFIG: merged });
    expect(r.stderr).toBe('No resources found in elsewhere namespace.\n');
    expect(kbx(['get', 'pods', '-n', 'default', '-o', 'name'], { KUBECONFIG: merged }).stdout).toBe('pod/only-in-other\n');
    r = kbx(['config', 'use-context', 'nope'], { KUBECONFIG: merged });
    expect(r.stderr).toBe('error: no context exists with the name: "nope"\n');
    r = kbx(['--context', 'nope', 'get', 'pods'], { KUBECONFIG: merged });
    expect(r.stderr).toBe('Error in configuration: context was not found for specified context: nope\n');
    expect(r.code).toBe(1);
    // kbx-only verbs refuse another cluster.
    r = kbx(['--kubeconfig', other.kubeconfig, 'cluster', 'status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: "kbx cluster status" works on the local kbx cluster \(\$KBX_HOME\) only/);
    expect(localRunning()).toBe(false);
  });

  it('--server, --token, --certificate-authority, --insecure-skip-tls-verify, and an exec credential plugin', () => {
    const text = fs.readFileSync(other.kubeconfig, 'utf8');
    const server = /server: (\S+)/.exec(text)![1]!;
    const token = /token: (\S+)/.exec(text)![1]!;
    const ca = path.join(other.home, 'pki', 'ca.crt');
    let r = kbx(['--server', server, '--token', token, '--certificate-authority', ca, 'get', 'pods', '-o', 'name']);
    expect(r.stdout).toBe('pod/only-in-other\n');
    r = kbx(['-s', server, '--token', token, '--insecure-skip-tls-verify', 'get', 'pods', '-o', 'name']);
    expect(r.stdout).toBe('pod/only-in-other\n');
    r = kbx(['-s', server, '--token', token, 'get', 'pods']); // no CA: the server's is unknown
    expect(r.stderr).toBe('Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n');
    r = kbx(['-s', server, '--token', 'wrong', '--certificate-authority', ca, 'get', 'pods']);
    expect(r.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
    // An exec plugin (client.authentication.k8s.io/v1) gives the token.
    const plugin = path.join(scratch, 'token-plugin.mjs');
    fs.writeFileSync(plugin, `const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: process.env.THE_TOKEN } }));\n`);
    const execConfig = path.join(scratch, 'exec.yaml');
    fs.writeFileSync(execConfig, `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: ${server}
    certificate-authority: ${ca}
users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ${process.execPath}
      args: [${plugin}]
      env: [{ name: THE_TOKEN, value: ${token} }]
      interactiveMode: Never
contexts:
- name: x
  context: { cluster: c, user: u }
current-context: x
`);
    r = kbx(['--kubeconfig', execConfig, 'get', 'pods', '-o', 'name']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/only-in-other\n');
    expect(localRunning()).toBe(false);
  });
});

describe("the default cluster's context in the user's kubeconfig", () => {
  const home = () => path.join(scratch, 'user');
  const env = (): NodeJS.ProcessEnv => {
    const { KBX_HOME: _a, KUBECONFIG: _b, ...rest } = process.env;
    return { ...rest, HOME: home(), NO_COLOR: '1' };
  };
  const run = (cmd: string, args: string[], extra: Record<string, string> = {}) => {
    const r = spawnSync(cmd, args, { env: { ...env(), ...extra }, encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
  afterAll(() => {
    run(process.execPath, [KBX, 'cluster', 'reset']);
  });

  it('is written at start next to what was there (mode kept), used by the real kubectl, removed by reset', async () => {
    const kubeDir = path.join(home(), '.kube');
    fs.mkdirSync(kubeDir, { recursive: true });
    const config = path.join(kubeDir, 'config');
    fs.writeFileSync(config, `apiVersion: v1
kind: Config
clusters:
- name: work
  cluster: { server: 'https://work.example:6443' }
users:
- name: me
  user: { token: abc }
contexts:
- name: work
  context: { cluster: work, user: me, namespace: team }
current-context: work
`, { mode: 0o640 });
    fs.chmodSync(config, 0o640);
    const r = run(process.execPath, [KBX, 'get', 'pods']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^kbx: started the control plane in the background \\(KBX_HOME=${path.join(home(), '.kbx')}, API https://127\\.0\\.0\\.1:\\d+, pid \\d+\\); context "kbx" written to ${config}\\n`));
    expect(fs.statSync(config).mode & 0o777).toBe(0o640);
    const text = fs.readFileSync(config, 'utf8');
    expect(text).toContain('current-context: kbx\n');
    expect(text).toContain('  name: work\n');
    expect(text).toContain('    server: https://work.example:6443\n');
    const g = run(requireTool(KUBECTL), ['get', 'ns', '-o', 'name']);
    expect(g.stderr).toBe('');
    expect(g.stdout).toContain('namespace/kube-system\n');
    // kbx itself keeps talking to its local cluster without flags; with --context it follows the file.
    expect(run(process.execPath, [KBX, '--kubeconfig', config, '--context', 'kbx', 'get', 'ns', '-o', 'name']).stdout).toContain('namespace/default\n');
    // $KUBECONFIG naming the local cluster's own context is the local cluster: it starts as without flags.
    expect(run(process.execPath, [KBX, 'cluster', 'stop']).code).toBe(0);
    const again = run(process.execPath, [KBX, 'get', 'ns', '-o', 'name'], { KUBECONFIG: config });
    expect(again.stderr).toMatch(/^kbx: started the control plane in the background/);
    expect(again.stdout).toContain('namespace/default\n');
    const reset = run(process.execPath, [KBX, 'cluster', 'reset']);
    expect(reset.stdout).toContain(`kbx cluster reset: removed its context from ${config}\n`);
    const after = fs.readFileSync(config, 'utf8');
    expect(after).not.toContain('kbx');
    expect(after).toContain('  name: work\n');
    expect(after).toContain('current-context: ""\n');
    expect(fs.statSync(config).mode & 0o777).toBe(0o640);
    await waitFor('nothing left running', () => !fs.existsSync(path.join(home(), '.kbx', 'server.json')), 10_000);
  }, 120_000);
});
