// NetworkPolicy enforced on real Docker, as the course puts it (seed 004, "NetworkPolicies"): a pod no policy
// selects talks to anyone; once a policy selects it, it is isolated except for what a policy allows; policies
// add up; A → B needs A's egress and B's ingress; isolation is per connection (replies pass). Traffic by pod IP
// and through a Service's ClusterIP (the data plane re-dials it), in namespaces told apart by namespaceSelector.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('netpol');
});
afterAll(() => c?.destroy());

/** Every pod serves HTTP on 80 (named `http`) and has sh, wget and nslookup. */
const pod = (name: string, ns: string, labels: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: {${labels}}}
spec:
  terminationGracePeriodSeconds: 0
  containers:
  - name: web
    image: kbx-test/web:1
    ports: [{containerPort: 80, name: http}]
`;

const workload = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: blue, labels: {team: blue}}\n',
  pod('web', 'default', 'app: web'),
  pod('client', 'default', 'role: client'),
  pod('other', 'default', 'role: other'),
  pod('visitor', 'blue', 'role: visitor'),
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 8080, targetPort: http}]\n',
].join('---\n');

/** The course's policy for `web`: default deny for the namespace, then web open to the clients and team blue. */
const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-allow}
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
  - from:
    - podSelector:
        matchLabels: {role: client}
    - namespaceSelector:
        matchLabels: {team: blue}
    ports:
    - {protocol: TCP, port: http}
`;

/** The client may only reach web (port 80) and the cluster DNS. */
const clientEgress = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: client-egress}
spec:
  podSelector:
    matchLabels: {role: client}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector:
        matchLabels: {app: web}
    ports: [{port: 80}]
  - ports: [{port: 53, protocol: UDP}]
`;

const ips: Record<string, string> = {};

/** From one pod, every target at once (2 s each at most: a dropped SYN never answers): target → ok | blocked. */
function probe(from: string, targets: string[], ns = 'default'): Record<string, string> {
  const script = targets.map((t, i) => `(timeout 2 wget -q -O /dev/null http://${t}/ && echo "${i} ok" || echo "${i} blocked") &`).join('\n') + '\nwait';
  const out = c.ok(['exec', '-n', ns, from, '--', 'sh', '-c', script]);
  const got: Record<string, string> = {};
  for (const l of out.trim().split('\n')) {
    const [i, v] = l.trim().split(' ');
    got[targets[Number(i)]!] = v!;
  }
  return got;
}

describe('NetworkPolicy', () => {
  it('without a policy every pod reaches web by IP and through its Service', async () => {
    expect(c.kbx(['apply', '-f', writeManifest(c.home, 'w.yaml', workload)]).code).toBe(0);
    await waitFor('4 pods running', () => c.ok(['get', 'pods', '-A', '--no-headers']).split('\n').filter((l) => /1\/1\s+Running/.test(l)).length === 4, 90_000);
    for (const [name, ns] of [['web', 'default'], ['client', 'default'], ['other', 'default'], ['visitor', 'blue']] as const) ips[name] = c.ok(['get', 'pod', name, '-n', ns, '-o', 'jsonpath={.status.podIP}']).trim();
    await waitFor('the web endpoint', () => c.ok(['get', 'ep', 'web', '-o', 'jsonpath={.subsets[*].addresses[*].ip}']).trim() === ips.web);
    expect(probe('other', [ips.web!, 'web:8080'])).toEqual({ [ips.web!]: 'ok', 'web:8080': 'ok' });
  });

  it('default deny + allow: only the clients and namespace team=blue reach web, by IP and through the Service', async () => {
    const t0 = Date.now();
    const r = c.kbx(['apply', '-f', writeManifest(c.home, 'p.yaml', policies)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    await waitFor('other cut off from web', () => probe('other', [ips.web!])[ips.web!] === 'blocked', 20_000, 0);
    console.log(`NetworkPolicy enforced ${Date.now() - t0} ms after kbx apply returned (upper bound, the probe included)`);
    expect(probe('other', [ips.web!, 'web:8080', ips.client!])).toEqual({ [ips.web!]: 'blocked', 'web:8080': 'blocked', [ips.client!]: 'blocked' });
    expect(probe('client', [ips.web!, 'web:8080'])).toEqual({ [ips.web!]: 'ok', 'web:8080': 'ok' });
    expect(probe('visitor', [ips.web!, 'web.default:8080'], 'blue')).toEqual({ [ips.web!]: 'ok', 'web.default:8080': 'ok' });
    // Unselected pods (team blue's) stay open, and replies to web's own connections come back.
    expect(probe('web', [ips.visitor!])).toEqual({ [ips.visitor!]: 'ok' });
  });

  it('egress: the client reaches web and DNS only', async () => {
    expect(c.kbx(['apply', '-f', writeManifest(c.home, 'e.yaml', clientEgress)]).code).toBe(0);
    await waitFor('client cut off from visitor', () => probe('client', [ips.visitor!])[ips.visitor!] === 'blocked', 20_000, 0);
    expect(probe('client', [ips.web!, 'web:8080', ips.visitor!, 'web.default.svc.cluster.local:8080'])).toEqual({
      [ips.web!]: 'ok',
      'web:8080': 'ok',
      [ips.visitor!]: 'blocked',
      'web.default.svc.cluster.local:8080': 'ok',
    });
  });

  it('deleting the policies restores the traffic', async () => {
    c.ok(['delete', 'netpol', '--all']);
    await waitFor('other reaches web again', () => {
      const p = probe('other', [ips.web!, 'web:8080']);
      return p[ips.web!] === 'ok' && p['web:8080'] === 'ok';
    }, 20_000, 0);
    expect(probe('client', [ips.visitor!])).toEqual({ [ips.visitor!]: 'ok' });
  });
});
