// The Docker shape of a container's namespaces (runtime/docker/convert.ts): joined network, shared or host PID,
// host IPC, the cluster network.
import { describe, expect, it } from 'vitest';
import { createOptions } from '../../src/runtime/docker/convert.js';
import type { ContainerSpec } from '../../src/runtime/runtime.js';

const spec = (extra: Partial<ContainerSpec>): ContainerSpec => ({ name: 'c', image: 'busybox:latest', labels: {}, env: [], mounts: [], ...extra }) as ContainerSpec;

describe('createOptions: namespaces', () => {
  it('a pod container joins its sandbox network; hostPID/hostIPC are the host modes', () => {
    const h = createOptions(spec({ network: { mode: 'container', id: 'sb' }, pidMode: 'host', ipcMode: 'host' })).HostConfig!;
    expect(h).toMatchObject({ NetworkMode: 'container:sb', PidMode: 'host', IpcMode: 'host' });
  });
  it('a PID namespace shared with the sandbox still joins its network', () => {
    const h = createOptions(spec({ network: { mode: 'container', id: 'sb' }, pidMode: 'container:sb' })).HostConfig!;
    expect(h.NetworkMode).toBe('container:sb');
    expect(h.PidMode).toBe('container:sb');
    expect(h.IpcMode).toBeUndefined();
  });
  it('a sandbox on the cluster network, no PID or IPC mode unless asked', () => {
    const o = createOptions(spec({ network: { mode: 'network', name: 'kbx-net', aliases: ['p'] } }));
    expect(o.HostConfig!.NetworkMode).toBe('kbx-net');
    expect(o.HostConfig!.PidMode).toBeUndefined();
    expect(o.NetworkingConfig).toEqual({ EndpointsConfig: { 'kbx-net': { Aliases: ['p'] } } });
  });
});

describe('createOptions: a volume mount with a subPath', () => {
  it('is a bind of the path under the volume mountpoint, read-only kept; other mounts stay mounts', () => {
    const o = createOptions(
      spec({ mounts: [{ type: 'volume', source: 'v1', target: '/a', subPath: 'x/y', readOnly: true }, { type: 'volume', source: 'v1', target: '/b' }] }),
      { v1: '/var/lib/docker/volumes/v1/_data' },
    );
    expect(o.HostConfig!.Binds).toEqual(['/var/lib/docker/volumes/v1/_data/x/y:/a:ro']);
    expect(o.HostConfig!.Mounts).toEqual([{ Type: 'volume', Source: 'v1', Target: '/b', ReadOnly: false }]);
  });
});
