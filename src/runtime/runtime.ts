// The container-runtime port, in kbx's own words. Only runtime/docker/ knows Docker's shapes, so the kubelet can be
// unit-tested against FakeRuntime and another engine could be plugged in later.

/** The Docker network a cluster's pods and its data plane share. */
export function networkName(clusterId: string): string {
  return `kbx-${clusterId}`;
}

/**
 * Label keys on every container, network and volume kbx creates. They are how kbx re-finds its objects after a
 * restart (adoption), and kbx never touches an object without them.
 */
export const LABELS = {
  managed: 'io.kbx.managed', // always 'true'
  cluster: 'io.kbx.cluster', // cluster id
  namespace: 'io.kbx.namespace',
  pod: 'io.kbx.pod',
  podUid: 'io.kbx.pod-uid',
  container: 'io.kbx.container', // container name; INFRA_CONTAINER_NAME for the infrastructure container
  role: 'io.kbx.role', // ContainerRole
  restartCount: 'io.kbx.restart-count',
} as const;

/** The `io.kbx.container` value of a pod's infrastructure container (Kubernetes calls it POD too). */
export const INFRA_CONTAINER_NAME = 'POD';

export type ContainerRole = 'infra' | 'init' | 'app' | 'helper';

/** How a named volume is made: `tmpfs` makes it memory-backed (emptyDir medium: Memory), of at most `sizeBytes`; its directory's `mode` and group `gid` (recursively: fsGroup). */
export interface VolumeOptions {
  tmpfs?: boolean;
  sizeBytes?: number;
  mode?: number;
  gid?: number;
}

export interface Mount {
  type: 'volume' | 'bind';
  source: string;
  target: string;
  readOnly?: boolean;
  /** A volume mount of this path inside the volume (a volumeMount's subPath), created when missing. */
  subPath?: string;
}

export interface PortBinding {
  containerPort: number;
  protocol: 'tcp' | 'udp';
  hostIp: string;
  hostPort: number;
}

export type NetworkAttachment =
  | { mode: 'network'; name: string; aliases?: string[] }
  /** Joins another container's network namespace (a pod's infra container). Hostname, DNS and extra hosts are then inherited from it. */
  | { mode: 'container'; id: string }
  | { mode: 'none' };

export interface ContainerSpec {
  /** The runtime's container name (deterministic, so a restarted kubelet finds what it made). */
  name: string;
  image: string;
  entrypoint?: string[];
  cmd?: string[];
  /** "K=V" */
  env: string[];
  workingDir?: string;
  labels: Record<string, string>;
  hostname?: string;
  network?: NetworkAttachment;
  mounts: Mount[];
  memoryBytes?: number;
  nanoCpus?: number;
  stopSignal?: string;
  tty?: boolean;
  openStdin?: boolean;
  /** Close the container's stdin when the first attached client detaches (kubectl run -i). */
  stdinOnce?: boolean;
  portBindings?: PortBinding[];
  /** "host:ip" */
  extraHosts?: string[];
  dns?: string[];
  dnsSearch?: string[];
  dnsOptions?: string[];
  /** Linux capabilities added to the default set (e.g. NET_ADMIN). */
  capAdd?: string[];
  capDrop?: string[];
  /** "uid" or "uid:gid" (securityContext runAsUser/runAsGroup). */
  user?: string;
  /** Supplementary groups (supplementalGroups, fsGroup). */
  groupAdd?: string[];
  readonlyRootfs?: boolean;
  privileged?: boolean;
  /** "no-new-privileges", "seccomp=unconfined". */
  securityOpt?: string[];
  sysctls?: Record<string, string>;
  /** "container:<id>": share that container's PID namespace (an ephemeral container's targetContainerName, shareProcessNamespace); "host": the host's (hostPID). */
  pidMode?: string;
  /** "host": the host's IPC namespace (hostIPC). */
  ipcMode?: string;
  /** Restarted by the engine itself (the data plane); pod containers are restarted by the kubelet. */
  restartUnlessStopped?: boolean;
}

export type ContainerStateName = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface RuntimeContainer {
  id: string;
  name: string;
  labels: Record<string, string>;
  /** The image reference the container was created from. */
  image: string;
  imageId: string;
  state: ContainerStateName;
  exitCode: number;
  /** Only known from inspectContainer (listContainers says false). */
  oomKilled: boolean;
  /** Why the runtime could not start the container (e.g. executable not found); only from inspectContainer. */
  error: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; only from inspectContainer; undefined if never started. */
  startedAt?: string;
  /** ISO 8601; only from inspectContainer; undefined if never finished. */
  finishedAt?: string;
  /** On the container's named network, if it has one. */
  ipAddress?: string;
  /** Only from inspectContainer, while running. */
  pid?: number;
  /** Only from inspectContainer: published ports, "7000/tcp" → the host port Docker bound. */
  hostPorts?: Record<string, number>;
}

export interface PullProgress {
  status: string;
  /** Layer id, when the message is about one layer. */
  id?: string;
  current?: number;
  total?: number;
}

export interface ExecOptions {
  cmd: string[];
  stdin?: boolean;
  tty?: boolean;
  env?: string[];
  workingDir?: string;
}

export interface ExecSession {
  /** null unless the exec was started with stdin: true. end() it to send EOF. */
  stdin: NodeJS.WritableStream | null;
  stdout: NodeJS.ReadableStream;
  /** Empty (ends at once) when tty: a terminal merges both streams into stdout. */
  stderr: NodeJS.ReadableStream;
  resize(w: number, h: number): Promise<void>;
  /** Resolves with the process's exit code once its output has ended. */
  wait(): Promise<number>;
  /** Drops the connection (the process may go on running in the container). */
  close(): void;
}

