import { describe, it, expect } from 'vitest';
import { serviceEnv } from '../../src/kubelet/service-env.js';
import { podDns } from '../../src/kubelet/container-spec.js';
import type { KObject, Pod } from '../../src/api/types.js';

const service = (name: string, spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec }) as KObject;

describe('service environment variables', () => {
  it('are Kubernetes’ docker-links variables for services with a ClusterIP', () => {
    const env = serviceEnv([
      service('redis-primary', { clusterIP: '10.96.0.11', ports: [{ name: 'redis', port: 6379, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }),
      service('headless', { clusterIP: 'None', ports: [{ port: 80 }] }),
      service('ext', { type: 'ExternalName', externalName: 'x.example.com' }),
    ]);
    expect(env).toEqual([
      'REDIS_PRIMARY_SERVICE_HOST=10.96.0.11',
      'REDIS_PRIMARY_SERVICE_PORT=6379',
      'REDIS_PRIMARY_SERVICE_PORT_REDIS=6379',
      'REDIS_PRIMARY_PORT=tcp://10.96.0.11:6379',
      'REDIS_PRIMARY_PORT_6379_TCP=tcp://10.96.0.11:6379',
      'REDIS_PRIMARY_PORT_6379_TCP_PROTO=tcp',
      'REDIS_PRIMARY_PORT_6379_TCP_PORT=6379',
      'REDIS_PRIMARY_PORT_6379_TCP_ADDR=10.96.0.11',
      'REDIS_PRIMARY_PORT_53_UDP=udp://10.96.0.11:53',
      'REDIS_PRIMARY_PORT_53_UDP_PROTO=udp',
      'REDIS_PRIMARY_PORT_53_UDP_PORT=53',
      'REDIS_PRIMARY_PORT_53_UDP_ADDR=10.96.0.11',
    ]);
  });
});

describe('pod DNS settings', () => {
  const net = { gateway: '172.18.0.2', serviceCIDR: '10.96.0.0/16', dnsIP: '10.96.0.10', domain: 'cluster.local' };
  const pod = (spec: Record<string, unknown>): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [], ...spec } }) as Pod;

  it('ClusterFirst: the cluster DNS with the namespace first in the search path, ndots 5', () => {
    expect(podDns(pod({}), net)).toEqual({ dns: ['10.96.0.10'], dnsSearch: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], dnsOptions: ['ndots:5'] });
  });

  it('Default and None keep the node’s resolver, plus dnsConfig', () => {
    expect(podDns(pod({ dnsPolicy: 'Default' }), net)).toEqual({});
    expect(podDns(pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }), net)).toEqual({
      dns: ['1.1.1.1'],
      dnsSearch: ['corp'],
      dnsOptions: ['ndots:2', 'edns0'],
    });
    expect(podDns(pod({ dnsConfig: { options: [{ name: 'ndots', value: '1' }] } }), net).dnsOptions).toEqual(['ndots:1']);
  });
});
