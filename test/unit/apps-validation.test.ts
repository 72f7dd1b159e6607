// apps/v1 Deployment and ReplicaSet defaults and validation, with the messages of
// SEMANTICS.md A1 and pkg/apis/apps/validation/validation.go.
import { describe, expect, it } from 'vitest';
import { defaultDeployment, defaultPodTemplate, defaultReplicaSet } from '../../src/api/defaults-apps.js';
import {
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
} from '../../src/api/validation-apps.js';
import { validate } from '../../src/kinds/index.js';
import { aggregateMessage, formatFieldError, type FieldError } from '../../src/api/field-errors.js';
import type { ResourceInfo } from '../../src/api/registry.js';
import type { KObject } from '../../src/api/types.js';

type Obj = Record<string, any>;
const msgs = (errs: FieldError[]): string[] => errs.map(formatFieldError);

function manifest(spec: Obj = {}, labels: Obj = { app: 'x' }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...spec,
    },
  };
}

const deployment = (spec: Obj = {}, labels?: Obj): KObject => defaultDeployment(manifest(spec, labels));

describe('defaultDeployment', () => {
  it('fills what kubectl get deploy -o yaml shows, in apps/v1 field order', () => {
    const d = deployment();
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              resources: {},
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(Object.keys(d.spec)).toEqual(['replicas', 'selector', 'template', 'strategy', 'revisionHistoryLimit', 'progressDeadlineSeconds']);
    expect(Object.keys(d.spec.strategy.rollingUpdate)).toEqual(['maxUnavailable', 'maxSurge']);
  });
  it('keeps explicit values, completes a partial rollingUpdate, gives Recreate none', () => {
    const d = deployment({ replicas: 0, revisionHistoryLimit: 0, minReadySeconds: 5, strategy: { rollingUpdate: { maxSurge: 1 } } });
    expect(d.spec.replicas).toBe(0);
    expect(d.spec.revisionHistoryLimit).toBe(0);
    expect(d.spec.minReadySeconds).toBe(5);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } });
    expect(deployment({ strategy: { type: 'Recreate' } }).spec.strategy).toEqual({ type: 'Recreate' });
  });
  it('does not add Pod-only or admission defaults to the template', () => {
    const t = defaultPodTemplate({
      metadata: {},
      spec: { containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '1' } }, ports: [{ containerPort: 80 }] }], hostNetwork: true },
    }) as Obj;
    expect(t.spec.tolerations).toBeUndefined();
    expect(t.spec.serviceAccountName).toBeUndefined();
    expect(t.spec.serviceAccount).toBeUndefined();
    expect(t.spec.priority).toBeUndefined();
    expect(t.spec.preemptionPolicy).toBeUndefined();
    expect(t.spec.enableServiceLinks).toBeUndefined();
    expect(t.spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
    expect(t.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(t.spec.containers[0].imagePullPolicy).toBe('Always');
    const sa = defaultPodTemplate({ spec: { serviceAccountName: 'robot', containers: [] } }) as Obj;
    expect([sa.spec.serviceAccountName, sa.spec.serviceAccount]).toEqual(['robot', 'robot']);
  });
  it('is idempotent and does not mutate its input', () => {
    const m = manifest();
    const before = JSON.stringify(m);
    const once = defaultDeployment(m);
    expect(JSON.stringify(m)).toBe(before);
    expect(defaultDeployment(once)).toEqual(once);
  });
  it('defaultReplicaSet: replicas 1 and the template', () => {
    const r = defaultReplicaSet<KObject>({ metadata: {}, spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'a:1' }] } } } });
    expect(Object.keys(r.spec!)).toEqual(['replicas', 'selector', 'template']);
    expect(r.spec!.replicas).toBe(1);
    expect(r.spec!.template.spec.restartPolicy).toBe('Always');
  });
});

