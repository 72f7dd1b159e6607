// Dangerous pod specs are announced with an API Warning (api/pod-limits.ts through the Pod kind's warnings).
import { describe, expect, it } from 'vitest';
import { pod as podKind } from '../../src/kinds/pod.js';
import { deployment } from '../../src/kinds/deployment.js';
import { cronJob as cronjob } from '../../src/kinds/cronjob.js';
import type { KObject } from '../../src/api/types.js';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }], ...spec } }) as unknown as KObject;
const warn = (spec: Record<string, unknown>) => podKind.warnings!(pod(spec));

describe('dangerous pod specs', () => {
  it.each([
    ['/var/run/docker.sock', "exposes the host's Docker socket"],
    ['/run/docker.sock', "exposes the host's Docker socket"],
    ['/var/run/', "exposes the host's Docker socket"],
    ['/', "mounts the host's root filesystem"],
    ['//./', "mounts the host's root filesystem"],
  ])('hostPath %s', (path, text) => {
    const w = warn({ volumes: [{ name: 'h', hostPath: { path } }] });
    expect(w).toHaveLength(1);
    expect(w[0]).toContain(`spec.volumes[h].hostPath.path: "${path}" ${text}`);
  });

  it('privileged and host-reaching capabilities', () => {
    const w = warn({ containers: [{ name: 'c', image: 'x', securityContext: { privileged: true, capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } } }] });
    expect(w).toEqual([
      'containers[c].securityContext.privileged: the container runs privileged on this machine\'s Docker: every capability, the host\'s devices, no seccomp or AppArmor confinement',
      "containers[c].securityContext.capabilities.add: SYS_ADMIN reach beyond the container on this machine's Docker",
    ]);
  });

  it("hostPID and hostIPC are announced (honoured: the host's namespaces), ordinary pods are not", () => {
    expect(warn({ hostPID: true, hostIPC: true })).toEqual([
      "spec.hostPID: the pod's containers run in this machine's PID namespace: they see, and as root can signal or trace, every process of the host",
      "spec.hostIPC: the pod's containers share this machine's IPC namespace (its shared memory and message queues)",
    ]);
    expect(warn({ volumes: [{ name: 'd', hostPath: { path: '/tmp/data' } }, { name: 'e', emptyDir: {} }] })).toEqual([]);
  });

  it('pod templates of workloads, with where they are', () => {
    const spec = { volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }], containers: [{ name: 'c', image: 'x', securityContext: { privileged: true } }] };
    const d = deployment.warnings!({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec } } } as unknown as KObject);
    expect(d.map((w) => w.split(':')[0])).toEqual(['spec.template.spec.volumes[sock].hostPath.path', 'spec.template.spec.containers[c].securityContext.privileged']);
    const cj = cronjob.warnings!({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'j' }, spec: { jobTemplate: { spec: { template: { spec } } } } } as unknown as KObject);
    expect(cj[0]).toMatch(/^spec\.jobTemplate\.spec\.template\.spec\.volumes\[sock\]/);
  });
});
