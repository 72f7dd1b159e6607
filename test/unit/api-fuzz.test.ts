// Property-based fuzzing of the API server (in process, over loopback HTTP, in-memory store): for every served
// kind and every write verb (create, update, merge / strategic / JSON patch, scale), a body with one value of the
// wrong type at a random field of the kind's schema is answered with a 4xx Status and stores nothing; any value
// at any field (right type or not, odd names) never gets a 5xx. The schemas are the build's (dist/openapi).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import type { ResourceInfo } from '../../src/api/resource-info.js';
import { createApiServer } from '../../src/apiserver/server.js';
import { schemaFor } from '../../src/apiserver/openapi.js';
import { realClock } from '../../src/util/clock.js';
import type { KObject } from '../../src/api/types.js';

// The served OpenAPI documents are the build's (src/ has none): set before the server's module reads the path.
vi.hoisted(() => {
  process.env.KBX_OPENAPI_DIR = new URL('../../dist/openapi', import.meta.url).pathname;
});

const TOKEN = 'fuzz-token';
// CI runs fixed seeds; `npm run torture` runs fresh ones, more of them (KBX_FUZZ_SEED, KBX_FUZZ_SCALE).
const SEED = Number(process.env.KBX_FUZZ_SEED ?? 17);
const SCALE = Number(process.env.KBX_FUZZ_SCALE ?? 1);
const runs = (n: number, k: number) => ({ numRuns: Math.round(n * SCALE), seed: SEED + k });
const NS = 'fuzz';
let server: http.Server;
let port = 0;
let registry: Registry;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

interface Reply {
  status: number;
  body: any;
}

