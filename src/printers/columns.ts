// Server-side Table generation (pkg/printers/internalversion/printers.go + the apiserver's
// TableConvertor), per kind: column definitions as data plus a row function.
//
// Like the real apiserver, rows are always generated "wide" (GenerateOptions{Wide: true}): every
// cell is sent and kubectl hides the priority-1 columns itself unless `-o wide`.
import type { EventObject, KObject, Pod, Table, TableColumnDefinition, TableRow } from '../api/types.js';
import { formatLabelSelector, labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import { parseTime, translateTimestampSince } from './duration.js';
import { formatLabels } from './labels.js';
import { podReadinessGatesCell, podRowConditions, podRowInfo, type TableRowCondition } from './pod-status.js';

/** Swagger descriptions (k8s.io/api v0.35) that printers.go puts in column definitions. */
const DOC = {
  NAME: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
  CREATION_TIMESTAMP: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
  POD_IP: "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
  NOMINATED_NODE_NAME: "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
  NODE_NAME: "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
  READINESS_GATES: "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
  SVC_TYPE: "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types",
  SVC_CLUSTER_IP: "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
  SVC_EXTERNAL_IPS: "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.",
  SVC_PORTS: "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies",
  SVC_SELECTOR: "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/",
  SUBSETS: "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
  ES_ADDRESS_TYPE: "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.",
  ES_PORTS: "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports.",
  ES_ENDPOINTS: "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.",
  NODE_KUBELET_VERSION: "Kubelet Version reported by the node.",
  NODE_OS_IMAGE: "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).",
  NODE_KERNEL_VERSION: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
  NODE_CONTAINER_RUNTIME_VERSION: "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).",
  NODE_ADDRESSES: "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
  EVENT_LAST_TIMESTAMP: "The time at which the most recent occurrence of this event was recorded.",
  EVENT_TYPE: "Type of this event (Normal, Warning), new types could be added in the future",
  EVENT_REASON: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
  EVENT_INVOLVED_OBJECT: "The object that this event is about.",
  EVENT_SOURCE: "The component reporting this event. Should be a short machine understandable string.",
  EVENT_MESSAGE: "A human-readable description of the status of this operation.",
  EVENT_FIRST_TIMESTAMP: "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)",
  EVENT_COUNT: "The number of times this event has occurred.",
  FIELD_PATH: "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.",
  DEP_UPDATED_REPLICAS: "Total number of non-terminating pods targeted by this deployment that have the desired template spec.",
  DEP_AVAILABLE_REPLICAS: "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.",
  DEP_SELECTOR: "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.",
  RS_REPLICAS: "Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset",
  RS_SELECTOR: "Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
  RS_STATUS_REPLICAS: "Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset",
  RS_READY_REPLICAS: "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.",
} as const;

const CONTAINERS_DOC = 'Names of each container in the template.';
const IMAGES_DOC = 'Images referenced by each container in the template.';

type ColType = TableColumnDefinition['type'];
export const col = (name: string, type: ColType, description: string, priority = 0, format = ''): TableColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});
export const nameCol = () => col('Name', 'string', DOC.NAME, 0, 'name');
export const ageCol = () => col('Age', 'string', DOC.CREATION_TIMESTAMP);

/** One generated row: its cells (all of them, wide included) and optional row conditions. */
export interface PrintedRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
}

export type RowFunc = (obj: KObject, now: number) => PrintedRow;

export interface KindPrinter {
  columns: TableColumnDefinition[];
  row: RowFunc;
}

/** TableRow as sent on the wire; `conditions` is omitted when empty (omitempty). */
export interface WireTableRow extends TableRow {
  conditions?: TableRowCondition[];
}

// ---------------------------------------------------------------------------------------------
// Column definitions, as the server sends them.

