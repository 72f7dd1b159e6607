// StatefulSet volumeClaimTemplates on the real Docker engine through the real kbx CLI: each pod
// gets its claim `data-web-<n>` (bound through the default WaitForFirstConsumer class), keeps its
// data when it is deleted and comes back, and the retention policy decides whether claims outlive the set.
import { afterAll, describe, expect, it } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

const c = new Cluster('sts-claims');
afterAll(() => c.destroy());

const manifest = (name: string, replicas: number, policy = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
${policy}  template:
    metadata:
      labels: {app: ${name}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: kbx-test/web:1
        imagePullPolicy: IfNotPresent
        volumeMounts:
        - name: data
          mountPath: /data
  volumeClaimTemplates:
  - metadata:
      name: data
      labels: {tier: storage}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 10Mi
`;

type Obj = Record<string, any>;
const json = (args: string): Obj => JSON.parse(c.ok(`${args} -o json`));
const live = (app: string) => (json(`get pods -l app=${app}`).items as Obj[]).filter((p) => !p.metadata.deletionTimestamp);
const running = (app: string, n: number) => {
  const pods = live(app);
  return pods.length === n && pods.every((p) => p.status?.phase === 'Running');
};
const claims = (app: string) => (json(`get pvc -l app=${app}`).items as Obj[]).map((p) => `${p.metadata.name} ${p.status?.phase}`).sort();

describe('StatefulSet volumeClaimTemplates', () => {
  it('creates data-web-0 and data-web-1, Bound; web-0 deleted comes back to its file', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'web.yaml', manifest('web', 2))]);
    await waitFor('web-0 and web-1 running', () => running('web', 2), 120_000);
    await waitFor('claims bound', () => claims('web').join() === 'data-web-0 Bound,data-web-1 Bound', 30_000);
    const claim = json('get pvc data-web-0');
    expect(claim.metadata.labels).toEqual({ tier: 'storage', app: 'web' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(json('get pod web-0').spec.volumes[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } });
    expect(c.ok('get events --field-selector involvedObject.name=web')).toContain('create Claim data-web-0 Pod web-0 in StatefulSet web success');

    c.ok(['exec', 'web-0', '--', 'sh', '-c', 'echo kept > /data/file']);
    const uid = json('get pod web-0').metadata.uid;
    c.ok('delete pod web-0');
    await waitFor('web-0 back', () => running('web', 2) && json('get pod web-0').metadata.uid !== uid, 90_000);
    expect(c.ok(['exec', 'web-0', '--', 'cat', '/data/file'])).toBe('kept\n');
    expect(c.ok(['exec', 'web-1', '--', 'ls', '/data'])).toBe('');
    expect(claims('web')).toEqual(['data-web-0 Bound', 'data-web-1 Bound']);

    // Retain (the default): scaling down and deleting the set leave the claims.
    c.ok('scale sts web --replicas=1');
    await waitFor('web-1 gone', () => live('web').map((p) => p.metadata.name).join() === 'web-0', 60_000);
    c.ok('delete sts web');
    await waitFor('pods gone', () => live('web').length === 0, 60_000);
    expect(claims('web')).toEqual(['data-web-0 Bound', 'data-web-1 Bound']);
  }, 300_000);

  it('whenScaled: Delete removes the scaled-down claim, whenDeleted: Delete the rest with the set', async () => {
    const policy = '  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}\n';
    c.ok(['apply', '-f', writeManifest(c.home, 'db.yaml', manifest('db', 2, policy))]);
    await waitFor('db-0 and db-1 running', () => running('db', 2), 120_000);
    const owners = json('get pvc data-db-1').metadata.ownerReferences;
    expect(owners.map((r: Obj) => `${r.kind}/${r.name}`)).toEqual(['StatefulSet/db']);
    c.ok('scale sts db --replicas=1');
    await waitFor('data-db-1 deleted', () => claims('db').join() === 'data-db-0 Bound', 90_000);
    c.ok('delete sts db');
    await waitFor('data-db-0 deleted', () => claims('db').length === 0, 90_000);
  }, 300_000);
});
