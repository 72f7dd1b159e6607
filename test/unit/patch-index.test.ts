// applyPatch: the PATCH dispatcher the registry calls with the request's Content-Type.
import { describe, expect, it } from 'vitest';
import {
  APPLY_PATCH,
  isPatchError,
  JSON_PATCH,
  JsonPatchError,
  MERGE_PATCH,
  MergePatchError,
  PatchError,
  patchTypeOf,
  STRATEGIC_MERGE_PATCH,
  SUPPORTED_PATCH_TYPES,
  UnsupportedPatchTypeError,
} from '../../src/api/patch/index.js';
import { applyPatch } from '../../src/api/patch/apply.js';

type Obj = Record<string, any>;

const deployment = (): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', labels: { app: 'web' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] }] },
    },
  },
  status: { replicas: 1 },
});

describe('patchTypeOf / content types', () => {
  it('recognises the four media types, ignoring parameters and case', () => {
    expect(patchTypeOf('application/json-patch+json')).toBe('json');
    expect(patchTypeOf('application/merge-patch+json; charset=utf-8')).toBe('merge');
    expect(patchTypeOf(' Application/Strategic-Merge-Patch+JSON ')).toBe('strategic');
    expect(patchTypeOf('application/apply-patch+yaml')).toBe('apply');
    expect(patchTypeOf('application/json')).toBeUndefined();
    expect(SUPPORTED_PATCH_TYPES).toEqual([JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH]);
  });

  it('throws UnsupportedPatchTypeError (415) for anything else', () => {
    for (const ct of ['application/json', 'text/plain', '', 'application/apply-patch+cbor']) {
      let err: unknown;
      try {
        applyPatch(ct, deployment(), {}, 'Deployment');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UnsupportedPatchTypeError);
      // The registry recognises it by name.
      expect((err as Error).name).toBe('UnsupportedPatchTypeError');
      expect((err as PatchError).code).toBe(415);
      expect((err as UnsupportedPatchTypeError).contentType).toBe(ct);
    }
  });
});

describe('applyPatch dispatch', () => {
  it('strategic merge: kubectl set image body', () => {
    const out = applyPatch(
      STRATEGIC_MERGE_PATCH,
      deployment(),
      { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } } },
      'Deployment',
    ) as Obj;
    expect(out.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.26', env: [{ name: 'A', value: '1' }] }]);
  });

  it('merge patch: kubectl scale body; lists are replaced, not merged', () => {
    const out = applyPatch(MERGE_PATCH, deployment(), { spec: { replicas: 3, template: { spec: { containers: [{ name: 'other', image: 'x' }] } } } }, 'Deployment') as Obj;
    expect(out.spec.replicas).toBe(3);
    expect(out.spec.template.spec.containers).toEqual([{ name: 'other', image: 'x' }]);
  });

  it('merge patch: a body that is not an object is a 400', () => {
    for (const body of [null, [1], 3, true]) {
      let err: unknown;
      try {
        applyPatch(MERGE_PATCH, deployment(), body, 'Deployment');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MergePatchError);
      expect(err).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
    }
  });

  it('json patch: rollout undo body', () => {
    const out = applyPatch(JSON_PATCH, deployment(), [{ op: 'replace', path: '/spec/replicas', value: 2 }], 'Deployment') as Obj;
    expect(out.spec.replicas).toBe(2);
    expect(() => applyPatch(JSON_PATCH, deployment(), [{ op: 'replace', path: '/nope/x', value: 2 }], 'Deployment')).toThrow(JsonPatchError);
  });

  it('accepts raw text or bytes and decodes them', () => {
    const text = JSON.stringify({ spec: { replicas: 4 } });
    expect((applyPatch(MERGE_PATCH, deployment(), text, 'Deployment') as Obj).spec.replicas).toBe(4);
    expect((applyPatch(STRATEGIC_MERGE_PATCH, deployment(), new TextEncoder().encode(text), 'Deployment') as Obj).spec.replicas).toBe(4);
    expect((applyPatch(APPLY_PATCH, deployment(), 'spec:\n  replicas: 5\n', 'Deployment') as Obj).spec.replicas).toBe(5);
    let err: unknown;
    try {
      applyPatch(MERGE_PATCH, deployment(), '{not json', 'Deployment');
    } catch (e) {
      err = e;
    }
    expect(isPatchError(err)).toBe(true);
    expect(err).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect((err as Error).message).toMatch(/^error decoding patch: /);
  });

  it('never modifies the target or the body', () => {
    const target = deployment();
    const bodies: [string, unknown][] = [
      [STRATEGIC_MERGE_PATCH, { spec: { template: { spec: { containers: [{ name: 'nginx', env: [{ name: 'B', value: '2' }] }] } } } }],
      [MERGE_PATCH, { metadata: { labels: { app: null, tier: 'fe' } } }],
      [JSON_PATCH, [{ op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'C' } }]],
      [APPLY_PATCH, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 9 } }],
    ];
    const before = JSON.stringify([target, bodies]);
    for (const [ct, body] of bodies) applyPatch(ct, target, body, 'Deployment');
    expect(JSON.stringify([target, bodies])).toBe(before);
  });
});

