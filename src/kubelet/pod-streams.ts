// The node side of `logs`, `exec` and `attach` (the kubelet's streaming server): finds a pod's Docker container by
// label, the current instance or (`--previous`) the one before it, with the API server's errors when there is none.
import { PassThrough } from 'node:stream';
import type { Pod } from '../api/types.js';
import * as errors from '../api/errors.js';
import { LABELS, type ContainerRuntime, type ExecSession, type RuntimeContainer } from '../runtime/runtime.js';
import type { ExecOptions, LogOptions, NodeApi } from './node-api.js';
import { attemptOf } from './pod-actions.js';

export class PodStreams implements NodeApi {
  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly clusterId: string,
  ) {}

  /** The instances of a pod's container, newest first. */
  private async instances(pod: Pod, name: string): Promise<RuntimeContainer[]> {
    const list = await this.runtime.listContainers({ [LABELS.cluster]: this.clusterId, [LABELS.podUid]: pod.metadata.uid!, [LABELS.container]: name });
    return list.sort((a, b) => attemptOf(b) - attemptOf(a));
  }

  async logs(pod: Pod, opts: LogOptions): Promise<NodeJS.ReadableStream> {
    const list = await this.instances(pod, opts.container);
    const target = opts.previous ? list[1] : list[0];
    if (!target) {
      if (opts.previous) {
        throw errors.badRequest(`previous terminated container "${opts.container}" in pod "${pod.metadata.name}" not found`);
      }
      const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === opts.container);
      const reason = st?.state.waiting?.reason ?? 'ContainerCreating';
      throw errors.badRequest(`container "${opts.container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
    }
    const stream = await this.runtime.logs(target.id, {
      follow: opts.follow && target.state === 'running',
      tail: opts.tailLines,
      timestamps: opts.timestamps,
      sinceSeconds: opts.sinceSeconds,
      sinceTime: opts.sinceTime,
    });
    return opts.limitBytes ? limitBytes(stream, opts.limitBytes) : stream;
  }

  async exec(pod: Pod, opts: ExecOptions): Promise<ExecSession> {
    const cur = (await this.instances(pod, opts.container))[0];
    if (!cur || cur.state !== 'running') {
      throw new Error(`unable to upgrade connection: container not found ("${opts.container}")`);
    }
    return this.runtime.exec(cur.id, { cmd: opts.command, stdin: opts.stdin, tty: opts.tty });
  }

  async attach(pod: Pod, opts: ExecOptions): Promise<ExecSession> {
    const cur = (await this.instances(pod, opts.container))[0];
    if (!cur || cur.state !== 'running') {
      throw new Error(`unable to upgrade connection: container ${opts.container} not found in pod ${pod.metadata.name}_${pod.metadata.namespace}`);
    }
    return this.runtime.attach(cur.id, { stdin: opts.stdin, tty: opts.tty });
  }
}

function limitBytes(stream: NodeJS.ReadableStream, max: number): NodeJS.ReadableStream {
  let sent = 0;
  const out = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    if (sent >= max) return;
    const part = chunk.subarray(0, max - sent);
    sent += part.length;
    out.write(part);
    if (sent >= max) {
      out.end();
      (stream as unknown as { destroy?: () => void }).destroy?.();
    }
  });
  stream.on('end', () => out.end());
  stream.on('error', () => out.end());
  return out;
}
