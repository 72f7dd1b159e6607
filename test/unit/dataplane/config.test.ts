import { describe, it, expect } from 'vitest';
import { buildDataplaneConfig, sameConfig } from '../../../src/dataplane/config.js';
import { hostBindings, nodeAddresses } from '../../../src/dataplane/host-ports.js';
import { parseLdd } from '../../../src/dataplane/image.js';
import type { KObject } from '../../../src/api/types.js';

const service = (name: string, spec: Record<string, unknown>, ns = 'default'): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec }) as KObject;
const endpoints = (name: string, subsets: unknown[], ns = 'default'): KObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns }, subsets }) as KObject;

describe('data plane configuration', () => {
  const base = { generation: 1, token: 't', domain: 'cluster.local', dnsIP: '10.96.0.10', serviceCIDR: '10.96.0.0/16' };

  it('maps each service port to the ready addresses of the endpoint port of the same name', () => {
    const cfg = buildDataplaneConfig({
      ...base,
      services: [
        service('web', { clusterIP: '10.96.1.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP' }] }),
      ],
      endpoints: new Map([
        [
          'default/web',
          endpoints('web', [
            { addresses: [{ ip: '172.18.0.2' }], notReadyAddresses: [{ ip: '172.18.0.9' }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'dns', port: 5353, protocol: 'UDP' }] },
            { addresses: [{ ip: '172.18.0.3' }], ports: [{ name: 'http', port: 8081, protocol: 'TCP' }] },
          ]),
        ],
      ]),
    });
    expect(cfg.services).toEqual([
      {
        namespace: 'default',
        name: 'web',
        clusterIP: '10.96.1.1',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', backends: [{ ip: '172.18.0.2', port: 8080 }, { ip: '172.18.0.3', port: 8081 }] },
          { name: 'dns', port: 53, protocol: 'UDP', backends: [{ ip: '172.18.0.2', port: 5353 }] },
        ],
        addresses: [],
        hostnames: {},
      },
    ]);
  });

  it('lists a headless service’s ready pods and hostnames, an ExternalName’s target; generation alone is no change', () => {
    const inputs = {
      ...base,
      services: [service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }), service('ext', { type: 'ExternalName', externalName: 'db.example.com.' })],
      endpoints: new Map([['default/db', endpoints('db', [{ addresses: [{ ip: '172.18.0.6', hostname: 'db-1' }, { ip: '172.18.0.5' }], ports: [{ port: 5432 }] }])]]),
    };
    const cfg = buildDataplaneConfig(inputs);
    expect(cfg.services[0]).toMatchObject({ name: 'db', clusterIP: 'None', addresses: ['172.18.0.5', '172.18.0.6'], hostnames: { 'db-1': '172.18.0.6' } });
    expect(cfg.services[1]).toMatchObject({ name: 'ext', externalName: 'db.example.com', ports: [] });
    expect(sameConfig(cfg, buildDataplaneConfig({ ...inputs, generation: 2 }))).toBe(true);
    expect(sameConfig(cfg, buildDataplaneConfig({ ...inputs, token: 'u' }))).toBe(false);
    expect(sameConfig(undefined, cfg)).toBe(false);
  });
});

describe('host listeners for NodePort and LoadBalancer services', () => {
  it('binds node ports on the node address and load balancers on their port at 127.0.0.1, first claim wins', () => {
    const b = hostBindings(
      [
        service('np', { type: 'NodePort', clusterIP: '10.96.0.5', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }, { port: 53, nodePort: 31001, protocol: 'UDP' }] }),
        service('lb', { type: 'LoadBalancer', clusterIP: '10.96.0.6', ports: [{ port: 8080, nodePort: 31002, protocol: 'TCP' }] }),
        service('lb2', { type: 'LoadBalancer', clusterIP: '10.96.0.7', ports: [{ port: 8080, protocol: 'TCP' }] }),
        service('plain', { type: 'ClusterIP', clusterIP: '10.96.0.8', ports: [{ port: 80 }] }),
      ],
      '127.0.0.1',
    );
    expect(b.map((x) => `${x.key}→${x.clusterIP}:${x.servicePort}`)).toEqual([
      '127.0.0.1:31000→10.96.0.5:80',
      '127.0.0.1:31002→10.96.0.6:8080',
      '127.0.0.1:8080→10.96.0.6:8080',
    ]);
  });
});

describe('node addresses', () => {
  it('NodePorts answer on the loopback, the InternalIP and KBX_NODE_ADDRESS', () => {
    expect(nodeAddresses('192.168.16.1', {})).toEqual(['127.0.0.1', '192.168.16.1']);
    expect(nodeAddresses(undefined, { KBX_NODE_ADDRESS: '10.0.0.5, 127.0.0.1' })).toEqual(['127.0.0.1', '10.0.0.5']);
    const b = hostBindings([service('np', { type: 'NodePort', clusterIP: '10.96.0.5', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] })], ['127.0.0.1', '192.168.16.1']);
    expect(b.map((x) => x.key)).toEqual(['127.0.0.1:31000', '192.168.16.1:31000']);
  });
});

describe('the agent image', () => {
  it('reads the libraries ldd lists', () => {
    const out = `\tlinux-vdso.so.1 (0x00007ffd)\n\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f41)\n\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f41)\n\t/lib64/ld-linux-x86-64.so.2 (0x00007f41)\n`;
    expect(parseLdd(out)).toEqual(['/lib/x86_64-linux-gnu/libstdc++.so.6', '/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
    expect(parseLdd('\tnot a dynamic executable\n')).toEqual([]);
  });
});
