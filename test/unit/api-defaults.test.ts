import { describe, it, expect } from 'vitest';
import { defaultImagePullPolicy, defaultPod, imageTagOf, parseImageReference } from '../../src/api/defaults.js';
import { MAX_GENERATED_NAME_LENGTH, NAME_ALPHABET, generateNameFrom, randomSuffix } from '../../src/api/names.js';
import type { Pod } from '../../src/api/types.js';

// What `kubectl run x --image=nginx --dry-run=client -o yaml` sends.
const runPod = (): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'x', labels: { run: 'x' } },
    spec: { containers: [{ name: 'x', image: 'nginx', resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  }) as Pod;

describe('defaultPod', () => {
  it('matches what a real cluster stores for kubectl run', () => {
    const p = defaultPod(runPod());
    expect(p.spec).toEqual({
      containers: [
        {
          name: 'x',
          image: 'nginx',
          resources: {},
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(p.metadata).toEqual({ name: 'x', labels: { run: 'x' } });
  });

  it('does not touch its input and is idempotent', () => {
    const input = runPod();
    const snapshot = structuredClone(input);
    const once = defaultPod(input);
    expect(input).toEqual(snapshot);
    expect(defaultPod(once)).toEqual(once);
  });

  it('fills a bare spec', () => {
    const p = defaultPod({ metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } as Pod);
    expect(p.spec.restartPolicy).toBe('Always');
    expect(p.spec.dnsPolicy).toBe('ClusterFirst');
    expect(p.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
    expect(p.spec.containers[0]!.resources).toEqual({});
  });

  it('keeps explicit values', () => {
    const p = defaultPod({
      metadata: { name: 'a' },
      spec: {
        containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' }],
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 0,
        enableServiceLinks: false,
        serviceAccountName: 'builder',
        schedulerName: 'mine',
      },
    } as Pod);
    expect(p.spec.restartPolicy).toBe('Never');
    expect(p.spec.terminationGracePeriodSeconds).toBe(0);
    expect(p.spec.enableServiceLinks).toBe(false);
    expect(p.spec.serviceAccountName).toBe('builder');
    expect(p.spec.serviceAccount).toBe('builder');
    expect(p.spec.schedulerName).toBe('mine');
    expect(p.spec.containers[0]!.imagePullPolicy).toBe('Never');
    expect(p.spec.containers[0]!.terminationMessagePolicy).toBe('FallbackToLogsOnError');
  });

  it('takes the deprecated serviceAccount when serviceAccountName is empty', () => {
    const p = defaultPod({ metadata: { name: 'a' }, spec: { containers: [], serviceAccount: 'old' } } as unknown as Pod);
    expect(p.spec.serviceAccountName).toBe('old');
    expect(p.spec.serviceAccount).toBe('old');
  });

  it('adds only the missing default tolerations', () => {
    const spec = (tolerations: unknown[]) => defaultPod({ metadata: { name: 'a' }, spec: { containers: [], tolerations } } as unknown as Pod).spec.tolerations;
    expect(spec([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }])).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    // An empty key with no effect tolerates every taint.
    expect(spec([{ operator: 'Exists' }])).toEqual([{ operator: 'Exists' }]);
    // A NoSchedule toleration does not cover the NoExecute taints.
    expect(spec([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }])).toHaveLength(3);
  });

  it('defaults ports, probes, env field refs and lifecycle handlers', () => {
    const p = defaultPod({
      metadata: { name: 'a' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
            env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
            livenessProbe: { httpGet: { port: 80 } },
            readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
            lifecycle: { preStop: { httpGet: { port: 80, path: '/stop' } } },
          },
        ],
      },
    } as unknown as Pod);
    const c = p.spec.containers[0]! as Record<string, any>;
    expect(c.ports).toEqual([
      { containerPort: 80, protocol: 'TCP' },
      { containerPort: 53, protocol: 'UDP' },
    ]);
    expect(c.env[0].valueFrom.fieldRef).toEqual({ fieldPath: 'metadata.name', apiVersion: 'v1' });
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 });
    expect(c.lifecycle.preStop.httpGet).toEqual({ port: 80, path: '/stop', scheme: 'HTTP' });
  });

  it('copies limits into missing requests and canonicalizes quantities', () => {
    const p = defaultPod({
      metadata: { name: 'a' },
      spec: {
        containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '0.5', memory: '1024Mi' }, requests: { cpu: 0.25 } } }],
        initContainers: [{ name: 'i', image: 'busybox', resources: { limits: { cpu: '100u' } } }],
      },
    } as unknown as Pod);
    expect(p.spec.containers[0]!.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '250m', memory: '1Gi' } });
    expect(p.spec.initContainers![0]!.resources).toEqual({ limits: { cpu: '1m' }, requests: { cpu: '1m' } });
  });

  it('leaves unparseable quantities for validation to report', () => {
    const p = defaultPod({ metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: 'lots' } } }] } } as unknown as Pod);
    expect(p.spec.containers[0]!.resources).toEqual({ limits: { cpu: 'lots' }, requests: { cpu: 'lots' } });
  });

  it('defaults volumes', () => {
    const p = defaultPod({
      metadata: { name: 'a' },
      spec: {
        containers: [],
        volumes: [
          { name: 'e', emptyDir: {} },
          { name: 'h', hostPath: { path: '/tmp' } },
          { name: 's', secret: { secretName: 's' } },
          { name: 'c', configMap: { name: 'c', defaultMode: 0o400 } },
          { name: 'd', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } },
        ],
      },
    } as unknown as Pod);
    expect(p.spec.volumes).toEqual([
      { name: 'e', emptyDir: {} },
      { name: 'h', hostPath: { path: '/tmp', type: '' } },
      { name: 's', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'c', configMap: { name: 'c', defaultMode: 256 } },
      { name: 'd', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } }], defaultMode: 420 } },
    ]);
  });

  it('host network pods get host ports equal to container ports', () => {
    const p = defaultPod({ metadata: { name: 'a' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }] }] } } as unknown as Pod);
    expect(p.spec.containers[0]!.ports).toEqual([{ containerPort: 8080, protocol: 'TCP', hostPort: 8080 }]);
  });

  it('priority classes', () => {
    const p = (priorityClassName: string) => defaultPod({ metadata: { name: 'a' }, spec: { containers: [], priorityClassName } } as unknown as Pod).spec;
    expect(p('system-node-critical').priority).toBe(2000001000);
    expect(p('system-cluster-critical').priority).toBe(2000000000);
    expect(p('custom').priority).toBeUndefined();
  });
});

