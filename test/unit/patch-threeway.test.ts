// Three-way (client-side `kubectl apply`) and two-way (`kubectl set image`, `rollout pause`)
// strategic merge patch creation.
//
// KUBECTL_CASES were captured from the real kubectl v1.35: each live object was served by a stub
// API server and `kubectl apply --validate=false -f manifest` was run against it; `expected` is
// the PATCH body kubectl sent, byte for byte (with the last-applied annotation value replaced by
// "$LA"). kubectl computes the patch from the live object's last-applied annotation (original),
// the manifest with its own new annotation (modified) and the live object (current); the tests
// rebuild those inputs the same way.
import { describe, expect, it } from 'vitest';
import {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
} from '../../src/api/patch/index.js';

type Obj = Record<string, any>;
const LA = 'kubectl.kubernetes.io/last-applied-configuration';

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as Obj).sort().map((k) => [k, sortKeys((v as Obj)[k])]));
  return v;
}

// kubectl's annotation text: the manifest with its namespace and (emptied) annotations, compact
// JSON with sorted keys, and a trailing newline.
function lastApplied(manifest: Obj): string {
  const o = structuredClone(manifest);
  o.metadata.namespace ??= 'default';
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}) };
  delete o.metadata.annotations[LA];
  return JSON.stringify(sortKeys(o)) + '\n';
}

// What kubectl diffs against: the manifest carrying its new annotation.
function modifiedOf(manifest: Obj): Obj {
  const o = structuredClone(manifest);
  o.metadata.namespace ??= 'default';
  o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [LA]: lastApplied(manifest) };
  return o;
}

function liveOf(c: KubectlCase): Obj {
  const live = structuredClone(c.live);
  if (c.original) live.metadata.annotations = { ...(live.metadata.annotations ?? {}), [LA]: lastApplied(c.original) };
  return live;
}

function kubectlPatch(c: KubectlCase): Obj {
  const live = liveOf(c);
  const annotation = live.metadata.annotations?.[LA];
  const original = annotation ? JSON.parse(annotation) : null;
  return createThreeWayMergePatch(original, modifiedOf(c.manifest), live, c.manifest.kind);
}

interface KubectlCase {
  name: string;
  original: Obj | null;
  manifest: Obj;
  live: Obj;
  expected: string;
}

