// Applying strategic merge patches (`application/strategic-merge-patch+json`) and the
// patch-strategy table.
//
// KUBECTL_CASES: `expected` is what the real kubectl v1.35 produced for
// `kubectl patch --local -f obj.json --type strategic -p PATCH -o json`, which runs apimachinery's
// StrategicMergePatch with the compiled-in Go struct tags: the same code path as the apiserver.
// One case differs on purpose (see its comment).
import { describe, expect, it } from 'vitest';
import {
  applyStrategicMergePatch,
  canonicalKind,
  hasPatchMeta,
  patchMetaFor,
  PATCH_STRATEGY_TABLE,
  StrategicMergePatchError,
} from '../../src/api/patch/index.js';

type Obj = Record<string, any>;

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as Obj).sort().map((k) => [k, sortKeys((v as Obj)[k])]));
  return v;
}
// Object key order is irrelevant (Go re-encodes structs in field order); list order is not.
const canonical = (v: unknown) => JSON.stringify(sortKeys(v));

const KUBECTL_CASES: [name: string, original: Obj, patch: Obj, expected: Obj][] = [
  [
    "add container",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"}]}},
    {"spec":{"containers":[{"name":"c","image":"img-c"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-c","name":"c"},{"image":"img-a","name":"a"},{"image":"img-b","name":"b"}]}},
  ],
  [
    "add container with order",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"c"},{"name":"b"}],"containers":[{"name":"c","image":"img-c"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"},{"image":"img-c","name":"c"},{"image":"img-b","name":"b"}]}},
  ],
  [
    "change image",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"}]}},
    {"spec":{"containers":[{"name":"b","image":"new"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"},{"image":"new","name":"b"}]}},
  ],
  [
    "delete container",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"}]}},
    {"spec":{"containers":[{"name":"a","$patch":"delete"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-b","name":"b"}]}},
  ],
  [
    "replace containers",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"}]}},
    {"spec":{"containers":[{"name":"z","image":"img-z"},{"$patch":"replace"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-z","name":"z"}]}},
  ],
  [
    "env merge",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}},
    {"spec":{"containers":[{"name":"a","env":[{"name":"C","value":"3"},{"name":"A","value":"x"}]}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"env":[{"name":"C","value":"3"},{"name":"A","value":"x"},{"name":"B","value":"2"}],"image":"img-a","name":"a"}]}},
  ],
  [
    "env null delete",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a","env":[{"name":"A","value":"1"}],"ports":[{"containerPort":80}]}]}},
    {"spec":{"containers":[{"name":"a","env":null,"ports":null}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "ports merge",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}},
    {"spec":{"containers":[{"name":"a","ports":[{"containerPort":8080},{"containerPort":80,"protocol":"TCP"}]}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a","ports":[{"containerPort":8080},{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":443}]}]}},
  ],
  [
    "args atomic",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a","args":["x","y"]}]}},
    {"spec":{"containers":[{"name":"a","args":["z"]}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"args":["z"],"image":"img-a","name":"a"}]}},
  ],
  [
    "tolerations atomic",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}],"tolerations":[{"key":"k","operator":"Exists"}]}},
    {"spec":{"tolerations":[{"key":"j","operator":"Exists"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}],"tolerations":[{"key":"j","operator":"Exists"}]}},
  ],
  [
    "finalizers union",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["b","a"]},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"finalizers":["c","a"]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["c","b","a"],"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "finalizers delete",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["b","a","c"]},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["b","c"],"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "finalizers order",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["b","a","c"]},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"$setElementOrder/finalizers":["c","b","a"]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["c","b","a"],"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "finalizers order+add",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","finalizers":["b","a","c"]},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"$setElementOrder/finalizers":["a","d","b"],"finalizers":["d"]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"finalizers":["a","d","b","c"],"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "labels null",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"1","b":"2"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"labels":{"a":null,"c":"3"}}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"b":"2","c":"3"},"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "labels replace",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"1","b":"2"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"labels":{"$patch":"replace","c":"3"}}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"c":"3"},"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "labels delete",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"1","b":"2"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"labels":{"$patch":"delete"}}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"labels":{},"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "volumes retainKeys",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}],"volumes":[{"name":"v","emptyDir":{}}]}},
    {"spec":{"volumes":[{"name":"v","$retainKeys":["name","hostPath"],"hostPath":{"path":"/x"}}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}],"volumes":[{"hostPath":{"path":"/x"},"name":"v"}]}},
  ],
  [
    "deployment strategy retainKeys",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}}}},
    {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"Recreate"},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-a","name":"a"}]}}}},
  ],
  [
    "deployment strategy retainKeys existing",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}},
    {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"Recreate"},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-a","name":"a"}]}}}},
  ],
  [
    "deployment set image",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"img-nginx"},{"name":"side","image":"img-side"}]}}}},
    {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"side"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx"},{"image":"img-side","name":"side"}]}}}},
  ],
  [
    "deployment reorder",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"},{"name":"c","image":"img-c"}]}}}},
    {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}]}}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-b","name":"b"},{"image":"img-c","name":"c"},{"image":"img-a","name":"a"}]}}}},
  ],
  [
    "deployment reorder add delete",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"},{"name":"c","image":"img-c"}]}}}},
    {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"d"},{"name":"a"}],"containers":[{"name":"d","image":"img-d"},{"name":"b","$patch":"delete"}]}}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-c","name":"c"},{"image":"img-d","name":"d"},{"image":"img-a","name":"a"}]}}}},
  ],
  [
    "server-only interleave",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"x","image":"img-x"},{"name":"b","image":"img-b"},{"name":"y","image":"img-y"}]}}}},
    {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a","image":"n"}]}}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-x","name":"x"},{"image":"img-b","name":"b"},{"image":"n","name":"a"},{"image":"img-y","name":"y"}]}}}},
  ],
  [
    "service ports",
    {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}]}},
    {"spec":{"ports":[{"port":443,"targetPort":8443},{"port":80,"targetPort":9090}]}},
    {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":443,"targetPort":8443},{"port":80,"protocol":"TCP","targetPort":9090}]}},
  ],
  [
    "ownerRefs",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","ownerReferences":[{"apiVersion":"v1","kind":"X","name":"x","uid":"u1"}]},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"ownerReferences":[{"apiVersion":"v1","kind":"Y","name":"y","uid":"u2"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","ownerReferences":[{"apiVersion":"v1","kind":"Y","name":"y","uid":"u2"},{"apiVersion":"v1","kind":"X","name":"x","uid":"u1"}]},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "replicas null",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}}}},
    {"spec":{"replicas":null,"paused":true}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"paused":true,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-a","name":"a"}]}}}},
  ],
  [
    "new key with null inside",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"spec":{"securityContext":{"runAsUser":1,"fsGroup":null}}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}],"securityContext":{"runAsUser":1}}},
  ],
  [
    "type change",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"1"}},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"metadata":{"labels":null}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "volumeMounts",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a","volumeMounts":[{"name":"v","mountPath":"/a"}]}]}},
    {"spec":{"containers":[{"name":"a","volumeMounts":[{"name":"w","mountPath":"/b"},{"name":"v2","mountPath":"/a"}]}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a","volumeMounts":[{"mountPath":"/b","name":"w"},{"mountPath":"/a","name":"v2"}]}]}},
  ],
  [
    "conditions status",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}]},"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"Initialized","status":"True"}]}},
    {"status":{"conditions":[{"type":"Ready","status":"True"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]},"status":{"conditions":[{"status":"True","type":"Ready"},{"status":"True","type":"Initialized"}]}},
  ],
  [
    "job template",
    {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"a","image":"img-a","env":[{"name":"A","value":"1"}]}]}}}},
    {"spec":{"template":{"spec":{"containers":[{"name":"a","env":[{"name":"B","value":"2"}]}]}}}},
    {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"template":{"spec":{"containers":[{"env":[{"name":"B","value":"2"},{"name":"A","value":"1"}],"image":"img-a","name":"a"}],"restartPolicy":"Never"}}}},
  ],
  [
    "cronjob template",
    {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"j"},"spec":{"schedule":"* * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"a","image":"img-a"}]}}}}}},
    {"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"img-b"}]}}}}}},
    {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"j"},"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"image":"img-b","name":"b"},{"image":"img-a","name":"a"}],"restartPolicy":"Never"}}}},"schedule":"* * * * *"}},
  ],
  [
    "new container list",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"spec":{"initContainers":[{"name":"i","image":"img-i"},{"name":"j","$patch":"delete"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}],"initContainers":[{"image":"img-i","name":"i"}]}},
  ],
  [
    "hostAliases",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["a"]}]}},
    {"spec":{"hostAliases":[{"ip":"1.1.1.1","hostnames":["b"]},{"ip":"2.2.2.2","hostnames":["c"]}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}],"hostAliases":[{"hostnames":["b"],"ip":"1.1.1.1"},{"hostnames":["c"],"ip":"2.2.2.2"}]}},
  ],
  [
    "delete missing item",
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"img-a"}]}},
    {"spec":{"containers":[{"name":"zz","$patch":"delete"}]}},
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"image":"img-a","name":"a"}]}},
  ],
  [
    "deployment delete container with order",
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"a","image":"img-a"},{"name":"b","image":"img-b"}]}}}},
    {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"b"}],"containers":[{"name":"a","$patch":"delete"}]}}}},
    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"web"},"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"img-b","name":"b"}]}}}},
  ],
];