function request(method: string, p: string, body?: unknown, contentType = 'application/json'): Promise<Reply> {
  const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: p, agent, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': contentType, ...(data ? { 'content-length': Buffer.byteLength(data) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

// ---- the kinds, their paths and a seed object each ----

const WRITABLE = RESOURCES.filter((r) => r.verbs.includes('create') && schemaFor(r));
const STORED = WRITABLE.filter((r) => r.verbs.includes('update'));
const apiVersion = (r: ResourceInfo) => (r.group ? `${r.group}/${r.version}` : r.version);
const base = (r: ResourceInfo) => `/${r.group ? 'apis/' + r.group : 'api'}/${r.version}${r.namespaced ? `/namespaces/${NS}` : ''}/${r.plural}`;

const container = { name: 'c', image: 'busybox' };
const podSpec = { containers: [container] };
const template = { metadata: { labels: { app: 'fz' } }, spec: podSpec };
const selector = { matchLabels: { app: 'fz' } };
const SPECS: Record<string, Record<string, unknown>> = {
  Pod: { spec: podSpec },
  Deployment: { spec: { replicas: 0, selector, template } },
  ReplicaSet: { spec: { replicas: 0, selector, template } },
  StatefulSet: { spec: { replicas: 0, selector, template, serviceName: 'fz' } },
  DaemonSet: { spec: { selector, template } },
  Job: { spec: { suspend: true, template: { spec: { ...podSpec, restartPolicy: 'Never' } } } },
  CronJob: { spec: { schedule: '0 0 * * *', suspend: true, jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: 'Never' } } } } } },
  Service: { spec: { ports: [{ port: 80 }] } },
  ControllerRevision: { revision: 1 },
  PodDisruptionBudget: { spec: { minAvailable: 1, selector } },
  HorizontalPodAutoscaler: { spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' }, maxReplicas: 2 } },
  Role: { rules: [] },
  ClusterRole: { rules: [] },
  RoleBinding: { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [] },
  ClusterRoleBinding: { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [] },
  PriorityClass: { value: 5 },
  PersistentVolume: { spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/fz' } } },
  PersistentVolumeClaim: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
  StorageClass: { provisioner: 'kbx.io/local' },
  IngressClass: { spec: { controller: 'kbx.io/ingress' } },
  Ingress: { spec: { defaultBackend: { service: { name: 'x', port: { number: 80 } } } } },
  EndpointSlice: { addressType: 'IPv4', endpoints: [] },
  Event: { involvedObject: { kind: 'Pod', name: 'x', namespace: NS }, reason: 'R', message: 'm' },
};

function seed(r: ResourceInfo, name: string): KObject {
  return { apiVersion: apiVersion(r), kind: r.kind, metadata: { name, ...(r.namespaced ? { namespace: NS } : {}) }, ...structuredClone(SPECS[r.kind] ?? {}) } as KObject;
}

type Leaf = 'integer32' | 'integer64' | 'boolean' | 'string' | 'object' | 'array' | 'int-or-string' | 'quantity' | 'date-time' | 'map';
interface FieldPath {
  path: (string | 0)[];
  leaf: Leaf;
}

const REF = '#/components/schemas/';
function deref(s: any, doc: any): { s: any; name?: string } {
  let name: string | undefined;
  for (let i = 0; s && i < 8; i++) {
    if (s.$ref) {
      name = s.$ref.slice(REF.length);
      s = doc.components.schemas[name!];
    } else if (s.allOf?.length === 1 && !s.properties) s = s.allOf[0];
    else break;
  }
  return { s, name };
}

/** Every field path of a kind's schema to depth 7 (arrays through their first item), with what it decodes into. */
function fieldPaths(r: ResourceInfo): FieldPath[] {
  const { schema, doc } = schemaFor(r)!;
  const out: FieldPath[] = [];
  const visit = (sIn: any, path: (string | 0)[], depth: number) => {
    const { s, name } = deref(sIn, doc);
    if (!s || depth > 7 || s['x-kubernetes-preserve-unknown-fields']) return;
    let leaf: Leaf | undefined;
    if (s['x-kubernetes-int-or-string']) leaf = name?.endsWith('.Quantity') ? 'quantity' : 'int-or-string';
    else if (s.format === 'date-time') leaf = 'date-time';
    else if (s.type === 'integer') leaf = s.format === 'int32' ? 'integer32' : 'integer64';
    else if (s.type === 'boolean' || s.type === 'string' || s.type === 'array') leaf = s.type;
    else if (s.properties) leaf = 'object';
    else if (s.type === 'object') leaf = 'map';
    if (leaf && path.length) out.push({ path, leaf });
    if (path[0] === 'apiVersion' || path[0] === 'kind') return;
    if (s.type === 'array' && s.items) visit(s.items, [...path, 0], depth + 1);
    for (const [k, v] of Object.entries(s.properties ?? {})) visit(v, [...path, k], depth + 1);
  };
  visit(schema, [], 0);
  return out.filter((f) => f.path[0] !== 'apiVersion' && f.path[0] !== 'kind');
}

const PATHS = new Map(WRITABLE.map((r) => [r.kind + r.group, fieldPaths(r)]));

/** Values that do not decode into a leaf's type (each one the API server refuses while decoding). */
const WRONG: Record<Leaf, unknown[]> = {
  integer32: ['3', true, 1.5, 2147483648, -2147483649, {}, []],
  integer64: ['3', false, 0.25, {}, []],
  boolean: ['true', 1, {}, []],
  string: [1, true, {}, []],
  object: ['x', 7, true, []],
  map: ['x', 7, []],
  array: ['x', 7, {}],
  'int-or-string': [true, {}, [], 1.5],
  quantity: ['many', true, '1.2.3', '--1'],
  'date-time': ['yesterday', 17, '2024-13-01T00:00:00Z'],
};

function setAt(obj: any, path: (string | 0)[], value: unknown): any {
  const root = structuredClone(obj);
  let cur = root;
  path.forEach((k, i) => {
    if (i === path.length - 1) {
      cur[k] = value;
      return;
    }
    const nextIsIndex = path[i + 1] === 0;
    if (cur[k] === null || typeof cur[k] !== 'object' || Array.isArray(cur[k]) !== nextIsIndex) cur[k] = nextIsIndex ? [] : {};
    cur = cur[k];
  });
  return root;
}

const kindArb = fc.constantFrom(...WRITABLE);
const storedArb = fc.constantFrom(...STORED);
/** One field of a kind with a wrong value for it. */
const wrongFor = (r: ResourceInfo) => fc.constantFrom(...PATHS.get(r.kind + r.group)!).chain((f) => fc.record({ f: fc.constant(f), v: fc.constantFrom(...WRONG[f.leaf]) }));
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('.', '..', '%', 'a/b', '', ' ', 'x'.repeat(300), '-1', 'null', '\u0000', '25%', '1e400', 0, -1, 2147483647, 2 ** 53, null),
);
const anyFor = (r: ResourceInfo) => fc.record({ f: fc.constantFrom(...PATHS.get(r.kind + r.group)!), v: anyJson });

