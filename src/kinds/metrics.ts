import { resource, type KindDefinition } from './kind.js';
import { withStatusStrategy } from '../registry/strategies.js';
import { NODE_METRICS_COLUMNS, POD_METRICS_COLUMNS, printNodeMetrics, printPodMetrics } from '../printers/columns-metrics.js';

/**
 * metrics.k8s.io/v1beta1, the resource metrics API metrics-server serves on a real cluster. Read-only and
 * never stored: apiserver/metrics-api.ts answers it from the kubelet's usage snapshot.
 */
export const nodeMetrics: KindDefinition = {
  resource: resource({ group: 'metrics.k8s.io', version: 'v1beta1', kind: 'NodeMetrics', plural: 'nodes', singular: '', namespaced: false, verbs: ['get', 'list'] }),
  strategy: withStatusStrategy,
  printer: { columns: NODE_METRICS_COLUMNS, row: printNodeMetrics },
};

export const podMetrics: KindDefinition = {
  resource: resource({ group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics', plural: 'pods', singular: '', verbs: ['get', 'list'] }),
  strategy: withStatusStrategy,
  printer: { columns: POD_METRICS_COLUMNS, row: printPodMetrics },
};
