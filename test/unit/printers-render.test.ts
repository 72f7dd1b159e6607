// kubectl's rendering of server Tables (cli-runtime tableprinter + kubectl get), and the Go
// tabwriter port underneath. The KUBECTL_GET goldens at the end were printed by the real kubectl
// v1.35.2 (`kubectl <cmd>` against a stub API server serving these fixtures as kbx's toTable
// Tables); each is reproduced here with the same fixtures and clock.
import { describe, expect, it } from 'vitest';
import type { KObject, Table } from '../../src/api/types.js';
import { toTable } from '../../src/kinds/index.js';
import { renderTable, TableStream, type RenderOptions } from '../../src/printers/render-table.js';
import { goSprint } from '../../src/compat/go-format.js';
import { REMEMBER_WIDTHS, TabWriter, tabify } from '../../src/compat/tabwriter.js';

const col = (name: string, priority = 0, format = '', type: 'string' | 'integer' = 'string') => ({ name, type, format, description: '', priority });
const table = (columns: ReturnType<typeof col>[], rows: { cells: unknown[]; object?: unknown }[]): Table => ({
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: columns,
  rows,
});

describe('tabwriter (Go text/tabwriter + liggitt RememberWidths)', () => {
  it('pads every cell but the last of a line to the column width (text + padding, at least minwidth)', () => {
    expect(tabify('a\tbb\tc\nddd\te\tf\n', 6, 4, 3)).toBe('a     bb    c\nddd   e     f\n');
    expect(tabify('NAME\tX\nlonger-name\ty\n', 0, 8, 2)).toBe('NAME         X\nlonger-name  y\n');
  });
  it('leaves trailing padding when the last cell is empty', () => {
    expect(tabify('a\tb\t\n', 0, 8, 2)).toBe('a  b  \n');
  });
  it('ends a column block at a line with fewer cells', () => {
    expect(tabify('a\tb\nheader\nlong-a\tb\n', 0, 8, 2)).toBe('a  b\nheader\nlong-a  b\n');
    expect(tabify('x\ty\tz\nlong-x\ty\nq\tlong-y\tz\n', 0, 8, 1)).toBe('x      y z\nlong-x y\nq      long-y z\n');
  });
  it('measures width in code points', () => {
    expect(tabify('ÄÖü\tx\nab\ty\n', 0, 8, 2)).toBe('ÄÖü  x\nab   y\n');
  });
  it('remembers widths across flushes with RememberWidths', () => {
    const tw = new TabWriter(6, 4, 3, REMEMBER_WIDTHS);
    tw.write('a-long-name\tb\n');
    tw.flush();
    tw.write('x\ty\n');
    tw.flush();
    tw.write('an-even-longer-name\tz\n');
    tw.flush();
    expect(tw.take()).toBe('a-long-name   b\nx             y\nan-even-longer-name   z\n');
    expect(tw.rememberedWidths()).toEqual([22]);
    tw.setRememberedWidths(null);
    tw.write('a\tb\n');
    tw.flush();
    expect(tw.take()).toBe('a     b\n');
  });
});

describe('renderTable', () => {
  const t = table([col('Name', 0, 'name'), col('Ready'), col('IP', 1)], [
    { cells: ['web-1', '1/1', '10.0.0.1'], object: { metadata: { namespace: 'default', labels: { app: 'web', 'example.com/tier': 'fe' } } } },
    { cells: ['db', '0/1', '10.0.0.22'], object: { metadata: { namespace: 'prod', labels: {} } } },
  ]);
  it('upper-cases headers, hides priority-1 columns unless wide, and never pads the last column', () => {
    expect(renderTable(t)).toBe('NAME    READY\nweb-1   1/1\ndb      0/1\n');
    expect(renderTable(t, { wide: true })).toBe('NAME    READY   IP\nweb-1   1/1     10.0.0.1\ndb      0/1     10.0.0.22\n');
    expect(renderTable(t, { noHeaders: true })).toBe('web-1   1/1\ndb      0/1\n');
  });
  it('adds NAMESPACE first, -L columns by last path segment, then LABELS', () => {
    expect(renderTable(t, { namespaceColumn: true, labelColumns: ['app', 'example.com/tier'], showLabels: true })).toBe(
      [
        'NAMESPACE   NAME    READY   APP   TIER   LABELS',
        'default     web-1   1/1     web   fe     app=web,example.com/tier=fe',
        'prod        db      0/1                  <none>',
        '',
      ].join('\n'),
    );
  });
  it('prefixes the name column with the kind when asked', () => {
    expect(renderTable([{ table: t, kindPrefix: 'pod' }], { showKind: true })).toBe('NAME        READY\npod/web-1   1/1\npod/db      0/1\n');
    expect(renderTable(t, { showKind: true, kindPrefix: 'deployment.apps' })).toMatch(/^deployment\.apps\/web-1 /m);
  });
  it('prints nothing for an empty table, and separates groups by a blank line only with headers', () => {
    const empty = table([col('Name', 0, 'name')], []);
    expect(renderTable(empty)).toBe('');
    const svc = table([col('Name', 0, 'name'), col('Type')], [{ cells: ['kubernetes', 'ClusterIP'] }]);
    expect(renderTable([{ table: empty }, { table: t }, { table: empty }, { table: svc }])).toBe(
      'NAME    READY\nweb-1   1/1\ndb      0/1\n\nNAME         TYPE\nkubernetes   ClusterIP\n',
    );
    expect(renderTable([{ table: t }, { table: svc }], { noHeaders: true })).toBe('web-1   1/1\ndb      0/1\nkubernetes   ClusterIP\n');
  });
  it('renders cells as kubectl does: nil empty, numbers plain, text cut at a line break, escapes neutralised', () => {
    const odd = table([col('Name', 0, 'name'), col('N', 0, '', 'integer'), col('X'), col('Last')], [
      { cells: ['a', 3, null, 'two\nlines'] },
      { cells: ['b', 1.5, true, 'esc\x1b[31m'] },
      { cells: ['c'] },
    ]);
    expect(renderTable(odd)).toBe('NAME   N     X      LAST\na      3            two...\nb      1.5   true   esc^[[31m\nc\n');
    expect(goSprint({ b: [1, 'x'], a: null })).toBe('map[a:<nil> b:[1 x]]');
    expect(goSprint(1e21)).toBe('1e+21');
  });
  it('leaves the added columns empty for rows without an object (includeObject=None)', () => {
    const bare = table([col('Name', 0, 'name'), col('Status')], [{ cells: ['x', 'Active'] }]);
    expect(renderTable(bare, { namespaceColumn: true, showLabels: true })).toBe('NAMESPACE   NAME   STATUS   LABELS\n            x      Active   \n');
  });
});