let counter = 0;
const uniq = () => `fz-${(counter++).toString(36)}`;
let requests = 0;
/** The server's log line for the last internal error (its stack), to name the crash in a failure. */
let lastInternal = '';
const statuses = new Map<number, number>();

async function send(method: string, p: string, body?: unknown, ct?: string): Promise<Reply> {
  requests++;
  const r = await request(method, p, body, ct);
  statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  return r;
}

function isStatus(r: Reply): boolean {
  return r.body && typeof r.body === 'object' && r.body.kind === 'Status' && r.body.code === r.status && typeof r.body.message === 'string';
}

const seeds = new Map<string, { name: string; rv: string }>();

beforeAll(async () => {
  registry = new Registry(Store.memory(), realClock);
  const nsInfo = RESOURCES.find((r) => r.kind === 'Namespace')!;
  registry.create(nsInfo, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } } as KObject);
  const node = {
    logs: () => Promise.reject(new Error('no node')),
    exec: () => Promise.reject(new Error('no node')),
    attach: () => Promise.reject(new Error('no node')),
  };
  server = createApiServer({ registry, token: TOKEN, node, version: { gitVersion: 'v1.35.0-kbx.fuzz' }, log: (m) => void (lastInternal = m) });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  port = (server.address() as AddressInfo).port;
  for (const r of STORED) {
    const name = `seed-${r.kind.toLowerCase()}`;
    const res = await request('POST', base(r), seed(r, name));
    if (res.status === 201) seeds.set(r.kind + r.group, { name, rv: res.body.metadata.resourceVersion });
  }
});

