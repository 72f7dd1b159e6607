// kbx port-forward TYPE/NAME [LOCAL:]REMOTE [...]: kubectl's syntax, output and exit codes. The pod is chosen
// and service ports are mapped to target ports here, on the client, as kubectl does; the bytes travel in a
// SPDY/3.1 session over a WebSocket to pods/NAME/portforward (see port-forward/forwarder.ts).
import type { KObject, Pod } from '../../api/types.js';
import { resolveResource } from '../../api/registry.js';
import { formatLabelSelector } from '../../api/selectors.js';
import { resourcePath, type ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { parseDuration } from '../duration.js';
import { CliError } from '../errors.js';
import { PODS, choosePod } from '../pods.js';
import {
  checkUDPPorts,
  convertPodNamedPorts,
  parseAddresses,
  parsePorts,
  translateServicePorts,
  type ServiceLike,
} from '../port-forward/args.js';
import { LostConnectionError, PortForwarder } from '../port-forward/forwarder.js';

interface PortForwardOptions {
  namespace?: string;
  address?: string[];
  podRunningTimeout?: string;
}

const POLL_MS = 250;

export async function run(ctx: Ctx, args: string[], o: PortForwardOptions): Promise<void> {
  if (args.length < 2) {
    throw new CliError("TYPE/NAME and list of ports are required for port-forward\nSee 'kbx port-forward -h' for help and examples");
  }
  const timeoutMs = parseDuration(o.podRunningTimeout ?? '1m0s');
  if (timeoutMs <= 0) throw new CliError('--pod-running-timeout must be higher than zero');
  const client = await ctx.client();
  const ns = await ctx.namespace(o);
  const [target, ...specs] = args as [string, ...string[]];
  const slash = target.indexOf('/');
  const type = slash < 0 ? 'pod' : target.slice(0, slash);
  const name = slash < 0 ? target : target.slice(slash + 1);
  const info = resolveResource(type);
  if (!info) throw new CliError(`the server doesn't have a resource type "${type}"`);

  let pod: Pod;
  let remote: string[];
  try {
    if (info.kind === 'Pod') {
      pod = await client.get<Pod>(PODS, ns, name);
      remote = convertPodNamedPorts(specs, pod);
    } else if (info.kind === 'Service') {
      const svc = (await client.get(info, ns, name)) as KObject & ServiceLike & { spec?: { selector?: Record<string, string> } };
      const selector = Object.entries(svc.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      if (!selector) throw new CliError(`cannot attach to *v1.Service: invalid service '${name}': Service is defined without a selector`);
      pod = await firstPod(client, ns, selector, timeoutMs);
      checkUDPPorts(specs, svc);
      remote = translateServicePorts(specs, svc, pod);
    } else if (info.kind === 'Deployment' || info.kind === 'ReplicaSet') {
      const owner = await client.get(info, ns, name);
      pod = await firstPod(client, ns, formatLabelSelector(owner.spec?.selector as never), timeoutMs);
      remote = convertPodNamedPorts(specs, pod);
    } else {
      throw new CliError(`cannot attach to *v1.${info.kind}: not implemented`);
    }
  } catch (e) {
    if (e instanceof CliError || !(e instanceof Error) || e.constructor !== Error) throw e;
    throw new CliError(e.message);
  }
  // kubectl checks the pod it is about to use once more, as it is now.
  pod = await client.get<Pod>(PODS, ns, pod.metadata.name!);
  if (pod.status?.phase !== 'Running') {
    throw new CliError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`);
  }
  let addresses;
  let ports;
  try {
    addresses = parseAddresses(o.address ?? ['localhost']);
    ports = parsePorts(remote);
  } catch (e) {
    throw new CliError((e as Error).message);
  }

  const fwd = new PortForwarder({
    upgradeRequest: (headers) => client.send(client.requestOptions('POST', resourcePath(PODS, ns, pod.metadata.name, 'portforward'), client.headers(headers), false)),
    addresses,
    ports,
    out: (s) => ctx.stdout.write(s),
    err: (s) => ctx.stderr.write(s),
  });
  // Ctrl-C releases the ports at once and exits 0, as kubectl does.
  const stop = () => fwd.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await fwd.start();
    await fwd.done;
  } catch (e) {
    if (e instanceof LostConnectionError) throw new CliError(e.message);
    throw new CliError((e as Error).message);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** The pod kubectl would pick for a selector, waiting up to the timeout for one to exist. */
async function firstPod(client: ApiClient, ns: string, selector: string, timeoutMs: number): Promise<Pod> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pods = (await client.list(PODS, ns, { labelSelector: selector })).items as Pod[];
    const pick = choosePod(pods.filter((p) => !p.metadata.deletionTimestamp)) ?? choosePod(pods);
    if (pick) return pick;
    if (Date.now() >= deadline) throw new CliError('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

