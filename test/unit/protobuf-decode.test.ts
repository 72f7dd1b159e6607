// Protobuf request bodies as the real kubectl v1.35 sends them (fixtures: its POST bodies for create
// deployment/service/secret/cronjob, captured from a dummy server) decode to the JSON kubectl prints for
// the same command with --dry-run=client -o json.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decodeKubernetesProtobuf, messageName, ProtobufError } from '../../src/api/protobuf/decode.js';

const pb = (n: string) => fs.readFileSync(path.join(__dirname, 'fixtures', 'protobuf', `${n}.pb`));

describe('decodeKubernetesProtobuf', () => {
  it.each([
    // kubectl create deployment web --image=kbx-test/web:1 --port=8080 --replicas=0 (a pointer's zero is kept)
    ['deployment', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web' } }, spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'kbx-test/web:1', ports: [{ containerPort: 8080 }], resources: {} }] } }, strategy: {} }, status: {} }],
    // kubectl create service nodeport web --tcp=80:8080 --node-port=30080 (IntOrString as a number)
    ['service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { app: 'web' } }, spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }], selector: { app: 'web' }, type: 'NodePort' }, status: { loadBalancer: {} } }],
    // kubectl create secret generic s --from-literal=k=v --from-literal=empty= (bytes as base64, an empty value kept)
    ['secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { empty: '', k: 'dg==' } }],
    ['cronjob', { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { name: 'c' }, spec: { template: { metadata: {}, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hi'], resources: {} }], restartPolicy: 'OnFailure' } } } } }, status: {} }],
  ])('%s', (name, want) => {
    expect(decodeKubernetesProtobuf(pb(name))).toEqual(want);
  });

  it('refuses a body without the k8s magic, and kinds it has no description of', () => {
    expect(() => decodeKubernetesProtobuf(Buffer.from('{"kind":"Pod"}'))).toThrow(ProtobufError);
    expect(messageName('example.com/v1', 'Widget')).toBeUndefined();
    expect(messageName('v1', 'Pod')).toBe('k8s.io.api.core.v1.Pod');
    expect(messageName('discovery.k8s.io/v1', 'EndpointSlice')).toBe('k8s.io.api.discovery.v1.EndpointSlice');
    expect(messageName('v1', 'DeleteOptions')).toBe('k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions');
  });
});
