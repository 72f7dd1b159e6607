import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import {
  checkUDPPorts,
  convertPodNamedPorts,
  joinHostPort,
  parseAddresses,
  parsePorts,
  translateServicePorts,
  type ServiceLike,
} from '../../src/cli/port-forward/args.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1' },
  spec: {
    containers: [
      { name: 'a', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] },
      { name: 'b', image: 'y', ports: [{ name: 'metrics', containerPort: 9090 }] },
    ],
  },
} as unknown as Pod;

const svc: ServiceLike = {
  metadata: { name: 'web' },
  spec: {
    clusterIP: '10.96.0.10',
    ports: [
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'https', port: 443, targetPort: 8443 },
      { name: 'plain', port: 9000 },
      { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
    ],
  },
};

describe('port specs', () => {
  it('parses LOCAL:REMOTE, REMOTE and :REMOTE (a random local port)', () => {
    expect(parsePorts(['8080:80', '5000', ':6000'])).toEqual([
      { local: 8080, remote: 80 },
      { local: 5000, remote: 5000 },
      { local: 0, remote: 6000 },
    ]);
  });

  it("refuses what kubectl refuses, in kubectl's words", () => {
    expect(() => parsePorts(['1:2:3'])).toThrow("invalid port format '1:2:3'");
    expect(() => parsePorts(['abc:80'])).toThrow(/^error parsing local port 'abc'/);
    expect(() => parsePorts(['80:70000'])).toThrow(/^error parsing remote port '70000'/);
    expect(() => parsePorts(['8080:0'])).toThrow('remote port must be > 0');
  });

  it("maps a pod's named ports to container ports, keeping the local side", () => {
    expect(convertPodNamedPorts(['http', '8888:metrics', '7000:70', '5000'], pod)).toEqual(['8080', '8888:9090', '7000:70', '5000']);
    expect(convertPodNamedPorts(['1:2:3'], pod)).toEqual(['1:2:3']); // left for parsePorts to refuse
    expect(() => convertPodNamedPorts(['grpc'], pod)).toThrow("Pod 'web-1' does not have a named port 'grpc'");
  });

  it('maps service ports to target ports as kubectl does client-side', () => {
    // port 80 → targetPort "http" → the pod's container port 8080; the local port stays 80 (kubectl prints 80:8080).
    expect(translateServicePorts(['80'], svc, pod)).toEqual(['80:8080']);
    expect(translateServicePorts(['18080:80'], svc, pod)).toEqual(['18080:8080']);
    // a named service port: local defaults to the service port number
    expect(translateServicePorts(['https'], svc, pod)).toEqual(['443:8443']);
    expect(translateServicePorts(['9443:https'], svc, pod)).toEqual(['9443:8443']);
    // no targetPort: the port itself; same local and remote collapse to one number
    expect(translateServicePorts(['9000'], svc, pod)).toEqual(['9000']);
    expect(translateServicePorts([':80'], svc, pod)).toEqual([':8080']);
    expect(() => translateServicePorts(['81'], svc, pod)).toThrow('Service web does not have a service port 81');
    expect(() => translateServicePorts(['grpc'], svc, pod)).toThrow("Service 'web' does not have a named port 'grpc'");
  });

  it('a headless service forwards to the port as given', () => {
    expect(translateServicePorts(['443'], { ...svc, spec: { ...svc.spec, clusterIP: 'None' } }, pod)).toEqual(['443']);
  });

  it('refuses UDP service ports', () => {
    expect(() => checkUDPPorts(['53'], svc)).toThrow('UDP protocol is not supported for 53');
    expect(() => checkUDPPorts(['dns'], svc)).toThrow('UDP protocol is not supported for dns');
    expect(() => checkUDPPorts(['80', 'https'], svc)).not.toThrow();
  });
});

describe('--address', () => {
  it('localhost is 127.0.0.1 and ::1, either may fail alone; explicit IPs must all bind', () => {
    expect(parseAddresses(['localhost'])).toEqual([
      { address: '127.0.0.1', family: 4, failureMode: 'all' },
      { address: '::1', family: 6, failureMode: 'all' },
    ]);
    expect(parseAddresses(['localhost,10.19.21.23', '0.0.0.0', '::'])).toEqual([
      { address: '127.0.0.1', family: 4, failureMode: 'all' },
      { address: '::1', family: 6, failureMode: 'all' },
      { address: '10.19.21.23', family: 4, failureMode: 'any' },
      { address: '0.0.0.0', family: 4, failureMode: 'any' },
      { address: '::', family: 6, failureMode: 'any' },
    ]);
    expect(parseAddresses(['127.0.0.1', 'localhost'])).toHaveLength(2);
    expect(() => parseAddresses(['example.com'])).toThrow('example.com is not a valid IP');
    expect(() => parseAddresses(['300.1.1.1'])).toThrow('300.1.1.1 is not a valid IP');
  });

  it('prints addresses as Go joins host and port', () => {
    expect(joinHostPort('127.0.0.1', 8080)).toBe('127.0.0.1:8080');
    expect(joinHostPort('::1', 8080)).toBe('[::1]:8080');
  });
});