describe('hostile keys', () => {
  it('a __proto__ member never reaches an object prototype', () => {
    const body = JSON.parse('{"metadata":{"__proto__":{"polluted":true},"labels":{"a":"b"}}}');
    for (const ct of [STRATEGIC_MERGE_PATCH, MERGE_PATCH, APPLY_PATCH]) {
      const out = applyPatch(ct, deployment(), body, 'Deployment') as Obj;
      expect(out.metadata.polluted, ct).toBeUndefined();
      expect(Object.getPrototypeOf(out.metadata), ct).toBe(Object.prototype);
    }
    const out = applyPatch(JSON_PATCH, deployment(), [{ op: 'add', path: '/metadata/__proto__', value: { polluted: true } }], 'Deployment') as Obj;
    expect(out.metadata.polluted).toBeUndefined();
    expect(({} as Obj).polluted).toBeUndefined();
  });
});

describe('server-side apply approximation (application/apply-patch+yaml)', () => {
  const applied = (): Obj => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.26', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] },
      },
    },
  });

  it('sets the fields the configuration names and keeps the rest of the live object', () => {
    const out = applyPatch(APPLY_PATCH, deployment(), applied(), 'Deployment') as Obj;
    expect(out.metadata).toEqual({ name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', labels: { app: 'web', tier: 'fe' } });
    expect(out.spec.replicas).toBe(2);
    expect(out.status).toEqual({ replicas: 1 });
    // Keyed lists merge by key: the live env var stays, the new container is added.
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'nginx', image: 'nginx:1.26', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
      { name: 'side', image: 'busybox' },
    ]);
  });

  it('with no live object, returns the configuration (the caller creates it)', () => {
    expect(applyPatch(APPLY_PATCH, undefined, applied(), 'Deployment')).toEqual(applied());
  });

  it('ignores strategic-merge directives in a configuration', () => {
    const cfg = applied();
    cfg.spec.template.spec.containers.push({ name: 'nginx', $patch: 'delete' });
    cfg.spec.template.spec['$setElementOrder/containers'] = [{ name: 'side' }];
    const out = applyPatch(APPLY_PATCH, deployment(), cfg, 'Deployment') as Obj;
    expect(out.spec.template.spec.containers.map((c: Obj) => c.name)).toEqual(['nginx', 'side']);
    expect(JSON.stringify(out)).not.toContain('$');
  });

  it('rejects a configuration that is not an object (400)', () => {
    expect(() => applyPatch(APPLY_PATCH, deployment(), [1], 'Deployment')).toThrow(PatchError);
    let err: unknown;
    try {
      applyPatch(APPLY_PATCH, deployment(), 'just a string', 'Deployment');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    expect(err).toMatchObject({ code: 400 });
  });
});
