// Bodies decoded against the kinds' types as the API server's JSON decoder does (the build's dist/openapi).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { kindSchema } from '../../src/api/unknown-fields.js';
import { decodeTypeError } from '../../src/api/typed-decode.js';

const doc = (key: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.resolve(__dirname, '..', '..', 'dist', 'openapi', 'v3', `${key}.json.gz`))).toString('utf8'));
const apps = doc('apis/apps/v1');
const core = doc('api/v1');
const deploy = kindSchema(apps, 'apps', 'v1', 'Deployment')!;
const pod = kindSchema(core, '', 'v1', 'Pod')!;

const d = (spec: unknown) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec });
const tmpl = (c: unknown) => d({ selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [c] } } });

describe('decodeTypeError', () => {
  it.each([
    [d({ replicas: true }), 'json: cannot unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [d({ replicas: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [d({ replicas: 2147483648 }), 'json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [d({ replicas: 'many' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [d({ paused: 'yes' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool'],
    [d('x'), 'json: cannot unmarshal string into Go struct field Deployment.spec of type v1.DeploymentSpec'],
    [{ metadata: { labels: { a: 1 } } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    [tmpl({ name: 'a', image: 5 }), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string'],
    [d({ template: { spec: { containers: {} } } }), 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
    [d({ strategy: { rollingUpdate: { maxSurge: true } } }), 'json: cannot unmarshal bool into Go value of type int32'],
    [tmpl({ name: 'a', resources: { limits: { cpu: 'lots' } } }), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    [{ metadata: { creationTimestamp: 'yesterday' } }, 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    [[], 'json: cannot unmarshal array into Go value of type v1.Deployment'],
  ])('%j → %s', (obj, want) => {
    expect(decodeTypeError(obj, deploy, apps)).toBe(want);
  });

  it.each([
    [d({ replicas: 3, paused: false, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } })],
    [tmpl({ name: 'a', image: 'nginx', resources: { limits: { cpu: 1, memory: '64Mi' } }, ports: [{ containerPort: 80 }] })],
    [{ metadata: { creationTimestamp: '2024-01-01T00:00:00Z', annotations: { a: 'b' } } }],
    [{ spec: { template: { metadata: { labels: { a: 'b' } } } } }],
  ])('%j decodes', (obj) => expect(decodeTypeError(obj, deploy, apps)).toBeUndefined());

  it('nulls in struct fields decode to nothing and are dropped', () => {
    const obj = { metadata: { name: 'p', labels: null }, spec: { containers: [{ name: 'a', image: 'x', command: null }], nodeName: null } };
    expect(decodeTypeError(obj, pod, core)).toBeUndefined();
    expect(obj).toEqual({ metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x' }] } });
  });

  it('the first error in the text order', () => {
    expect(decodeTypeError({ spec: { paused: 1, replicas: 'x' } }, deploy, apps)).toBe('json: cannot unmarshal number into Go struct field DeploymentSpec.spec.paused of type bool');
  });
});
