import { describe, expect, it } from 'vitest';
import { admitCustomResource, applyDefaults, prune, validateValue, type JSONSchemaProps } from '../../src/api/apiextensions/schema.js';
import { validateCrd } from '../../src/api/apiextensions/crd-validation.js';
import { columnCell, crdColumns } from '../../src/cli/output/crd-columns.js';
import { formatFieldError } from '../../src/api/field-errors.js';

const msgs = (v: unknown, s: JSONSchemaProps) => validateValue(v, s).map(formatFieldError);

const widget: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['image'],
      properties: {
        image: { type: 'string', pattern: '^[a-z]+$', maxLength: 8 },
        replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
        mode: { type: 'string', enum: ['fast', 'slow'] },
        port: { 'x-kubernetes-int-or-string': true },
        tags: { type: 'array', maxItems: 2, items: { type: 'string' } },
        extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};

describe('custom resource schema validation (the API server messages)', () => {
  it('reports wrong types as kube-openapi does', () => {
    expect(msgs({ spec: { image: 'a', replicas: 'three' } }, widget)).toEqual(['spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"']);
  });
  it('required, enum, pattern, bounds, lengths, items', () => {
    expect(msgs({ spec: { replicas: 20, mode: 'medium', tags: ['a', 'b', 'c'] } }, widget)).toEqual([
      'spec.image: Required value',
      'spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10',
      'spec.mode: Unsupported value: "medium": supported values: "fast", "slow"',
      'spec.tags: Too many: 3: must have at most 2 items',
    ]);
    expect(msgs({ spec: { image: 'ABC', replicas: 0 } }, widget)).toEqual([
      "spec.image: Invalid value: \"ABC\": spec.image in body should match '^[a-z]+$'",
      'spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1',
    ]);
    expect(msgs({ spec: { image: 'abcdefghij' } }, widget)).toEqual(['spec.image: Too long: may not be more than 8 bytes']);
  });
  it('int-or-string accepts both and nothing else', () => {
    expect(msgs({ spec: { image: 'a', port: 80 } }, widget)).toEqual([]);
    expect(msgs({ spec: { image: 'a', port: 'http' } }, widget)).toEqual([]);
    expect(msgs({ spec: { image: 'a', port: 1.5 } }, widget)).toHaveLength(1);
  });
  it('null only where nullable', () => {
    expect(msgs({ spec: { image: null } }, widget)).toEqual(['spec.image: Invalid value: "null": spec.image in body must be of type string: "null"']);
    expect(msgs({ a: null }, { type: 'object', properties: { a: { type: 'string', nullable: true } } })).toEqual([]);
  });
});

describe('pruning and defaulting (structural schemas)', () => {
  it('drops undeclared fields, keeps apiVersion/kind/metadata and preserve-unknown-fields subtrees', () => {
    const o = { apiVersion: 'x/v1', kind: 'W', metadata: { name: 'w' }, spec: { image: 'a', bogus: 1, extra: { any: { deep: true } } }, other: 2 };
    expect(prune(o, widget).sort()).toEqual(['other', 'spec.bogus']);
    expect(o).toEqual({ apiVersion: 'x/v1', kind: 'W', metadata: { name: 'w' }, spec: { image: 'a', extra: { any: { deep: true } } } });
  });
  it('keeps apiVersion/kind/metadata of an embedded resource and prunes the rest of it', () => {
    const s: JSONSchemaProps = { type: 'object', properties: { template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object' } } } } };
    const o = { template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {}, junk: 1 } };
    expect(prune(o, s)).toEqual(['template.junk']);
  });
  it('sets defaults of absent fields only, deep', () => {
    const o: Record<string, unknown> = { spec: { image: 'a' } };
    applyDefaults(o, widget);
    expect(o).toEqual({ spec: { image: 'a', replicas: 1 } });
    const p: Record<string, unknown> = { spec: { image: 'a', replicas: 3 } };
    applyDefaults(p, widget);
    expect((p.spec as { replicas: number }).replicas).toBe(3);
  });
  it('admits: prune, default, validate', () => {
    const o = { apiVersion: 'x/v1', kind: 'W', metadata: { name: 'w' }, spec: { image: 'nginx', junk: true } };
    expect(admitCustomResource(o, widget)).toEqual([]);
    expect(o.spec).toEqual({ image: 'nginx', replicas: 1 });
  });
});

describe('CRD validation', () => {
  const good = { group: 'stable.example.com', scope: 'Namespaced', names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] };
  it('accepts the Kubernetes docs example', () => {
    expect(validateCrd('crontabs.stable.example.com', good)).toEqual([]);
  });
  it('name, group, scope and storage versions', () => {
    const e = validateCrd('crontab.example', { ...good, group: 'example', scope: 'Everywhere', versions: [{ ...good.versions[0]!, storage: false }] }).map(formatFieldError);
    expect(e).toEqual([
      'metadata.name: Invalid value: "crontab.example": must be spec.names.plural+"."+spec.group',
      'spec.group: Invalid value: "example": should be a domain with at least one dot',
      'spec.scope: Unsupported value: "Everywhere": supported values: "Cluster", "Namespaced"',
      'spec.versions: Invalid value: must have exactly one version marked as storage version',
    ]);
  });
});

describe('additionalPrinterColumns', () => {
  const cols = [
    { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Image', type: 'string', jsonPath: '.spec.image', priority: 1 },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ];
  it('Name first, columns in order, priority kept for -o wide', () => {
    const { defs, paths } = crdColumns(cols);
    expect(defs.map((d) => [d.name, d.priority])).toEqual([['Name', 0], ['Spec', 0], ['Replicas', 0], ['Image', 1], ['Age', 0]]);
    expect(paths).toEqual(cols.map((c) => c.jsonPath));
  });
  it('without columns: Name and Age', () => {
    expect(crdColumns(undefined).defs.map((d) => d.name)).toEqual(['Name', 'Age']);
  });
  it('evaluates JSONPath; a missing field is an empty cell', () => {
    const o = { metadata: { creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { cronSpec: '* * * * */5', replicas: 3 } };
    expect(columnCell(o, '.spec.cronSpec', 'string')).toBe('* * * * */5');
    expect(columnCell(o, '.spec.replicas', 'integer')).toBe(3);
    expect(columnCell(o, '.spec.image', 'string')).toBeNull();
  });
});