export const POD_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  col('Status', 'string', 'The aggregate status of the containers in this pod.'),
  col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  ageCol(),
  col('IP', 'string', DOC.POD_IP, 1),
  col('Node', 'string', DOC.NODE_NAME, 1),
  col('Nominated Node', 'string', DOC.NOMINATED_NODE_NAME, 1),
  col('Readiness Gates', 'string', DOC.READINESS_GATES, 1),
];

export const NAMESPACE_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Status', 'string', 'The status of the namespace'),
  ageCol(),
];

// Events have no leading name column: NAME is the last, wide-only column.
export const EVENT_COLUMNS: TableColumnDefinition[] = [
  col('Last Seen', 'string', DOC.EVENT_LAST_TIMESTAMP),
  col('Type', 'string', DOC.EVENT_TYPE),
  col('Reason', 'string', DOC.EVENT_REASON),
  col('Object', 'string', DOC.EVENT_INVOLVED_OBJECT),
  col('Subobject', 'string', DOC.FIELD_PATH, 1),
  col('Source', 'string', DOC.EVENT_SOURCE, 1),
  col('Message', 'string', DOC.EVENT_MESSAGE),
  col('First Seen', 'string', DOC.EVENT_FIRST_TIMESTAMP, 1),
  col('Count', 'string', DOC.EVENT_COUNT, 1),
  col('Name', 'string', DOC.NAME, 1, 'name'),
];

export const NODE_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Status', 'string', 'The status of the node'),
  col('Roles', 'string', 'The roles of the node'),
  ageCol(),
  col('Version', 'string', DOC.NODE_KUBELET_VERSION),
  col('Internal-IP', 'string', DOC.NODE_ADDRESSES, 1),
  col('External-IP', 'string', DOC.NODE_ADDRESSES, 1),
  col('OS-Image', 'string', DOC.NODE_OS_IMAGE, 1),
  col('Kernel-Version', 'string', DOC.NODE_KERNEL_VERSION, 1),
  col('Container-Runtime', 'string', DOC.NODE_CONTAINER_RUNTIME_VERSION, 1),
];

export const DEPLOYMENT_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Ready', 'string', 'Number of the pod with ready state'),
  col('Up-to-date', 'string', DOC.DEP_UPDATED_REPLICAS),
  col('Available', 'string', DOC.DEP_AVAILABLE_REPLICAS),
  ageCol(),
  col('Containers', 'string', CONTAINERS_DOC, 1),
  col('Images', 'string', IMAGES_DOC, 1),
  col('Selector', 'string', DOC.DEP_SELECTOR, 1),
];

export const REPLICASET_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Desired', 'integer', DOC.RS_REPLICAS),
  col('Current', 'integer', DOC.RS_STATUS_REPLICAS),
  col('Ready', 'integer', DOC.RS_READY_REPLICAS),
  ageCol(),
  col('Containers', 'string', CONTAINERS_DOC, 1),
  col('Images', 'string', IMAGES_DOC, 1),
  col('Selector', 'string', DOC.RS_SELECTOR, 1),
];

export const SERVICE_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Type', 'string', DOC.SVC_TYPE),
  col('Cluster-IP', 'string', DOC.SVC_CLUSTER_IP),
  col('External-IP', 'string', DOC.SVC_EXTERNAL_IPS),
  col('Port(s)', 'string', DOC.SVC_PORTS),
  ageCol(),
  col('Selector', 'string', DOC.SVC_SELECTOR, 1),
];

export const ENDPOINTS_COLUMNS: TableColumnDefinition[] = [nameCol(), col('Endpoints', 'string', DOC.SUBSETS), ageCol()];

export const ENDPOINTSLICE_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('AddressType', 'string', DOC.ES_ADDRESS_TYPE),
  col('Ports', 'string', DOC.ES_PORTS),
  col('Endpoints', 'string', DOC.ES_ENDPOINTS),
  ageCol(),
];