describe('TableStream (get -w)', () => {
  const cols = [col('Name', 0, 'name'), col('Status')];
  it('prints the header once, reuses remembered columns and widths, and prepends EVENT on request', () => {
    const s = new TableStream();
    expect(s.render(table(cols, []))).toBe('');
    expect(s.render(table(cols, [{ cells: ['web', 'Running'] }]))).toBe('NAME   STATUS\nweb    Running\n');
    const later = { ...table(cols, [{ cells: ['a-much-longer-name', 'Pending'] }]), columnDefinitions: null as never };
    expect(s.render(later)).toBe('a-much-longer-name   Pending\n');
    expect(s.render(table(cols, [{ cells: ['x', 'Gone'] }]))).toBe('x                    Gone\n');
    const e = new TableStream({ noHeaders: false });
    // Event types are padded to 8 characters ("ADDED   "), as kubectl's formatEventType does.
    expect(e.render(table(cols, [{ cells: ['web', 'Running'] }]), 'ADDED')).toBe('EVENT      NAME   STATUS\nADDED      web    Running\n');
    expect(e.render(table(cols, [{ cells: ['web', 'Terminating'] }]), 'DELETED')).toBe('DELETED    web    Terminating\n');
  });
  it('prints a new header when the column definitions change', () => {
    const s = new TableStream();
    s.render(table(cols, [{ cells: ['a', 'b'] }]));
    expect(s.render(table([col('Name', 0, 'name'), col('Other')], [{ cells: ['c', 'd'] }]))).toBe('NAME   OTHER\nc      d\n');
  });
});

