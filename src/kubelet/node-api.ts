// What the API server needs from the node (the kubelet) to serve pods' log and exec subresources.
// The API server never talks to Docker itself: it asks the kubelet, as kube-apiserver does.
import type { Duplex } from 'node:stream';
import type { Pod } from '../api/types.js';
import type { ExecSession } from '../runtime/runtime.js';
import type { UsageSnapshot } from './metrics/usage.js';

export interface LogOptions {
  container: string;
  follow?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  sinceTime?: string;
  previous?: boolean;
  limitBytes?: number;
}

export interface ExecOptions {
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
}

export interface NodeApi {
  logs(pod: Pod, opts: LogOptions): Promise<NodeJS.ReadableStream>;
  exec(pod: Pod, opts: ExecOptions): Promise<ExecSession>;
  /** pods/attach: the container's main process (command is ignored). */
  attach(pod: Pod, opts: ExecOptions): Promise<ExecSession>;
  /** pods/portforward: a connection to `port` on the pod's loopback, however the node reaches it (see kubelet/port-dial.ts). */
  dialPod?(pod: Pod, port: number): Promise<Duplex>;
  /** The kubelet's latest resource usage (metrics.k8s.io); empty before the first collection window. */
  resourceMetrics?(): Promise<UsageSnapshot>;
  /** A one-line message when the container engine cannot be reached, else undefined. */
  runtimeError?(): Promise<string | undefined>;
}