describe('validateDeployment (SEMANTICS A1 messages)', () => {
  const PCT =
    "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
  it.each([
    ['the defaults', {}, undefined, []],
    ['both zero', { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }, undefined, ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']],
    ['both zero percent', { strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } } }, undefined, ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']],
    ['more than 100%', { strategy: { rollingUpdate: { maxUnavailable: '110%' } } }, undefined, ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%']],
    ['surge above 100% is fine', { strategy: { rollingUpdate: { maxSurge: '200%' } } }, undefined, []],
    ['bad percent string', { strategy: { rollingUpdate: { maxSurge: 'abc' } } }, undefined, [`spec.strategy.rollingUpdate.maxSurge: Invalid value: "abc": ${PCT}`]],
    ['bad string and zero', { strategy: { rollingUpdate: { maxSurge: 'abc', maxUnavailable: 0 } } }, undefined, [
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: "abc": ${PCT}`,
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]],
    ['negative', { strategy: { rollingUpdate: { maxSurge: -1 } } }, undefined, ['spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0']],
    ['rollingUpdate with Recreate', { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }, undefined, [
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]],
    ['unknown strategy', { strategy: { type: 'Blue' } }, undefined, ['spec.strategy: Unsupported value: {"Type":"Blue","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"']],
    ['no selector', { selector: undefined }, undefined, [
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
    ]],
    ['empty selector', { selector: {} }, undefined, ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['selector not matching', { selector: { matchLabels: { app: 'y' } } }, undefined, ['spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`']],
    ['selector expression matching', { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['x', 'y'] }] } }, undefined, []],
    ['bad selector operator', { selector: { matchExpressions: [{ key: 'app', operator: 'Is', values: ['x'] }] } }, undefined, [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Is","values":["x"]}]}: invalid label selector',
    ]],
    ['restartPolicy Never', { template: { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } }, undefined, [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]],
    ['activeDeadlineSeconds', { template: { metadata: { labels: { app: 'x' } }, spec: { activeDeadlineSeconds: 5, containers: [{ name: 'c', image: 'i' }] } } }, undefined, [
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]],
    ['progress deadline not above minReadySeconds', { minReadySeconds: 10, progressDeadlineSeconds: 5 }, undefined, ['spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds']],
    ['progress deadline equal to minReadySeconds', { minReadySeconds: 10, progressDeadlineSeconds: 10 }, undefined, ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds']],
    ['negative replicas', { replicas: -1 }, undefined, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['negative minReadySeconds', { minReadySeconds: -1, progressDeadlineSeconds: 600 }, undefined, ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0']],
    ['negative revisionHistoryLimit', { revisionHistoryLimit: -1 }, undefined, ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['template labels are checked at spec.template.labels (no .metadata, as Kubernetes prints it)', {}, { app: 'x', 'a b': 'y' }, [
      "spec.template.labels: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]],
    ['an unparsable selector skips the template checks', { selector: { matchLabels: { 'a b': 'x' } } }, { 'a b': 'x' }, [
      "spec.selector.matchLabels: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.selector: Invalid value: {"matchLabels":{"a b":"x"}}: invalid label selector',
    ]],
  ] as const)('%s', (_n, spec, labels, want) => {
    expect(msgs(validateDeployment(deployment(spec as Obj, labels as Obj | undefined)))).toEqual([...want]);
  });
  it('the template is validated as a pod spec at spec.template.spec', () => {
    const d = deployment({ template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c' }] } } });
    expect(msgs(validateDeployment(d))).toContain('spec.template.spec.containers[0].image: Required value');
  });
  it('the Deployment kind declaration plugs the rules into validate()', () => {
    const info = { group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true } as ResourceInfo;
    const errs = validate(deployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }), info);
    expect(aggregateMessage(errs)).toBe('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0');
  });
});

describe('ReplicaSet validation and updates', () => {
  const replicaSet = (spec: Obj = {}): KObject =>
    defaultReplicaSet({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-1', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] } }, ...spec },
    });
  it.each([
    ['valid', {}, []],
    ['negative replicas', { replicas: -2 }, ['spec.replicas: Invalid value: -2: must be greater than or equal to 0']],
    ['empty selector (Kubernetes says deployment here too)', { selector: {} }, ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['no selector', { selector: null }, ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`']],
  ] as const)('%s', (_n, spec, want) => {
    expect(msgs(validateReplicaSet(replicaSet(spec as Obj)))).toEqual([...want]);
  });
  it('the selector is immutable', () => {
    const old = deployment();
    const changed = deployment({ selector: { matchLabels: { app: 'b' } } }, { app: 'b' });
    expect(msgs(validateDeploymentUpdate(changed, old))).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable']);
    expect(validateDeploymentUpdate(deployment({ replicas: 5 }), old)).toEqual([]);
    expect(msgs(validateReplicaSetUpdate(replicaSet({ selector: { matchLabels: { app: 'x', v: '2' } } }), replicaSet()))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"x","v":"2"}}: field is immutable',
    ]);
  });
});