export interface LogStreamOptions {
  follow?: boolean;
  tail?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  /** ISO 8601 */
  sinceTime?: string;
}

export interface RuntimeEvent {
  id: string;
  /** start, die, destroy, oom, kill */
  action: string;
  /** The container's labels. */
  labels: Record<string, string>;
  /** On die. */
  exitCode?: number;
  /** On kill: the signal sent. */
  signal?: string;
  /** The container's name. */
  name?: string;
  /** When the runtime reported it (ms since the epoch). */
  time?: number;
}

/** One reading of a container's resource usage (what the kubelet's resource metrics are computed from). */
export interface ContainerStats {
  /** Cumulative CPU time used since the container started, in nanoseconds. */
  cpuUsageNanoSeconds: number;
  /** The working set as the kubelet computes it: memory usage minus inactive file pages, floored at 0. */
  memoryWorkingSetBytes: number;
  /** When the reading was taken (ms since the epoch). */
  timestamp: number;
}

export interface EngineInfo {
  serverVersion: string;
  apiVersion: string;
  os: string;
  ncpu: number;
  memTotal: number;
}

export interface NetworkInfo {
  id: string;
  subnet?: string;
  gateway?: string;
}

export interface RemoveOptions {
  force?: boolean;
  removeVolumes?: boolean;
}

export interface ContainerRuntime {
  /** Rejects with RuntimeUnavailableError when the engine cannot be reached. */
  ping(): Promise<void>;
  info(): Promise<EngineInfo>;
  /** Creates the bridge network unless one of that name exists. */
  ensureNetwork(name: string, labels: Record<string, string>): Promise<NetworkInfo>;
  /** No error if it is already gone. With `disconnect`, endpoints still attached are force-disconnected first (kbx's own networks only). */
  removeNetwork(name: string, opts?: { disconnect?: boolean }): Promise<void>;
  listNetworks(labels: Record<string, string>): Promise<{ id: string; name: string; labels: Record<string, string> }[]>;
  /** The local image (its USER too: runAsNonRoot is checked against it), or null. */
  imagePresent(ref: string): Promise<{ id: string; size: number; user?: string } | null>;
  /** Rejects with ImagePullError carrying the engine's own words (what Kubernetes shows after ErrImagePull). */
  /** Pulls `ref`, with `auth` (an imagePullSecret's credential for its registry) when given. */
  pullImage(ref: string, onProgress?: (p: PullProgress) => void, auth?: { username: string; password: string; serveraddress: string }): Promise<void>;
  /** Resolves with the new container's id. Rejects with ContainerNameInUseError when the name is taken. */
  createContainer(spec: ContainerSpec): Promise<string>;
  /** No error if it already runs; ContainerNotFoundError if it does not exist. */
  startContainer(id: string): Promise<void>;
  /** The stop signal, then SIGKILL after graceSeconds. No error if it is already stopped or gone. */
  stopContainer(id: string, graceSeconds: number): Promise<void>;
  /** No error if it is not running or gone. */
  killContainer(id: string, signal: string): Promise<void>;
  /** No error if it is already gone. */
  removeContainer(id: string, opts?: RemoveOptions): Promise<void>;
  /** null if there is no such container. */
  inspectContainer(idOrName: string): Promise<RuntimeContainer | null>;
  /** Every container (any state) carrying all of these labels, in one call to the engine. */
  listContainers(labels: Record<string, string>): Promise<RuntimeContainer[]>;
  /** No error if it exists. */
  /** A named volume; `tmpfs` makes it memory-backed (emptyDir medium: Memory), of at most `sizeBytes` when given. */
  /**
   * Creates a named volume (idempotent) and sets its directory's mode and group (`opts.mode`, `opts.gid`);
   * answers false when it could not set them (an engine whose files kbx cannot reach, e.g. Docker Desktop's VM).
   */
  createVolume(name: string, labels: Record<string, string>, opts?: VolumeOptions): Promise<boolean>;
  /** No error if it is already gone. */
  removeVolume(name: string): Promise<void>;
  listVolumes(labels: Record<string, string>): Promise<{ name: string; labels: Record<string, string> }[]>;
  /**
   * stdout and stderr merged in the order they were written. Ends at the end of the log or, when following, when
   * the container stops. Destroy the stream to stop following. ContainerNotFoundError if there is no such container.
   */
  logs(id: string, opts: LogStreamOptions): Promise<NodeJS.ReadableStream>;
  exec(id: string, opts: ExecOptions): Promise<ExecSession>;
  /** Attaches to the main process of a running container (its stdin when it was created with one). */
  attach(id: string, opts: { stdin?: boolean; tty?: boolean }): Promise<ExecSession>;
  /** One usage reading of a running container (a single request, no streaming); null if it is gone or not running. */
  stats(id: string): Promise<ContainerStats | null>;
  /** Container events (start, die, destroy, oom, kill) of containers carrying all of these labels; reconnects by itself. */
  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void): { close(): void };
  /**
   * Builds a small image from files (path → content; a `Dockerfile` among them). A path ending in `*` is written
   * without the `*` and made executable (0755); others are 0644.
   */
  buildImage(tag: string, contextFiles: Record<string, Buffer | string>): Promise<void>;
}

/** The engine cannot be reached. The message is one line naming where kbx looked and how to start it. */
export class RuntimeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeUnavailableError';
  }
}

/** A pull failed; the message is the engine's (e.g. "pull access denied for x, repository does not exist …"). */
export class ImagePullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImagePullError';
  }
}

export class ContainerNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContainerNotFoundError';
  }
}

/** createContainer found the name taken: usually by a container an interrupted sync made, to be adopted. */
export class ContainerNameInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContainerNameInUseError';
  }
}