const KUBECTL_CASES: KubectlCase[] = [
  {
    name: "image and env value change",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"MODE","value":"a"}]}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.26","env":[{"name":"MODE","value":"b"}]}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"MODE","value":"a"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"$setElementOrder/env\":[{\"name\":\"MODE\"}],\"env\":[{\"name\":\"MODE\",\"value\":\"b\"}],\"image\":\"nginx:1.26\",\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "unchanged",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{}",
  },
  {
    name: "image only (set image shape)",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"nginx:1.26\",\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "remove labels",
    original: {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-svc","labels":{"app":"web","tier":"fe"}},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}},
    manifest: {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-svc"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}},
    live: {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-svc","labels":{"app":"web","tier":"fe"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"selector":{"app":"web"},"ports":[{"port":80,"protocol":"TCP","targetPort":80}],"type":"ClusterIP","clusterIP":"10.96.0.10"}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"},\"labels\":null}}",
  },
  {
    name: "remove env and ports from container",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"}],"ports":[{"containerPort":80}]}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"}],"ports":[{"containerPort":80,"protocol":"TCP"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"env\":null,\"name\":\"nginx\",\"ports\":null}]}}}}",
  },
  {
    name: "add container",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},{"name":"side","image":"busybox","command":["sleep","3600"]}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"},{\"name\":\"side\"}],\"containers\":[{\"command\":[\"sleep\",\"3600\"],\"image\":\"busybox\",\"name\":\"side\"}]}}}}",
  },
  {
    name: "add container first",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"aaa","image":"busybox"},{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"aaa\"},{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"busybox\",\"name\":\"aaa\"}]}}}}",
  },
  {
    name: "remove container",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},{"name":"side","image":"busybox"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}},{"name":"side","image":"busybox","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"$patch\":\"delete\",\"name\":\"side\"}]}}}}",
  },
  {
    name: "reorder containers",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"},{"name":"side","image":"busybox"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"side","image":"busybox"},{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}},{"name":"side","image":"busybox","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"side\"},{\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "scaled replicas kept when manifest omits it",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},"replicas":5},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"nginx:1.27\",\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "replicas restored when manifest names it",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":5,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"replicas\":2}}",
  },
  {
    name: "finalizers add and remove",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"finalizers":["a.io/x","b.io/y"]},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"finalizers":["b.io/y","c.io/z"]},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"finalizers":["a.io/x","b.io/y"],"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"a.io/x\"],\"$setElementOrder/finalizers\":[\"b.io/y\",\"c.io/z\"],\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"},\"finalizers\":[\"c.io/z\"]}}",
  },
  {
    name: "args change atomic",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","args":["-a","-b"]}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","args":["-c"]}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","args":["-a","-b"],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"args\":[\"-c\"],\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "strategy to Recreate (retainKeys)",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"RollingUpdate"},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"Recreate"},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"type\":\"Recreate\"}}}",
  },
  {
    name: "volume source change (retainKeys)",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","volumeMounts":[{"name":"data","mountPath":"/data"}]}],"volumes":[{"name":"data","emptyDir":{}}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","volumeMounts":[{"name":"data","mountPath":"/data"}]}],"volumes":[{"name":"data","hostPath":{"path":"/tmp/data"}}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","volumeMounts":[{"name":"data","mountPath":"/data"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"volumes":[{"name":"data","emptyDir":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/volumes\":[{\"name\":\"data\"}],\"volumes\":[{\"$retainKeys\":[\"hostPath\",\"name\"],\"emptyDir\":null,\"hostPath\":{\"path\":\"/tmp/data\"},\"name\":\"data\"}]}}}}",
  },
  {
    name: "service ports add and change",
    original: {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-svc"},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080}]}},
    manifest: {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-svc"},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":9090},{"name":"https","port":443,"targetPort":8443}]}},
    live: {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-svc","namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"}],"type":"ClusterIP"}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"$setElementOrder/ports\":[{\"port\":80},{\"port\":443}],\"ports\":[{\"port\":80,\"targetPort\":9090},{\"name\":\"https\",\"port\":443,\"targetPort\":8443}]}}",
  },
  {
    name: "no last-applied annotation",
    original: null,
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"X","value":"1"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"nginx:1.26\",\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "change container port (merge key)",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80,"name":"http"}]}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":8080,"name":"http"}]}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80,"name":"http","protocol":"TCP"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"$setElementOrder/ports\":[{\"containerPort\":8080}],\"name\":\"nginx\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"$patch\":\"delete\",\"containerPort\":80}]}]}}}}",
  },
  {
    name: "remove tolerations",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}],"tolerations":[{"key":"k","operator":"Exists"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"tolerations":[{"key":"k","operator":"Exists"}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"tolerations\":null}}}}",
  },
  {
    name: "annotations add remove",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"annotations":{"a":"1","b":"2"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"annotations":{"b":"3","c":"4"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"annotations":{"a":"1","b":"2"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"a\":null,\"b\":\"3\",\"c\":\"4\",\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}}}",
  },
  {
    name: "cronjob nested container env",
    original: {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"cj"},"spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}}}},
    manifest: {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"cj"},"spec":{"schedule":"*/10 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox","env":[{"name":"B","value":"2"},{"name":"C","value":"3"}]}]}}}}}},
    live: {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"cj","namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}},"suspend":false,"concurrencyPolicy":"Allow"}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"c\"}],\"containers\":[{\"$setElementOrder/env\":[{\"name\":\"B\"},{\"name\":\"C\"}],\"env\":[{\"name\":\"C\",\"value\":\"3\"},{\"$patch\":\"delete\",\"name\":\"A\"}],\"name\":\"c\"}]}}}},\"schedule\":\"*/10 * * * *\"}}",
  },
  {
    name: "env reorder only",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"B","value":"2"},{"name":"A","value":"1"}]}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"$setElementOrder/env\":[{\"name\":\"B\"},{\"name\":\"A\"}],\"name\":\"nginx\"}]}}}}",
  },
  {
    name: "remove resources and add limits",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","resources":{"requests":{"cpu":"100m"}}}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","resources":{"limits":{"memory":"128Mi"}}}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","resources":{"requests":{"cpu":"100m"}},"imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"name\":\"nginx\",\"resources\":{\"limits\":{\"memory\":\"128Mi\"},\"requests\":null}}]}}}}",
  },
  {
    name: "pod command change and new field",
    original: {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"busybox","command":["sleep","1"]}]}},
    manifest: {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"busybox","command":["sleep","2"],"stdin":true}],"hostAliases":[{"ip":"1.2.3.4","hostnames":["x"]}]}},
    live: {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"containers":[{"name":"c","image":"busybox","command":["sleep","1"]}],"nodeName":"kbx"},"status":{"phase":"Running"}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"c\"}],\"containers\":[{\"command\":[\"sleep\",\"2\"],\"name\":\"c\",\"stdin\":true}],\"hostAliases\":[{\"hostnames\":[\"x\"],\"ip\":\"1.2.3.4\"}]}}",
  },
  {
    name: "volumes add second and mount",
    original: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}],"volumes":[{"name":"a","emptyDir":{}}]}}}},
    manifest: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","volumeMounts":[{"name":"b","mountPath":"/b"}]}],"volumes":[{"name":"a","emptyDir":{}},{"name":"b","configMap":{"name":"cm"}}]}}}},
    live: {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web"},"namespace":"default","uid":"uid-1","resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","resources":{}}],"volumes":[{"name":"a","emptyDir":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst","terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler","securityContext":{}}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}},"status":{"observedGeneration":1,"replicas":1,"conditions":[{"type":"Available","status":"True"}]}},
    expected: "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"$LA\"}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"nginx\"}],\"$setElementOrder/volumes\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"containers\":[{\"name\":\"nginx\",\"volumeMounts\":[{\"mountPath\":\"/b\",\"name\":\"b\"}]}],\"volumes\":[{\"configMap\":{\"name\":\"cm\"},\"name\":\"b\"}]}}}}",
  },
];

