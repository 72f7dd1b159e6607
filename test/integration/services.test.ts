// Services on the control plane: allocation, endpoints following the pods, the CLI around them.
// (Reaching a Service over the network is the data plane's, tested where it lands.)
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('svc');
});
afterAll(() => c?.destroy());

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: kbx-test/web:1
        ports:
        - containerPort: 80
`;

function epAddresses(name: string): { ready: string[]; notReady: string[]; ports: number[] } {
  const ep = JSON.parse(c.ok(['get', 'endpoints', name, '-o', 'json']));
  const ready: string[] = [];
  const notReady: string[] = [];
  const ports: number[] = [];
  for (const s of ep.subsets ?? []) {
    for (const a of s.addresses ?? []) ready.push(`${a.ip}/${a.targetRef?.name}`);
    for (const a of s.notReadyAddresses ?? []) notReady.push(a.ip);
    for (const p of s.ports ?? []) ports.push(p.port);
  }
  return { ready, notReady, ports };
}

describe('services', () => {
  it('expose a deployment: ClusterIP, endpoints follow scaling, describe, get all', async () => {
    const dir = c.home;
    c.ok(['apply', '-f', writeManifest(dir, 'web.yaml', deployment)]);
    expect(c.ok('expose deployment web --port=80').trim()).toBe('service/web exposed');
    const row = c.ok('get svc web --no-headers').trim().split(/\s+/);
    expect(row.slice(0, 5)).toEqual(['web', 'ClusterIP', expect.stringMatching(/^10\.96\.\d+\.\d+$/), '<none>', '80/TCP']);
    const svc = JSON.parse(c.ok('get service web -o json'));
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.metadata.labels).toEqual({ app: 'web' });

    const ep = await waitFor('3 ready endpoints', () => {
      const e = epAddresses('web');
      return e.ready.length === 3 ? e : undefined;
    }, 30_000);
    expect(ep.ports).toEqual([80]);
    const epRow = c.ok('get ep web --no-headers').trim();
    expect(epRow).toMatch(/^web\s+\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80\s+\S+$/);

    const described = c.ok('describe svc web');
    expect(described).toMatch(/^Name:\s+web$/m);
    expect(described).toMatch(/^Type:\s+ClusterIP$/m);
    expect(described).toMatch(/^Port:\s+<unset>\s+80\/TCP$/m);
    expect(described).toMatch(/^TargetPort:\s+80\/TCP$/m);
    expect(described).toMatch(/^Endpoints:\s+(\d+\.\d+\.\d+\.\d+:80,?){3}$/m);

    const all = c.ok('get all');
    expect(all.indexOf('pod/web-')).toBeLessThan(all.indexOf('service/web'));
    expect(all.indexOf('service/web')).toBeLessThan(all.indexOf('deployment.apps/web'));

    c.ok('scale deployment web --replicas=1');
    await waitFor('1 endpoint', () => (epAddresses('web').ready.length === 1 && epAddresses('web').notReady.length === 0 ? true : undefined), 30_000);

    c.ok('delete svc web');
    await waitFor('endpoints gone', () => (c.kbx('get ep web').code !== 0 ? true : undefined), 10_000);
  }, 60_000);

  it('NodePort at 31000, range and duplicate errors, create service', () => {
    const np = `apiVersion: v1
kind: Service
metadata:
  name: web-np
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    nodePort: 31000
`;
    c.ok(['apply', '-f', writeManifest(c.home, 'np.yaml', np)]);
    expect(c.ok('get svc web-np --no-headers')).toMatch(/^web-np\s+NodePort\s+10\.96\.\S+\s+<none>\s+80:31000\/TCP\s+/);

    const dup = c.kbx(['apply', '-f', writeManifest(c.home, 'dup.yaml', np.replace('name: web-np', 'name: web-dup'))]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('The Service "web-dup" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated');

    const out = c.kbx(['apply', '-f', writeManifest(c.home, 'bad.yaml', np.replace('name: web-np', 'name: web-bad').replace('31000', '80'))]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'The Service "web-bad" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );

    expect(c.ok('create service nodeport np2 --tcp=8080:80').trim()).toBe('service/np2 created');
    expect(c.ok('get svc np2 --no-headers')).toMatch(/^np2\s+NodePort\s+\S+\s+<none>\s+8080:3\d{4}\/TCP\s+/);
    expect(c.ok('create service loadbalancer lb --tcp=80').trim()).toBe('service/lb created');
    expect(c.ok('get svc lb --no-headers')).toMatch(/^lb\s+LoadBalancer\s+\S+\s+127\.0\.0\.1\s+80:3\d{4}\/TCP\s+/);
  });
});
