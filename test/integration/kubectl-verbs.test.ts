// The kubectl verbs added to kbx (patch, replace, wait, api-versions, get --raw, completion, edit, diff,
// cp, proxy): what a user sees, compared with the real kubectl against the same kbx server where it can be.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Cluster, writeManifest } from './harness.js';

let c: Cluster;
const cm = (name: string, data: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;

beforeAll(() => {
  c = new Cluster('kubectl-verbs');
  c.ok(['apply', '-f', writeManifest(c.home, 'cm.yaml', cm('settings', { a: '1' }))]);
});
afterAll(() => c?.destroy());

describe('patch', () => {
  it('strategic, merge and json patches, as kubectl prints them', () => {
    expect(c.ok(['patch', 'cm', 'settings', '-p', '{"data":{"b":"2"}}'])).toBe('configmap/settings patched\n');
    expect(c.ok(['patch', 'cm', 'settings', '-p', '{"data":{"b":"2"}}'])).toBe('configmap/settings patched (no change)\n');
    expect(c.kubectl(['patch', 'cm', 'settings', '-p', '{"data":{"b":"2"}}']).stdout).toBe('configmap/settings patched (no change)\n');
    expect(c.ok(['patch', 'cm', 'settings', '--type=merge', '-p', 'data:\n  c: "3"'])).toBe('configmap/settings patched\n');
    expect(c.ok(['patch', 'configmap/settings', '--type', 'json', '-p=[{"op":"remove","path":"/data/c"}]', '-o', 'jsonpath={.data}'])).toBe('{"a":"1","b":"2"}');
    const file = writeManifest(c.home, 'patch.yaml', 'data:\n  d: "4"\n');
    expect(c.ok(['patch', 'cm', 'settings', '--patch-file', file, '--dry-run=server', '-o', 'name'])).toBe('configmap/settings\n');
    expect(c.ok(['get', 'cm', 'settings', '-o', 'jsonpath={.data.d}'])).toBe('');
  });

  it('errors in kubectl\'s words and exit codes', () => {
    for (const args of [
      ['patch', 'cm', 'settings'],
      ['patch', 'cm', 'settings', '--type=foo', '-p', '{}'],
      ['patch', 'cm', 'missing', '-p', '{}'],
      ['patch', 'cm', '-p', '{}'],
      ['patch', 'cm', 'settings', '--type=json', '-p', '[{"op":"remove","path":"/data/zz"}]'],
    ]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr.replace(/kbx/g, 'kubectl'), args.join(' ')).toBe(theirs.stderr);
    }
  });

  it('--subresource=scale', () => {
    c.ok('create deployment idle --image=busybox --replicas=0');
    expect(c.ok(['patch', 'deployment', 'idle', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":0}}'])).toBe('deployment.apps/idle patched (no change)\n');
    expect(c.ok(['patch', 'deployment', 'idle', '--subresource=scale', '--type=merge', '-p', '{"spec":{"replicas":0}}', '-o', 'jsonpath={.kind}'])).toBe('Scale');
  });
});

describe('api-versions and get --raw', () => {
  it('api-versions lists what kubectl lists', () => {
    const ours = c.ok('api-versions');
    expect(ours).toMatch(/^apps\/v1\n(.*\n)*v1\n$/);
    expect(ours).toBe(c.kubectl('api-versions').stdout);
  });

  it('get --raw prints the body as the server sent it', () => {
    expect(c.ok('get --raw /api')).toBe(c.kubectl('get --raw /api').stdout);
    expect(JSON.parse(c.ok('get --raw /api/v1/namespaces/default/configmaps/settings')).data.a).toBe('1');
    for (const args of [['get', '--raw', '/nope'], ['get', '--raw', 'api'], ['get', 'pods', '--raw', '/api'], ['get', '--raw', '/api/v1/namespaces/default/configmaps/missing']]) {
      const ours = c.kbx(args);
      const theirs = c.kubectl(args);
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stderr, args.join(' ')).toBe(theirs.stderr);
    }
  });
});
