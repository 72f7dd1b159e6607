import { describe, it, expect } from 'vitest';
import { execHookMessage, graceAfterPreStop, httpHookMessage, podRef } from '../../src/kubelet/lifecycle.js';
import { computePodStatus } from '../../src/kubelet/pod-status.js';
import { podRowInfo } from '../../src/printers/pod-status.js';
import type { Pod } from '../../src/api/types.js';

const pod = { metadata: { name: 'web', namespace: 'default', uid: 'u-1' }, spec: { containers: [{ name: 'app', image: 'busybox' }] } } as unknown as Pod;

describe('lifecycle hook messages (the kubelet\'s words)', () => {
  it('format.Pod', () => expect(podRef(pod)).toBe('web_default(u-1)'));

  it('exec', () => {
    expect(execHookMessage(['sh', '-c', 'exit 3'], 'app', pod, 3, 'out\n', 'err\n')).toBe(
      `Exec lifecycle hook ([sh -c exit 3]) for Container "app" in Pod "web_default(u-1)" failed - error: command 'sh -c exit 3' exited with 3: err\n, message: "out\\nerr\\n"`,
    );
  });

  it('httpGet', () => {
    expect(httpHookMessage('/stop', 'app', pod, 'Get "http://10.0.0.5:8080/stop": dial tcp 10.0.0.5:8080: connect: connection refused')).toBe(
      'HTTP lifecycle hook (/stop) for Container "app" in Pod "web_default(u-1)" failed - error: Get "http://10.0.0.5:8080/stop": dial tcp 10.0.0.5:8080: connect: connection refused',
    );
  });

  it('preStop time comes off the grace period, leaving at least 2 s', () => {
    expect(graceAfterPreStop(30, 5_400)).toBe(25);
    expect(graceAfterPreStop(30, 29_000)).toBe(2);
    expect(graceAfterPreStop(30, 60_000)).toBe(2);
    expect(graceAfterPreStop(10, 0)).toBe(10);
  });
});

describe('containers not created yet in a pod with init containers', () => {
  const withInit = {
    ...pod,
    spec: { initContainers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }], containers: [{ name: 'app', image: 'busybox' }] },
  } as unknown as Pod;
  const obs = (initialized: boolean) => ({
    sandboxReady: true,
    init: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }],
    app: [{ name: 'app', image: 'busybox' }],
    initialized,
    initFailed: false,
  });

  it('wait as PodInitializing: STATUS Init:0/2 while initializing', () => {
    const st = computePodStatus(withInit, obs(false), 0);
    expect(st.initContainerStatuses!.map((s) => s.state.waiting?.reason)).toEqual(['PodInitializing', 'PodInitializing']);
    expect(st.containerStatuses![0]!.state.waiting?.reason).toBe('PodInitializing');
    expect(podRowInfo({ ...withInit, status: st }, 0).status).toBe('Init:0/2');
  });

  it('and PodInitializing once initialized', () => {
    const st = computePodStatus(withInit, obs(true), 0);
    expect(podRowInfo({ ...withInit, status: st }, 0).status).toBe('PodInitializing');
  });

  it('without init containers they wait as ContainerCreating', () => {
    const st = computePodStatus(pod, { sandboxReady: true, init: [], app: [{ name: 'app', image: 'busybox' }], initialized: true, initFailed: false }, 0);
    expect(st.containerStatuses![0]!.state.waiting?.reason).toBe('ContainerCreating');
  });
});