const FIXTURES: Record<string, KObject[]> = {
  Pod: [
    {"metadata": {"name": "nginx", "uid": "uid-nginx", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:04:24Z", "namespace": "default", "labels": {"app": "web", "tier": "fe"}, "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d4b9c", "uid": "x", "controller": true}], "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{}", "note": "hello"}}, "spec": {"nodeName": "kbx-node", "serviceAccountName": "default", "priority": 0, "containers": [{"name": "nginx", "image": "nginx:1.25", "ports": [{"containerPort": 80, "protocol": "TCP"}], "readinessProbe": {"httpGet": {"path": "/healthz", "port": 8080, "scheme": "HTTP"}, "initialDelaySeconds": 0, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3}, "livenessProbe": {"exec": {"command": ["cat", "/tmp/healthy"]}, "initialDelaySeconds": 5, "timeoutSeconds": 1, "periodSeconds": 5, "successThreshold": 1, "failureThreshold": 3}, "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}, "requests": {"cpu": "0.25", "memory": "64Mi"}}, "env": [{"name": "MODE", "value": "a\nb"}, {"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}}, {"name": "PASS", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}], "volumeMounts": [{"name": "data", "mountPath": "/data"}, {"name": "kube-api-access-abcde", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "readOnly": true}, {"name": "cfg", "mountPath": "/etc/cfg", "subPath": "a.conf", "readOnly": true}]}], "volumes": [{"name": "data", "emptyDir": {}}, {"name": "cfg", "configMap": {"name": "cfg"}}, {"name": "host", "hostPath": {"path": "/tmp/x", "type": "Directory"}}, {"name": "kube-api-access-abcde", "projected": {"sources": [{"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}}, {"configMap": {"name": "kube-root-ca.crt"}}, {"downwardAPI": {"items": []}}]}}], "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}, {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}]}, "status": {"phase": "Running", "hostIP": "172.18.0.2", "podIP": "10.244.0.5", "podIPs": [{"ip": "10.244.0.5"}], "startTime": "2026-11-23T09:04:24Z", "qosClass": "Burstable", "conditions": [{"type": "PodReadyToStartContainers", "status": "True"}, {"type": "Initialized", "status": "True"}, {"type": "Ready", "status": "True"}, {"type": "ContainersReady", "status": "True"}, {"type": "PodScheduled", "status": "True"}], "containerStatuses": [{"name": "nginx", "ready": true, "restartCount": 3, "image": "nginx:1.25", "imageID": "docker-pullable://nginx@sha256:abc", "containerID": "docker://123", "started": true, "state": {"running": {"startedAt": "2026-11-23T09:07:24Z"}}, "lastState": {"terminated": {"exitCode": 137, "reason": "Error", "startedAt": "2026-11-23T09:06:04Z", "finishedAt": "2026-11-23T09:07:19Z"}}}]}},
    {"metadata": {"name": "crash-a-very-long-pod-name-xyz", "uid": "uid-crash-a-very-long-pod-name-xyz", "resourceVersion": "5", "creationTimestamp": "2026-11-23T07:09:24Z", "namespace": "default", "labels": {"app": "crash"}}, "spec": {"containers": [{"name": "c", "image": "busybox", "command": ["sh", "-c", "exit 1"]}], "initContainers": [{"name": "init", "image": "busybox"}], "nodeName": "kbx-node"}, "status": {"phase": "Pending", "podIPs": [], "initContainerStatuses": [{"name": "init", "ready": false, "restartCount": 2, "image": "busybox", "imageID": "", "state": {"waiting": {"reason": "CrashLoopBackOff", "message": "back-off"}}, "lastState": {"terminated": {"exitCode": 1, "reason": "Error", "startedAt": "2026-11-23T09:07:44Z", "finishedAt": "2026-11-23T09:07:54Z"}}}], "containerStatuses": [{"name": "c", "ready": false, "restartCount": 0, "image": "busybox", "imageID": "", "state": {"waiting": {"reason": "PodInitializing"}}, "lastState": {}}]}},
    {"metadata": {"name": "term", "uid": "uid-term", "resourceVersion": "5", "creationTimestamp": "2026-11-22T08:09:24Z", "namespace": "kube-system", "deletionTimestamp": "2026-11-23T09:09:49Z", "deletionGracePeriodSeconds": 30}, "spec": {"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y", "ports": [{"containerPort": 53, "protocol": "UDP", "name": "dns"}, {"containerPort": 53, "protocol": "TCP", "name": "dns-tcp"}]}]}, "status": {"phase": "Running", "containerStatuses": [{"name": "a", "ready": true, "restartCount": 0, "image": "x", "imageID": "", "state": {"running": {"startedAt": "2026-11-22T08:09:24Z"}}, "lastState": {}}, {"name": "b", "ready": false, "restartCount": 0, "image": "y", "imageID": "", "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2026-11-22T08:09:24Z", "finishedAt": "2026-11-23T09:07:44Z"}}, "lastState": {}}]}},
    {"metadata": {"name": "sidecar", "uid": "uid-sidecar", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:04:24Z", "namespace": "default", "labels": {"app": "web", "x": "ÄÖü-ünicode"}, "annotations": {"long": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "multi": "line1\nline2\n", "a": "b"}}, "spec": {"initContainers": [{"name": "init0", "image": "busybox"}, {"name": "side", "image": "envoy", "restartPolicy": "Always"}], "containers": [{"name": "app", "image": "app:1", "env": [{"name": "CPU", "valueFrom": {"resourceFieldRef": {"resource": "limits.cpu", "divisor": "1m"}}}, {"name": "MEM", "valueFrom": {"resourceFieldRef": {"resource": "limits.memory"}}}, {"name": "CM", "valueFrom": {"configMapKeyRef": {"name": "cfg", "key": "k", "optional": true}}}, {"name": "NODE", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}], "envFrom": [{"configMapRef": {"name": "cfg"}}, {"secretRef": {"name": "sec", "optional": true}, "prefix": "S_"}], "resources": {"limits": {"cpu": "2", "memory": "1Gi"}, "requests": {"cpu": "2", "memory": "1Gi"}}, "livenessProbe": {"tcpSocket": {"port": "http"}, "periodSeconds": 10, "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 3}, "startupProbe": {"grpc": {"port": 9000, "service": ""}, "periodSeconds": 10, "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 30}, "readinessProbe": {"httpGet": {"path": "healthz", "port": 8443, "scheme": "HTTPS", "host": "::1"}, "periodSeconds": 10, "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 3}}], "nodeName": "kbx-node", "nodeSelector": {"disk": "ssd", "zone": "a"}, "volumes": [{"name": "pvc", "persistentVolumeClaim": {"claimName": "data"}}, {"name": "sec", "secret": {"secretName": "s", "optional": true}}, {"name": "ed", "emptyDir": {"medium": "Memory", "sizeLimit": "1Gi"}}, {"name": "dapi", "downwardAPI": {"items": [{"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}}]}}, {"name": "other", "nfs": {"server": "x", "path": "/"}}], "tolerations": [{"operator": "Exists"}, {"key": "k", "operator": "Equal", "value": "v", "effect": "NoSchedule"}], "readinessGates": [{"conditionType": "example.com/ready"}]}, "status": {"phase": "Running", "hostIP": "172.18.0.2", "podIP": "10.244.0.9", "podIPs": [{"ip": "10.244.0.9"}, {"ip": "fd00::9"}], "startTime": "2026-11-23T09:04:24Z", "conditions": [{"type": "Initialized", "status": "True"}, {"type": "Ready", "status": "False"}], "initContainerStatuses": [{"name": "init0", "ready": false, "restartCount": 0, "image": "busybox", "imageID": "", "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2026-11-23T09:04:34Z", "finishedAt": "2026-11-23T09:04:44Z"}}, "lastState": {}}, {"name": "side", "ready": true, "started": true, "restartCount": 1, "image": "envoy", "imageID": "", "state": {"running": {"startedAt": "2026-11-23T09:04:54Z"}}, "lastState": {"terminated": {"exitCode": 2, "startedAt": "2026-11-23T09:04:44Z", "finishedAt": "2026-11-23T09:04:49Z", "signal": 9}}}], "containerStatuses": [{"name": "app", "ready": true, "restartCount": 0, "image": "app:1", "imageID": "", "state": {"running": {"startedAt": "2026-11-23T09:05:04Z"}}, "lastState": {}}]}},
    {"metadata": {"name": "done", "uid": "uid-done", "resourceVersion": "5", "creationTimestamp": "2026-11-20T04:09:24Z", "namespace": "default"}, "spec": {"restartPolicy": "Never", "containers": [{"name": "job", "image": "x"}]}, "status": {"phase": "Succeeded", "reason": "", "containerStatuses": [{"name": "job", "ready": false, "restartCount": 0, "image": "x", "imageID": "", "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2026-11-23T06:22:44Z", "finishedAt": "2026-11-23T06:39:24Z"}}, "lastState": {}}]}},
    {"metadata": {"name": "creating", "uid": "uid-creating", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:09:21Z", "namespace": "default"}, "spec": {"containers": [{"name": "a", "image": "x"}]}, "status": {"phase": "Pending", "containerStatuses": [{"name": "a", "ready": false, "restartCount": 0, "image": "x", "imageID": "", "state": {"waiting": {"reason": "ContainerCreating"}}, "lastState": {}}]}},
    {"metadata": {"name": "sig", "uid": "uid-sig", "resourceVersion": "5", "creationTimestamp": "2025-08-17T10:02:44Z", "namespace": "default"}, "spec": {"initContainers": [{"name": "i", "image": "x"}], "containers": [{"name": "a", "image": "x"}]}, "status": {"phase": "Failed", "initContainerStatuses": [{"name": "i", "ready": false, "restartCount": 0, "image": "x", "imageID": "", "state": {"terminated": {"exitCode": 137, "signal": 9}}, "lastState": {}}]}},
  ],
  Event: [
    {"metadata": {"name": "nginx.1", "uid": "uid-nginx.1", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:04:24Z", "namespace": "default"}, "involvedObject": {"kind": "Pod", "name": "nginx", "namespace": "default", "fieldPath": "spec.containers{nginx}"}, "reason": "Pulled", "message": "Container image \"nginx:1.25\" already present on machine", "source": {"component": "kubelet", "host": "kbx-node"}, "firstTimestamp": "2026-11-23T09:04:34Z", "lastTimestamp": "2026-11-23T09:04:34Z", "count": 1, "type": "Normal"},
    {"metadata": {"name": "nginx.0", "uid": "uid-nginx.0", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:04:24Z", "namespace": "default"}, "involvedObject": {"kind": "Pod", "name": "nginx", "namespace": "default"}, "reason": "Scheduled", "message": "Successfully assigned default/nginx to kbx-node", "source": {"component": "default-scheduler"}, "firstTimestamp": "2026-11-23T09:04:24Z", "lastTimestamp": "2026-11-23T09:04:24Z", "count": 1, "type": "Normal"},
    {"metadata": {"name": "nginx.2", "uid": "uid-nginx.2", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:04:24Z", "namespace": "default"}, "involvedObject": {"kind": "Pod", "name": "nginx", "namespace": "default", "fieldPath": "spec.containers{nginx}"}, "reason": "BackOff", "message": "Back-off restarting failed container nginx in pod nginx_default(uid-nginx)\n", "source": {"component": "kubelet", "host": "kbx-node"}, "firstTimestamp": "2026-11-23T09:05:14Z", "lastTimestamp": "2026-11-23T09:07:14Z", "count": 4, "type": "Warning"},
    {"metadata": {"name": "web.1", "uid": "uid-web.1", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:34Z", "namespace": "default"}, "involvedObject": {"kind": "Deployment", "name": "web", "namespace": "default"}, "reason": "ScalingReplicaSet", "message": "Scaled up replica set web-7d4b9c to 3", "reportingComponent": "deployment-controller", "eventTime": "2026-11-23T09:08:34.000000Z", "firstTimestamp": null, "lastTimestamp": null, "type": "Normal"},
    {"metadata": {"name": "e.tab", "uid": "uid-e.tab", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:54Z", "namespace": "default"}, "involvedObject": {"kind": "Pod", "name": "sidecar", "namespace": "default"}, "reason": "Weird", "message": "has\ta tab and\nnewline", "source": {"component": "kubelet", "host": "kbx-node"}, "firstTimestamp": "2026-11-23T09:08:54Z", "lastTimestamp": "2026-11-23T09:09:44Z", "count": 2, "type": "Warning"},
    {"metadata": {"name": "e.series", "uid": "uid-e.series", "resourceVersion": "5", "creationTimestamp": "2026-11-23T08:54:24Z", "namespace": "default"}, "involvedObject": {"kind": "Pod", "name": "sidecar", "namespace": "default"}, "reason": "Series", "message": "repeated", "reportingComponent": "x-controller", "reportingInstance": "inst-1", "eventTime": "2026-11-23T08:54:24.000000Z", "series": {"count": 7, "lastObservedTime": "2026-11-23T09:08:24.000000Z"}, "type": "Normal"},
  ],
  Namespace: [
    {"metadata": {"name": "default", "uid": "uid-default", "resourceVersion": "5", "creationTimestamp": "2026-11-22T05:22:44Z", "labels": {"kubernetes.io/metadata.name": "default"}}, "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}},
    {"metadata": {"name": "kube-system", "uid": "uid-kube-system", "resourceVersion": "5", "creationTimestamp": "2026-11-22T05:22:44Z", "labels": {"kubernetes.io/metadata.name": "kube-system"}}, "status": {"phase": "Active"}},
  ],
  Node: [
    {"metadata": {"name": "kbx-node", "uid": "uid-kbx-node", "resourceVersion": "5", "creationTimestamp": "2026-11-22T05:22:44Z", "labels": {"kubernetes.io/hostname": "kbx-node", "node-role.kubernetes.io/control-plane": ""}, "annotations": {"node.alpha.kubernetes.io/ttl": "0"}}, "spec": {"podCIDR": "10.244.0.0/24", "podCIDRs": ["10.244.0.0/24"], "taints": [{"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}]}, "status": {"conditions": [{"type": "MemoryPressure", "status": "False", "lastHeartbeatTime": "2026-11-23T09:09:14Z", "lastTransitionTime": "2026-11-22T05:22:44Z", "reason": "KubeletHasSufficientMemory", "message": "kubelet has sufficient memory available"}, {"type": "Ready", "status": "True", "lastHeartbeatTime": "2026-11-23T09:09:14Z", "lastTransitionTime": "2026-11-22T05:39:24Z", "reason": "KubeletReady", "message": "kubelet is posting ready status"}], "addresses": [{"type": "InternalIP", "address": "172.18.0.2"}, {"type": "Hostname", "address": "kbx-node"}], "capacity": {"cpu": "8", "memory": "16315084Ki", "pods": "110", "ephemeral-storage": "100Gi"}, "allocatable": {"cpu": "8", "memory": "16315084Ki", "pods": "110", "ephemeral-storage": "100Gi"}, "nodeInfo": {"machineID": "m", "systemUUID": "s", "bootID": "b", "kernelVersion": "6.8.0", "osImage": "Debian GNU/Linux 12 (bookworm)", "operatingSystem": "linux", "architecture": "amd64", "containerRuntimeVersion": "docker://27.0.1", "kubeletVersion": "v1.35.0", "kubeProxyVersion": ""}}},
    {"metadata": {"name": "n2", "uid": "uid-n2", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:34Z", "labels": {"kubernetes.io/role": "worker"}}, "spec": {"unschedulable": true}, "status": {"conditions": [{"type": "Ready", "status": "Unknown"}], "nodeInfo": {"kubeletVersion": "v1.35.0"}}},
  ],
  Service: [
    {"metadata": {"name": "kubernetes", "uid": "uid-kubernetes", "resourceVersion": "5", "creationTimestamp": "2026-11-22T05:22:44Z", "namespace": "default", "labels": {"component": "apiserver"}}, "spec": {"type": "ClusterIP", "clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"], "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443}]}},
    {"metadata": {"name": "web-svc", "uid": "uid-web-svc", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "spec": {"type": "NodePort", "clusterIP": "10.96.12.7", "clusterIPs": ["10.96.12.7"], "selector": {"app": "web", "tier": "fe"}, "ports": [{"port": 80, "protocol": "TCP", "nodePort": 30080}, {"port": 8443, "protocol": "TCP", "nodePort": 30443}]}},
    {"metadata": {"name": "lb", "uid": "uid-lb", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "spec": {"type": "LoadBalancer", "clusterIP": "10.96.1.1", "clusterIPs": ["10.96.1.1"], "ports": [{"port": 80, "protocol": "TCP", "nodePort": 31000}]}},
    {"metadata": {"name": "ext", "uid": "uid-ext", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "spec": {"type": "ExternalName", "externalName": "example.com"}},
    {"metadata": {"name": "lb2", "uid": "uid-lb2", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "spec": {"type": "LoadBalancer", "clusterIPs": ["10.96.1.2"], "externalIPs": ["1.2.3.4"], "ports": [{"port": 53, "protocol": "UDP", "nodePort": 31001}]}, "status": {"loadBalancer": {"ingress": [{"ip": "5.6.7.8"}, {"hostname": "lb.example.com"}, {"ip": "2.2.2.2"}]}}},
    {"metadata": {"name": "headless", "uid": "uid-headless", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "spec": {"clusterIP": "None", "clusterIPs": ["None"], "selector": {"app": "db"}}},
  ],
  Endpoints: [
    {"metadata": {"name": "web-svc", "uid": "uid-web-svc", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "subsets": [{"addresses": [{"ip": "10.244.0.5"}, {"ip": "10.244.0.6"}, {"ip": "10.244.0.7"}, {"ip": "10.244.0.8"}], "ports": [{"port": 80}, {"port": 8443}]}]},
    {"metadata": {"name": "empty", "uid": "uid-empty", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}},
    {"metadata": {"name": "headless", "uid": "uid-headless", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "subsets": [{"addresses": [{"ip": "fd00::1"}, {"ip": "10.0.0.2"}]}]},
  ],
  Deployment: [
    {"metadata": {"name": "web", "uid": "uid-web", "resourceVersion": "5", "creationTimestamp": "2026-11-23T08:59:24Z", "namespace": "default", "annotations": {"deployment.kubernetes.io/revision": "1"}}, "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "nginx", "image": "nginx:1.25"}, {"name": "side", "image": "busybox"}]}}}, "status": {"replicas": 3, "updatedReplicas": 3, "readyReplicas": 2, "availableReplicas": 2}},
    {"metadata": {"name": "empty-sel", "uid": "uid-empty-sel", "resourceVersion": "5", "creationTimestamp": "2026-11-23T09:08:24Z", "namespace": "default"}, "spec": {"replicas": 0, "selector": {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["b", "a"]}, {"key": "x", "operator": "DoesNotExist"}]}, "template": {"spec": {"containers": []}}}, "status": {}},
  ],
  ReplicaSet: [
    {"metadata": {"name": "web-7d4b9c", "uid": "uid-web-7d4b9c", "resourceVersion": "5", "creationTimestamp": "2026-11-23T08:59:24Z", "namespace": "default"}, "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web", "pod-template-hash": "7d4b9c"}}, "template": {"spec": {"containers": [{"name": "nginx", "image": "nginx:1.25"}]}}}, "status": {"replicas": 3, "readyReplicas": 2}},
  ],
  ConfigMap: [
    {"metadata": {"name": "cfg", "uid": "uid-cfg", "resourceVersion": "5", "creationTimestamp": "2026-11-23T08:09:24Z", "namespace": "default", "labels": {"a": "b"}}, "data": {"a.conf": "x=1", "b": "2"}},
  ],
};

const WATCH_EVENTS: { type: string; obj: KObject }[] = [
  {"type": "MODIFIED", "obj": {"metadata": {"name": "nginx", "namespace": "default", "creationTimestamp": "2026-11-23T09:04:24Z", "labels": {"app": "web"}}, "spec": {"containers": [{"name": "a", "image": "x"}]}, "status": {"phase": "Running", "containerStatuses": [{"name": "a", "ready": false, "restartCount": 12, "image": "x", "imageID": "", "state": {"waiting": {"reason": "CrashLoopBackOff"}}, "lastState": {"terminated": {"exitCode": 1, "finishedAt": "2026-11-23T09:09:19Z"}}}]}}},
  {"type": "ADDED", "obj": {"metadata": {"name": "a-much-much-longer-pod-name-than-before-xyz", "namespace": "default", "creationTimestamp": "2026-11-23T09:09:23Z"}, "spec": {"containers": [{"name": "a", "image": "x"}]}, "status": {"phase": "Pending"}}},
  {"type": "DELETED", "obj": {"metadata": {"name": "creating", "namespace": "default", "creationTimestamp": "2026-11-23T09:09:21Z", "deletionTimestamp": "2026-11-23T09:09:54Z"}, "spec": {"containers": [{"name": "a", "image": "x"}]}, "status": {"phase": "Pending"}}},
];

const KUBECTL_GET: GoldenCase[] = [
  {
    id: "get-pods",
    cmd: "kubectl get pods",
    now: 1795424964229,
    kbx: {"render": {"kinds": ["Pod"], "opts": {}, "prefixes": null, "ns": "default"}},
    expected: [
      "NAME                             READY   STATUS                  RESTARTS        AGE",
      "nginx                            1/1     Running                 3 (2m5s ago)    5m",
      "crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (90s ago)     120m",
      "sidecar                          2/2     Running                 1 (4m35s ago)   5m",
      "done                             0/1     Completed               0               3d5h",
      "creating                         0/1     ContainerCreating       0               3s",
      "sig                              0/1     Init:Signal:9           0               462d",
    ].join('\n') + '\n',
  },
  {
    id: "get-pods-A",
    cmd: "kubectl get pods -A",
    now: 1795424964324,
    kbx: {"render": {"kinds": ["Pod"], "opts": {"namespaceColumn": true}, "prefixes": null}},
    expected: [
      "NAMESPACE     NAME                             READY   STATUS                  RESTARTS        AGE",
      "default       nginx                            1/1     Running                 3 (2m5s ago)    5m",
      "default       crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (90s ago)     120m",
      "kube-system   term                             1/2     Terminating             0               25h",
      "default       sidecar                          2/2     Running                 1 (4m35s ago)   5m",
      "default       done                             0/1     Completed               0               3d5h",
      "default       creating                         0/1     ContainerCreating       0               3s",
      "default       sig                              0/1     Init:Signal:9           0               462d",
    ].join('\n') + '\n',
  },
  {
    id: "get-pods-wide",
    cmd: "kubectl get pods -A -o wide",
    now: 1795424964412,
    kbx: {"render": {"kinds": ["Pod"], "opts": {"namespaceColumn": true, "wide": true}, "prefixes": null}},
    expected: [
      "NAMESPACE     NAME                             READY   STATUS                  RESTARTS        AGE    IP           NODE       NOMINATED NODE   READINESS GATES",
      "default       nginx                            1/1     Running                 3 (2m5s ago)    5m     10.244.0.5   kbx-node   <none>           <none>",
      "default       crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (90s ago)     120m   <none>       kbx-node   <none>           <none>",
      "kube-system   term                             1/2     Terminating             0               25h    <none>       <none>     <none>           <none>",
      "default       sidecar                          2/2     Running                 1 (4m35s ago)   5m     10.244.0.9   kbx-node   <none>           0/1",
      "default       done                             0/1     Completed               0               3d5h   <none>       <none>     <none>           <none>",
      "default       creating                         0/1     ContainerCreating       0               3s     <none>       <none>     <none>           <none>",
      "default       sig                              0/1     Init:Signal:9           0               462d   <none>       <none>     <none>           <none>",
    ].join('\n') + '\n',
  },
  {
    id: "get-pods-labels",
    cmd: "kubectl get pods --show-labels -L app -L example.com/tier -A",
    now: 1795424964504,
    kbx: {"render": {"kinds": ["Pod"], "opts": {"namespaceColumn": true, "showLabels": true, "labelColumns": ["app", "example.com/tier"]}, "prefixes": null}},
    expected: [
      "NAMESPACE     NAME                             READY   STATUS                  RESTARTS        AGE    APP     TIER   LABELS",
      "default       nginx                            1/1     Running                 3 (2m5s ago)    5m     web            app=web,tier=fe",
      "default       crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (90s ago)     120m   crash          app=crash",
      "kube-system   term                             1/2     Terminating             0               25h                   <none>",
      "default       sidecar                          2/2     Running                 1 (4m35s ago)   5m     web            app=web,x=ÄÖü-ünicode",
      "default       done                             0/1     Completed               0               3d5h                  <none>",
      "default       creating                         0/1     ContainerCreating       0               3s                    <none>",
      "default       sig                              0/1     Init:Signal:9           0               462d                  <none>",
    ].join('\n') + '\n',
  },
  {
    id: "get-pods-noheaders",
    cmd: "kubectl get pods --no-headers -A",
    now: 1795424964604,
    kbx: {"render": {"kinds": ["Pod"], "opts": {"namespaceColumn": true, "noHeaders": true}, "prefixes": null}},
    expected: [
      "default       nginx                            1/1   Running                 3 (2m5s ago)    5m",
      "default       crash-a-very-long-pod-name-xyz   0/1   Init:CrashLoopBackOff   2 (90s ago)     120m",
      "kube-system   term                             1/2   Terminating             0               25h",
      "default       sidecar                          2/2   Running                 1 (4m35s ago)   5m",
      "default       done                             0/1   Completed               0               3d5h",
      "default       creating                         0/1   ContainerCreating       0               3s",
      "default       sig                              0/1   Init:Signal:9           0               462d",
    ].join('\n') + '\n',
  },
  {
    id: "get-pods-svc",
    cmd: "kubectl get pods,services",
    now: 1795424964708,
    kbx: {"render": {"kinds": ["Pod", "Service"], "opts": {"showKind": true}, "prefixes": ["pod", "service"], "ns": "default"}},
    expected: [
      "NAME                                 READY   STATUS                  RESTARTS        AGE",
      "pod/nginx                            1/1     Running                 3 (2m5s ago)    5m",
      "pod/crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (90s ago)     120m",
      "pod/sidecar                          2/2     Running                 1 (4m35s ago)   5m",
      "pod/done                             0/1     Completed               0               3d5h",
      "pod/creating                         0/1     ContainerCreating       0               3s",
      "pod/sig                              0/1     Init:Signal:9           0               462d",
      "",
      "NAME                 TYPE           CLUSTER-IP   EXTERNAL-IP                              PORT(S)                       AGE",
      "service/kubernetes   ClusterIP      10.96.0.1    <none>                                   443/TCP                       27h",
      "service/web-svc      NodePort       10.96.12.7   <none>                                   80:30080/TCP,8443:30443/TCP   60s",
      "service/lb           LoadBalancer   10.96.1.1    <pending>                                80:31000/TCP                  60s",
      "service/ext          ExternalName   <none>       example.com                              <none>                        60s",
      "service/lb2          LoadBalancer   10.96.1.2    2.2.2.2,5.6.7.8,lb.example.com,1.2.3.4   53:31001/UDP                  60s",
      "service/headless     ClusterIP      None         <none>                                   <none>                        60s",
    ].join('\n') + '\n',
  },
  {
    id: "get-deploy-rs-wide",
    cmd: "kubectl get deployments,replicasets -o wide",
    now: 1795424964823,
    kbx: {"render": {"kinds": ["Deployment", "ReplicaSet"], "opts": {"showKind": true, "wide": true}, "prefixes": ["deployment.apps", "replicaset.apps"]}},
    expected: [
      "NAME                        READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR",
      "deployment.apps/web         2/3     3            2           10m   nginx,side   nginx:1.25,busybox   app=web",
      "deployment.apps/empty-sel   0/0     0            0           60s                                     tier in (a,b),!x",
      "",
      "NAME                         DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR",
      "replicaset.apps/web-7d4b9c   3         3         2       10m   nginx        nginx:1.25   app=web,pod-template-hash=7d4b9c",
    ].join('\n') + '\n',
  },
  {
    id: "get-events",
    cmd: "kubectl get events",
    now: 1795424964932,
    kbx: {"render": {"kinds": ["Event"], "opts": {}, "prefixes": null}},
    expected: [
      "LAST SEEN   TYPE      REASON              OBJECT           MESSAGE",
      "4m50s       Normal    Pulled              pod/nginx        Container image \"nginx:1.25\" already present on machine",
      "5m          Normal    Scheduled           pod/nginx        Successfully assigned default/nginx to kbx-node",
      "2m10s       Warning   BackOff             pod/nginx        Back-off restarting failed container nginx in pod nginx_default(uid-nginx)",
      "50s         Normal    ScalingReplicaSet   deployment/web   Scaled up replica set web-7d4b9c to 3",
      "<invalid>   Warning   Weird               pod/sidecar      has   a tab and...",
      "60s         Normal    Series              pod/sidecar      repeated",
    ].join('\n') + '\n',
  },
  {
    id: "get-events-wide",
    cmd: "kubectl get events -o wide",
    now: 1795424965034,
    kbx: {"render": {"kinds": ["Event"], "opts": {"wide": true}, "prefixes": null}},
    expected: [
      "LAST SEEN   TYPE      REASON              OBJECT           SUBOBJECT                SOURCE                  MESSAGE                                                                      FIRST SEEN     COUNT   NAME",
      "4m51s       Normal    Pulled              pod/nginx        spec.containers{nginx}   kubelet, kbx-node       Container image \"nginx:1.25\" already present on machine                      4m51s          1       nginx.1",
      "5m1s        Normal    Scheduled           pod/nginx                                 default-scheduler       Successfully assigned default/nginx to kbx-node                              5m1s           1       nginx.0",
      "2m11s       Warning   BackOff             pod/nginx        spec.containers{nginx}   kubelet, kbx-node       Back-off restarting failed container nginx in pod nginx_default(uid-nginx)   4m11s          4       nginx.2",
      "51s         Normal    ScalingReplicaSet   deployment/web                            deployment-controller   Scaled up replica set web-7d4b9c to 3                                        51s            1       web.1",
      "<invalid>   Warning   Weird               pod/sidecar                               kubelet, kbx-node       has                                                                          a tab and...   31s     2     e.tab",
      "61s         Normal    Series              pod/sidecar                               x-controller, inst-1    repeated                                                                     15m            7       e.series",
    ].join('\n') + '\n',
  },
  {
    id: "get-ns",
    cmd: "kubectl get namespaces",
    now: 1795424965138,
    kbx: {"render": {"kinds": ["Namespace"], "opts": {}, "prefixes": null}},
    expected: [
      "NAME          STATUS   AGE",
      "default       Active   27h",
      "kube-system   Active   27h",
    ].join('\n') + '\n',
  },
  {
    id: "get-nodes-wide",
    cmd: "kubectl get nodes -o wide --show-labels",
    now: 1795424965246,
    kbx: {"render": {"kinds": ["Node"], "opts": {"wide": true, "showLabels": true}, "prefixes": null}},
    expected: [
      "NAME       STATUS                        ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME   LABELS",
      "kbx-node   Ready                         control-plane   27h   v1.35.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0            docker://27.0.1     kubernetes.io/hostname=kbx-node,node-role.kubernetes.io/control-plane=",
      "n2         NotReady,SchedulingDisabled   worker          51s   v1.35.0   <none>        <none>        <unknown>                        <unknown>        <unknown>           kubernetes.io/role=worker",
    ].join('\n') + '\n',
  },
  {
    id: "get-svc-wide",
    cmd: "kubectl get services -o wide",
    now: 1795424965344,
    kbx: {"render": {"kinds": ["Service"], "opts": {"wide": true}, "prefixes": null}},
    expected: [
      "NAME         TYPE           CLUSTER-IP   EXTERNAL-IP                              PORT(S)                       AGE   SELECTOR",
      "kubernetes   ClusterIP      10.96.0.1    <none>                                   443/TCP                       27h   <none>",
      "web-svc      NodePort       10.96.12.7   <none>                                   80:30080/TCP,8443:30443/TCP   61s   app=web,tier=fe",
      "lb           LoadBalancer   10.96.1.1    <pending>                                80:31000/TCP                  61s   <none>",
      "ext          ExternalName   <none>       example.com                              <none>                        61s   <none>",
      "lb2          LoadBalancer   10.96.1.2    2.2.2.2,5.6.7.8,lb.example.com,1.2.3.4   53:31001/UDP                  61s   <none>",
      "headless     ClusterIP      None         <none>                                   <none>                        61s   app=db",
    ].join('\n') + '\n',
  },
  {
    id: "get-ep",
    cmd: "kubectl get endpoints",
    now: 1795424965460,
    kbx: {"render": {"kinds": ["Endpoints"], "opts": {}, "prefixes": null}},
    expected: [
      "NAME       ENDPOINTS                                               AGE",
      "web-svc    10.244.0.5:80,10.244.0.6:80,10.244.0.7:80 + 5 more...   61s",
      "empty      <none>                                                  61s",
      "headless   fd00::1,10.0.0.2                                        61s",
    ].join('\n') + '\n',
  },
  {
    id: "get-cm",
    cmd: "kubectl get configmaps",
    now: 1795424965566,
    kbx: {"render": {"kinds": ["ConfigMap"], "opts": {}, "prefixes": null}},
    expected: [
      // Recorded when kbx had no ConfigMap columns (the apiserver's default table); kubectl's own are these.
      "NAME   DATA   AGE",
      "cfg    2      60m",
    ].join('\n') + '\n',
  },
  {
    id: "get-pods2",
    cmd: "kubectl get pods -o wide",
    now: 1795424966542,
    kbx: {"render": {"kinds": ["Pod"], "opts": {"wide": true}, "names": ["nginx", "crash-a-very-long-pod-name-xyz", "sidecar", "done", "creating", "sig"]}},
    expected: [
      "NAME                             READY   STATUS                  RESTARTS        AGE    IP           NODE       NOMINATED NODE   READINESS GATES",
      "nginx                            1/1     Running                 3 (2m7s ago)    5m2s   10.244.0.5   kbx-node   <none>           <none>",
      "crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (92s ago)     120m   <none>       kbx-node   <none>           <none>",
      "sidecar                          2/2     Running                 1 (4m37s ago)   5m2s   10.244.0.9   kbx-node   <none>           0/1",
      "done                             0/1     Completed               0               3d5h   <none>       <none>     <none>           <none>",
      "creating                         0/1     ContainerCreating       0               5s     <none>       <none>     <none>           <none>",
      "sig                              0/1     Init:Signal:9           0               462d   <none>       <none>     <none>           <none>",
    ].join('\n') + '\n',
  },
  {
    id: "get-events2",
    cmd: "kubectl get events -o wide",
    now: 1795424966883,
    kbx: {"render": {"kinds": ["Event"], "opts": {"wide": true}}},
    expected: [
      "LAST SEEN   TYPE      REASON              OBJECT           SUBOBJECT                SOURCE                  MESSAGE                                                                      FIRST SEEN     COUNT   NAME",
      "4m52s       Normal    Pulled              pod/nginx        spec.containers{nginx}   kubelet, kbx-node       Container image \"nginx:1.25\" already present on machine                      4m52s          1       nginx.1",
      "5m2s        Normal    Scheduled           pod/nginx                                 default-scheduler       Successfully assigned default/nginx to kbx-node                              5m2s           1       nginx.0",
      "2m12s       Warning   BackOff             pod/nginx        spec.containers{nginx}   kubelet, kbx-node       Back-off restarting failed container nginx in pod nginx_default(uid-nginx)   4m12s          4       nginx.2",
      "52s         Normal    ScalingReplicaSet   deployment/web                            deployment-controller   Scaled up replica set web-7d4b9c to 3                                        52s            1       web.1",
      "<invalid>   Warning   Weird               pod/sidecar                               kubelet, kbx-node       has                                                                          a tab and...   32s     2     e.tab",
      "62s         Normal    Series              pod/sidecar                               x-controller, inst-1    repeated                                                                     15m            7       e.series",
    ].join('\n') + '\n',
  },
  {
    id: "get-svc2",
    cmd: "kubectl get services -o wide",
    now: 1795424966957,
    kbx: {"render": {"kinds": ["Service"], "opts": {"wide": true}}},
    expected: [
      "NAME         TYPE           CLUSTER-IP   EXTERNAL-IP                              PORT(S)                       AGE   SELECTOR",
      "kubernetes   ClusterIP      10.96.0.1    <none>                                   443/TCP                       27h   <none>",
      "web-svc      NodePort       10.96.12.7   <none>                                   80:30080/TCP,8443:30443/TCP   62s   app=web,tier=fe",
      "lb           LoadBalancer   10.96.1.1    <pending>                                80:31000/TCP                  62s   <none>",
      "ext          ExternalName   <none>       example.com                              <none>                        62s   <none>",
      "lb2          LoadBalancer   10.96.1.2    2.2.2.2,5.6.7.8,lb.example.com,1.2.3.4   53:31001/UDP                  62s   <none>",
      "headless     ClusterIP      None         <none>                                   <none>                        62s   app=db",
    ].join('\n') + '\n',
  },
  {
    id: "get-ep2",
    cmd: "kubectl get endpoints",
    now: 1795424967049,
    kbx: {"render": {"kinds": ["Endpoints"]}},
    expected: [
      "NAME       ENDPOINTS                                               AGE",
      "web-svc    10.244.0.5:80,10.244.0.6:80,10.244.0.7:80 + 5 more...   63s",
      "empty      <none>                                                  63s",
      "headless   fd00::1,10.0.0.2                                        63s",
    ].join('\n') + '\n',
  },
  {
    id: "get-nodes2",
    cmd: "kubectl get nodes",
    now: 1795424967142,
    kbx: {"render": {"kinds": ["Node"]}},
    expected: [
      "NAME       STATUS                        ROLES           AGE   VERSION",
      "kbx-node   Ready                         control-plane   27h   v1.35.0",
      "n2         NotReady,SchedulingDisabled   worker          53s   v1.35.0",
    ].join('\n') + '\n',
  },
  {
    id: "get-deploy2",
    cmd: "kubectl get deployments -o wide",
    now: 1795424967228,
    kbx: {"render": {"kinds": ["Deployment"], "opts": {"wide": true}}},
    expected: [
      "NAME        READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR",
      "web         2/3     3            2           10m   nginx,side   nginx:1.25,busybox   app=web",
      "empty-sel   0/0     0            0           63s                                     tier in (a,b),!x",
    ].join('\n') + '\n',
  },
  {
    id: "get-multi-kind-events",
    cmd: "kubectl get events,namespaces",
    now: 1795424967313,
    kbx: {"render": {"kinds": ["Event", "Namespace"], "opts": {"showKind": true}, "prefixes": ["event", "namespace"]}},
    expected: [
      "LAST SEEN   TYPE      REASON              OBJECT           MESSAGE",
      "4m53s       Normal    Pulled              pod/nginx        Container image \"nginx:1.25\" already present on machine",
      "5m3s        Normal    Scheduled           pod/nginx        Successfully assigned default/nginx to kbx-node",
      "2m13s       Warning   BackOff             pod/nginx        Back-off restarting failed container nginx in pod nginx_default(uid-nginx)",
      "53s         Normal    ScalingReplicaSet   deployment/web   Scaled up replica set web-7d4b9c to 3",
      "<invalid>   Warning   Weird               pod/sidecar      has   a tab and...",
      "63s         Normal    Series              pod/sidecar      repeated",
      "",
      "NAME                    STATUS   AGE",
      "namespace/default       Active   27h",
      "namespace/kube-system   Active   27h",
    ].join('\n') + '\n',
  },
  {
    id: "watch",
    cmd: "kubectl get pods -w",
    now: 1795424967394,
    kbx: {"watch": {}},
    expected: [
      "NAME                             READY   STATUS                  RESTARTS        AGE",
      "nginx                            1/1     Running                 3 (2m8s ago)    5m3s",
      "crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (93s ago)     120m",
      "sidecar                          2/2     Running                 1 (4m38s ago)   5m3s",
      "done                             0/1     Completed               0               3d5h",
      "creating                         0/1     ContainerCreating       0               6s",
      "sig                              0/1     Init:Signal:9           0               462d",
      "nginx                            0/1     CrashLoopBackOff        12 (8s ago)     5m3s",
      "a-much-much-longer-pod-name-than-before-xyz   0/1     Pending                 0               4s",
      "creating                                      0/1     Terminating             0               6s",
    ].join('\n') + '\n',
  },
  {
    id: "watch-wide-events",
    cmd: "kubectl get pods -w -o wide --output-watch-events --show-labels",
    now: 1795424967471,
    kbx: {"watch": {"opts": {"wide": true, "showLabels": true}, "events": true}},
    expected: [
      "EVENT      NAME                             READY   STATUS                  RESTARTS        AGE    IP           NODE       NOMINATED NODE   READINESS GATES   LABELS",
      "ADDED      nginx                            1/1     Running                 3 (2m8s ago)    5m3s   10.244.0.5   kbx-node   <none>           <none>            app=web,tier=fe",
      "ADDED      crash-a-very-long-pod-name-xyz   0/1     Init:CrashLoopBackOff   2 (93s ago)     120m   <none>       kbx-node   <none>           <none>            app=crash",
      "ADDED      sidecar                          2/2     Running                 1 (4m38s ago)   5m3s   10.244.0.9   kbx-node   <none>           0/1               app=web,x=ÄÖü-ünicode",
      "ADDED      done                             0/1     Completed               0               3d5h   <none>       <none>     <none>           <none>            <none>",
      "ADDED      creating                         0/1     ContainerCreating       0               6s     <none>       <none>     <none>           <none>            <none>",
      "ADDED      sig                              0/1     Init:Signal:9           0               462d   <none>       <none>     <none>           <none>            <none>",
      "MODIFIED   nginx                            0/1     CrashLoopBackOff        12 (8s ago)     5m3s   <none>       <none>     <none>           <none>            app=web",
      "ADDED      a-much-much-longer-pod-name-than-before-xyz   0/1     Pending                 0               4s     <none>       <none>     <none>           <none>            <none>",
      "DELETED    creating                                      0/1     Terminating             0               6s     <none>       <none>     <none>           <none>            <none>",
    ].join('\n') + '\n',
  },
];

interface GoldenCase {
  id: string;
  cmd: string;
  now: number;
  tz?: string;
  kbx: {
    render?: { kinds: string[]; opts?: RenderOptions; prefixes?: string[] | null; names?: string[]; ns?: string };
    watch?: { opts?: RenderOptions; events?: boolean };
  };
  expected: string;
}

function kbxOutput(c: GoldenCase): string {
  if (c.kbx.watch) {
    const w = c.kbx.watch;
    const stream = new TableStream(w.opts ?? {});
    const list = FIXTURES.Pod!.filter((o) => o.metadata.namespace === 'default');
    let out = stream.render(toTable('Pod', list, { now: c.now }), w.events ? 'ADDED' : undefined);
    WATCH_EVENTS.forEach((e, i) => {
      const t = toTable('Pod', [e.obj], { now: c.now, noHeaders: i > 0 });
      out += stream.render(t, w.events ? e.type : undefined);
    });
    return out;
  }
  const r = c.kbx.render!;
  const groups = r.kinds.map((kind, i) => {
    const items = (FIXTURES[kind] ?? []).filter(
      (o) => (!r.names || r.names.includes(o.metadata.name!)) && (!r.ns || o.metadata.namespace === r.ns || (kind !== 'Pod' && kind !== 'Service')),
    );
    return { table: toTable(kind, items, { now: c.now }), kindPrefix: r.prefixes?.[i] };
  });
  return renderTable(groups, r.opts ?? {});
}

describe('kubectl v1.35.2 goldens (get)', () => {
  it.each(KUBECTL_GET.map((c) => [c.cmd, c] as const))('%s', (_cmd, c) => {
    expect(kbxOutput(c)).toBe(c.expected);
  });
});
