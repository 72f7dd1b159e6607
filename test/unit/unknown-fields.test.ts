// Unknown fields against the served OpenAPI v3 schemas (the build's dist/openapi), named as the API server's
// strict decoding error names them.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { isPatchDirective, kindSchema, unknownFields } from '../../src/api/unknown-fields.js';

const doc = (key: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.resolve(__dirname, '..', '..', 'dist', 'openapi', 'v3', `${key}.json.gz`))).toString('utf8'));
const apps = doc('apis/apps/v1');
const deploy = kindSchema(apps, 'apps', 'v1', 'Deployment')!;

describe('unknownFields', () => {
  it.each([
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a', labels: { x: 'y' } }, spec: { replicas: 1 } }, []],
    [{ spec: { replica: 1 } }, ['spec.replica']],
    [{ metadata: { nam: 'a' }, spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'b', imagee: 'x' }] } } } }, ['metadata.nam', 'spec.template.spec.containers[1].imagee']],
    // map values (labels, resources) and int-or-string / quantities are not fields
    [{ spec: { strategy: { rollingUpdate: { maxSurge: '25%' } }, template: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: 1 } } }] } } } }, []],
    // managedFields' fieldsV1 is free-form
    [{ metadata: { managedFields: [{ manager: 'm', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }] } }, []],
    [{ status: { bogus: 1 } }, ['status.bogus']],
  ])('%j → %j', (obj, want) => {
    expect(unknownFields(obj, deploy, apps)).toEqual(want);
  });

  it('strategic-merge-patch directives are not fields in a patch', () => {
    const patch = { spec: { template: { spec: { $setElementOrder: 1, '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'a', $patch: 'delete' }] } } } };
    expect(unknownFields(patch, deploy, apps, { ignore: isPatchDirective })).toEqual(['spec.template.spec.$setElementOrder']);
  });

  it('prune deletes what it reports', () => {
    const obj = { spec: { replicas: 2, replica: 1 } };
    expect(unknownFields(obj, deploy, apps, { prune: true })).toEqual(['spec.replica']);
    expect(obj).toEqual({ spec: { replicas: 2 } });
  });
});
