// Server-side table columns of DaemonSets, StatefulSets and ControllerRevisions (kubernetes
// pkg/printers/internalversion/printers.go daemonSetColumnDefinitions/printDaemonSet,
// statefulSetColumnDefinitions/printStatefulSet, controllerRevisionColumnDefinition/printControllerRevision, v1.35).
import type { KObject, TableColumnDefinition } from '../api/types.js';
import { formatLabelSelector } from '../api/selectors.js';
import { age, ageCol, col, formatLabels, layoutContainerCells, nameCol, type PrintedRow } from './columns.js';

const CONTAINERS_DOC = 'Names of each container in the template.';
const IMAGES_DOC = 'Images referenced by each container in the template.';

export const DAEMONSET_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
  col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
  col('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
  col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
  col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
  col('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
  ageCol(),
  col('Containers', 'string', CONTAINERS_DOC, 1),
  col('Images', 'string', IMAGES_DOC, 1),
  col('Selector', 'string', "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
];

type Obj = Record<string, any>;

export function printDaemonSet(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as Obj;
  const st = (obj.status ?? {}) as Obj;
  const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
  return {
    cells: [
      obj.metadata?.name ?? '',
      st.desiredNumberScheduled ?? 0,
      st.currentNumberScheduled ?? 0,
      st.numberReady ?? 0,
      st.updatedNumberScheduled ?? 0,
      st.numberAvailable ?? 0,
      formatLabels(spec.template?.spec?.nodeSelector),
      age(obj, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ],
  };
}

export const STATEFULSET_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Ready', 'string', 'Number of the pod with ready state'),
  ageCol(),
  col('Containers', 'string', CONTAINERS_DOC, 1),
  col('Images', 'string', IMAGES_DOC, 1),
];

export function printStatefulSet(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as Obj;
  const st = (obj.status ?? {}) as Obj;
  const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
  return { cells: [obj.metadata?.name ?? '', `${st.readyReplicas ?? 0}/${spec.replicas ?? 1}`, age(obj, now), names, images] };
}

export const CONTROLLERREVISION_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Controller', 'string', 'Controller of the object'),
  col('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
  ageCol(),
];

/** formatResourceName with kind: `daemonset.apps/x`, `<none>` without a controller. */
export function printControllerRevision(obj: KObject, now: number): PrintedRow {
  const ref = obj.metadata?.ownerReferences?.find((r) => r.controller);
  let controller = '<none>';
  if (ref) {
    const slash = ref.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
    controller = `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
  }
  return { cells: [obj.metadata?.name ?? '', controller, (obj as Obj).revision ?? 0, age(obj, now)] };
}
