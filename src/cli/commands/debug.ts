// kbx debug: an ephemeral container added to a running pod (pods/ephemeralcontainers, a strategic
// merge patch as kubectl sends), or a copy of the pod with a debug container or other images
// (--copy-to), then attached to with -i; kubectl debug's messages. `debug node/NAME` is refused:
// its pod would run in the host's namespaces, which kbx pods never do.
import type { Pod } from '../../api/types.js';
import { resolveResource } from '../../api/registry.js';
import type { ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { PODS } from '../pods.js';
import { streamSession } from '../stream-session.js';
import { debugContainerName, ephemeralContainer, parseSetImage, podCopy, randomSuffix, validateDebug, type DebugOptions } from '../debug-plan.js';

interface Flags {
  namespace?: string;
  image?: string;
  container?: string;
  target?: string;
  copyTo?: string;
  setImage?: string[];
  shareProcesses?: boolean;
  replace?: boolean;
  sameNode?: boolean;
  stdin?: boolean;
  tty?: boolean;
  attach?: boolean;
  env?: string[];
  imagePullPolicy?: string;
  argumentsOnly?: boolean;
  quiet?: boolean;
  profile?: string;
  keepLabels?: boolean;
  keepAnnotations?: boolean;
  keepLiveness?: boolean;
  keepReadiness?: boolean;
  keepStartup?: boolean;
  keepInitContainers?: boolean;
}

export async function run(ctx: Ctx, args: string[], f: Flags): Promise<void> {
  const profile = f.profile ?? 'legacy';
  if (profile !== 'legacy' && profile !== 'general') {
    throw new CliError(['baseline', 'restricted', 'netadmin', 'sysadmin'].includes(profile)
      ? `profile "${profile}" is not supported by kbx (supported: legacy, general)`
      : `unknown profile: ${profile}`);
  }
  const o: DebugOptions = {
    image: f.image, container: f.container, target: f.target, copyTo: f.copyTo,
    setImage: parseSetImage(f.setImage ?? []),
    shareProcesses: ctx.argv.some((a) => a.startsWith('--share-processes')) ? f.shareProcesses !== false : undefined,
    replace: f.replace, sameNode: f.sameNode, interactive: !!f.stdin, tty: !!f.tty,
    attach: ctx.argv.some((a) => a.startsWith('--attach')) ? !!f.attach : undefined,
    env: (f.env ?? []).map((e) => {
      const i = e.indexOf('=');
      if (i < 0) throw new CliError(`invalid argument "${e}" for "--env" flag: ${e} must be formatted as key=value`);
      return { name: e.slice(0, i), value: e.slice(i + 1) };
    }),
    pullPolicy: f.imagePullPolicy, argsOnly: f.argumentsOnly, args: ctx.dashArgs, profile,
    keep: { labels: f.keepLabels, annotations: f.keepAnnotations, liveness: f.keepLiveness, readiness: f.keepReadiness, startup: f.keepStartup, initContainers: f.keepInitContainers !== false },
  };
  const problem = validateDebug(o, args);
  if (problem) throw new CliError(problem);
  if (o.target && !f.quiet) ctx.out(`Targeting container ${JSON.stringify(o.target)}. If you don't see processes from this container it may be because the container runtime doesn't support this feature.`);
  if (profile === 'legacy') ctx.err('--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".');
  const attach = o.attach ?? o.interactive;
  const client = await ctx.client();
  const ns = await ctx.namespace(f);
  for (const arg of args) {
    const slash = arg.indexOf('/');
    const info = slash < 0 ? PODS : resolveResource(arg.slice(0, slash));
    if (info?.kind === 'Node') {
      const node = await client.get(info, undefined, arg.slice(slash + 1));
      throw new CliError(`debugging node ${JSON.stringify(node.metadata.name)} is not supported by kbx: a node debugging pod runs in the host's network, PID and IPC namespaces, and kbx pods run on Docker's cluster network (debug a pod instead, or --copy-to a copy of one)`);
    }
    if (info?.kind !== 'Pod') throw new CliError(`"${info ? `${info.group ? `${info.group}/` : ''}${info.version}, Kind=${info.kind}` : arg.slice(0, slash)}" not supported by debug`);
    const pod = await client.get<Pod>(PODS, ns, slash < 0 ? arg : arg.slice(slash + 1));
    const said = (name: string, defaulted: boolean) => {
      if (defaulted && !f.quiet) ctx.out(`Defaulting debug container name to ${name}.`);
    };
    let target: Pod;
    let container: string;
    if (o.copyTo) {
      const plan = podCopy(pod, o, () => randomSuffix());
      if ('error' in plan) throw new CliError(plan.error);
      said(plan.container, plan.defaulted);
      target = (await client.create(PODS, ns, plan.pod)) as Pod;
      container = plan.container;
      if (o.replace) await client.delete(PODS, ns, pod.metadata.name!, { gracePeriodSeconds: 0 });
    } else {
      const { name, defaulted } = debugContainerName(pod, o, () => randomSuffix());
      said(name, defaulted);
      const patch = { spec: { ephemeralContainers: [ephemeralContainer(o, name)] } };
      target = (await client.patch(PODS, ns, pod.metadata.name!, patch, 'application/strategic-merge-patch+json', undefined, 'ephemeralcontainers')) as Pod;
      container = name;
    }
    if (attach && container) await attachTo(ctx, client, target, container, o, !!f.quiet);
  }
}

/** handleAttachPod: waits for the container to run (or end), then attaches — or prints its logs when it already ended. */
async function attachTo(ctx: Ctx, client: ApiClient, pod: Pod, container: string, o: DebugOptions, quiet: boolean): Promise<void> {
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  let warned = '';
  for (;;) {
    const p = await client.get<Pod>(PODS, ns, name).catch((e) => {
      throw (e as { status?: { code?: number } }).status?.code === 404 ? new CliError('pods "" not found', 1) : e;
    });
    const st = [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? []), ...(p.status?.ephemeralContainerStatuses ?? [])].find((s) => s.name === container);
    if (st?.state.terminated) return printLogs(ctx, client, ns, name, container);
    if (st?.state.running) break;
    const msg = st?.state.waiting?.message;
    if (msg && msg !== warned && !quiet) ctx.err(`Warning: container ${container}: ${msg}`);
    if (msg) warned = msg;
    await new Promise((r) => setTimeout(r, 250));
  }
  let tty = !!o.tty;
  if (tty && !process.stdin.isTTY) {
    if (!quiet) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file');
    tty = false;
  }
  if (!quiet) {
    ctx.err('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.');
    ctx.err("If you don't see a command prompt, try pressing enter.");
  }
  try {
    ctx.exitCode = await streamSession(ctx, client, { subresource: 'attach', namespace: ns, pod: name, container, stdin: !!o.interactive, tty });
  } catch (e) {
    ctx.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${(e as Error).message}`);
    return printLogs(ctx, client, ns, name, container);
  }
  if (tty && o.interactive && !quiet) {
    const eph = !o.copyTo;
    ctx.out(eph
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using 'kbx attach ${name} -c ${container} -n ${ns} -i -t' if it is still running`
      : `Session ended, resume using 'kbx attach ${name} -c ${container} -n ${ns} -i -t' command`);
  }
}

async function printLogs(ctx: Ctx, client: ApiClient, ns: string, pod: string, container: string): Promise<void> {
  const res = await client.request('GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}/log`, { query: { container }, accept: '*/*' });
  ctx.stdout.write(String(res.body ?? ''));
}
