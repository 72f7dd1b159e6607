import { describe, it, expect } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { deploymentRolloutStatus } from '../../src/cli/rollout-status.js';
import { historyEntries, historyOutput, viewHistory } from '../../src/cli/rollout-history.js';
import { planRollback, rollbackAnnotations, rollbackTarget } from '../../src/cli/rollout-undo.js';
import { rfc3339Now, rolloutPatch } from '../../src/cli/commands/rollout.js';
import { buildDeployment, containerNameForImage } from '../../src/cli/deployment-generator.js';
import { getResourcesAndPairs, parseEnv, parsePairs, selectString, setContainerImage, splitEnvironmentFromResources, updateEnv } from '../../src/cli/pod-template-edits.js';
import { intFlag, parseGoInt, stringSlice } from '../../src/cli/flag-values.js';
import { typedOrder } from '../../src/cli/output/typed.js';
import { classifyReplicaSets, podTemplateText } from '../../src/printers/describe-apps.js';
import { toKubectlJson } from '../../src/cli/output/json.js';
import { FIXTURE, GOLDEN } from './cli-rollout-fixture.js';

const deploy = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject => ({
  metadata: { name: 'web', generation: 2, ...meta },
  spec,
  status,
});

describe('rollout status messages (DeploymentStatusViewer)', () => {
  const cases: Array<[string, KObject, string | { error: string }, boolean?]> = [
    ['spec change not observed yet', deploy({ replicas: 3 }, { observedGeneration: 1, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 'Waiting for deployment spec update to be observed...\n'],
    ['new replicas being created', deploy({ replicas: 3 }, { observedGeneration: 2, replicas: 4, updatedReplicas: 1, availableReplicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n'],
    ['old replicas terminating', deploy({ replicas: 3 }, { observedGeneration: 2, replicas: 4, updatedReplicas: 3, availableReplicas: 3 }), 'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n'],
    ['updated but not available', deploy({ replicas: 3 }, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), 'Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n'],
    ['done', deploy({ replicas: 3 }, { observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 'deployment "web" successfully rolled out\n', true],
    ['done at zero replicas', deploy({ replicas: 0 }, { observedGeneration: 3 }), 'deployment "web" successfully rolled out\n', true],
    ['empty status, generation 0', { metadata: { name: 'web' }, spec: { replicas: 1 } }, 'Waiting for deployment "web" rollout to finish: 0 out of 1 new replicas have been updated...\n'],
    [
      'progress deadline',
      deploy({ replicas: 3 }, { observedGeneration: 2, replicas: 4, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }),
      { error: 'deployment "web" exceeded its progress deadline' },
    ],
    [
      'a deadline on a stale status is not reported yet',
      deploy({ replicas: 3 }, { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }),
      'Waiting for deployment spec update to be observed...\n',
    ],
  ];
  for (const [name, d, want, done] of cases) {
    it(name, () => {
      const got = deploymentRolloutStatus(d);
      if (typeof want === 'string') expect(got).toEqual({ message: want, done: !!done });
      else expect(got).toEqual(want);
    });
  }

  it('--revision pins the revision', () => {
    const d = deploy({ replicas: 1 }, { observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }, { annotations: { 'deployment.kubernetes.io/revision': '3' } });
    expect(deploymentRolloutStatus(d, 3)).toEqual({ message: 'deployment "web" successfully rolled out\n', done: true });
    expect(deploymentRolloutStatus(d, 2)).toEqual({ error: 'desired revision (2) is different from the running revision (3)' });
    expect(deploymentRolloutStatus({ metadata: { name: 'web' } }, 1)).toEqual({ error: 'desired revision (1) is different from the running revision (0)' });
  });
});

describe('rollout history (kubectl v1.35 goldens)', () => {
  const { newRS, oldRSs } = classifyReplicaSets(FIXTURE.deployment, FIXTURE.replicaSets);
  const all = [...oldRSs, newRS!];
  const name = 'deployment.apps/web';

  it('REVISION / CHANGE-CAUSE table', () => {
    expect(historyOutput(name, viewHistory(all))).toBe(GOLDEN.history);
  });

  it('--revision=N prints the pod template, change-cause included, tabs unaligned', () => {
    expect(historyOutput(name, viewHistory(all, 3), 3)).toBe(GOLDEN.history3);
  });

  it('unknown revision and empty history', () => {
    expect(() => viewHistory(all, 7)).toThrow('unable to find the specified revision');
    expect(historyOutput(name, viewHistory([]))).toBe('deployment.apps/web \nNo rollout history found.\n');
    expect(historyOutput(name, viewHistory([], 1), 1)).toBe('deployment.apps/web with revision #1\nNo rollout history found.\n');
  });

  it('a later ReplicaSet with the same revision wins; missing annotation is revision 0; garbage skipped', () => {
    const mk = (name: string, rev: string | undefined, cause?: string): KObject => ({
      metadata: { name, annotations: { ...(rev !== undefined ? { 'deployment.kubernetes.io/revision': rev } : {}), ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) } },
      spec: { template: {} },
    });
    const e = historyEntries([mk('a', '1', 'first'), mk('b', '1', 'second'), mk('c', undefined), mk('d', 'x')]);
    expect([...e.keys()].sort()).toEqual([0, 1]);
    expect(e.get(1)!.changeCause).toBe('second');
    expect(viewHistory([mk('c', undefined), mk('a', '10', 'ten'), mk('b', '9')])).toBe('REVISION  CHANGE-CAUSE\n0         <none>\n9         <none>\n10        ten\n');
  });
});

describe('rollout undo', () => {
  const { newRS, oldRSs } = classifyReplicaSets(FIXTURE.deployment, FIXTURE.replicaSets);
  const all = [...oldRSs, newRS!];

  it('picks the previous revision by default, or the one asked for', () => {
    expect(rollbackTarget('web', all, 0).metadata.name).toBe('web-hash2');
    expect(rollbackTarget('web', all, 1).metadata.name).toBe('web-hash1');
    expect(() => rollbackTarget('web', all, 7)).toThrow('unable to find specified revision 7 in history');
    expect(() => rollbackTarget('web', all, -1)).toThrow('unable to find specified revision -1 in history');
    expect(() => rollbackTarget('web', [newRS!], 0)).toThrow('no rollout history found for deployment "web"');
    expect(() => rollbackTarget('web', [], 0)).toThrow('no rollout history found for deployment "web"');
  });

  it('--dry-run=client prints the target template (golden)', () => {
    const rs = rollbackTarget('web', all, 2);
    expect(`deployment.apps/web ${podTemplateText(rs.spec.template)} (dry run)\n`).toBe(GOLDEN.undoDryRun2);
  });

  it('JSON patch: template without pod-template-hash, annotations rebuilt from the skip list and the ReplicaSet', () => {
    const rs = rollbackTarget('web', all, 2);
    const plan = planRollback(FIXTURE.deployment, rs, 2);
    expect(plan.kind).toBe('patch');
    if (plan.kind !== 'patch') return;
    expect(plan.patch.map((p) => [p.op, p.path])).toEqual([
      ['replace', '/spec/template'],
      ['replace', '/metadata/annotations'],
    ]);
    const template = plan.patch[0]!.value as Record<string, any>;
    expect(template.metadata.labels).toEqual({ app: 'web' });
    expect(template.spec.containers[0].image).toBe('nginx:1.26');
    expect(plan.patch[1]!.value).toEqual({
      // kept from the deployment (skip list)
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n',
      // from the ReplicaSet (its desired-replicas / max-replicas are on the skip list)
      'kubernetes.io/change-cause': 'kubectl set image deploy/web nginx=nginx:1.26 --record=true',
    });
    // the deployment's other annotations (foo, long) are dropped
  });

  it('a change-cause the target lacks is dropped', () => {
    const rs1 = rollbackTarget('web', all, 1);
    expect(rollbackAnnotations(FIXTURE.deployment, rs1)).toEqual({
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}\n',
    });
  });

  it('skips when the template already matches; refuses a paused deployment', () => {
    expect(planRollback(FIXTURE.deployment, newRS!, 3)).toEqual({ kind: 'skip', message: 'skipped rollback (current template already matches revision 3)' });
    const paused = structuredClone(FIXTURE.deployment);
    paused.spec.paused = true;
    expect(() => planRollback(paused, oldRSs[0]!, 1)).toThrow("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  });
});

describe('rollout pause / resume / restart patches', () => {
  const d = (paused?: boolean): KObject => ({ kind: 'Deployment', metadata: { name: 'web' }, spec: { ...(paused ? { paused } : {}), template: {} } });
  it('pause', () => {
    expect(rolloutPatch('pause', d(), 'T')).toEqual({ patch: { spec: { paused: true } } });
    expect(rolloutPatch('pause', d(true), 'T')).toEqual({ error: 'is already paused' });
  });
  it('resume', () => {
    expect(rolloutPatch('resume', d(true), 'T')).toEqual({ patch: { spec: { paused: null } } });
    expect(rolloutPatch('resume', d(), 'T')).toEqual({ error: 'is not paused' });
  });
  it('restart', () => {
    expect(rolloutPatch('restart', d(), 'T')).toEqual({ patch: { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 'T' } } } } } });
    expect(rolloutPatch('restart', d(true), 'T')).toEqual({ error: "can't restart paused deployment (run rollout resume first)" });
  });
  it('other kinds', () => {
    const rs = { kind: 'ReplicaSet', metadata: { name: 'x' } };
    expect(rolloutPatch('pause', rs, 'T').error).toBe('pausing is not supported');
    expect(rolloutPatch('resume', rs, 'T').error).toBe('resuming is not supported');
    expect(rolloutPatch('restart', rs, 'T').error).toBe('restarting is not supported');
  });
  it('restartedAt is RFC 3339 in local time', () => {
    expect(rfc3339Now(new Date('2026-11-23T09:14:31.500Z'))).toMatch(/^2026-11-2[23]T\d\d:\d\d:31(Z|[+-]\d\d:\d\d)$/);
  });
});

describe('create deployment', () => {
  const rand = () => 0;
  it('kubectl dry-run JSON, byte for byte', () => {
    expect(toKubectlJson(buildDeployment({ name: 'web', images: ['nginx'], replicas: 3, port: 80, command: [] }))).toBe(GOLDEN.createJson1);
    expect(toKubectlJson(buildDeployment({ name: 'web', images: ['a'], replicas: 1, port: -1, command: ['sh', '-c', 'x'] }))).toBe(GOLDEN.createJson2);
    expect(
      toKubectlJson(buildDeployment({ name: 'hello', images: ['busybox:1.36', 'registry.k8s.io/pause:3.9'], replicas: 1, port: 8080, command: [], namespace: 'demo' })),
    ).toBe(GOLDEN.createJson3);
  });
  it('container names from images', () => {
    expect(containerNameForImage('nginx:1.25')).toBe('nginx');
    expect(containerNameForImage('registry.example.com:5000/team/app@sha256:abc')).toBe('app');
    expect(containerNameForImage('quay.io/my_org/my_app.v2:latest', rand)).toBe('my-app-v2-bbbbb');
  });
  it('--image is a string slice', () => {
    expect(stringSlice(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(stringSlice(['"x,y",z'])).toEqual(['x,y', 'z']);
  });
  it('typed field order for objects read from the server', () => {
    const obj = { status: {}, spec: { strategy: {}, template: { spec: { containers: [{ resources: {}, image: 'i', name: 'c' }] }, metadata: {} }, replicas: 1 }, metadata: { labels: {}, name: 'w' }, apiVersion: 'apps/v1', kind: 'Deployment' };
    expect(JSON.stringify(typedOrder(obj))).toBe(
      '{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"w","labels":{}},"spec":{"replicas":1,"template":{"metadata":{},"spec":{"containers":[{"name":"c","image":"i","resources":{}}]}},"strategy":{}},"status":{}}',
    );
  });
});

describe('flags', () => {
  it('ints parse as strconv.ParseInt(s, 0, bits)', () => {
    expect(parseGoInt('42')).toBe(42);
    expect(parseGoInt('-1')).toBe(-1);
    expect(parseGoInt('0x10')).toBe(16);
    expect(parseGoInt('010')).toBe(8);
    expect(parseGoInt('1_000')).toBe(1000);
    expect(() => parseGoInt('x')).toThrow('strconv.ParseInt: parsing "x": invalid syntax');
    expect(() => parseGoInt('3000000000', 32)).toThrow('strconv.ParseInt: parsing "3000000000": value out of range');
    expect(() => intFlag('x', '-r, --replicas', 'kbx create deployment', 32)).toThrow(
      'invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kbx create deployment --help\' for usage.',
    );
  });
});

describe('set image / set env', () => {
  it('resources then pairs', () => {
    expect(getResourcesAndPairs(['deploy/web', 'a=b', '*=c'], 'image')).toEqual({ resources: ['deploy/web'], pairs: ['a=b', '*=c'] });
    expect(() => getResourcesAndPairs(['deploy/web', 'a=b', 'rs/x'], 'image')).toThrow('all resources must be specified before image changes: rs/x');
    expect(() => parsePairs(['a-'], 'image')).toThrow('invalid image format: a-');
    expect([...parsePairs(['a=b=c'], 'image')]).toEqual([['a', 'b=c']]);
  });
  it('images by container name, * for all, init containers too', () => {
    const spec = { initContainers: [{ name: 'init', image: 'x' }], containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] };
    expect(setContainerImage(spec, 'b', 'y')).toBe(true);
    expect(spec.containers.map((c) => c.image)).toEqual(['x', 'y']);
    expect(setContainerImage(spec, 'nope', 'y')).toBe(false);
    expect(setContainerImage(spec, '*', 'z')).toBe(true);
    expect([...spec.initContainers, ...spec.containers].map((c) => c.image)).toEqual(['z', 'z', 'z']);
  });
  it('env arguments', () => {
    expect(splitEnvironmentFromResources(['deploy/web', 'A=1', 'B-'])).toEqual({ resources: ['deploy/web'], envArgs: ['A=1', 'B-'] });
    expect(splitEnvironmentFromResources(['deploy/web', 'A=1', 'x'])).toBeUndefined();
    expect(parseEnv(['A=1', 'B=', 'C-'])).toEqual({ env: [{ name: 'A', value: '1' }, { name: 'B', value: '' }], remove: ['C'] });
    expect(() => parseEnv(['A=1', 'A-'])).toThrow('can not both modify and remove the same environment variable in the same command');
    expect(() => parseEnv(['1A=1'])).toThrow('"1A" is not a valid key name');
  });
  it('updateEnv keeps order, replaces in place, appends new, removes', () => {
    const existing = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }];
    expect(updateEnv(existing, [{ name: 'B', value: 'x' }, { name: 'D', value: '4' }], ['A'])).toEqual([
      { name: 'B', value: 'x' },
      { name: 'C', value: '3' },
      { name: 'D', value: '4' },
    ]);
  });
  it('--containers globbing', () => {
    expect(selectString('nginx', '*')).toBe(true);
    expect(selectString('nginx', 'nginx')).toBe(true);
    expect(selectString('nginx', 'ng*')).toBe(true);
    expect(selectString('nginx', '*inx')).toBe(true);
    // kubectl's matcher only anchors a leading part when an earlier part moved the position:
    // `x*` matches `nginx` (checked against kubectl v1.35: `set env -c 'x*'` updates nginx).
    expect(selectString('nginx', 'x*')).toBe(true);
    expect(selectString('nginx', 'q*')).toBe(false);
    expect(selectString('sidecar', 'ng*')).toBe(false);
  });
});