/** The apiserver's DefaultTableConvertor, for kinds without a printer. */
export const DEFAULT_COLUMNS: TableColumnDefinition[] = [nameCol(), col('Created At', 'date', DOC.CREATION_TIMESTAMP)];

// ---------------------------------------------------------------------------------------------
// Row functions.

export const age = (o: KObject, now: number) => translateTimestampSince(o.metadata?.creationTimestamp, now);
const orNone = (s: string | undefined | null) => (s ? s : '<none>');

export { formatLabels } from './labels.js';

function byteCompare(a: string, b: string): number {
  // Go sorts strings by bytes; for the ASCII label keys kubectl deals with this is code-unit order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** layoutContainerCells: container names and images joined by commas. */
export function layoutContainerCells(containers: { name?: string; image?: string }[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? '').join(','), cs.map((c) => c.image ?? '').join(',')];
}

export function printPod(obj: KObject, now: number): PrintedRow {
  const pod = obj as Pod;
  const info = podRowInfo(pod, now);
  const st = (pod.status ?? {}) as Pod['status'] & { nominatedNodeName?: string };
  // printers.go reads podIPs[0]; the real apiserver keeps podIPs in step with podIP, so podIP is
  // only a fallback for objects whose writer set the singular field alone.
  const podIP = st?.podIPs?.[0]?.ip || st?.podIP || '';
  const conditions = podRowConditions(pod);
  return {
    cells: [
      pod.metadata?.name ?? '',
      info.ready,
      info.status,
      info.restarts,
      age(pod, now),
      orNone(podIP),
      orNone(pod.spec?.nodeName),
      orNone(st?.nominatedNodeName),
      podReadinessGatesCell(pod),
    ],
    ...(conditions ? { conditions } : {}),
  };
}

export function printNamespace(obj: KObject, now: number): PrintedRow {
  // The namespace strategy always sets phase Active on create; an unset phase can only mean that.
  const phase = (obj.status as { phase?: string } | undefined)?.phase || 'Active';
  return { cells: [obj.metadata?.name ?? '', phase, age(obj, now)] };
}

export function printEvent(obj: KObject, now: number): PrintedRow {
  const e = obj as EventObject & {
    series?: { count?: number; lastObservedTime?: string } | null;
    reportingComponent?: string;
    reportingInstance?: string;
  };
  let firstTimestamp = translateTimestampSince(e.firstTimestamp, now);
  if (parseTime(e.firstTimestamp) === undefined) firstTimestamp = translateTimestampSince(e.eventTime, now);
  let lastTimestamp = translateTimestampSince(e.lastTimestamp, now);
  if (parseTime(e.lastTimestamp) === undefined) lastTimestamp = firstTimestamp;
  let count = e.count ?? 0;
  if (e.series) {
    lastTimestamp = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    // Singleton events don't have a count set in the new API.
    count = 1;
  }
  const io = e.involvedObject ?? {};
  const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase();
  return {
    cells: [
      lastTimestamp,
      e.type ?? '',
      e.reason ?? '',
      target,
      io.fieldPath ?? '',
      formatEventSource(e.source, e.reportingComponent, e.reportingInstance),
      (e.message ?? '').trim(),
      firstTimestamp,
      count,
      e.metadata?.name ?? '',
    ],
  };
}