describe('applyStrategicMergePatch: results kubectl computes', () => {
  for (const [name, original, patch, expected] of KUBECTL_CASES) {
    it(name, () => {
      // "deployment strategy retainKeys": upstream copies a new map verbatim, `$retainKeys`
      // included, and relies on decoding into a Go struct to drop it; kbx stores JSON, so it
      // strips directive keys from new values. The expectation is kubectl's minus that key.
      expect(canonical(applyStrategicMergePatch(original, patch, original.kind))).toBe(canonical(expected));
    });
  }
});

describe('applyStrategicMergePatch: behaviour', () => {
  const pod = (): Obj => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { a: '1' }, finalizers: ['f1'] },
    spec: {
      containers: [
        { name: 'a', image: 'x', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
        { name: 'b', image: 'y' },
      ],
      tolerations: [{ key: 'k', operator: 'Exists' }],
    },
  });

  it('does not modify its inputs', () => {
    const o = pod();
    const p = { spec: { containers: [{ name: 'a', image: 'z', env: [{ name: 'B', value: '2' }] }, { name: 'b', $patch: 'delete' }] } };
    const before = JSON.stringify([o, p]);
    const out = applyStrategicMergePatch(o, p, 'Pod');
    expect(JSON.stringify([o, p])).toBe(before);
    // ...and shares no structure with them.
    (out.spec as Obj).containers[0].env.push({ name: 'C' });
    expect(JSON.stringify([o, p])).toBe(before);
  });

  it('rollout pause/resume/restart bodies (KUBECTL-WIRE.md §7)', () => {
    const d: Obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } };
    const paused = applyStrategicMergePatch(d, { spec: { paused: true } }, 'Deployment');
    expect(paused.spec).toMatchObject({ paused: true, replicas: 1 });
    const resumed = applyStrategicMergePatch(paused, { spec: { paused: null } }, 'Deployment');
    expect(resumed.spec).not.toHaveProperty('paused');
    const restarted = applyStrategicMergePatch(d, { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 'T' } } } } }, 'Deployment');
    expect((restarted.spec as Obj).template.metadata).toEqual({ labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': 'T' } });
  });

  it('the patch-strategy table applies to every workload template path', () => {
    const patch = (prefix: string[]) => {
      const inner = { containers: [{ name: 'a', env: [{ name: 'B', value: '2' }] }] };
      return prefix.reduceRight<Obj>((acc, k) => ({ [k]: acc }), inner);
    };
    const spec = { containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }] }] };
    const wrap = (prefix: string[]) => prefix.reduceRight<Obj>((acc, k) => ({ [k]: acc }), structuredClone(spec));
    const cases: [string, string[]][] = [
      ['Pod', ['spec']],
      ['Deployment', ['spec', 'template', 'spec']],
      ['ReplicaSet', ['spec', 'template', 'spec']],
      ['StatefulSet', ['spec', 'template', 'spec']],
      ['DaemonSet', ['spec', 'template', 'spec']],
      ['Job', ['spec', 'template', 'spec']],
      ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
      ['ReplicationController', ['spec', 'template', 'spec']],
      ['PodTemplate', ['template', 'spec']],
    ];
    for (const [kind, prefix] of cases) {
      const out = applyStrategicMergePatch(wrap(prefix), patch(prefix), kind);
      const podSpec = prefix.reduce<Obj>((o, k) => o[k], out);
      // Without $setElementOrder a new item goes first, as upstream does.
      expect(podSpec.containers, kind).toEqual([{ name: 'a', image: 'x', env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }] }]);
    }
  });

  it('an unknown kind merges maps and replaces lists (JSON merge patch semantics)', () => {
    const o = { spec: { items: [{ name: 'a', v: 1 }], m: { a: 1, b: 2 } }, metadata: { finalizers: ['x'] } };
    const out = applyStrategicMergePatch(o, { spec: { items: [{ name: 'b' }], m: { b: null, c: 3 } }, metadata: { finalizers: ['y'] } }, 'Widget');
    // ObjectMeta is shared by every kind, so finalizers still merge (new items first).
    expect(out).toEqual({ spec: { items: [{ name: 'b' }], m: { a: 1, c: 3 } }, metadata: { finalizers: ['y', 'x'] } });
  });

  it('drops nulls inside replaced values (the Go struct decode would)', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { tolerations: [{ key: 'j', operator: null, effect: 'NoSchedule' }] } }, 'Pod');
    expect((out.spec as Obj).tolerations).toEqual([{ key: 'j', effect: 'NoSchedule' }]);
    const added = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'new', image: 'i', workingDir: null }] } }, 'Pod');
    expect((added.spec as Obj).containers[0]).toEqual({ name: 'new', image: 'i' });
  });

  it('accepts $patch: merge as an explicit ordinary merge (upstream rejects it)', () => {
    const out = applyStrategicMergePatch(pod(), { metadata: { labels: { $patch: 'merge', b: '2' } }, spec: { containers: [{ name: 'b', $patch: 'merge', image: 'z' }] } }, 'Pod');
    expect((out.metadata as Obj).labels).toEqual({ a: '1', b: '2' });
    expect((out.spec as Obj).containers[1]).toEqual({ name: 'b', image: 'z' });
  });

  it('$patch: replace on a keyed list replaces it with the other items', () => {
    const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'z', image: 'q' }, { $patch: 'replace' }] } }, 'Pod');
    expect((out.spec as Obj).containers).toEqual([{ name: 'z', image: 'q' }]);
  });

  it('$deleteFromPrimitiveList and $setElementOrder on finalizers', () => {
    const o = { metadata: { finalizers: ['a', 'b', 'c'] } };
    expect(applyStrategicMergePatch(o, { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'zz'] } }, 'Pod').metadata).toEqual({ finalizers: ['a', 'c'] });
    // kubectl patch --local gives the same: server-only "b" keeps its place before "c".
    expect(applyStrategicMergePatch(o, { metadata: { '$setElementOrder/finalizers': ['c', 'd', 'a'], finalizers: ['d'] } }, 'Pod').metadata).toEqual({
      finalizers: ['b', 'c', 'd', 'a'],
    });
  });

  it('orders server-only items as upstream does when items are deleted and added at once', () => {
    // From upstream "add map and delete map from merging list": the server-only item keeps its
    // place relative to the in-place-shifted live list.
    const o = { spec: { containers: [{ name: '1' }, { name: '2', image: 'b' }, { name: '4', image: 'c' }] } };
    const p = { spec: { '$setElementOrder/containers': [{ name: '2' }, { name: '3' }], containers: [{ name: '3' }, { name: '1', $patch: 'delete' }] } };
    expect((applyStrategicMergePatch(o, p, 'Pod').spec as Obj).containers.map((c: Obj) => c.name)).toEqual(['2', '4', '3']);
  });

  it('$retainKeys clears the keys it does not list', () => {
    const d = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    expect(applyStrategicMergePatch(d, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'Deployment').spec).toEqual({
      strategy: { type: 'Recreate' },
    });
  });

  it('a patch for a field missing from the object is taken whole, minus directives and nulls', () => {
    const out = applyStrategicMergePatch({ metadata: { name: 'p' } }, { spec: { containers: [{ name: 'a', image: 'i' }, { name: 'gone', $patch: 'delete' }], nodeName: null } }, 'Pod');
    expect(out).toEqual({ metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'i' }] } });
  });
});

