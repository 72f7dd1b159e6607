// A cluster that protects itself (#17): a Deployment scaled to a million replicas must not take the
// control plane down. The ReplicaSet controller creates at most 500 pods a sync in slow-start batches,
// controllers yield to the API between slices, the scheduler backs pods off, and the event recorder
// aggregates and rate-limits as client-go's does — so user requests keep being answered and a scale
// back to 0 gets through. The pods cannot fit anywhere (a nodeSelector no node has): no container starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('protect');
});
afterAll(() => c?.destroy());

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: huge}
spec:
  replicas: 1
  selector: {matchLabels: {app: huge}}
  template:
    metadata: {labels: {app: huge}}
    spec:
      nodeSelector: {kbx.test/nowhere: "true"}
      containers:
      - {name: main, image: "busybox:latest", command: ["sleep", "3600"]}
`;

describe('a million replicas', () => {
  it('the API keeps answering, scale to 0 gets through, the pods go, events stay bounded', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'huge.yaml', deployment)]);
    expect(c.ok('scale deployment/huge --replicas=1000000')).toContain('deployment.apps/huge scaled');
    // While the controllers work, user requests are served.
    for (let i = 0; i < 5; i++) {
      const r = c.kbx('get deployment huge -o jsonpath={.spec.replicas}', { timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('1000000');
    }
    await waitFor('pods being created', () => Number(c.ok('get rs -l app=huge -o jsonpath={.items[0].status.replicas}') || 0) > 500, 60_000, 500);
    expect(c.ok('scale deployment/huge --replicas=0')).toContain('deployment.apps/huge scaled');
    await waitFor('every pod gone', () => c.ok('get pods -l app=huge -o name').trim() === '', 240_000, 1000);
    // The ReplicaSet's SuccessfulCreate events: aggregated and rate-limited, not one per pod.
    const rs = c.ok('get rs -l app=huge -o jsonpath={.items[0].metadata.name}');
    const events = c.ok(['get', 'events', '--field-selector', `involvedObject.name=${rs}`, '-o', 'jsonpath={range .items[*]}{.reason}|{.message}{"\\n"}{end}']).trim().split('\n');
    const creates = events.filter((e) => e.startsWith('SuccessfulCreate|'));
    expect(creates.length).toBeLessThanOrEqual(10);
    expect(creates.some((e) => e.includes('(combined from similar events): Created pod: huge-'))).toBe(true);
  });
});
