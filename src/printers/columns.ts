// Column definitions per kind, as data, and the cells of each row: what the API server sends in a
// Table (kubectl's server-side printers). All columns are always sent; clients show priority-1
// columns only with -o wide.
import type { EventObject, KObject, Pod, Table, TableColumnDefinition } from '../api/types.js';
import { podCells } from './pod-status.js';
import { translateTimestampSince } from './duration.js';
import { formatLabelSelector } from '../api/selectors.js';

type Col = [name: string, type: TableColumnDefinition['type'], priority: number, description: string];

export interface KindPrinter {
  columns: Col[];
  cells(obj: KObject, now: number): unknown[];
}

const age = (o: KObject, now: number) => translateTimestampSince(o.metadata.creationTimestamp, now);
const NAME: Col = ['Name', 'string', 0, 'Name must be unique within a namespace.'];
const AGE: Col = ['Age', 'string', 0, 'CreationTimestamp is a timestamp representing the server time when this object was created.'];

function selectorString(sel: unknown): string {
  return formatLabelSelector(sel as never);
}

function containersAndImages(spec: { containers?: { name: string; image: string }[] } | undefined): [string, string] {
  const cs = spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

function servicePorts(ports: { port: number; protocol?: string; nodePort?: number }[] | undefined): string {
  if (!ports?.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function externalIP(svc: KObject): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const external: string[] = svc.spec?.externalIPs ?? [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ing: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? [];
      const all = [...ing.map((i) => i.ip || i.hostname || ''), ...external].filter(Boolean);
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '<none>';
    default:
      return '<unknown>';
  }
}

function endpointsCell(ep: KObject): string {
  const list: string[] = [];
  for (const s of (ep as { subsets?: { addresses?: { ip: string }[]; ports?: { port: number }[] }[] }).subsets ?? []) {
    for (const a of s.addresses ?? []) {
      if (!s.ports?.length) list.push(a.ip);
      else for (const p of s.ports) list.push(`${a.ip}:${p.port}`);
    }
  }
  if (!list.length) return '<none>';
  const max = 3;
  return list.length > max ? `${list.slice(0, max).join(',')} + ${list.length - max} more...` : list.join(',');
}

function nodeRoles(n: KObject): string {
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();
  return roles.length ? roles.join(',') : '<none>';
}

export const PRINTERS: Record<string, KindPrinter> = {
  Pod: {
    columns: [
      NAME,
      ['Ready', 'string', 0, 'The aggregate readiness state of this pod for accepting traffic.'],
      ['Status', 'string', 0, 'The aggregate status of the containers in this pod.'],
      ['Restarts', 'string', 0, 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'],
      AGE,
      ['IP', 'string', 1, 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'],
      ['Node', 'string', 1, 'NodeName is a request to schedule this pod onto a specific node.'],
      ['Nominated Node', 'string', 1, 'nominatedNodeName is set only when this pod preempts other pods on the node.'],
      ['Readiness Gates', 'string', 1, 'If specified, all readiness gates will be evaluated for pod readiness.'],
    ],
    cells(o, now) {
      const pod = o as Pod;
      const c = podCells(pod, now);
      const gates: { conditionType: string }[] = (pod.spec as { readinessGates?: { conditionType: string }[] }).readinessGates ?? [];
      const trueGates = gates.filter((g) => pod.status?.conditions?.some((x) => x.type === g.conditionType && x.status === 'True')).length;
      return [
        pod.metadata.name,
        c.ready,
        c.status,
        c.restarts,
        age(pod, now),
        pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
        pod.spec.nodeName || '<none>',
        (pod.status as { nominatedNodeName?: string })?.nominatedNodeName || '<none>',
        gates.length ? `${trueGates}/${gates.length}` : '<none>',
      ];
    },
  },
  Namespace: {
    columns: [NAME, ['Status', 'string', 0, 'The status of the namespace'], AGE],
    cells: (o, now) => [o.metadata.name, o.status?.phase ?? '', age(o, now)],
  },
  Node: {
    columns: [
      NAME,
      ['Status', 'string', 0, 'The status of the node'],
      ['Roles', 'string', 0, 'The roles of the node'],
      AGE,
      ['Version', 'string', 0, 'Kubelet Version reported by the node.'],
      ['Internal-IP', 'string', 1, 'List of internal IPs.'],
      ['External-IP', 'string', 1, 'List of external IPs.'],
      ['OS-Image', 'string', 1, 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'],
      ['Kernel-Version', 'string', 1, 'Kernel Version reported by the node from \'uname -r\' (e.g. 3.16.0-0.bpo.4-amd64).'],
      ['Container-Runtime', 'string', 1, 'Container Runtime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'],
    ],
    cells(o, now) {
      const ready = (o.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
      const addr = (t: string) => (o.status?.addresses ?? []).filter((a: { type: string }) => a.type === t).map((a: { address: string }) => a.address).join(',') || '<none>';
      const info = o.status?.nodeInfo ?? {};
      return [
        o.metadata.name,
        ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown',
        nodeRoles(o),
        age(o, now),
        info.kubeletVersion ?? '',
        addr('InternalIP'),
        addr('ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  Event: {
    columns: [
      ['Last Seen', 'string', 0, 'Time when last this event was observed'],
      ['Type', 'string', 0, 'Type of this event (Normal, Warning), new types could be added in the future.'],
      ['Reason', 'string', 0, 'This should be a short, machine understandable string that gives the reason for this event being generated.'],
      ['Object', 'string', 0, 'Object this event is about.'],
      ['Subobject', 'string', 1, 'The field of the object this event is about.'],
      ['Source', 'string', 1, 'The component reporting this event.'],
      ['Message', 'string', 0, 'A human-readable description of the status of this operation.'],
      ['First Seen', 'string', 1, 'The time at which the event was first recorded.'],
      ['Count', 'integer', 1, 'The number of times this event has occurred.'],
      ['Name', 'string', 1, 'Name must be unique within a namespace.'],
    ],
    cells(o, now) {
      const e = o as EventObject;
      const first = translateTimestampSince(e.firstTimestamp ?? e.eventTime ?? undefined, now);
      let last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : first;
      const count = e.count ?? 1;
      if (count > 1) last = `${last} (x${count} over ${first})`;
      const target = e.involvedObject.name ? `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name}` : '';
      const source = e.source?.host ? `${e.source.component}, ${e.source.host}` : (e.source?.component ?? '');
      return [last, e.type ?? '', e.reason ?? '', target, e.involvedObject.fieldPath ?? '', source, (e.message ?? '').trim(), first, count, e.metadata.name];
    },
  },
  Deployment: {
    columns: [
      NAME,
      ['Ready', 'string', 0, 'Number of the pod with ready state'],
      ['Up-to-date', 'string', 0, 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'],
      ['Available', 'string', 0, 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'],
      AGE,
      ['Containers', 'string', 1, 'Names of each container in the template.'],
      ['Images', 'string', 1, 'Images referenced by each container in the template.'],
      ['Selector', 'string', 1, 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.'],
    ],
    cells(o, now) {
      const [cs, imgs] = containersAndImages(o.spec?.template?.spec);
      return [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, o.status?.updatedReplicas ?? 0, o.status?.availableReplicas ?? 0, age(o, now), cs, imgs, selectorString(o.spec?.selector)];
    },
  },
  ReplicaSet: {
    columns: [
      NAME,
      ['Desired', 'integer', 0, 'Replicas is the number of desired replicas.'],
      ['Current', 'integer', 0, 'Replicas is the most recently observed number of replicas.'],
      ['Ready', 'integer', 0, 'The number of ready replicas for this replica set.'],
      AGE,
      ['Containers', 'string', 1, 'Names of each container in the template.'],
      ['Images', 'string', 1, 'Images referenced by each container in the template.'],
      ['Selector', 'string', 1, 'Selector is a label query over pods that should match the replica count.'],
    ],
    cells(o, now) {
      const [cs, imgs] = containersAndImages(o.spec?.template?.spec);
      return [o.metadata.name, o.spec?.replicas ?? 0, o.status?.replicas ?? 0, o.status?.readyReplicas ?? 0, age(o, now), cs, imgs, selectorString(o.spec?.selector)];
    },
  },
  Service: {
    columns: [
      NAME,
      ['Type', 'string', 0, 'The type of the service.'],
      ['Cluster-IP', 'string', 0, 'The IP address of the service.'],
      ['External-IP', 'string', 0, 'The external IP address of the service.'],
      ['Port(s)', 'string', 0, 'The ports of the service.'],
      AGE,
      ['Selector', 'string', 1, 'Route service traffic to pods with label keys and values matching this selector.'],
    ],
    cells(o, now) {
      const sel = o.spec?.selector as Record<string, string> | undefined;
      const selector = sel && Object.keys(sel).length ? Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',') : '<none>';
      const clusterIP = o.spec?.type === 'ExternalName' ? '<none>' : o.spec?.clusterIP || '<none>';
      return [o.metadata.name, o.spec?.type ?? 'ClusterIP', clusterIP, externalIP(o), servicePorts(o.spec?.ports), age(o, now), selector];
    },
  },
  Endpoints: {
    columns: [NAME, ['Endpoints', 'string', 0, 'Endpoints of the service'], AGE],
    cells: (o, now) => [o.metadata.name, endpointsCell(o), age(o, now)],
  },
};

const DEFAULT: KindPrinter = {
  columns: [NAME, ['Created At', 'date', 0, 'CreationTimestamp is a timestamp representing the server time when this object was created.']],
  cells: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
};

export function printerFor(kind: string): KindPrinter {
  return PRINTERS[kind] ?? DEFAULT;
}

export function columnDefinitions(kind: string): TableColumnDefinition[] {
  return printerFor(kind).columns.map(([name, type, priority, description], i) => ({
    name,
    type,
    format: i === 0 && name === 'Name' ? 'name' : '',
    description,
    priority,
  }));
}

export interface TableOptions {
  now: number;
  includeObject?: 'None' | 'Metadata' | 'Object';
  resourceVersion?: string;
}

export function toTable(kind: string, objects: KObject[], opts: TableOptions): Table {
  const p = printerFor(kind);
  const include = opts.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: opts.resourceVersion ?? '' },
    columnDefinitions: columnDefinitions(kind),
    rows: objects.map((o) => ({
      cells: p.cells(o, opts.now),
      ...(include === 'None'
        ? {}
        : { object: include === 'Object' ? o : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata } }),
    })),
  };
}