describe('applyStrategicMergePatch: errors (texts as upstream, with the HTTP code the server answers)', () => {
  const pod: Obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', finalizers: ['a'], labels: { x: 'y' } },
    spec: { containers: [{ name: 'a', image: 'x' }], volumes: [{ name: 'v', emptyDir: {} }] },
  };
  const cases: [string, Obj, string, number][] = [
    ['missing merge key', { spec: { containers: [{ image: 'y' }] } }, 'map: map[image:y] does not contain declared merge key: name', 422],
    ['unknown directive in a list', { spec: { containers: [{ name: 'a', $patch: 'foo' }] } }, 'unknown patch type: foo in map: map[$patch:foo name:a]', 422],
    ['unknown directive in a map', { metadata: { labels: { $patch: 'foo' } } }, 'unknown patch type: foo in map: map[$patch:foo]', 422],
    ['$retainKeys not a list', { spec: { volumes: [{ name: 'v', $retainKeys: 'x' }] } }, 'invalid patch format of retainKeys', 400],
    ['$retainKeys missing a patched key', { spec: { volumes: [{ name: 'v', $retainKeys: ['name'], hostPath: { path: '/' } }] } }, 'invalid patch format of retainKeys', 400],
    ['$setElementOrder without a list name', { spec: { $setElementOrder: [{ name: 'a' }] } }, 'invalid patch format of setElementOrder list', 400],
    ['$deleteFromPrimitiveList without a slash', { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } }, 'invalid patch format of primitive list', 400],
    [
      'patch list order differs from $setElementOrder',
      { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ name: 'b', image: 'q' }] } },
      "The order in patch list:\n[map[image:q name:b]]\n doesn't match $setElementOrder list:\n[map[name:a]]\n",
      422,
    ],
    ['mixed list element types', { metadata: { finalizers: [{ a: 1 }] } }, 'list element types are not identical: [[a] [map[a:1]]]', 422],
    ['$setElementOrder not a list', { spec: { '$setElementOrder/containers': 'x' } }, 'expected a []interface {}, but received a string', 422],
  ];
  for (const [name, patch, message, code] of cases) {
    it(name, () => {
      let err: unknown;
      try {
        applyStrategicMergePatch(pod, patch, 'Pod');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StrategicMergePatchError);
      expect((err as StrategicMergePatchError).message).toBe(message);
      expect((err as StrategicMergePatchError).code).toBe(code);
    });
  }

  it('a patch that is not an object is a 400', () => {
    expect(() => applyStrategicMergePatch(pod, [1], 'Pod')).toThrow(StrategicMergePatchError);
    let err: unknown;
    try {
      applyStrategicMergePatch(pod, 'x', 'Pod');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StrategicMergePatchError);
    expect((err as StrategicMergePatchError).code).toBe(400);
  });
});