describe('createThreeWayMergePatch: patches captured from kubectl apply', () => {
  for (const c of KUBECTL_CASES) {
    it(c.name, () => {
      const patch = kubectlPatch(c);
      const expected = c.expected.replace('"$LA"', JSON.stringify(lastApplied(c.manifest)));
      // Key order included: kubectl's patch comes out of Go's encoder with sorted keys.
      expect(JSON.stringify(patch)).toBe(expected);
    });
  }

  it('an unchanged manifest gives {} (kubectl prints "unchanged" and sends nothing)', () => {
    const c = KUBECTL_CASES.find((x) => x.name === 'unchanged')!;
    const patch = kubectlPatch(c);
    expect(patch).toEqual({});
    expect(isEmptyPatch(patch)).toBe(true);
  });

  for (const c of KUBECTL_CASES) {
    it(`applying the patch converges: ${c.name}`, () => {
      // After the server applies the patch, applying the same manifest again changes nothing.
      const live = liveOf(c);
      const patched = applyStrategicMergePatch(live, kubectlPatch(c), c.manifest.kind);
      expect(patched.metadata).toMatchObject({ annotations: { [LA]: lastApplied(c.manifest) } });
      const again = createThreeWayMergePatch(JSON.parse(lastApplied(c.manifest)), modifiedOf(c.manifest), patched, c.manifest.kind);
      expect(again).toEqual({});
    });
  }
});

describe('the patches quoted in KUBECTL-WIRE.md', () => {
  const byName = (n: string) => KUBECTL_CASES.find((x) => x.name === n)!;
  const withoutAnnotation = (p: Obj): Obj => {
    const q = structuredClone(p);
    delete q.metadata.annotations[LA];
    if (Object.keys(q.metadata.annotations).length === 0) delete q.metadata.annotations;
    if (Object.keys(q.metadata).length === 0) delete q.metadata;
    return q;
  };

  it('§4 image and env change', () => {
    expect(JSON.stringify(withoutAnnotation(kubectlPatch(byName('image and env value change'))).spec)).toBe(
      '{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"MODE"}],"env":[{"name":"MODE","value":"b"}],"image":"nginx:1.26","name":"nginx"}]}}}',
    );
  });

  it('§4 removing labels sends "labels":null', () => {
    expect(withoutAnnotation(kubectlPatch(byName('remove labels')))).toEqual({ metadata: { labels: null } });
  });

  it('§4 removing env and ports sends {"env":null,"name":"nginx","ports":null}', () => {
    const spec = withoutAnnotation(kubectlPatch(byName('remove env and ports from container'))).spec;
    expect(JSON.stringify(spec.template.spec.containers)).toBe('[{"env":null,"name":"nginx","ports":null}]');
  });

  it('§4 adding a container sends the full element plus $setElementOrder', () => {
    expect(JSON.stringify(withoutAnnotation(kubectlPatch(byName('add container'))).spec)).toBe(
      '{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"side"}],"containers":[{"command":["sleep","3600"],"image":"busybox","name":"side"}]}}}',
    );
  });
});