/** formatEventSource: `component, host`, falling back to reportingController/Instance. */
export function formatEventSource(
  source: { component?: string; host?: string } | undefined,
  reportingController?: string,
  reportingInstance?: string,
): string {
  const component = source?.component || reportingController || '';
  const instance = source?.host || reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

export function printNode(obj: KObject, now: number): PrintedRow {
  const st = (obj.status ?? {}) as {
    conditions?: { type: string; status: string }[];
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
    addresses?: { type: string; address: string }[];
  };
  // Only the Ready condition is reported; the last condition of a type wins, as with Go's map.
  const ready = [...(st.conditions ?? [])].reverse().find((c) => c.type === 'Ready');
  const status: string[] = [];
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (!status.length) status.push('Unknown');
  if ((obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable) status.push('SchedulingDisabled');

  const roles = new Set<string>();
  for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') roles.add(v);
  }
  const addr = (type: string) => (st.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
  const ni = st.nodeInfo ?? {};
  return {
    cells: [
      obj.metadata?.name ?? '',
      status.join(','),
      [...roles].sort(byteCompare).join(',') || '<none>',
      age(obj, now),
      ni.kubeletVersion ?? '',
      addr('InternalIP'),
      addr('ExternalIP'),
      ni.osImage || '<unknown>',
      ni.kernelVersion || '<unknown>',
      ni.containerRuntimeVersion || '<unknown>',
    ],
  };
}

export function printDeployment(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown; template?: { spec?: { containers?: [] } } };
  const st = (obj.status ?? {}) as { updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number };
  // The internal type's replicas is a defaulted int32: an unset value is the default, 1.
  const desired = spec.replicas ?? 1;
  let selector: string;
  try {
    selector = selectorToString(labelSelectorFromSpec(spec.selector as never));
  } catch {
    selector = '<invalid>';
  }
  const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
  return {
    cells: [
      obj.metadata?.name ?? '',
      `${st.readyReplicas ?? 0}/${desired}`,
      st.updatedReplicas ?? 0,
      st.availableReplicas ?? 0,
      age(obj, now),
      names,
      images,
      selector,
    ],
  };
}

export function printReplicaSet(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown; template?: { spec?: { containers?: [] } } };
  const st = (obj.status ?? {}) as { replicas?: number; readyReplicas?: number };
  const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
  return {
    cells: [
      obj.metadata?.name ?? '',
      spec.replicas ?? 1,
      st.replicas ?? 0,
      st.readyReplicas ?? 0,
      age(obj, now),
      names,
      images,
      formatLabelSelector(spec.selector as never),
    ],
  };
}