describe('patchMetaFor: the patch-strategy table', () => {
  const cases: [string, string, object][] = [
    ['Pod', 'spec.containers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Pod', 'spec.initContainers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Pod', 'spec.ephemeralContainers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Pod', 'spec.containers.env', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Pod', 'spec.initContainers.env', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Pod', 'spec.containers.volumeMounts', { strategy: 'merge', mergeKey: 'mountPath', isList: true }],
    ['Pod', 'spec.containers.volumeDevices', { strategy: 'merge', mergeKey: 'devicePath', isList: true }],
    ['Pod', 'spec.containers.ports', { strategy: 'merge', mergeKey: 'containerPort', isList: true }],
    ['Pod', 'spec.containers.envFrom', { strategy: 'replace', isList: true }],
    ['Pod', 'spec.containers.args', { strategy: 'replace', isList: true }],
    ['Pod', 'spec.containers.command', { strategy: 'replace', isList: true }],
    ['Pod', 'spec.volumes', { strategy: 'merge', mergeKey: 'name', isList: true, retainKeys: true }],
    ['Pod', 'spec.imagePullSecrets', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Pod', 'spec.tolerations', { strategy: 'replace', isList: true }],
    ['Pod', 'spec.hostAliases', { strategy: 'merge', mergeKey: 'ip', isList: true }],
    ['Pod', 'spec.topologySpreadConstraints', { strategy: 'merge', mergeKey: 'topologyKey', isList: true }],
    ['Pod', 'status.conditions', { strategy: 'merge', mergeKey: 'type', isList: true }],
    ['Pod', 'metadata.ownerReferences', { strategy: 'merge', mergeKey: 'uid', isList: true }],
    ['Pod', 'metadata.finalizers', { strategy: 'merge', isList: true }],
    ['Deployment', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Deployment', 'spec.template.spec.containers.ports', { strategy: 'merge', mergeKey: 'containerPort', isList: true }],
    ['Deployment', 'spec.template.metadata.finalizers', { strategy: 'merge', isList: true }],
    ['Deployment', 'spec.strategy', { strategy: 'merge', isList: false, retainKeys: true }],
    ['Deployment', 'status.conditions', { strategy: 'merge', mergeKey: 'type', isList: true }],
    ['StatefulSet', 'spec.template.spec.volumes', { strategy: 'merge', mergeKey: 'name', isList: true, retainKeys: true }],
    ['DaemonSet', 'spec.template.spec.initContainers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['ReplicaSet', 'spec.template.spec.containers.env', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Job', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Job', 'status.conditions', { strategy: 'merge', mergeKey: 'type', isList: true }],
    ['CronJob', 'spec.jobTemplate.spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name', isList: true }],
    ['Service', 'spec.ports', { strategy: 'merge', mergeKey: 'port', isList: true }],
    ['Service', 'metadata.finalizers', { strategy: 'merge', isList: true }],
    ['Endpoints', 'subsets', { strategy: 'replace', isList: true }],
    ['Namespace', 'spec.finalizers', { strategy: 'replace', isList: true }],
    ['Namespace', 'status.conditions', { strategy: 'merge', mergeKey: 'type', isList: true }],
    // Not in the table: plain fields.
    ['Pod', 'spec.nodeSelector', { strategy: 'merge', isList: false }],
    ['Service', 'spec.containers', { strategy: 'merge', isList: false }],
    // ObjectMeta applies to every kind, known or not.
    ['Widget', 'metadata.ownerReferences', { strategy: 'merge', mergeKey: 'uid', isList: true }],
    ['Widget', 'spec.containers', { strategy: 'merge', isList: false }],
  ];
  it.each(cases)('%s %s', (kind, path, want) => {
    expect(patchMetaFor(kind, path.split('.'))).toEqual(want);
  });

  it('accepts a Kind, its lower-case form or the plural resource', () => {
    expect(canonicalKind('Deployment')).toBe('Deployment');
    expect(canonicalKind('deployment')).toBe('Deployment');
    expect(canonicalKind('deployments')).toBe('Deployment');
    expect(canonicalKind('endpoints')).toBe('Endpoints');
    expect(canonicalKind('Widget')).toBeUndefined();
    expect(hasPatchMeta('cronjobs')).toBe(true);
    expect(hasPatchMeta('widgets')).toBe(false);
    expect(patchMetaFor('deployments', ['spec', 'template', 'spec', 'containers'])).toMatchObject({ mergeKey: 'name' });
  });

  it('is data: every merge list of objects has a merge key', () => {
    for (const [kind, table] of Object.entries(PATCH_STRATEGY_TABLE)) {
      for (const [path, meta] of Object.entries(table)) {
        if (meta.isList && meta.strategy === 'merge' && meta.mergeKey === undefined) {
          // Only scalar sets are merged without a key.
          expect(['metadata.finalizers', 'spec.template.metadata.finalizers', 'spec.jobTemplate.metadata.finalizers', 'spec.jobTemplate.spec.template.metadata.finalizers', 'template.metadata.finalizers', 'spec.podCIDRs'], `${kind} ${path}`).toContain(path);
        }
      }
    }
  });
});
