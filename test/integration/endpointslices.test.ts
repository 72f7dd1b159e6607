// EndpointSlices on the real control plane and Docker: a deployment behind a service gets one
// slice (labelled, owned by the service) that follows readiness and scaling in place, and goes
// away with the service.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('slices');
});
afterAll(() => c?.destroy());

// Pods become ready once /tmp/ready exists; they exit at once on SIGTERM.
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: sl
spec:
  replicas: 2
  selector:
    matchLabels:
      app: sl
  template:
    metadata:
      labels:
        app: sl
    spec:
      containers:
      - name: main
        image: busybox:latest
        command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done"]
        ports:
        - containerPort: 8080
          name: http
        readinessProbe:
          exec:
            command: ["test", "-f", "/tmp/ready"]
          periodSeconds: 1
`;

interface Ep {
  ip: string;
  pod: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

function slices(): any[] {
  return JSON.parse(c.ok(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=sl', '-o', 'json'])).items;
}

function endpoints(s: any): Ep[] {
  return (s.endpoints ?? []).map((e: any) => ({
    ip: e.addresses[0],
    pod: e.targetRef.name,
    ready: e.conditions.ready,
    serving: e.conditions.serving,
    terminating: e.conditions.terminating,
  }));
}

/** The one slice, once `pred` holds for its endpoints. */
async function sliceWhen(what: string, pred: (eps: Ep[]) => boolean): Promise<any> {
  return waitFor(what, () => {
    const all = slices();
    return all.length === 1 && pred(endpoints(all[0])) ? all[0] : undefined;
  }, 20_000);
}

describe('endpointslices', () => {
  it('follow a service: readiness and scaling in place, deleted with the service', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'sl.yaml', deployment)]);
    expect(c.ok('create service clusterip sl --tcp=80:http').trim()).toBe('service/sl created');
    const svc = JSON.parse(c.ok('get svc sl -o json'));

    // Two pods, not ready yet.
    const first = await sliceWhen('2 unready endpoints', (eps) => eps.length === 2 && eps.every((e) => !e.ready && !e.serving && !e.terminating));
    const name: string = first.metadata.name;
    expect(name).toMatch(/^sl-[a-z0-9]{5}$/);
    expect(first.addressType).toBe('IPv4');
    expect(first.metadata.labels).toEqual({
      app: 'sl',
      'kubernetes.io/service-name': 'sl',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(first.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Service', name: 'sl', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(first.ports).toEqual([{ name: '80-http', port: 8080, protocol: 'TCP' }]);
    expect(first.endpoints[0].nodeName).toBe('kbx');
    const pods = JSON.parse(c.ok('get pods -l app=sl -o json')).items as any[];
    expect(endpoints(first).map((e) => e.ip).sort()).toEqual(pods.map((p) => p.status.podIP).sort());

    const row = c.ok('get endpointslices -l kubernetes.io/service-name=sl --no-headers').trim();
    expect(row).toMatch(new RegExp(`^${name}\\s+IPv4\\s+8080\\s+\\d+\\.\\d+\\.\\d+\\.\\d+,\\d+\\.\\d+\\.\\d+\\.\\d+\\s+\\d+s$`));
    expect(c.ok('get endpointslices -o wide').split('\n')[0]).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE$/);

    // One pod becomes ready: its endpoint follows, in the same slice.
    const readyPod: string = pods[0].metadata.name;
    c.ok(['exec', readyPod, '--', 'touch', '/tmp/ready']);
    let s = await sliceWhen('one ready endpoint', (eps) => eps.length === 2 && eps.filter((e) => e.ready && e.serving).map((e) => e.pod).join() === readyPod);
    expect(s.metadata.name).toBe(name);

    // Scale up: the new pod joins the same slice.
    c.ok('scale deployment sl --replicas=3');
    s = await sliceWhen('3 endpoints', (eps) => eps.length === 3);
    expect(s.metadata.name).toBe(name);

    // Scale down to the ready pod (the others go first, as they are not ready).
    c.ok('scale deployment sl --replicas=1');
    s = await sliceWhen('1 endpoint', (eps) => eps.length === 1);
    expect(endpoints(s)).toEqual([expect.objectContaining({ pod: readyPod, ready: true, serving: true, terminating: false })]);
    expect(s.metadata.name).toBe(name);

    // The garbage collector removes the slice with its service.
    c.ok('delete svc sl');
    await waitFor('no slice left', () => slices().length === 0, 15_000);
  }, 60_000);
});