describe('createTwoWayMergePatch (kubectl set image / rollout)', () => {
  const live: Obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '3' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: {} }] } },
    },
  };

  it('§6 set image', () => {
    const after = structuredClone(live);
    after.spec.template.spec.containers[0].image = 'nginx:1.26';
    expect(JSON.stringify(createTwoWayMergePatch(live, after, 'Deployment'))).toBe(
      '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}',
    );
  });

  it('§7 pause, resume and restart', () => {
    const paused = structuredClone(live);
    paused.spec.paused = true;
    expect(createTwoWayMergePatch(live, paused, 'Deployment')).toEqual({ spec: { paused: true } });
    expect(createTwoWayMergePatch(paused, live, 'Deployment')).toEqual({ spec: { paused: null } });
    const restarted = structuredClone(live);
    restarted.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' };
    expect(createTwoWayMergePatch(live, restarted, 'Deployment')).toEqual({
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' } } } },
    });
  });

  it('is {} for identical objects and round-trips through apply', () => {
    expect(createTwoWayMergePatch(live, structuredClone(live), 'Deployment')).toEqual({});
    const after = structuredClone(live);
    after.spec.template.spec.containers.push({ name: 'side', image: 'busybox' });
    after.spec.template.spec.containers.reverse();
    const patch = createTwoWayMergePatch(live, after, 'Deployment');
    expect(applyStrategicMergePatch(live, patch, 'Deployment')).toEqual(after);
  });

  it('uses $deleteFromPrimitiveList for finalizers and $patch: delete for keyed lists', () => {
    const a: Obj = { metadata: { finalizers: ['x', 'y'], ownerReferences: [{ uid: '1', name: 'a' }, { uid: '2', name: 'b' }] } };
    const b: Obj = { metadata: { finalizers: ['y'], ownerReferences: [{ uid: '2', name: 'b' }] } };
    expect(createTwoWayMergePatch(a, b, 'Pod')).toEqual({
      metadata: {
        '$deleteFromPrimitiveList/finalizers': ['x'],
        '$setElementOrder/finalizers': ['y'],
        '$setElementOrder/ownerReferences': [{ uid: '2' }],
        ownerReferences: [{ $patch: 'delete', uid: '1' }],
      },
    });
  });
});

describe('createThreeWayMergePatch semantics', () => {
  const pod = (extra: Obj = {}): Obj => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'busybox', ...extra }] },
  });

  it('keeps fields other writers added to the live object', () => {
    const current = pod({ imagePullPolicy: 'Always' });
    current.metadata.labels = { added: 'by-someone' };
    expect(createThreeWayMergePatch(pod(), pod(), current, 'Pod')).toEqual({});
  });

  it('deletes only what the last-applied configuration had', () => {
    const original = pod({ args: ['a'] });
    const current = pod({ args: ['a'], tty: true });
    expect(createThreeWayMergePatch(original, pod(), current, 'Pod')).toEqual({
      spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ args: null, name: 'c' }] },
    });
  });

  it('treats a missing last-applied configuration as {}', () => {
    const current = pod();
    expect(createThreeWayMergePatch(null, pod({ image: 'alpine' }), current, 'Pod')).toEqual({
      spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ image: 'alpine', name: 'c' }] },
    });
  });

  it('does not modify its inputs', () => {
    const o = pod({ env: [{ name: 'A', value: '1' }] });
    const m = pod({ env: [{ name: 'B', value: '2' }] });
    const c = pod({ env: [{ name: 'A', value: '1' }], imagePullPolicy: 'Always' });
    const snapshot = JSON.stringify([o, m, c]);
    createThreeWayMergePatch(o, m, c, 'Pod');
    createTwoWayMergePatch(o, m, 'Pod');
    expect(JSON.stringify([o, m, c])).toBe(snapshot);
  });
});

describe('isEmptyPatch', () => {
  it.each([
    [{}, true],
    [null, true],
    [undefined, true],
    [[], true],
    ['{}', true],
    [{ spec: {} }, false],
    [[{ op: 'test', path: '/a', value: 1 }], false],
    [{ metadata: { labels: null } }, false],
  ])('%j → %s', (p, want) => {
    expect(isEmptyPatch(p)).toBe(want);
  });
});
