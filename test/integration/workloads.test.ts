// DaemonSets, StatefulSets and node maintenance on the real Docker engine through the real kbx
// CLI (and the real kubectl where a user would use it): one daemon pod per node and its rollout
// and undo; web-0 before web-1, each resolvable through the headless service, a rolling update,
// scale down from the highest ordinal; cordon, drain honouring a PodDisruptionBudget, NoExecute taints.
import { afterAll, describe, expect, it } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

const c = new Cluster('workloads');
afterAll(() => c.destroy());

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: agent
        image: kbx-test/web:1
        imagePullPolicy: IfNotPresent
`;

const statefulSet = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector: {app: nginx}
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: kbx-test/web:1
        imagePullPolicy: IfNotPresent
        ports:
        - containerPort: 80
          name: web
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 1
`;

type Obj = Record<string, any>;
const json = (args: string): Obj => JSON.parse(c.ok(`${args} -o json`));
const podsOf = (selector: string): Obj[] => json(`get pods -l ${selector}`).items;
const running = (selector: string, n: number) => {
  const pods = podsOf(selector).filter((p) => !p.metadata.deletionTimestamp);
  return pods.length === n && pods.every((p) => p.status?.phase === 'Running' && p.status.conditions?.some((x: Obj) => x.type === 'Ready' && x.status === 'True'));
};

describe('DaemonSet', () => {
  it('runs one pod on the node, with kubectl columns, a rollout, its history and undo', async () => {
    expect(c.ok(['apply', '-f', writeManifest(c.home, 'ds.yaml', daemonSet)])).toBe('daemonset.apps/agent created\n');
    await waitFor('agent running', () => running('app=agent', 1), 60_000);
    expect(podsOf('app=agent')[0]!.spec.nodeName).toBe('kbx');
    await waitFor('ds status', () => /^agent\s+1\s+1\s+1\s+1\s+1\s+<none>\s+\S+$/m.test(c.ok('get ds agent --no-headers')), 30_000);
    const kubectl = c.kubectl('get ds agent');
    expect(kubectl.code).toBe(0);
    expect(kubectl.stdout.split('\n')[0]).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE$/);

    c.ok('set image ds/agent agent=kbx-test/web:2');
    const status = c.kbx('rollout status ds/agent --timeout=90s', { timeout: 100_000 });
    expect(status.stdout).toMatch(/daemon set "agent" successfully rolled out\n$/);
    expect(podsOf('app=agent').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image)).toEqual(['kbx-test/web:2']);
    expect(c.ok('rollout history ds/agent')).toMatch(/^daemonset.apps\/agent \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/);
    expect(c.ok('get controllerrevisions --no-headers').split('\n').filter(Boolean)).toHaveLength(2);

    expect(c.ok('rollout undo ds/agent')).toBe('daemonset.apps/agent rolled back\n');
    await waitFor('back on web:1', () => {
      const pods = podsOf('app=agent').filter((p) => !p.metadata.deletionTimestamp);
      return pods.length === 1 && pods[0]!.spec.containers[0].image === 'kbx-test/web:1' && running('app=agent', 1);
    }, 90_000);
    expect(c.ok('rollout history ds/agent')).toMatch(/\n2\s+<none>\n3\s+<none>\n/);
    expect(c.ok('describe ds agent')).toMatch(/Desired Number of Nodes Scheduled: 1\nCurrent Number of Nodes Scheduled: 1\n/);
  }, 240_000);
});

