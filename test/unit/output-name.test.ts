import { describe, it, expect } from 'vitest';
import { nameOf, namesOf, groupOfApiVersion } from '../../src/cli/output/name.js';
import { parseManifests } from '../../src/cli/output/yaml.js';
// Goldens below were captured from the real kubectl v1.35.2 (client-side printing, against a
// stub API server serving discovery and a fixed pod list); tests compare byte for byte.

describe('-o name', () => {
  it('create -f multi.yaml -o name (group from apiVersion, <unknown> for no name)', () => {
    const objs = parseManifests(MULTI.content, 'multi.yaml', { validate: false });
    expect(namesOf(objs)).toBe(MULTI.name);
  });
  it('create -f multi.yaml (default printer: name plus operation)', () => {
    const objs = parseManifests(MULTI.content, 'multi.yaml', { validate: false });
    expect(namesOf(objs, undefined, 'created (dry run)')).toBe(MULTI.created);
  });
  it('generators', () => {
    expect(nameOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }) + '\n').toBe(NAMES.deployName);
    expect(nameOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, undefined, 'created (dry run)') + '\n').toBe(NAMES.deployCreated);
    expect(nameOf({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }) + '\n').toBe(NAMES.runName);
  });
  it('get pods -o name', () => {
    const pods = SERVER_NAMES.map((name) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name } }));
    expect(namesOf(pods)).toBe(NAMES.list);
    expect(namesOf([])).toBe(NAMES.empty);
  });
  it('an explicit group wins over the apiVersion', () => {
    expect(nameOf({ apiVersion: 'v1', kind: 'Thing', metadata: { name: 'a' } }, 'example.com')).toBe('thing.example.com/a');
    expect(groupOfApiVersion('networking.k8s.io/v1')).toBe('networking.k8s.io');
    expect(groupOfApiVersion('v1')).toBe('');
  });
  it('a missing kind is an error', () => {
    expect(() => nameOf({ metadata: { name: 'a' } })).toThrow('missing kind for resource with name a');
  });
});

const MULTI = {
 "content": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\n  namespace: default\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: default\ndata:\n  a: \"1\"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  namespace: default\nspec: {}\n",
 "name": "deployment.apps/web\njob.batch/once\nconfigmap/cfg\nservice/<unknown>\n",
 "created": "deployment.apps/web created (dry run)\njob.batch/once created (dry run)\nconfigmap/cfg created (dry run)\nservice/<unknown> created (dry run)\n"
};

const NAMES = {
 "deployName": "deployment.apps/web\n",
 "deployCreated": "deployment.apps/web created (dry run)\n",
 "runName": "pod/x\n",
 "list": "pod/web-1\npod/db-0\npod/job-x\n",
 "empty": ""
};

const SERVER_NAMES = [
 "web-1",
 "db-0",
 "job-x"
];
