// NetworkPolicy enforcement: read state (policies, pods, namespaces, the running sandboxes) → pure plan
// (plan.ts, rendered per pod by nft.ts) → one executor. The executor loads each pod's script into the pod's
// network namespace with a short-lived helper container (`nft` only, joined to the sandbox's namespace with
// NET_ADMIN), which works wherever Docker runs containers, Docker Desktop's VM included, since it never needs
// the host's netfilter. Only a sandbox whose script changed is touched; a recreated sandbox is a new id, so it
// gets its script again. The same table goes to the data-plane agent, which decides Service connections.
import fs from 'node:fs';
import path from 'node:path';
import type { KObject } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { LABELS, type ContainerRuntime, type RuntimeContainer } from '../../runtime/runtime.js';
import type { PodNetworkSettings } from '../../dataplane/manager.js';
import type { PolicyTable } from '../../dataplane/netpol-match.js';
import { ensureNetpolImage } from '../../dataplane/netpol-image.js';
import { clusterDnsPeer, planNetworkPolicies } from './plan.js';
import { renderNft, type NftContext } from './nft.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
const POLICIES = RESOURCES.find((r) => r.kind === 'NetworkPolicy')!;
const COMPONENT_LABEL = 'io.kbx.component';
const COMPONENT = 'netpol';
const PARALLEL = 4;
const HELPER_TIMEOUT_MS = 20_000;
const RESYNC_MS = 10_000;

export interface NetworkPolicyDeps {
  registry: Registry;
  runtime: ContainerRuntime;
  clusterId: string;
  /** The data plane's addresses (the agent is "the node" for traffic it relays); undefined: not up yet. */
  network: () => Promise<PodNetworkSettings | undefined>;
  /** Hands the table to the data-plane agent. */
  publish: (table: PolicyTable) => void;
  recorder: EventRecorder;
  /** Where the scripts loaded into running sandboxes are remembered across restarts. */
  stateFile: string;
  log: (m: string) => void;
}

/**
 * Pure: the sandboxes whose namespace must change, with the script to load. A sandbox kbx never loaded anything
 * into has an empty namespace, so an unselected pod is touched only to remove a table it holds.
 */
export function sandboxLoads(sandboxes: RuntimeContainer[], table: PolicyTable, applied: ReadonlyMap<string, string>, ctx: NftContext): { c: RuntimeContainer; script: string; isolated: boolean }[] {
  const out: { c: RuntimeContainer; script: string; isolated: boolean }[] = [];
  for (const c of sandboxes) {
    const rules = c.ipAddress ? table[c.ipAddress] : undefined;
    const script = renderNft(rules, ctx);
    if (rules ? applied.get(c.id) !== script : applied.has(c.id)) out.push({ c, script, isolated: !!rules });
  }
  return out;
}

export class NetworkPolicyController {
  /** Sandbox id → the script its namespace holds ("" or absent: none loaded). */
  private applied = new Map<string, string>();
  private stops: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private resync?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private image?: Promise<string>;
  private seq = 0;
  private warned = new Set<string>();