describe('StatefulSet', () => {
  it('creates web-0 then web-1, each resolvable by name through the headless service', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'sts.yaml', statefulSet)]);
    await waitFor('web-0 and web-1 ready', () => running('app=nginx', 2), 90_000);
    const [w0, w1] = ['web-0', 'web-1'].map((n) => json(`get pod ${n}`));
    // OrderedReady: web-1 is created only once web-0 is Ready.
    const ready0 = w0!.status.conditions.find((x: Obj) => x.type === 'Ready').lastTransitionTime;
    expect(Date.parse(w1!.metadata.creationTimestamp)).toBeGreaterThanOrEqual(Date.parse(ready0));
    expect(w0!.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(c.ok('get sts web --no-headers')).toMatch(/^web\s+2\/2\s+\S+\n$/);
    const ip0 = w0!.status.podIP;
    const lookup = await waitFor('web-0 resolves', () => {
      const r = c.kbx(['exec', 'web-1', '--', 'nslookup', 'web-0.nginx.default.svc.cluster.local']);
      return r.code === 0 && r.stdout.includes(ip0) ? r.stdout : undefined;
    }, 30_000);
    expect(lookup).toContain(ip0);
  }, 150_000);

  it('rolls out a new image from the highest ordinal, then scales down in reverse order; a deleted pod comes back with its name', async () => {
    c.ok('set image sts/web web=kbx-test/web:2');
    const r = c.kbx('rollout status sts/web --timeout=120s', { timeout: 130_000 });
    expect(r.stdout).toMatch(/partitioned roll out complete: 2 new pods have been updated...\n$/);
    expect(['web-0', 'web-1'].map((n) => json(`get pod ${n}`).spec.containers[0].image)).toEqual(['kbx-test/web:2', 'kbx-test/web:2']);
    // The real kubectl reads the same status.
    expect(c.kubectl('rollout status sts/web --watch=false').stdout).toMatch(/partitioned roll out complete: 2 new pods have been updated/);

    c.ok('delete pod web-0');
    await waitFor('web-0 back', () => running('app=nginx', 2), 90_000);

    c.ok('scale sts web --replicas=1');
    await waitFor('web-1 gone', () => podsOf('app=nginx').map((p) => p.metadata.name).join() === 'web-0', 60_000);
  }, 300_000);

  it('a kill -9 of the control plane mid-rollout: the rollout finishes with one web-0 and no duplicate container', async () => {
    const before = json('get pod web-0').metadata.uid;
    c.ok('set image sts/web web=kbx-test/web:3');
    await waitFor('web-0 being replaced', () => {
      const p = podsOf('app=nginx')[0];
      return !p || p.metadata.uid !== before || !!p.metadata.deletionTimestamp;
    }, 60_000, 50);
    const pid = c.serverPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('control plane dead', () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 10_000);
    const r = c.kbx('rollout status sts/web --timeout=120s', { timeout: 150_000 });
    expect(r.stdout).toMatch(/partitioned roll out complete: 1 new pods have been updated...\n$/);
    expect(c.serverPid()).not.toBe(pid);
    const pods = podsOf('app=nginx');
    expect(pods.map((p) => [p.metadata.name, p.spec.containers[0].image])).toEqual([['web-0', 'kbx-test/web:3']]);
    await waitFor('one web container', () => c.containers(['label=io.kbx.pod=web-0', 'label=io.kbx.container=web', 'status=running']).length === 1, 30_000);
  }, 240_000);
});

describe('node maintenance', () => {
  it('drain refuses DaemonSet pods without --ignore-daemonsets, then evicts honouring a PodDisruptionBudget', async () => {
    const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: nginx}
`;
    c.ok(['apply', '-f', writeManifest(c.home, 'pdb.yaml', pdb)]);
    await waitFor('pdb observed', () => json('get pdb web').status?.currentHealthy === 1, 30_000);

    const refused = c.kbx('drain kbx');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('node/kbx cordoned\n');
    expect(refused.stderr).toMatch(/^error: unable to drain node "kbx" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): default\/agent-\w+, continuing command...\nThere are pending nodes to be drained:\n kbx\ncannot delete DaemonSet-managed Pods/);

    // web-0 is the only healthy pod the budget covers: the eviction is refused (429) and retried until the timeout.
    const blocked = c.kbx('drain kbx --ignore-daemonsets --timeout=7s', { timeout: 30_000 });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/^node\/kbx already cordoned\nevicting pod default\/web-0\n/);
    expect(blocked.stderr).toMatch(/error when evicting pods\/"web-0" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget./);
    expect(c.ok('get pod web-0 -o name')).toBe('pod/web-0\n');

    c.ok('delete pdb web');
    const drained = c.kbx('drain kbx --ignore-daemonsets --timeout=60s', { timeout: 70_000 });
    expect(drained.code).toBe(0);
    expect(drained.stdout).toMatch(/pod\/web-0 evicted\nnode\/kbx drained\n$/);
    expect(drained.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: default\/agent-\w+\n/);
    // The StatefulSet recreates web-0, which stays Pending on the cordoned node; the daemon pod stays.
    await waitFor('web-0 pending', () => {
      const p = podsOf('app=nginx')[0];
      return p && !p.metadata.deletionTimestamp && !p.spec.nodeName && p.status.phase === 'Pending';
    }, 30_000);
    expect(running('app=agent', 1)).toBe(true);

    expect(c.ok('uncordon kbx')).toBe('node/kbx uncordoned\n');
    await waitFor('web-0 running again', () => running('app=nginx', 1), 60_000);
  }, 180_000);

  it('a NoExecute taint evicts pods that do not tolerate it, and the DaemonSet leaves the node', async () => {
    expect(c.ok('taint nodes kbx maintenance=now:NoExecute')).toBe('node/kbx tainted\n');
    await waitFor('pods gone', () => podsOf('app=nginx').every((p) => !p.spec.nodeName) && podsOf('app=agent').length === 0, 60_000);
    expect(c.ok('get events --field-selector reason=TaintManagerEviction')).toMatch(/Marking for deletion Pod default\/web-0/);
    expect(c.ok('get ds agent --no-headers')).toMatch(/^agent\s+0\s+0\s+0\s+0\s+0\s/);
    expect(c.ok('taint nodes kbx maintenance-')).toBe('node/kbx untainted\n');
    await waitFor('back', () => running('app=nginx', 1) && running('app=agent', 1), 90_000);
  }, 180_000);
});
