import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { formatFieldError } from '../../src/api/field-errors.js';
import { validatePodSpec } from '../../src/api/validation.js';
import { defaultPod } from '../../src/api/defaults.js';
import { hostPortBindings, infraSpec } from '../../src/kubelet/container-spec.js';

const pod = (spec: Record<string, unknown>): Pod => defaultPod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec } as unknown as Pod);

describe('host networking', () => {
  it('refuses hostNetwork: true with a clear error (never ignored)', () => {
    const p = pod({ hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80 }] }] });
    expect(validatePodSpec(p.spec).map(formatFieldError)).toEqual([
      'spec.hostNetwork: Forbidden: not supported by kbx: pods run on the cluster network (publish a port with hostPort, a NodePort or LoadBalancer Service, an Ingress or kbx port-forward)',
    ]);
  });
  it('publishes hostPorts from the sandbox on hostIP, else the loopback', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 53, hostPort: 5353, protocol: 'UDP', hostIP: '192.168.16.1' }, { containerPort: 9000 }] }] });
    expect(hostPortBindings(p)).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 },
      { containerPort: 53, protocol: 'udp', hostIp: '192.168.16.1', hostPort: 5353 },
    ]);
    expect(infraSpec('cid', p, 'busybox').portBindings).toHaveLength(2);
    expect(infraSpec('cid', pod({ containers: [{ name: 'c', image: 'x' }] }), 'busybox').portBindings).toBeUndefined();
  });
});