interface ServicePort {
  port: number;
  protocol?: string;
  nodePort?: number;
}
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  externalName?: string;
  ports?: ServicePort[];
  selector?: Record<string, string>;
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma separated. */
export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => {
      // protocol is defaulted to TCP by the apiserver; an unset one can only mean that.
      const proto = p.protocol || 'TCP';
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${proto}` : `${p.port}/${proto}`;
    })
    .join(',');
}

/** loadBalancerStatusStringer: sorted unique ingress IPs/hostnames (never clipped: servers print wide). */
export function loadBalancerStatusStringer(ingress: { ip?: string; hostname?: string }[] | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(byteCompare).join(',');
}

/** getServiceExternalIP: `<none>`, `<pending>`, the external IPs or the external name. */
export function serviceExternalIP(svc: KObject): string {
  const spec = (svc.spec ?? {}) as ServiceSpec;
  const type = spec.type || 'ClusterIP';
  const external = spec.externalIPs ?? [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatusStringer((svc.status as { loadBalancer?: { ingress?: [] } } | undefined)?.loadBalancer?.ingress);
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

export function printService(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as ServiceSpec;
  // Both defaults below are applied by the real apiserver before any printer sees the object.
  const type = spec.type || 'ClusterIP';
  const clusterIP = spec.clusterIPs?.[0] ?? spec.clusterIP ?? '';
  return {
    cells: [
      obj.metadata?.name ?? '',
      type,
      clusterIP === '' ? '<none>' : clusterIP,
      serviceExternalIP(obj),
      makePortString(spec.ports) || '<none>',
      age(obj, now),
      formatLabels(spec.selector),
    ],
  };
}

interface EndpointSubset {
  addresses?: { ip: string }[];
  ports?: { name?: string; port: number }[];
}

/** net.JoinHostPort: IPv6 literals are bracketed. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints (all ports): `10.0.0.1:80,10.0.0.2:80 + 3 more...`, `<none>` without subsets. */
export function formatEndpoints(subsets: EndpointSubset[] | undefined): string {
  if (!subsets?.length) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      // Headless services may have no ports.
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ss.ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, String(p.port)));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function printEndpoints(obj: KObject, now: number): PrintedRow {
  return { cells: [obj.metadata?.name ?? '', formatEndpoints(obj.subsets as EndpointSubset[] | undefined), age(obj, now)] };
}

/** listWithMoreString: `a,b,c + 2 more...`, `<unset>` for an empty list. */
function listWithMore(items: string[], max = 3): string {
  const ret = items.slice(0, max).join(',');
  if (items.length > max) return `${ret} + ${items.length - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** formatDiscoveryPorts: each port's number (its name when unset, `*` when neither). */
export function formatDiscoveryPorts(ports: { name?: string | null; port?: number | null }[] | null | undefined): string {
  return listWithMore((ports ?? []).map((p) => (typeof p?.port === 'number' ? String(p.port) : typeof p?.name === 'string' ? p.name : '*')));
}

/** formatDiscoveryEndpoints: every address of every endpoint, first three shown. */
export function formatDiscoveryEndpoints(endpoints: { addresses?: string[] | null }[] | null | undefined): string {
  return listWithMore((endpoints ?? []).flatMap((e) => e?.addresses ?? []));
}

export function printEndpointSlice(obj: KObject, now: number): PrintedRow {
  const o = obj as Record<string, any>;
  return {
    cells: [obj.metadata?.name ?? '', String(o.addressType ?? ''), formatDiscoveryPorts(o.ports), formatDiscoveryEndpoints(o.endpoints), age(obj, now)],
  };
}

/** Go's time.RFC3339 in UTC, without fractional seconds; the zero time when absent. */
function rfc3339UTC(ts: string | undefined): string {
  const t = parseTime(ts);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function printDefault(obj: KObject): PrintedRow {
  return { cells: [obj.metadata?.name ?? '', rfc3339UTC(obj.metadata?.creationTimestamp)] };
}

/** What a kind without printer columns of its own gets: Name and Created At, as the apiserver's default table. */
export const DEFAULT_PRINTER: KindPrinter = { columns: DEFAULT_COLUMNS, row: printDefault };

export interface ToTableOptions {
  now: number;
  /** What rows[].object carries; the apiserver's default is Metadata. */
  includeObject?: 'None' | 'Metadata' | 'Object';
  resourceVersion?: string;
  /** TableOptions.noHeaders: omit the column definitions (watch events after the first). */
  noHeaders?: boolean;
}

/** Builds the meta.k8s.io/v1 Table the apiserver returns for objects of one kind (`apiVersion`, `kind`). */
export function tableOf(printer: KindPrinter, type: { apiVersion: string; kind: string }, objects: KObject[], opts: ToTableOptions): Table {
  const include = opts.includeObject ?? 'Metadata';
  const rows: WireTableRow[] = objects.map((obj) => {
    const printed = printer.row(obj, opts.now);
    const row: WireTableRow = { cells: printed.cells };
    if (printed.conditions?.length) row.conditions = printed.conditions;
    if (include === 'Object') row.object = withTypeMeta(type, obj);
    else if (include !== 'None') {
      row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
    }
    return row;
  });
  const table: Table = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: opts.resourceVersion !== undefined ? { resourceVersion: opts.resourceVersion } : {},
    columnDefinitions: opts.noHeaders ? (null as unknown as TableColumnDefinition[]) : printer.columns.map((c) => ({ ...c })),
    rows,
  };
  return table;
}

/** List items may lack kind/apiVersion; the server always sends them on full objects. */
function withTypeMeta(type: { apiVersion: string; kind: string }, obj: KObject): KObject {
  if (obj.kind && obj.apiVersion) return obj;
  return { ...obj, kind: obj.kind ?? type.kind, apiVersion: obj.apiVersion ?? type.apiVersion };
}
