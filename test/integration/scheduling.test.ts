// The scheduler on the real node: pods that cannot fit stay Pending with kube-scheduler's
// FailedScheduling message and run as soon as the cause goes away; PodDisruptionBudgets get status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, podRow, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('sched');
});
afterAll(() => c?.destroy());

const podYaml = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: sched}
spec:
${extra}  containers:
  - name: main
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`;

describe('scheduling', () => {
  it('a pod asking for 100 CPUs stays Pending with FailedScheduling', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'big.yaml', podYaml('big', '').replace('    command:', '    resources: {requests: {cpu: "100"}}\n    command:'))]);
    await waitFor('FailedScheduling', () => c.kbx('get events --field-selector involvedObject.name=big').stdout.includes('FailedScheduling'), 30_000);
    expect(c.ok('get pod big -o jsonpath={.status.phase}')).toBe('Pending');
    expect(c.ok('get pod big -o jsonpath={.status.conditions[0].message}')).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
    expect(c.ok('describe pod big')).toContain('Warning  FailedScheduling');
    c.ok('delete pod big --now');
  });

  it('a nodeSelector no node matches waits, and runs once the node gets the label', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'sel.yaml', podYaml('sel', '  nodeSelector: {disk: ssd}\n'))]);
    await waitFor('unschedulable', () => c.kbx('get pod sel -o jsonpath={.status.conditions[0].reason}').stdout === 'Unschedulable', 30_000);
    expect(c.ok('get pod sel -o jsonpath={.status.conditions[0].message}')).toContain("1 node(s) didn't match Pod's node affinity/selector.");
    c.ok('label node kbx disk=ssd');
    await waitFor('sel running', () => podRow(c.kbx('get pods').stdout, 'sel')?.status === 'Running', 60_000);
    c.ok('delete pod sel --now');
  });

  it('a PodDisruptionBudget counts healthy pods', async () => {
    c.ok(['apply', '-f', writeManifest(c.home, 'ok.yaml', podYaml('ok', ''))]);
    c.ok(['apply', '-f', writeManifest(c.home, 'pdb.yaml', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: sched-pdb}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: sched}}\n')]);
    await waitFor('pdb status', () => /^sched-pdb\s+1\s+N\/A\s+0\s+/.test(c.kbx('get pdb --no-headers').stdout), 60_000);
    expect(c.ok('get pdb').split('\n')[0]).toMatch(/^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE$/);
  });
});