  constructor(private readonly d: NetworkPolicyDeps) {
    try {
      for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(d.stateFile, 'utf8')) as Record<string, string>)) this.applied.set(k, v);
    } catch {
      /* first start */
    }
  }

  start(): void {
    const kick = () => this.schedule();
    for (const r of [PODS, NAMESPACES, POLICIES]) this.stops.push(this.d.registry.watch(r, undefined, {}, kick));
    const events = this.d.runtime.events({ [LABELS.cluster]: this.d.clusterId, [LABELS.role]: 'infra' }, (e) => {
      if (e.action === 'start') this.schedule();
    });
    this.stops.push(() => events.close());
    this.resync = setInterval(kick, RESYNC_MS).unref();
    this.schedule();
    // Built before the first policy needs it (about a second from the host's nft); helpers a killed control
    // plane left behind are removed.
    void this.d.runtime
      .ping()
      .then(
        async () => {
          const left = await this.d.runtime.listContainers({ [LABELS.cluster]: this.d.clusterId, [COMPONENT_LABEL]: COMPONENT });
          for (const c of left) await this.d.runtime.removeContainer(c.id, { force: true }).catch(() => undefined);
          await this.ensureImage();
        },
        () => undefined,
      )
      .catch((e: Error) => this.d.log(`networkpolicy: ${e.message}`));
  }

  close(): void {
    this.stopped = true;
    for (const s of this.stops) s();
    if (this.timer) clearTimeout(this.timer);
    if (this.resync) clearInterval(this.resync);
  }

  /** Resolves when every change seen so far is applied (tests and measurements). */
  async settled(): Promise<void> {
    while (this.timer || this.running) await (this.running ?? new Promise((r) => setTimeout(r, 10)));
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.sync()
        .catch((e: Error) => this.d.log(`networkpolicy: ${e.message}`))
        .finally(() => {
          this.running = undefined;
          if (this.again) {
            this.again = false;
            this.schedule();
          }
        });
    }, 20);
  }

  private async sync(): Promise<void> {
    const net = await this.d.network();
    const { registry } = this.d;
    const policies = registry.list(POLICIES, undefined).items;
    const table = planNetworkPolicies({
      policies,
      pods: registry.list(PODS, undefined).items,
      namespaces: registry.list(NAMESPACES, undefined).items,
      virtualPods: net ? [clusterDnsPeer(net.dnsIP)] : [],
    });
    this.d.publish(table);
    // Nothing isolated and nothing loaded: no need to ask Docker (pod status updates come often).
    if (!net || (!Object.keys(table).length && !this.applied.size)) return;
    const ctx: NftContext = { nodeAddresses: [net.gateway, ...(net.nodeGateway ? [net.nodeGateway] : [])].sort(), serviceCIDR: net.serviceCIDR, dnsIP: net.dnsIP };
    const sandboxes = (await this.d.runtime.listContainers({ [LABELS.cluster]: this.d.clusterId, [LABELS.role]: 'infra' })).filter((c) => c.state === 'running' && c.ipAddress);
    const live = new Set(sandboxes.map((c) => c.id));
    let forgot = false;
    for (const id of [...this.applied.keys()]) if (!live.has(id)) forgot = this.applied.delete(id) || forgot;
    const work = sandboxLoads(sandboxes, table, this.applied, ctx);
    const t0 = Date.now();
    for (let i = 0; i < work.length; i += PARALLEL) {
      await Promise.all(
        work.slice(i, i + PARALLEL).map(async (w) => {
          try {
            await this.load(w.c, w.script);
            if (w.isolated) this.applied.set(w.c.id, w.script);
            else this.applied.delete(w.c.id);
            this.warned.delete(w.c.id);
          } catch (e) {
            this.failed(w.c, policies, (e as Error).message);
          }
        }),
      );
    }
    if (work.length) this.d.log(`networkpolicy: ${work.length} pod(s) loaded in ${Date.now() - t0} ms`);
    if (work.length || forgot) this.save();
  }

  /** Runs the helper in the sandbox's network namespace: nft loads the script as one transaction. */
  private async load(sandbox: RuntimeContainer, script: string): Promise<void> {
    const { runtime, clusterId } = this.d;
    const image = await this.ensureImage();
    const name = `kbx-${clusterId}_netpol_${sandbox.id.slice(0, 12)}_${Date.now().toString(36)}${(this.seq++).toString(36)}`;
    const id = await runtime.createContainer({
      name,
      image,
      cmd: [script],
      env: [],
      labels: { [LABELS.managed]: 'true', [LABELS.cluster]: clusterId, [LABELS.role]: 'helper', [COMPONENT_LABEL]: COMPONENT },
      network: { mode: 'container', id: sandbox.id },
      mounts: [],
      capAdd: ['NET_ADMIN'],
    });
    try {
      await runtime.startContainer(id);
      const deadline = Date.now() + HELPER_TIMEOUT_MS;
      let c = await runtime.inspectContainer(id);
      for (let wait = 10; c && c.state !== 'exited' && c.state !== 'dead' && Date.now() < deadline; wait = Math.min(wait * 2, 100)) {
        await new Promise((r) => setTimeout(r, wait));
        c = await runtime.inspectContainer(id);
      }
      if (!c || c.state !== 'exited') throw new Error('nft did not finish');
      if (c.exitCode !== 0) throw new Error(`nft failed: ${(await this.output(id)) || `exit code ${c.exitCode}`}`);
    } finally {
      await runtime.removeContainer(id, { force: true }).catch(() => undefined);
    }
  }

  private async output(id: string): Promise<string> {
    const s = await this.d.runtime.logs(id, { tail: 5 });
    let text = '';
    for await (const chunk of s as AsyncIterable<Buffer | string>) text += chunk.toString();
    return text.replace(/\s+/g, ' ').trim().slice(0, 300);
  }

  private ensureImage(): Promise<string> {
    this.image ??= ensureNetpolImage(this.d.runtime, (m) => this.d.log(`networkpolicy: ${m}`)).catch((e: Error) => {
      this.image = undefined;
      throw new Error(`cannot build the NetworkPolicy helper image: ${e.message}`);
    });
    return this.image;
  }

  /** Says so where the user looks: an event on each policy that selects the pod, once per sandbox. */
  private failed(sandbox: RuntimeContainer, policies: KObject[], message: string): void {
    this.d.log(`networkpolicy: ${sandbox.labels[LABELS.namespace]}/${sandbox.labels[LABELS.pod]}: ${message}`);
    if (this.warned.has(sandbox.id)) return;
    this.warned.add(sandbox.id);
    const ns = sandbox.labels[LABELS.namespace];
    for (const p of policies.filter((x) => x.metadata.namespace === ns)) {
      this.d.recorder.record('networkpolicy-controller', p, 'Warning', 'FailedToEnforce', `pod ${sandbox.labels[LABELS.pod]}: ${message}`);
    }
  }

  private save(): void {
    const tmp = `${this.d.stateFile}.tmp`;
    fs.mkdirSync(path.dirname(this.d.stateFile), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.applied)));
    fs.renameSync(tmp, this.d.stateFile);
  }
}
