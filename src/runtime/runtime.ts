// The container-runtime port, in kbx's own words. Only runtime/docker/ knows Docker's shapes.
export const LABELS = {
  managed: 'io.kbx.managed',
  cluster: 'io.kbx.cluster',
  namespace: 'io.kbx.namespace',
  pod: 'io.kbx.pod',
  podUid: 'io.kbx.pod-uid',
  container: 'io.kbx.container',
  role: 'io.kbx.role',
  restartCount: 'io.kbx.restart-count',
} as const;

export interface Mount {
  type: 'volume' | 'bind';
  source: string;
  target: string;
  readOnly?: boolean;
}

export interface ContainerSpec {
  name: string;
  image: string;
  entrypoint?: string[];
  cmd?: string[];
  env: string[];
  workingDir?: string;
  labels: Record<string, string>;
  hostname?: string;
  network?: { mode: 'network'; name: string; aliases?: string[] } | { mode: 'container'; id: string } | { mode: 'none' };
  mounts: Mount[];
  memoryBytes?: number;
  nanoCpus?: number;
  stopSignal?: string;
  tty?: boolean;
  openStdin?: boolean;
  portBindings?: { containerPort: number; protocol: 'tcp' | 'udp'; hostIp: string; hostPort: number }[];
  extraHosts?: string[];
  dns?: string[];
  dnsSearch?: string[];
  dnsOptions?: string[];
}

export interface RuntimeContainer {
  id: string;
  name: string;
  labels: Record<string, string>;
  image: string;
  imageId: string;
  state: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  exitCode: number;
  oomKilled: boolean;
  error: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  ipAddress?: string;
  pid?: number;
}

export interface PullProgress {
  status: string;
  id?: string;
  current?: number;
  total?: number;
}

export interface ExecSession {
  stdin: NodeJS.WritableStream | null;
  stdout: NodeJS.ReadableStream;
  stderr: NodeJS.ReadableStream;
  resize(w: number, h: number): Promise<void>;
  wait(): Promise<number>;
  close(): void;
}

export interface LogStreamOptions {
  follow?: boolean;
  tail?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
  sinceTime?: string;
}

export interface RuntimeEvent {
  id: string;
  action: string;
  labels: Record<string, string>;
  exitCode?: number;
}

export interface EngineInfo {
  serverVersion: string;
  apiVersion: string;
  os: string;
  ncpu: number;
  memTotal: number;
}

export interface ContainerRuntime {
  ping(): Promise<void>;
  info(): Promise<EngineInfo>;
  ensureNetwork(name: string, labels: Record<string, string>): Promise<{ id: string; subnet?: string; gateway?: string }>;
  removeNetwork(name: string): Promise<void>;
  listNetworks(labels: Record<string, string>): Promise<{ id: string; name: string; labels: Record<string, string> }[]>;
  imagePresent(ref: string): Promise<{ id: string; size: number } | null>;
  pullImage(ref: string, onProgress?: (p: PullProgress) => void): Promise<void>;
  createContainer(spec: ContainerSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  stopContainer(id: string, graceSeconds: number): Promise<void>;
  killContainer(id: string, signal: string): Promise<void>;
  removeContainer(id: string, opts?: { force?: boolean; removeVolumes?: boolean }): Promise<void>;
  inspectContainer(idOrName: string): Promise<RuntimeContainer | null>;
  listContainers(labels: Record<string, string>): Promise<RuntimeContainer[]>;
  createVolume(name: string, labels: Record<string, string>): Promise<void>;
  removeVolume(name: string): Promise<void>;
  listVolumes(labels: Record<string, string>): Promise<{ name: string; labels: Record<string, string> }[]>;
  logs(id: string, opts: LogStreamOptions): Promise<NodeJS.ReadableStream>;
  exec(id: string, opts: { cmd: string[]; stdin?: boolean; tty?: boolean; env?: string[]; workingDir?: string }): Promise<ExecSession>;
  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void): { close(): void };
  buildImage(tag: string, contextFiles: Record<string, Buffer | string>): Promise<void>;
}

/** Docker (or another engine) cannot be reached. The message is one line naming where and how to start it. */
export class RuntimeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeUnavailableError';
  }
}

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
