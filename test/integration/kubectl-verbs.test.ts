// The kubectl verbs added to kbx (patch, replace, wait, api-versions, get --raw, completion, edit, diff,
// cp, proxy, debug, get --raw /metrics): what a user sees, compared with the real kubectl against the same kbx server where it can be.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
const cm = (name: string, data: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;

beforeAll(() => {
  c = new Cluster('kubectl-verbs');
  c.ok(['apply', '-f', writeManifest(c.home, 'cm.yaml', cm('settings', { a: '1' }))]);
});
afterAll(() => c?.destroy());

describe('patch', () => {
  it('strategic, merge and json patches, as kubectl prints them', () => {
    expect(c.ok(['patch', 'cm', 'settings', '-p', '{"data":{"b":"2"}}'])).toBe('configmap/settings patched\n');
    expect(c.ok(['patch', 'cm', 'settings', '-p', '{"data":{"b":"2"}}'])).toBe('configmap/settings patched (no change)\n');
    expect(c.kubectl(['patch', 'cm', 'settings', '-p', '{"data":{"b":"2"}}']).stdout).toBe('configmap/settings patched (no change)\n');
    expect(c.ok(['patch', 'cm', 'settings', '--type=merge', '-p', 'data:\n  c: "3"'])).toBe('configmap/settings patched\n');
    expect(c.ok(['patch', 'configmap/settings', '--type', 'json', '-p=[{"op":"remove","path":"/data/c"}]', '-o', 'jsonpath={.data}'])).toBe('{"a":"1","b":"2"}');
    const file = writeManifest(c.home, 'patch.yaml', 'data:\n  d: "4"\n');
    expect(c.ok(['patch', 'cm', 'settings', '--patch-file', file, '--dry-run=server', '-o', 'name'])).toBe('configmap/settings\n');
    expect(c.ok(['get', 'cm', 'settings', '-o', 'jsonpath={.data.d}'])).toBe('');
  });

  it('errors in kubectl\'s words and exit codes', () => {
    for (const args of [
      ['patch', 'cm', 'settings'],
      ['patch', 'cm', 'settings', '--type=foo', '-p', '{}'],
      ['patch', 'cm', 'missing', '-p', '{}'],
      ['patch', 'cm', '-p', '{}'],
      ['patch', 'cm', 'settings', '--type=json', '-p', '[{"op":"remove","path":"/data/zz"}]'],
    ]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr.replace(/kbx/g, 'kubectl'), args.join(' ')).toBe(theirs.stderr);
    }
  });

  it('--subresource=scale', () => {
    c.ok('create deployment idle --image=busybox --replicas=0');
    expect(c.ok(['patch', 'deployment', 'idle', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":0}}'])).toBe('deployment.apps/idle patched (no change)\n');
    expect(c.ok(['patch', 'deployment', 'idle', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":0}}', '-o', 'jsonpath={.kind}'])).toBe('Scale');
  });
});

describe('api-versions and get --raw', () => {
  it('api-versions lists what kubectl lists', () => {
    const ours = c.ok('api-versions');
    expect(ours).toMatch(/^apps\/v1\n(.*\n)*v1\n$/);
    expect(ours).toBe(c.kubectl('api-versions').stdout);
  });

  it('get --raw prints the body as the server sent it', () => {
    expect(c.ok('get --raw /api')).toBe(c.kubectl('get --raw /api').stdout);
    expect(JSON.parse(c.ok('get --raw /api/v1/namespaces/default/configmaps/settings')).data.a).toBe('1');
    for (const args of [['get', '--raw', '/nope'], ['get', '--raw', 'api'], ['get', 'pods', '--raw', '/api'], ['get', '--raw', '/api/v1/namespaces/default/configmaps/missing']]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr, args.join(' ')).toBe(theirs.stderr);
    }
  });
});

describe('replace', () => {
  it('replaces, --force deletes and creates, errors as kubectl', () => {
    const file = writeManifest(c.home, 'rep.yaml', cm('rep', { a: '1' }));
    const missing = c.kbx(['replace', '-f', file]);
    expect(missing).toMatchObject({ code: 1, stderr: `Error from server (NotFound): error when replacing "${file}": configmaps "rep" not found\n` });
    c.ok(['create', '-f', file]);
    const changed = writeManifest(c.home, 'rep2.yaml', cm('rep', { a: '2' }));
    expect(c.ok(['replace', '-f', changed])).toBe('configmap/rep replaced\n');
    expect(c.ok(['get', 'cm', 'rep', '-o', 'jsonpath={.data.a}'])).toBe('2');
    const uid = c.ok(['get', 'cm', 'rep', '-o', 'jsonpath={.metadata.uid}']);
    expect(c.ok(['replace', '-f', file, '--force'])).toBe('configmap "rep" deleted from default namespace\nconfigmap/rep replaced\n');
    expect(c.ok(['get', 'cm', 'rep', '-o', 'jsonpath={.metadata.uid}'])).not.toBe(uid);
    expect(c.ok(['replace', '-f', file, '--dry-run=server'])).toBe('configmap/rep replaced (server dry run)\n');
    for (const args of [['replace', '-f', file, '--grace-period=0'], ['replace', '-f', file, '--force', '--dry-run=client'], ['replace']]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl([...args, '--validate=false']);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr, args.join(' ')).toBe(theirs.stderr);
    }
  });
});

describe('wait', () => {
  it('condition, jsonpath, create, delete and timeouts, as kubectl prints them', async () => {
    c.ok('create deployment waiter --image=busybox --replicas=0');
    expect(c.ok('wait --for=condition=Available deploy/waiter')).toBe('deployment.apps/waiter condition met\n');
    expect(c.ok(['wait', '--for=jsonpath={.spec.replicas}=0', 'deployment', 'waiter'])).toBe('deployment.apps/waiter condition met\n');
    for (const args of [
      ['wait', '--for=condition=Available=False', 'deploy/waiter', '--timeout=1s'],
      ['wait', '--for=create', 'cm/nothing', '--timeout=1s'],
      ['wait', '--for=condition=Ready', 'cm/nothing'],
      ['wait', '--for=condition=Ready', 'pods', '-l', 'app=nothing'],
      ['wait', '--for=bogus', 'cm/x'],
      ['wait', '--for=delete', 'cm/nothing'],
      ['wait', '--for=condition=Available', 'deploy'],
    ]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr.replace(/kbx/g, 'kubectl'), args.join(' ')).toBe(theirs.stderr);
      expect(ours.stdout, args.join(' ')).toBe(theirs.stdout);
    }
    // --for=delete waits while the object is there (a finalizer holds it), and ends 0 once it is gone.
    const file = writeManifest(c.home, 'gone.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n  finalizers: ["example.com/hold"]\n');
    c.ok(['create', '-f', file]);
    c.ok('delete cm gone --wait=false');
    const held = c.kbx('wait --for=delete cm/gone --timeout=1s');
    expect(held).toMatchObject({ code: 1, stderr: 'error: timed out waiting for the condition on configmaps/gone\n' });
    c.ok(['patch', 'cm', 'gone', '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
    expect(c.kbx('wait --for=delete cm/gone --timeout=30s').code).toBe(0);
  });
});

describe('completion', () => {
  it('bash completes verbs and names from the API', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const { KBX } = await import('./harness.js');
    const bin = path.join(c.home, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'kbx'), `#!/bin/sh\nexec "${process.execPath}" "${KBX}" "$@"\n`, { mode: 0o755 });
    const reply = (words: string[]) => {
      const script = `source <(kbx completion bash)\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})\nCOMP_CWORD=${words.length - 1}\n_kbx\nprintf '%s\\n' "\${COMPREPLY[@]}"\n`;
      const r = spawnSync('bash', ['-c', script], { env: { ...c.env(), PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' });
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(reply(['kbx', 'ge'])).toEqual(['get']);
    expect(reply(['kbx', 'get', 'cm', 'sett'])).toEqual(['settings']);
    expect(reply(['kbx', 'rollout', 'und'])).toEqual(['undo']);
    const bad = c.kbx('completion fish');
    expect(bad).toMatchObject({ code: 1, stderr: 'error: Unsupported shell type "fish".\nSee \'kbx completion -h\' for help and examples\n' });
  });
});

describe('diff', () => {
  it('exit 0 when equal, 1 with a unified diff when not, 2 on errors; nothing is changed', () => {
    const file = writeManifest(c.home, 'differ.yaml', cm('differ', { a: '1' }));
    const absent = c.kbx(['diff', '-f', file]);
    expect(absent.code).toBe(1);
    expect(absent.stdout).toMatch(/^diff -u -N \S+\/LIVE-\w+\/v1\.ConfigMap\.default\.differ \S+\/MERGED-\w+\/v1\.ConfigMap\.default\.differ\n/);
    expect(absent.stdout).toContain('\n+  name: differ\n');
    expect(c.kbx('get cm differ').code).toBe(1);
    c.ok(['apply', '-f', file]);
    expect(c.kbx(['diff', '-f', file])).toMatchObject({ code: 0, stdout: '' });
    expect(c.kubectl(['diff', '-f', file])).toMatchObject({ code: 0, stdout: '' });
    const changed = writeManifest(c.home, 'differ2.yaml', cm('differ', { a: '2' }));
    const d = c.kbx(['diff', '-f', changed]);
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/\n-  a: "1"\n\+  a: "2"\n/);
    expect(c.kubectl(['diff', '-f', changed]).stdout).toMatch(/\n-  a: "1"\n\+  a: "2"\n/);
    const ext = c.kbx(['diff', '-f', changed], { env: { KUBECTL_EXTERNAL_DIFF: 'diff -q' } });
    expect(ext.stdout).toMatch(/^Files \S+ and \S+ differ\n$/);
    expect(c.ok(['get', 'cm', 'differ', '-o', 'jsonpath={.data.a}'])).toBe('1');
    expect(c.kbx('diff')).toMatchObject({ code: 2, stderr: 'error: must specify one of -f and -k\n' });
  });
});

describe('cp', () => {
  it('copies files and directories both ways, through tar in the container', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { waitFor } = await import('./harness.js');
    c.ok(['run', 'box', '--image=busybox:latest', '--image-pull-policy=IfNotPresent', '--command', '--', 'sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']);
    await waitFor('box running', () => c.kbx('get pod box -o jsonpath={.status.phase}').stdout === 'Running', 90_000);
    const local = path.join(c.home, 'tree');
    fs.mkdirSync(path.join(local, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(local, 'a.txt'), 'alpha\n');
    fs.writeFileSync(path.join(local, 'sub', 'b.bin'), Buffer.from([0, 1, 2, 255, 254]));
    expect(c.kbx(['cp', path.join(local, 'a.txt'), 'box:/tmp/a.txt'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(c.ok('exec box -- cat /tmp/a.txt')).toBe('alpha\n');
    expect(c.kbx(['cp', local, 'box:/tmp/tree']).code).toBe(0);
    expect(c.ok('exec box -- find /tmp/tree').split('\n').filter(Boolean).sort()).toEqual(['/tmp/tree', '/tmp/tree/a.txt', '/tmp/tree/sub', '/tmp/tree/sub/b.bin']);
    const back = path.join(c.home, 'back');
    const from = c.kbx(['cp', 'default/box:/tmp/tree', back]);
    expect(from.code).toBe(0);
    expect(fs.readFileSync(path.join(back, 'sub', 'b.bin'))).toEqual(Buffer.from([0, 1, 2, 255, 254]));
    const theirs = path.join(c.home, 'theirs');
    expect(c.kubectl(['cp', 'box:/tmp/tree', theirs]).code).toBe(0);
    expect(fs.readFileSync(path.join(theirs, 'a.txt'), 'utf8')).toBe(fs.readFileSync(path.join(back, 'a.txt'), 'utf8'));
    // A missing remote file: tar's complaint is shown and the command still succeeds, as kubectl's.
    const nope = c.kbx(['cp', 'box:/tmp/nope', path.join(c.home, 'x')]);
    expect(nope.code).toBe(0);
    expect(nope.stderr).toContain('tar: /tmp/nope: No such file or directory');
    for (const args of [['cp', 'a', 'b'], ['cp', 'no-such-file', 'box:/tmp/']]) {
      const ours = c.kbx(args);
      const kubectl = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(kubectl.code);
      expect(ours.stderr, args.join(' ')).toBe(kubectl.stderr);
    }
  });
});

describe('proxy', () => {
  it('serves the API on plain http, with kubectl\'s filter; kubectl talks through it', async () => {
    const { spawn } = await import('node:child_process');
    const { KBX, waitFor } = await import('./harness.js');
    const p = spawn(process.execPath, [KBX, 'proxy', '--port=0', '--api-prefix=/k8s/'], { env: c.env() });
    try {
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      await waitFor('proxy listening', () => /^Starting to serve on 127\.0\.0\.1:\d+\n$/.test(out), 30_000);
      const port = Number(/:(\d+)\n$/.exec(out)![1]);
      const api = await fetch(`http://127.0.0.1:${port}/k8s/api/v1/namespaces/default/configmaps/settings`);
      expect(api.status).toBe(200);
      expect(((await api.json()) as { data: { a: string } }).data.a).toBe('1');
      expect((await fetch(`http://127.0.0.1:${port}/k8s/api/v1/namespaces/default/pods/x/exec`)).status).toBe(403);
      expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404);
      const k = c.kubectl(['--kubeconfig=/dev/null', '-s', `http://127.0.0.1:${port}/k8s`, 'get', 'cm', 'settings', '-o', 'name']);
      expect(k.stdout).toBe('configmap/settings\n');
    } finally {
      p.kill();
    }
  });
});

describe('edit', () => {
  it('edits through $KUBE_EDITOR; reopens with the errors; gives up when saved unchanged', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const seven = path.join(c.home, 'seven.sh');
    fs.writeFileSync(seven, `#!/bin/sh\nsed -i 's/^  a: "1"$/  a: "7"/' "$1"\n`, { mode: 0o755 });
    expect(c.kbx(['edit', 'cm', 'settings'], { env: { KUBE_EDITOR: seven } }).stdout).toBe('configmap/settings edited\n');
    expect(c.ok(['get', 'cm', 'settings', '-o', 'jsonpath={.data.a}'])).toBe('7');
    expect(c.kbx(['edit', 'cm/settings'], { env: { KUBE_EDITOR: 'true' } })).toMatchObject({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    c.ok('create deployment editme --image=busybox --replicas=0');
    // First save breaks the object; the editor is run again on the file with the server's error on top, and fixes it.
    const editor = path.join(c.home, 'editor.sh');
    fs.writeFileSync(editor, `#!/bin/sh\nif grep -q 'was not valid' "$1"; then grep '^# \\*' "$1" > "$1.seen"; sed -i 's/replicas: -1/replicas: 0/; s/^  labels:/  labels:\\n    fixed: "yes"/' "$1"; else sed -i 's/replicas: 0/replicas: -1/' "$1"; fi\n`, { mode: 0o755 });
    const fixed = c.kbx(['edit', 'deploy', 'editme'], { env: { KUBE_EDITOR: editor } });
    expect(fixed).toMatchObject({ code: 0, stdout: 'deployment.apps/editme edited\n' });
    expect(c.ok(['get', 'deploy', 'editme', '-o', 'jsonpath={.metadata.labels.fixed}'])).toBe('yes');
    const broken = c.kbx(['edit', 'deploy', 'editme'], { env: { KUBE_EDITOR: 'sed -i s/replicas:\\ 0/replicas:\\ -1/' } });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error: deployments\.apps "editme" is invalid\nA copy of your changes has been stored to "(\S+kbx-edit-\d+\.yaml)"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    const kept = /stored to "(\S+)"/.exec(broken.stderr)![1]!;
    expect(fs.readFileSync(kept, 'utf8')).toContain('replicas: -1');
    fs.rmSync(kept);
  });
});

describe('debug', () => {
  const target = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: target\n  labels: { app: target }\nspec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: main\n    image: busybox:latest\n    command: ['sleep', '3600']\n`;
  const ephemeralRunning = (name: string) => () => JSON.parse(c.ok(['get', 'pod', 'target', '-o', 'jsonpath={.status.ephemeralContainerStatuses}']) || '[]').some((s: any) => s.name === name && s.state.running);

  it('adds an ephemeral container sharing the target\'s processes, for kbx and the real kubectl alike', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'target.yaml', target)]);
    c.ok('wait --for=condition=Ready pod/target --timeout=60s');
    const ours = c.kbx(['debug', 'target', '--image=busybox:latest', '--target=main', '-c', 'dbg', '--', 'sleep', '600']);
    const theirs = c.kubectl(['debug', 'target', '--image=busybox:latest', '--target=main', '-c', 'dbg2', '--', 'sleep', '600']);
    expect(ours.code).toBe(0);
    expect(theirs.code).toBe(0);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stdout).toBe('Targeting container "main". If you don\'t see processes from this container it may be because the container runtime doesn\'t support this feature.\n');
    expect(ours.stderr).toBe(theirs.stderr);
    await waitFor('both ephemeral containers to run', () => ephemeralRunning('dbg')() && ephemeralRunning('dbg2')(), 60_000);
    expect(c.ok('exec target -c dbg -- ps')).toMatch(/\n\s+1 root\s+sleep 3600\n/);
    expect(c.kubectl('exec target -c dbg2 -- ps').stdout).toMatch(/\n\s+1 root\s+sleep 3600\n/);
    // describe and -o yaml show them, the same to kbx and kubectl.
    const section = (t: string) => t.slice(t.indexOf('Ephemeral Containers:'), t.indexOf('Conditions:'));
    expect(section(c.ok('describe pod target'))).toBe(section(c.kubectl('describe pod target').stdout));
    expect(section(c.ok('describe pod target'))).toMatch(/^Ephemeral Containers:\n  dbg:\n[\s\S]*State:\s+Running\n[\s\S]*  dbg2:\n/);
    expect(c.ok(['get', 'pod', 'target', '-o', 'yaml'])).toBe(c.kubectl(['get', 'pod', 'target', '-o', 'yaml']).stdout);
    // exec without -c names them as kubectl does.
    expect(c.kbx('exec target -- true').stderr).toBe('Defaulted container "main" out of: main, dbg (ephem), dbg2 (ephem)\n');
    expect(c.kubectl('exec target -- true').stderr).toBe('Defaulted container "main" out of: main, dbg (ephem), dbg2 (ephem)\n');
    // Existing ones are kept as they are.
    const change = c.kbx(['patch', 'pod', 'target', '--subresource=ephemeralcontainers', '--type=merge', '-p', '{"spec":{"ephemeralContainers":null}}']);
    expect(change.code).toBe(1);
    expect(change.stderr).toContain('* spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be removed\n');
  }, 120_000);

  it('--attach follows the container; one that already ended shows its logs', () => {
    const r = c.kbx(['debug', 'target', '--attach', '--image=busybox:latest', '-c', 'dbg-a', '--', 'sh', '-c', 'sleep 1; echo attached'], { input: '' });
    expect(r).toMatchObject({ code: 0, stdout: 'attached\n' });
    expect(r.stderr).toContain("If you don't see a command prompt, try pressing enter.\n");
  }, 60_000);

  it('--copy-to with --share-processes and --set-image; kubectl\'s errors', () => {
    const r = c.kbx(['debug', 'target', '--attach', '--copy-to=target-copy', '--image=busybox:latest', '--share-processes', '-c', 'sh', '--', 'sh', '-c', 'sleep 1; ps']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sleep 3600\n/); // the original container's process, seen from the copy's debug container
    const copy = JSON.parse(c.ok('get pod target-copy -o json'));
    expect(copy.spec.shareProcessNamespace).toBe(true);
    expect(copy.metadata.labels).toBeUndefined(); // the legacy profile drops them, so no controller adopts the copy
    expect(copy.spec.containers.map((x: any) => x.name)).toEqual(['main', 'sh']);
    expect(c.ok(['debug', 'target', '--copy-to=target-img', '--set-image=*=busybox:stable'])).toBe('');
    expect(c.ok(['get', 'pod', 'target-img', '-o', 'jsonpath={.spec.containers[*].image}'])).toBe('busybox:stable');
    c.ok('delete pod target-copy target-img --now');
    for (const args of [['debug', 'target'], ['debug', 'target', '--image=busybox', '--replace'], ['debug', 'missing', '--image=busybox'], ['debug', 'target', '--copy-to=x', '--image=busybox', '--target=main']]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr.replace(/kbx/g, 'kubectl'), args.join(' ')).toBe(theirs.stderr);
    }
    expect(c.kbx('debug node/kbx --image=busybox')).toMatchObject({ code: 1, stderr: expect.stringContaining('error: debugging node "kbx" is not supported by kbx') });
  }, 60_000);
});

describe('get --raw /metrics', () => {
  it('the API server\'s request metrics in Prometheus text, behind RBAC\'s nonResourceURLs', () => {
    c.ok('get cm settings');
    c.ok('get cm');
    const m = c.ok('get --raw /metrics');
    expect(m).toContain('# TYPE apiserver_request_total counter\n');
    expect(m).toMatch(/\napiserver_request_total\{code="200",component="apiserver",dry_run="",group="",resource="configmaps",scope="resource",subresource="",verb="GET",version="v1"\} \d+\n/);
    expect(m).toMatch(/\napiserver_request_duration_seconds_bucket\{component="apiserver",dry_run="",group="",resource="configmaps",scope="namespace",subresource="",verb="LIST",version="v1",le="0.005"\} \d+\n/);
    expect(c.kubectl('get --raw /metrics').stdout).toContain('# TYPE apiserver_request_duration_seconds histogram\n');
    const as = ['--as=system:serviceaccount:default:default'];
    expect(c.kubectl(['get', '--raw', '/metrics', ...as])).toMatchObject({ code: 1, stderr: 'Error from server (Forbidden): forbidden: User "system:serviceaccount:default:default" cannot get path "/metrics"\n' });
    c.ok('create clusterrole metrics-reader --verb=get --non-resource-url=/metrics');
    c.ok('create clusterrolebinding metrics-reader --clusterrole=metrics-reader --serviceaccount=default:default');
    expect(c.kubectl(['get', '--raw', '/metrics', ...as]).stdout).toContain('apiserver_request_total{');
  });
});
