// Image pulls under Kubernetes' pull policies, with events, progress and backoff.
import type { Container, Pod } from '../api/types.js';
import type { ContainerRuntime, PullProgress } from '../runtime/runtime.js';
import type { EventRecorder } from '../events/recorder.js';
import { Backoff } from './backoff.js';
import type { RegistryAuth } from './credential-keyring.js';

/** An image as the runtime inspects it. */
type ImageInfo = NonNullable<Awaited<ReturnType<ContainerRuntime['imagePresent']>>>;
import type { Clock } from '../util/clock.js';

export class ImagePullFailed extends Error {
  constructor(
    readonly reason: 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName',
    message: string,
  ) {
    super(message);
  }
}

/** Remembers recent failed pulls of images that exist locally, so an offline machine is not slowed down. */
const OFFLINE_MEMORY_MS = 5 * 60_000;

export class ImageManager {
  private backoff = new Backoff();
  private lastFailure = new Map<string, number>(); // per pod/container: when the last pull failed
  private offline = new Map<string, number>(); // per image: when a pull failed although it is present
  private inflight = new Map<string, Promise<void>>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly recorder: EventRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes sure `c.image` can be run, and returns it as inspected (the sync reads its user from it: no second
   * inspect on a pod's start). Throws ImagePullFailed (with the waiting reason to show) when it cannot;
   * `onProgress` is told about pull progress; `auths` are the pod's pull credentials for this image, tried in
   * turn (none: an anonymous pull).
   */
  async ensure(pod: Pod, c: Container, fieldPath: string, onProgress?: (p: string) => void, auths: RegistryAuth[] = []): Promise<ImageInfo | null> {
    const image = c.image;
    const key = `${pod.metadata.uid}/${c.name}`;
    const now = this.clock.now();
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    const present = await this.runtime.imagePresent(image);
    const ev = (type: 'Normal' | 'Warning', reason: string, msg: string) => this.recorder.record('kubelet', pod, type, reason, msg, fieldPath);
    if (policy === 'Never') {
      if (present) {
        ev('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`);
        return present;
      }
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      ev('Warning', 'ErrImageNeverPull', msg);
      throw new ImagePullFailed('ErrImageNeverPull', msg);
    }
    if (present && (policy === 'IfNotPresent' || now - (this.offline.get(image) ?? -Infinity) < OFFLINE_MEMORY_MS)) {
      ev('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`);
      return present;
    }
    const failedAt = this.lastFailure.get(key);
    if (failedAt !== undefined) {
      const wait = this.backoff.remaining(key, failedAt, now);
      if (wait > 0) {
        ev('Normal', 'BackOff', `Back-off pulling image "${image}"`);
        throw new ImagePullFailed('ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${this.lastMessage.get(key) ?? ''}`.trim());
      }
    }
    ev('Normal', 'Pulling', `Pulling image "${image}"`);
    const started = this.clock.now();
    try {
      await this.pull(image, onProgress, auths);
    } catch (e) {
      const msg = (e as Error).message;
      if (present) {
        // Offline with a local copy (`:latest` images default to Always): run what is here.
        this.offline.set(image, this.clock.now());
        ev('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod (pull failed: ${msg})`);
        return present;
      }
      this.backoff.next(key, this.clock.now());
      this.lastFailure.set(key, this.clock.now());
      this.lastMessage.set(key, msg);
      ev('Warning', 'Failed', `Failed to pull image "${image}": ${msg}`);
      ev('Warning', 'Failed', 'Error: ErrImagePull');
      throw new ImagePullFailed('ErrImagePull', msg);
    }
    this.backoff.reset(key);
    this.lastFailure.delete(key);
    this.recorder.amend('kubelet', pod, 'Normal', 'Pulling', `Pulling image "${image}"`, fieldPath);
    const secs = ((this.clock.now() - started) / 1000).toFixed(3).replace(/\.?0+$/, '');
    const info = await this.runtime.imagePresent(image);
    ev('Normal', 'Pulled', `Successfully pulled image "${image}" in ${secs}s (${secs}s including waiting). Image size: ${info?.size ?? 0} bytes.`);
    return info;
  }

  private lastMessage = new Map<string, string>();

  /** How long until a pull in backoff may be tried again (ms), for requeueing. */
  retryIn(pod: Pod, c: Container): number {
    const key = `${pod.metadata.uid}/${c.name}`;
    const failedAt = this.lastFailure.get(key);
    if (failedAt === undefined) return 0;
    return this.backoff.remaining(key, failedAt, this.clock.now());
  }

  forgetPod(uid: string): void {
    this.backoff.forgetPrefix(`${uid}/`);
    for (const k of this.lastFailure.keys()) if (k.startsWith(`${uid}/`)) this.lastFailure.delete(k);
    for (const k of this.lastMessage.keys()) if (k.startsWith(`${uid}/`)) this.lastMessage.delete(k);
  }

  /** One pull per image (and credentials) at a time, shared by every pod that needs it. */
  private pull(image: string, onProgress?: (p: string) => void, auths: RegistryAuth[] = []): Promise<void> {
    const key = `${image}\0${auths.map((a) => `${a.serveraddress}\0${a.username}`).join('\0')}`;
    const existing = this.inflight.get(key);
    if (existing) return existing;
    const progress = (e: PullProgress) => onProgress?.(formatProgress(image, e));
    const attempt = async (): Promise<void> => {
      if (!auths.length) return this.runtime.pullImage(image, progress);
      // Each matching credential in turn, as the kubelet does; the last failure is the one reported.
      let last: unknown;
      for (const a of auths) {
        try {
          return await this.runtime.pullImage(image, progress, a);
        } catch (e) {
          last = e;
        }
      }
      throw last;
    };
    const p: Promise<void> = attempt().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }
}

function mb(n: number): string {
  return `${(n / 1e6).toFixed(1)}MB`;
}

export function formatProgress(image: string, e: PullProgress): string {
  if (e.total && e.current !== undefined) return `Pulling image "${image}": ${e.status} ${mb(e.current)}/${mb(e.total)}`;
  return `Pulling image "${image}": ${e.status}`;
}