afterAll(async () => {
  agent.destroy();
  await new Promise((res) => server.close(res));
  // eslint-disable-next-line no-console
  console.log(`api fuzz: ${requests} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
});

const PATCH_TYPES = ['application/merge-patch+json', 'application/strategic-merge-patch+json'];

describe('API fuzz', () => {
  it('every stored kind has a seed object (the valid starting point of updates and patches)', () => {
    const missing = STORED.filter((r) => !seeds.has(r.kind + r.group)).map((r) => r.kind);
    expect(missing).toEqual([]);
  });

  it('create: a wrongly typed field is a 4xx Status and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(kindArb.chain((r) => fc.tuple(fc.constant(r), wrongFor(r))), async ([r, { f, v }]) => {
        const name = uniq();
        const body = setAt(seed(r, name), f.path, v);
        if (f.path[0] === 'metadata' && f.path[1] === 'name') return; // the name itself: covered below
        const res = await send('POST', base(r), body);
        expect(res.status === 400 || res.status === 422, `${r.kind} ${f.path.join('.')}=${JSON.stringify(v)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(true);
        expect(isStatus(res)).toBe(true);
        if (STORED.includes(r)) expect((await send('GET', `${base(r)}/${name}`)).status).toBe(404);
      }),
      runs(1200, 0),
    );
  });

  it('update and patch: a wrongly typed field is a 4xx Status and the object is unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(storedArb.chain((r) => fc.tuple(fc.constant(r), wrongFor(r), fc.integer({ min: 0, max: 3 }))), async ([r, { f, v }, verb]) => {
        const s = seeds.get(r.kind + r.group);
        if (!s || (f.path[0] === 'metadata' && ['name', 'namespace', 'resourceVersion'].includes(f.path[1] as string))) return;
        const url = `${base(r)}/${s.name}`;
        let res: Reply;
        if (verb === 0) {
          const cur = (await send('GET', url)).body;
          res = await send('PUT', url, setAt(cur, f.path, v));
        } else if (verb <= 2) {
          res = await send('PATCH', url, setAt({}, f.path, v), PATCH_TYPES[verb - 1]);
        } else {
          const p = '/' + f.path.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
          const cur = (await send('GET', url)).body;
          res = await send('PATCH', url, [{ op: 'add', path: p, value: v }], 'application/json-patch+json');
          if (res.status < 300) throw new Error(`${r.kind} ${p} accepted: ${JSON.stringify(cur).slice(0, 200)}`);
        }
        expect(res.status >= 400 && res.status < 500, `${r.kind} verb ${verb} ${f.path.join('.')}=${JSON.stringify(v)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(true);
        expect(isStatus(res)).toBe(true);
        expect((await send('GET', url)).body.metadata.resourceVersion).toBe(s.rv);
      }),
      runs(1200, 1),
    );
  });

  it('scale: replicas of the wrong type or out of int32 is a 4xx Status', async () => {
    const scalable = STORED.filter((r) => r.subresources.includes('scale') && seeds.has(r.kind + r.group));
    expect(scalable.length).toBeGreaterThan(2);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...scalable), fc.constantFrom(...WRONG.integer32), fc.boolean(), async (r, v, put) => {
        const s = seeds.get(r.kind + r.group)!;
        const url = `${base(r)}/${s.name}/scale`;
        const res = put
          ? await send('PUT', url, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: s.name, namespace: NS }, spec: { replicas: v } })
          : await send('PATCH', url, { spec: { replicas: v } }, 'application/merge-patch+json');
        expect(res.status >= 400 && res.status < 500, `${r.kind} scale ${JSON.stringify(v)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(true);
        expect(isStatus(res)).toBe(true);
      }),
      runs(150, 2),
    );
  });

  it('anything at any field, any name, any verb: never a 5xx, and every refusal is a Status', async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb.chain((r) => fc.tuple(fc.constant(r), anyFor(r), fc.integer({ min: 0, max: 4 }), fc.constantFrom('ok', '.', '..', '%2E%2E', 'a%2Fb', 'A_B', 'x'.repeat(260)))),
        async ([r, { f, v }, verb, name]) => {
          const s = seeds.get(r.kind + r.group);
          let res: Reply;
          if (verb === 0 || !s) {
            res = await send('POST', base(r), setAt(seed(r, name === 'ok' ? uniq() : decodeURIComponent(name)), f.path, v));
          } else {
            const target = name === 'ok' ? s.name : name;
            const url = `${base(r)}/${target}`;
            if (verb === 1) res = await send('PUT', url, setAt(seed(r, decodeURIComponent(target)), f.path, v));
            else if (verb === 2) res = await send('PATCH', url, setAt({}, f.path, v), PATCH_TYPES[0]);
            else if (verb === 3) res = await send('PATCH', url, setAt({}, f.path, v), PATCH_TYPES[1]);
            else res = await send('DELETE', url, { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: v, propagationPolicy: v });
            if (res.status < 300 && s) {
              const cur = await send('GET', `${base(r)}/${s.name}`);
              if (cur.status === 200) s.rv = cur.body.metadata.resourceVersion;
              else seeds.delete(r.kind + r.group);
            }
          }
          expect(res.status < 500, `${r.kind} verb ${verb} ${name} ${f.path.join('.')}=${JSON.stringify(v)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)} ${lastInternal.slice(0, 600)}`).toBe(true);
          if (res.status >= 400) expect(isStatus(res)).toBe(true);
        },
      ),
      runs(1500, 3),
    );
  });

  it('bodies that are not objects of the kind: a 4xx Status', async () => {
    await fc.assert(
      // (A string with a colon can be a YAML mapping: the server reads YAML bodies too.)
      fc.asyncProperty(kindArb, fc.oneof(fc.jsonValue({ maxDepth: 1 }).filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)), fc.string().filter((t) => !t.includes(':'))), async (r, v) => {
        const res = await send('POST', base(r), typeof v === 'string' ? v : JSON.stringify(v));
        expect(res.status >= 400 && res.status < 500, `${r.kind} ${JSON.stringify(v)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(true);
        expect(isStatus(res)).toBe(true);
      }),
      runs(300, 4),
    );
  });
});
