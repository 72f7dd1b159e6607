// Server-side apply and field ownership over the served schemas (the build's dist/openapi): which manager owns
// what after applies and updates, conflicts and their message, force, and the removal of fields an applier
// stops applying (the cases of structured-merge-diff's and the API server's apply tests, on a Deployment).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { kindSchema } from '../../src/api/unknown-fields.js';
import { ApplyConflictError, fieldPaths, fromFieldsV1, recordUpdate, serverSideApply, toFieldsV1, type Writer } from '../../src/api/ssa/index.js';

const doc = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.resolve(__dirname, '..', '..', 'dist', 'openapi', 'v3', 'apis', 'apps', 'v1.json.gz'))).toString('utf8'));
const t = { doc, schema: kindSchema(doc, 'apps', 'v1', 'Deployment')! };
const w = (manager: string, subresource = ''): Writer => ({ manager, apiVersion: 'apps/v1', time: '2026-12-02T00:00:00Z', subresource });

const config = (replicas: number, ports: number[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1', ports: ports.map((p) => ({ containerPort: p })), ...extra }] } },
  },
});

const owners = (obj: any) => Object.fromEntries((obj.metadata.managedFields ?? []).map((e: any) => [`${e.manager}/${e.operation}${e.subresource ? `/${e.subresource}` : ''}`, Object.keys(Object.fromEntries(fromFieldsV1(e.fieldsV1))).map((k) => JSON.parse(k).join('.'))]));

describe('field paths and FieldsV1', () => {
  it('list maps by their keys, items themselves as ".", identity metadata left out by the caller', () => {
    const paths = [...fieldPaths(config(1, [80]), t.schema, t.doc).values()].map((p) => p.join('.'));
    expect(paths).toContain('f:spec.f:template.f:spec.f:containers.k:{"name":"web"}..');
    expect(paths).toContain('f:spec.f:template.f:spec.f:containers.k:{"name":"web"}.f:ports.k:{"containerPort":80}.f:containerPort');
    expect(paths).toContain('f:spec.f:replicas');
  });
  it('round-trips through the trie', () => {
    const paths = fieldPaths(config(1, [80, 81]), t.schema, t.doc);
    expect(new Set(fromFieldsV1(toFieldsV1(paths.values())).keys())).toEqual(new Set(paths.keys()));
  });
});

describe('serverSideApply', () => {
  it('creates with one Apply entry owning exactly the applied fields', () => {
    const o = serverSideApply(undefined, config(1, [80]), t, w('helm'), false);
    const f = owners(o)['helm/Apply']!;
    expect(f).toContain('f:spec.f:replicas');
    expect(f).toContain('f:metadata.f:labels.f:app');
    expect(f.some((p: string) => p.startsWith('f:metadata.f:name'))).toBe(false);
    expect(f.some((p: string) => p.startsWith('f:apiVersion'))).toBe(false);
  });

  it('a field the applier no longer applies is removed (a port dropped from the chart)', () => {
    const v1 = serverSideApply(undefined, config(1, [8080]), t, w('helm'), false);
    const v2 = serverSideApply(v1, config(1, [80]), t, w('helm'), false);
    expect(v2.spec.template.spec.containers[0].ports).toEqual([{ containerPort: 80 }]);
    const v3 = serverSideApply(v2, config(1, [80], { env: [{ name: 'A', value: 'x' }] }), t, w('helm'), false);
    const v4 = serverSideApply(v3, config(1, [80]), t, w('helm'), false);
    expect(v4.spec.template.spec.containers[0].env).toEqual([]);
  });

  it('a field another manager set to another value is a conflict, with the API server\'s message', () => {
    const applied = serverSideApply(undefined, config(1, [80]), t, w('kubectl'), false);
    const scaled = structuredClone(applied);
    scaled.spec.replicas = 5;
    scaled.metadata.managedFields = recordUpdate(applied, scaled, t, w('kubectl', 'scale'));
    expect(owners(scaled)['kubectl/Update/scale']).toEqual(['f:spec.f:replicas']);
    let err: unknown;
    try {
      serverSideApply(scaled, config(1, [80]), t, w('kubectl'), false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApplyConflictError);
    expect((err as Error).message).toBe('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    // The same value is no conflict: the field is shared.
    const shared = serverSideApply(scaled, config(5, [80]), t, w('kubectl'), false);
    expect(owners(shared)['kubectl/Update/scale']).toEqual(['f:spec.f:replicas']);
    expect(owners(shared)['kubectl/Apply']).toContain('f:spec.f:replicas');
    // force takes it over
    const forced = serverSideApply(scaled, config(1, [80]), t, w('kubectl'), true);
    expect(forced.spec.replicas).toBe(1);
    expect(owners(forced)['kubectl/Update/scale']).toBeUndefined();
  });

  it('two appliers: conflicts are listed per manager; a field still owned by another applier is not removed', () => {
    const a = serverSideApply(undefined, config(1, [80]), t, w('a'), false);
    const b = serverSideApply(a, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, minReadySeconds: 5 } }, t, w('b'), false);
    expect(b.spec.minReadySeconds).toBe(5);
    try {
      serverSideApply(b, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, minReadySeconds: 6 } }, t, w('c'), false);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('Apply failed with 3 conflicts: conflicts with "a" using apps/v1:\n- .spec.replicas\nconflicts with "b" using apps/v1:\n- .spec.replicas\n- .spec.minReadySeconds');
    }
    // a stops applying replicas: b still owns it, so it stays
    const cfg = config(1, [80]);
    delete (cfg.spec as any).replicas;
    const after = serverSideApply(b, cfg, t, w('a'), false);
    expect(after.spec.replicas).toBe(1);
  });
});

describe('recordUpdate', () => {
  it('the writer owns what it set or changed; others lose it; removed fields leave everyone', () => {
    const created = config(1, [80]) as any;
    created.metadata.managedFields = recordUpdate(undefined, created, t, w('kubectl-create'));
    expect(owners(created)['kubectl-create/Update']).toContain('f:spec.f:replicas');
    const edited = structuredClone(created);
    edited.spec.replicas = 2;
    delete edited.metadata.labels;
    edited.metadata.managedFields = recordUpdate(created, edited, t, w('kubectl-edit'));
    expect(owners(edited)['kubectl-edit/Update']).toEqual(['f:spec.f:replicas']);
    const create = owners(edited)['kubectl-create/Update']!;
    expect(create).not.toContain('f:spec.f:replicas');
    expect(create).not.toContain('f:metadata.f:labels.f:app');
    expect(create).toContain('f:spec.f:template.f:spec.f:containers.k:{"name":"web"}.f:image');
  });
});
