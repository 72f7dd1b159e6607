// kubectl's syntax, output and exit codes: get in all its forms, errors, namespaces, label/annotate,
// version, api-resources, cluster-info, events.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, podRow, waitFor, writeManifest } from './harness.js';

let c: Cluster;

const podYaml = (name: string, labels: Record<string, string>, ns = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}  labels:
${Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`).join('\n')}
spec:
  containers:
  - name: main
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`;

beforeAll(async () => {
  c = new Cluster('cli');
  const m = writeManifest(c.home, 'pods.yaml', [podYaml('alpha', { app: 'web', tier: 'front' }), podYaml('beta', { app: 'db' })].join('---\n'));
  c.ok(['apply', '-f', m]);
  await waitFor('pods running', () => {
    const out = c.kbx(['get', 'pods']).stdout;
    return podRow(out, 'alpha')?.status === 'Running' && podRow(out, 'beta')?.status === 'Running';
  }, 60_000);
});
afterAll(() => c?.destroy());

describe('get', () => {
  it('lists pods in kubectl columns, by name, and by type/name', () => {
    expect(c.ok('get pods')).toMatch(/^NAME    READY   STATUS    RESTARTS   AGE\nalpha   1\/1     Running   0          \d+s\nbeta    1\/1     Running   0          \d+s\n$/);
    expect(c.ok('get pod alpha')).toMatch(/^NAME    READY   STATUS    RESTARTS   AGE\nalpha   1\/1/);
    expect(c.ok('get po/alpha').split('\n')[1]).toMatch(/^alpha\s/);
  });

  it('-o wide adds IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const out = c.ok('get pods -o wide');
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(out.split('\n')[1]).toMatch(/^alpha\s+1\/1\s+Running\s+0\s+\d+s\s+\d+\.\d+\.\d+\.\d+\s+kbx\s+<none>\s+<none>$/);
  });

  it('-o yaml, -o json, -o name, jsonpath, custom-columns', () => {
    const y = c.ok('get pod alpha -o yaml');
    expect(y).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(y).toContain('  name: alpha\n');
    const j = JSON.parse(c.ok('get pods -o json'));
    expect(j.kind).toBe('List');
    expect(j.items.map((i: any) => i.metadata.name)).toEqual(['alpha', 'beta']);
    expect(c.ok('get pods -o name')).toBe('pod/alpha\npod/beta\n');
    expect(c.ok(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'])).toBe('alpha beta');
    expect(c.ok(['get', 'pod', 'alpha', '-o', 'jsonpath={.spec.containers[0].image}'])).toBe('busybox:latest');
    expect(c.ok(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,APP:.metadata.labels.app'])).toBe('NAME    APP\nalpha   web\nbeta    db\n');
  });

  it('label selectors: =, ==, !=, in, notin, exists, !exists', () => {
    const names = (sel: string) => c.ok(['get', 'pods', '-l', sel, '-o', 'name']).trim().split('\n').filter(Boolean);
    expect(names('app=web')).toEqual(['pod/alpha']);
    expect(names('app==db')).toEqual(['pod/beta']);
    expect(names('app!=web')).toEqual(['pod/beta']);
    expect(names('app in (web,db)')).toEqual(['pod/alpha', 'pod/beta']);
    expect(names('app notin (web)')).toEqual(['pod/beta']);
    expect(names('tier')).toEqual(['pod/alpha']);
    expect(names('!tier')).toEqual(['pod/beta']);
    const none = c.kbx(['get', 'pods', '-l', 'app=nothing']);
    expect(none.code).toBe(0);
    expect(none.stderr).toBe('No resources found in default namespace.\n');
  });

  it('field selectors, --show-labels, -L, --no-headers, --sort-by', () => {
    expect(c.ok(['get', 'pods', '--field-selector', 'metadata.name=beta', '-o', 'name'])).toBe('pod/beta\n');
    expect(c.ok(['get', 'pods', '--field-selector', 'status.phase=Running', '-o', 'name'])).toBe('pod/alpha\npod/beta\n');
    expect(c.ok('get pods --show-labels').split('\n')[1]).toMatch(/\s+app=web,tier=front$/);
    expect(c.ok('get pods -L app').split('\n')[0]).toMatch(/\s+APP$/);
    expect(c.ok('get pods --no-headers').split('\n')[0]).toMatch(/^alpha\s/);
    expect(c.ok(['get', 'pods', '--sort-by=.metadata.name', '-o', 'name'])).toBe('pod/alpha\npod/beta\n');
  });

  it('several types at once, with kind prefixes', () => {
    const out = c.ok('get pods,ns');
    expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\npod\/alpha\s/);
    expect(out).toMatch(/\n\nNAME\s+STATUS\s+AGE\nnamespace\/default\s+Active\s+/);
  });

  it('-A adds the NAMESPACE column', () => {
    expect(c.ok('get pods -A')).toMatch(/^NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE\ndefault     alpha/);
  });

  it('-w prints changes as they happen', async () => {
    const w = c.spawn(['get', 'pods', '-w']);
    await waitFor('initial list', () => w.output().includes('beta'), 10_000);
    c.ok(['label', 'pod', 'beta', 'watched=yes']);
    await waitFor('a second beta row', () => w.output().split('\n').filter((l) => l.startsWith('beta')).length >= 2, 10_000);
    const r = await w.stop();
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+READY/);
  });

  it('errors: NotFound, unknown type, bad selector', () => {
    const nf = c.kbx('get pod nope');
    expect(nf.code).toBe(1);
    expect(nf.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    const unknown = c.kbx('get widgets');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    const ns = c.kbx('get pods -n nowhere');
    expect(ns.code).toBe(0);
    expect(ns.stderr).toBe('No resources found in nowhere namespace.\n');
  });

  it('names that are not one path segment never reach another object', () => {
    c.ok('create namespace victim');
    const up = c.kbx('delete pod .. -n victim');
    expect(up.code).toBe(1);
    expect(up.stderr).toBe(`error: invalid resource name "..": [may not be '..']\n`);
    const dot = c.kbx('delete pod . -n victim');
    expect(dot.code).toBe(1);
    expect(dot.stderr).toBe(`error: invalid resource name ".": [may not be '.']\n`);
    const m = writeManifest(c.home, 'dotdot.yaml', podYaml('..', { app: 'x' }));
    const applied = c.kbx(['apply', '-f', m]);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(`invalid resource name "..": [may not be '..']`);
    expect(c.ok('get ns victim -o jsonpath={.status.phase}')).toBe('Active');
    expect(c.ok('get ns default -o jsonpath={.kind}')).toBe('Namespace');
    c.ok('delete namespace victim --wait=false');
  });
});

describe('create/apply errors', () => {
  it('AlreadyExists names the file', () => {
    const m = writeManifest(c.home, 'alpha.yaml', podYaml('alpha', { app: 'web', tier: 'front' }));
    const r = c.kbx(['create', '-f', m]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error from server (AlreadyExists): error when creating "${m}": pods "alpha" already exists\n`);
  });

  it('invalid names get the API server validation text', () => {
    const m = writeManifest(c.home, 'bad.yaml', podYaml('My_Pod', { app: 'x' }));
    const r = c.kbx(['apply', '-f', m]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`);
    expect(c.kbx('get pod My_Pod').code).toBe(1);
  });

  it('unknown kinds, missing images and invalid YAML', () => {
    const m = writeManifest(c.home, 'foo.yaml', 'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n');
    const r = c.kbx(['apply', '-f', m]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: resource mapping not found for name: "x" namespace: "" from "${m}": no matches for kind "Foo" in version "v1"`);
    const noImage = writeManifest(c.home, 'noimage.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: x\n');
    expect(c.kbx(['apply', '-f', noImage]).stderr).toContain('The Pod "x" is invalid: spec.containers[0].image: Required value');
    const broken = writeManifest(c.home, 'broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: [\n');
    const b = c.kbx(['apply', '-f', broken]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(broken);
    expect(b.stderr).toMatch(/line \d+/);
    // None of this reached the store, and the control plane is fine.
    expect(c.ok('get pods -o name')).toBe('pod/alpha\npod/beta\n');
  });

  it('unknown verbs and flags read like kubectl', () => {
    const v = c.kbx('gett pods');
    expect(v.code).toBe(1);
    // kubectl's (cobra's) suggestions: within two edits, in the order of the verb list.
    expect(v.stderr).toBe('error: unknown command "gett" for "kbx"\n\nDid you mean this?\n\tset\n\tget\n');
    const f = c.kbx('get pods --bogus');
    expect(f.code).toBe(1);
    expect(f.stderr).toBe("error: unknown flag: --bogus\nSee 'kbx get --help' for usage.\n");
  });
});

describe('namespaces', () => {
  it('create, use, delete (Terminating, then gone with its pods)', async () => {
    expect(c.ok('create namespace team')).toBe('namespace/team created\n');
    const m = writeManifest(c.home, 'team-pod.yaml', podYaml('worker', { app: 'w' }, 'team'));
    c.ok(['apply', '-f', m]);
    await waitFor('worker running', () => podRow(c.kbx('get pods -n team').stdout, 'worker')?.status === 'Running', 30_000);
    expect(c.ok('get pods -n team -o name')).toBe('pod/worker\n');
    const clash = c.kbx(['apply', '-f', m, '-n', 'default']);
    expect(clash.stderr).toContain('the namespace from the provided object "team" does not match the namespace "default"');
    const d = c.kbx('delete namespace team --wait=false');
    expect(d.stdout).toBe('namespace "team" deleted\n');
    // Terminating while its pods go; a namespace that empties at once may already be gone (kubectl's NotFound).
    const right = c.kbx('get ns team');
    if (right.code === 0) expect(right.stdout).toMatch(/team\s+Terminating/);
    else expect(right.stderr).toBe('Error from server (NotFound): namespaces "team" not found\n');
    await waitFor('namespace gone', () => c.kbx('get ns team').code === 1, 60_000);
    expect(c.kbx('get pods -n team').stderr).toBe('No resources found in team namespace.\n');
    const missing = c.kbx(['apply', '-f', m]);
    expect(missing.stderr).toContain('namespaces "team" not found');
    const immortal = c.kbx('delete namespace default');
    expect(immortal.stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
  });
});

describe('label and annotate', () => {
  it('adds, refuses to overwrite, overwrites, removes', () => {
    expect(c.ok('label pods alpha env=dev')).toBe('pod/alpha labeled\n');
    const refuse = c.kbx('label pods alpha env=prod');
    expect(refuse.code).toBe(1);
    expect(refuse.stderr).toBe("error: 'env' already has a value (dev), and --overwrite is false\n");
    expect(c.ok('label pods alpha env=prod --overwrite')).toBe('pod/alpha labeled\n');
    expect(c.ok(['get', 'pod', 'alpha', '-o', 'jsonpath={.metadata.labels.env}'])).toBe('prod');
    expect(c.ok('label pod/alpha env-')).toBe('pod/alpha unlabeled\n');
    expect(c.ok('annotate pod alpha note=hello')).toBe('pod/alpha annotated\n');
    expect(c.ok(['get', 'pod', 'alpha', '-o', 'jsonpath={.metadata.annotations.note}'])).toBe('hello');
  });
});

describe('other verbs', () => {
  it('version, api-resources, cluster-info, events', () => {
    expect(c.ok('version')).toMatch(/^Client Version: v1\.35\.0-kbx\.\S+\nServer Version: v1\.35\.0-kbx\.\S+\n$/);
    expect(c.ok('version --client')).toMatch(/^Client Version: /);
    const ar = c.ok('api-resources');
    expect(ar.split('\n')[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(ar).toMatch(/\npods\s+po\s+v1\s+true\s+Pod\n/);
    expect(c.ok('cluster-info')).toMatch(/^Kubernetes control plane is running at https:\/\/127\.0\.0\.1:\d+\n/);
    const ev = c.ok('events');
    expect(ev.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(ev).toMatch(/Normal\s+Started\s+pod\/alpha\s+Started container main/);
    expect(c.ok('get events').split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
  });

  it('help reads like kubectl', () => {
    expect(c.ok('--help')).toContain('Basic Commands (Beginner):');
    const h = c.ok('get --help');
    expect(h).toMatch(/^Display one or many resources\./);
    expect(h).toContain('Examples:');
    expect(h).toContain('Usage:\n  kbx get');
  });
});
