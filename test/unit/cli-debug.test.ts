// kubectl debug's planning (debug.go): the ephemeral container it adds, the pod copy, its flag checks.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { debugContainerName, ephemeralContainer, parseSetImage, podCopy, randomSuffix, validateDebug, type DebugOptions } from '../../src/cli/debug-plan.js';

const opts = (o: Partial<DebugOptions> = {}): DebugOptions => ({ args: [], profile: 'legacy', keep: { initContainers: true }, ...o });
const pod = (): Pod => ({
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { a: 'b' } },
  spec: {
    nodeName: 'kbx',
    containers: [
      { name: 'app', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } } as never,
      { name: 'side', image: 'busybox' },
    ],
    ephemeralContainers: [{ name: 'debugger-old', image: 'busybox' }],
  },
});

describe('validateDebug', () => {
  it.each([
    [opts(), ['p'], 'you must specify --image when not using --copy-to.'],
    [opts({ image: 'busybox', replace: true }), ['p'], '--replace may only be used with --copy-to.'],
    [opts({ image: 'busybox', setImage: { a: 'b' } }), ['p'], '--set-image may only be used with --copy-to.'],
    [opts({ copyTo: 'c' }), ['p'], 'you must specify --image, --set-image or command arguments.'],
    [opts({ copyTo: 'c', args: ['sh'] }), ['p'], 'you must specify an existing container or a new image when specifying args.'],
    [opts({ copyTo: 'c', image: 'busybox', target: 'app' }), ['p'], '--target is incompatible with --copy-to. Use --share-processes instead.'],
    [opts({ image: 'busybox', tty: true }), ['p'], '-i/--stdin is required for containers with -t/--tty=true'],
    [opts({ image: 'Bad Image' }), ['p'], 'invalid image name "Bad Image": invalid reference format'],
    [opts({ image: 'busybox' }), [], 'NAME or filename is required for debug'],
    [opts({ image: 'busybox', pullPolicy: 'Sometimes' }), ['p'], 'invalid image pull policy: Sometimes'],
    [opts({ attach: true, container: '' }), ['p'], 'you must specify --container or create a new container using --image in order to attach.'],
    [opts({ image: 'registry.local:5000/tools/debug:1.0', interactive: true, tty: true }), ['p'], undefined],
  ])('%#', (o, targets, want) => {
    expect(validateDebug(o, targets)).toBe(want);
  });
});

describe('the ephemeral container (generateDebugContainer)', () => {
  it('has kubectl\'s fields, Go\'s omitempty applied', () => {
    expect(ephemeralContainer(opts({ image: 'busybox', interactive: true, tty: true, target: 'app', args: ['sh'] }), 'debugger-abcde')).toEqual({
      name: 'debugger-abcde', image: 'busybox', stdin: true, tty: true, terminationMessagePolicy: 'File', targetContainerName: 'app', command: ['sh'],
    });
    expect(ephemeralContainer(opts({ image: 'busybox', args: ['x'], argsOnly: true, profile: 'general' }), 'd')).toEqual({
      name: 'd', image: 'busybox', terminationMessagePolicy: 'File', args: ['x'], securityContext: { capabilities: { add: ['SYS_PTRACE'] } },
    });
  });

  it('names it debugger-<5> unless -c, never a name the pod has', () => {
    const seq = ['old', 'bcdfg'];
    expect(debugContainerName(pod(), opts(), () => seq.shift()!)).toEqual({ name: 'debugger-bcdfg', defaulted: true });
    expect(debugContainerName(pod(), opts({ container: 'x' }), () => 'zzzzz')).toEqual({ name: 'x', defaulted: false });
    expect(randomSuffix(5, () => 0)).toBe('bbbbb');
  });
});

describe('the pod copy (generatePodCopyWithDebugContainer)', () => {
  it('adds a debug container; legacy drops the labels and the node, keeps probes; no ephemeral containers', () => {
    const r = podCopy(pod(), opts({ copyTo: 'web-debug', image: 'busybox', interactive: true }), () => 'xxxxx');
    if ('error' in r) throw new Error(r.error);
    expect(r.container).toBe('debugger-xxxxx');
    expect(r.pod.metadata).toEqual({ name: 'web-debug', namespace: 'default', annotations: { a: 'b' } });
    expect(r.pod.spec.nodeName).toBeUndefined();
    expect(r.pod.spec.ephemeralContainers).toBeUndefined();
    expect(r.pod.spec.containers.map((c) => c.name)).toEqual(['app', 'side', 'debugger-xxxxx']);
    expect(r.pod.spec.containers[2]).toEqual({ name: 'debugger-xxxxx', image: 'busybox', terminationMessagePolicy: 'File', stdin: true });
    expect((r.pod.spec.containers[0] as { readinessProbe?: unknown }).readinessProbe).toBeDefined();
    expect(r.pod.spec.shareProcessNamespace).toBeUndefined();
  });

  it('--set-image (* and by name), --container changes an existing one, --share-processes, --same-node', () => {
    const r = podCopy(pod(), opts({ copyTo: 'c', setImage: parseSetImage(['*=alpine', 'side=busybox:1.36']), container: 'app', args: ['sh'], shareProcesses: true, sameNode: true }), () => 'x');
    if ('error' in r) throw new Error(r.error);
    expect(r.pod.spec.containers.map((c) => c.image)).toEqual(['alpine', 'busybox:1.36']);
    expect(r.pod.spec.containers[0]!.command).toEqual(['sh']);
    expect(r.pod.spec.shareProcessNamespace).toBe(true);
    expect(r.pod.spec.nodeName).toBe('kbx');
    const only = podCopy(pod(), opts({ copyTo: 'c', setImage: { '*': 'alpine' } }), () => 'x');
    expect('error' in only ? only.error : only.container).toBe('');
  });

  it('the general profile drops labels, annotations and probes, shares processes, lets the debugger trace', () => {
    const r = podCopy(pod(), opts({ copyTo: 'c', image: 'busybox', profile: 'general' }), () => 'xxxxx');
    if ('error' in r) throw new Error(r.error);
    expect(r.pod.metadata.annotations).toBeUndefined();
    expect((r.pod.spec.containers[0] as { readinessProbe?: unknown }).readinessProbe).toBeUndefined();
    expect(r.pod.spec.shareProcessNamespace).toBe(true);
    expect((r.pod.spec.containers[2] as { securityContext?: unknown }).securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });
});
