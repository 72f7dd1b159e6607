// ValidatePodEphemeralContainersUpdate's rules, with the API server's messages.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { validateEphemeralContainersUpdate } from '../../src/api/validation-ephemeral.js';

const base = (eph: Record<string, unknown>[] = []): Pod => ({
  metadata: { name: 'p', namespace: 'default' },
  spec: {
    containers: [{ name: 'app', image: 'nginx', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' } as never],
    ...(eph.length ? { ephemeralContainers: eph as never } : {}),
  },
});
const dbg = (extra: Record<string, unknown> = {}) => ({ name: 'debugger', image: 'busybox', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ...extra });
const msgs = (n: Pod, o: Pod) => validateEphemeralContainersUpdate(n, o).map((e) => `${e.field}: ${e.type}${e.detail ? `: ${e.detail}` : ''}`);

describe('pods/ephemeralcontainers updates', () => {
  it('adds a valid one', () => {
    expect(msgs(base([dbg({ targetContainerName: 'app', stdin: true, tty: true })]), base())).toEqual([]);
  });
  it('refuses what serves the pod, duplicate names and unknown targets', () => {
    const errs = msgs(base([dbg({ name: 'app', targetContainerName: 'nope', ports: [{ containerPort: 80 }], readinessProbe: { exec: { command: ['true'] } }, resources: { limits: { cpu: '1' } } })]), base());
    expect(errs).toEqual(expect.arrayContaining([
      'spec.ephemeralContainers[0].name: Duplicate',
      'spec.ephemeralContainers[0].targetContainerName: NotFound',
      'spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container',
      'spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container',
      'spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container',
    ]));
    // An empty resources (what defaulting writes) is no setting.
    expect(msgs(base([dbg({ resources: {} })]), base())).toEqual([]);
  });
  it('never removes or changes an existing one', () => {
    expect(msgs(base(), base([dbg()]))).toEqual(['spec.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be removed\n']);
    expect(msgs(base([dbg({ image: 'alpine' })]), base([dbg()]))).toEqual(['spec.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be changed\n']);
  });
});