describe('image references', () => {
  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['library/nginx:1.27-alpine', '1.27-alpine', 'IfNotPresent'],
    ['registry.local:5000/team/app', 'latest', 'Always'],
    ['registry.local:5000/team/app:v2', 'v2', 'IfNotPresent'],
    ['localhost/app:dev', 'dev', 'IfNotPresent'],
    [`nginx@sha256:${'a'.repeat(64)}`, '', 'IfNotPresent'],
    [`nginx:latest@sha256:${'a'.repeat(64)}`, 'latest', 'Always'],
    ['Nginx', '', 'IfNotPresent'], // invalid reference: kubelet cannot parse it
    ['', '', 'IfNotPresent'],
  ])('%s -> tag %j, pull %s', (image, tag, policy) => {
    expect(imageTagOf(image)).toBe(tag);
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });

  it('normalizes repositories', () => {
    expect(parseImageReference('nginx')).toEqual({ repository: 'docker.io/library/nginx', domain: 'docker.io', path: 'library/nginx', tag: '', digest: '' });
    expect(parseImageReference('ghcr.io/o/r:1')).toEqual({ repository: 'ghcr.io/o/r', domain: 'ghcr.io', path: 'o/r', tag: '1', digest: '' });
    expect(parseImageReference('index.docker.io/busybox')?.repository).toBe('docker.io/library/busybox');
    expect(parseImageReference('bad image')).toBeNull();
  });
});

describe('generated names', () => {
  it('uses the Kubernetes alphabet', () => {
    expect(NAME_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
    const s = randomSuffix();
    expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('is deterministic with an injected random source', () => {
    let i = 0;
    const seq = [0, 0.999999, 0.5, 0.04, 0.1];
    const rand = () => seq[i++ % seq.length]!;
    expect(randomSuffix(5, rand)).toBe('b9rcd');
    expect(randomSuffix(3, () => 0)).toBe('bbb');
  });

  it('appends five characters and truncates the base to 58', () => {
    expect(generateNameFrom('web-', () => 0)).toBe('web-bbbbb');
    const long = 'a'.repeat(70) + '-';
    const name = generateNameFrom(long, () => 0);
    expect(MAX_GENERATED_NAME_LENGTH).toBe(58);
    expect(name).toBe('a'.repeat(58) + 'bbbbb');
    expect(name).toHaveLength(63);
  });
});
