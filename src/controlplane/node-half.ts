// The half of the control plane that touches Docker: kubelet, scheduler, controllers.
// Loaded lazily by main.ts once the API server already answers.
import path from 'node:path';
import type { Registry } from '../registry/registry.js';
import type { KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import { DockerRuntime } from '../runtime/docker/docker-runtime.js';
import { Kubelet } from '../kubelet/kubelet.js';
import { EventRecorder } from '../events/recorder.js';
import { Scheduler } from '../controllers/scheduler/scheduler.js';
import { DisruptionController } from '../controllers/disruption/controller.js';
import { NamespaceController } from '../controllers/namespace.js';
import { EventTTLController } from '../controllers/event-ttl.js';
import { GarbageCollector } from '../controllers/gc.js';
import { ReplicaSetController } from '../controllers/replicaset/controller.js';
import { DeploymentController } from '../controllers/deployment/controller.js';
import { EndpointsController } from '../controllers/endpoints/controller.js';
import { EndpointSliceController } from '../controllers/endpointslice/controller.js';
import { JobController } from '../controllers/job/controller.js';
import { CronJobController } from '../controllers/cronjob/controller.js';
import { DaemonSetController } from '../controllers/daemon/controller.js';
import { StatefulSetController } from '../controllers/statefulset/controller.js';
import { TaintEvictionController } from '../controllers/tainteviction/controller.js';
import { PersistentVolumeController } from '../controllers/volume/persistentvolume/controller.js';
import { realClock } from '../util/clock.js';
import { ResourceMetricsCollector, metricResolutionMs } from '../kubelet/metrics/collector.js';
import { podMetricsFor } from '../kubelet/metrics/pod-metrics.js';
import { HorizontalController, hpaSyncPeriodMs } from '../controllers/podautoscaler/controller.js';
import { Dataplane } from '../dataplane/manager.js';
import { HostPorts } from '../dataplane/host-ports.js';
import { NetworkPolicyController } from '../controllers/networkpolicy/controller.js';
import { IngressController } from '../dataplane/ingress-controller.js';
import { ingressControllerEnabled } from '../dataplane/ingress-class.js';
import { PodDialer } from '../kubelet/port-dial.js';
import type { TokenIssuer } from '../auth/sa-token.js';
import { podVolumesRoot } from '../config/home.js';
import { paths } from '../config/home.js';

export interface NodeHalfOptions {
  registry: Registry;
  clusterId: string;
  nodeName: string;
  /** $KBX_HOME: the data plane's configuration lives under it. */
  home: string;
  log: (m: string) => void;
  /** Signs service-account tokens for projected volumes. */
  tokens?: TokenIssuer;
  /** The API server's HTTPS port on the loopback (pods reach it through the data plane). */
  apiPort?: number;
  /** Told the address pods reach the API server at (the `kubernetes` Service's endpoint). */
  onApiAddress?: (ip: string) => void;
}

const NODE_INFO = RESOURCES.find((r) => r.kind === 'Node')!;

export async function startNode(o: NodeHalfOptions) {
  const runtime = new DockerRuntime();
  const recorder = new EventRecorder(o.registry, o.nodeName);
  const scheduler = new Scheduler(o.registry, recorder);
  const namespaces = new NamespaceController(o.registry);
  const eventTTL = new EventTTLController(o.registry);
  const gc = new GarbageCollector(o.registry, o.log);
  const replicaSets = new ReplicaSetController(o.registry, recorder, o.log);
  const deployments = new DeploymentController(o.registry, recorder, o.log);
  const endpoints = new EndpointsController(o.registry, o.log);
  const endpointSlices = new EndpointSliceController(o.registry, o.log);
  const disruption = new DisruptionController(o.registry, o.log);
  const jobs = new JobController(o.registry, recorder, o.log);
  const cronJobs = new CronJobController(o.registry, recorder, o.log);
  const daemonSets = new DaemonSetController(o.registry, recorder, o.log);
  const statefulSets = new StatefulSetController(o.registry, recorder, o.log);
  const taintEviction = new TaintEvictionController(o.registry, recorder, o.log);
  const persistentVolumes = new PersistentVolumeController(o.registry, recorder, paths(o.home).volumes, o.log);
  const infraImage = process.env.KBX_INFRA_IMAGE || 'busybox:latest';
  // KBX_DATAPLANE=off: no services data plane (pods get Docker's network defaults only).
  const dataplane =
    process.env.KBX_DATAPLANE === 'off'
      ? undefined
      : new Dataplane({ registry: o.registry, runtime, clusterId: o.clusterId, home: o.home, toolsImage: infraImage, log: o.log, apiPort: o.apiPort, onAddress: o.onApiAddress,
          announce: (type, reason, message) => {
            const node = o.registry.tryGet(NODE_INFO, undefined, o.nodeName) ?? ({ apiVersion: 'v1', kind: 'Node', metadata: { name: o.nodeName } } as KObject);
            recorder.record('kbx-dataplane', node, type, reason, message);
          } });
  const hostPorts = dataplane ? new HostPorts(o.registry, (ip, port) => dataplane.dial(ip, port), recorder, o.log) : undefined;
  const ingress = dataplane && ingressControllerEnabled() ? new IngressController(o.registry, (ip, port) => dataplane.dial(ip, port), recorder, o.home, o.log) : undefined;
  const networkPolicies = dataplane
    ? new NetworkPolicyController({
        registry: o.registry,
        runtime,
        clusterId: o.clusterId,
        network: () => dataplane.podNetwork(),
        publish: (t) => dataplane.setPolicies(t),
        recorder,
        stateFile: path.join(o.home, 'dataplane', 'netpol-applied.json'),
        log: o.log,
      })
    : undefined;
  const kubelet = new Kubelet({
    registry: o.registry,
    runtime,
    clusterId: o.clusterId,
    nodeName: o.nodeName,
    clock: realClock,
    recorder,
    infraImage,
    log: o.log,
    podsDir: podVolumesRoot(o.clusterId),
    tokens: o.tokens,
    ...(dataplane ? { podNetwork: () => dataplane.podNetwork() } : {}),
  });
  if (dataplane) {
    dataplane.start();
    hostPorts!.start();
    ingress?.start();
    networkPolicies?.start();
    // Up before the first pod needs it (building its image the first time takes a few seconds).
    void runtime.ping().then(
      () => dataplane.podNetwork(),
      () => undefined,
    );
  }
  scheduler.start();
  namespaces.start();
  eventTTL.start();
  gc.start();
  replicaSets.start();
  deployments.start();
  endpoints.start();
  endpointSlices.start();
  disruption.start();
  jobs.start();
  cronJobs.start();
  daemonSets.start();
  statefulSets.start();
  taintEviction.start();
  persistentVolumes.start();
  await kubelet.start();
  const metrics = new ResourceMetricsCollector({ runtime, clusterId: o.clusterId, periodMs: metricResolutionMs(), log: o.log });
  metrics.start();
  const hpas = new HorizontalController(o.registry, recorder, (pods) => podMetricsFor(metrics.snapshot(), pods), { syncPeriodMs: hpaSyncPeriodMs(), log: o.log });
  hpas.start();
  const dialer = new PodDialer(runtime, o.clusterId, undefined, dataplane ? (ip, port) => dataplane.dial(ip, port) : undefined);
  let lastCheck = 0;
  let lastError: string | undefined;
  const node = {
    logs: kubelet.logs.bind(kubelet),
    exec: kubelet.exec.bind(kubelet),
    attach: kubelet.attach.bind(kubelet),
    dialPod: dialer.dialPod.bind(dialer),
    resourceMetrics: async () => metrics.snapshot(),
    /** One line naming the Docker socket when the engine cannot be reached; checked at most once a second. */
    async runtimeError(): Promise<string | undefined> {
      if (Date.now() - lastCheck < 1000) return lastError;
      lastCheck = Date.now();
      try {
        await runtime.ping();
        lastError = undefined;
      } catch (e) {
        lastError = (e as Error).message;
      }
      return lastError;
    },
  };
  return {
    node,
    stop() {
      kubelet.stop();
      metrics.stop();
      hpas.close();
      dialer.close();
      scheduler.close();
      namespaces.close();
      eventTTL.close();
      gc.close();
      daemonSets.close();
      statefulSets.close();
      taintEviction.close();
      replicaSets.close();
      deployments.close();
      endpoints.close();
      endpointSlices.close();
      disruption.close();
      jobs.close();
      cronJobs.close();
      persistentVolumes.close();
      hostPorts?.close();
      ingress?.close();
      networkPolicies?.close();
      dataplane?.close();
    },
  };
}
