// kbx cluster status | stop | reset | kubeconfig | rotate-encryption-key: the local control plane of $KBX_HOME.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { kbxHome, paths, pidAlive, readServerInfo } from '../../config/home.js';
import { controlPlaneScript, readKubeconfig } from '../../client/connect.js';

async function waitExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!pidAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !pidAlive(pid);
}

async function stop(ctx: Ctx, quiet = false): Promise<boolean> {
  const home = kbxHome();
  const info = readServerInfo(home);
  if (!info || !pidAlive(info.pid)) {
    if (!quiet) ctx.out('kbx control plane is not running');
    return false;
  }
  process.kill(info.pid, 'SIGTERM');
  if (!(await waitExit(info.pid, 10_000))) {
    process.kill(info.pid, 'SIGKILL');
    await waitExit(info.pid, 5_000);
  }
  fs.rmSync(paths(home).server, { force: true });
  fs.rmSync(paths(home).lock, { force: true });
  if (!quiet) ctx.out(`kbx control plane stopped (pid ${info.pid}); containers keep running and are re-adopted at the next start`);
  return true;
}

/** The store's check (GET /healthz/etcd): healthy, or why writes fail. */
async function storeHealth(client: Awaited<ReturnType<Ctx['client']>>): Promise<string> {
  try {
    await client.request('GET', '/healthz/etcd', { accept: 'text/plain' });
    return 'healthy';
  } catch (e) {
    return ((e as Error).message ?? String(e)).trim().replace(/^\[-\]etcd failed: /, '');
  }
}

/** What starts set aside (store/set-aside.log): kept until `kbx cluster reset`. */
function setAsideLines(home: string): string[] {
  try {
    return fs.readFileSync(path.join(paths(home).store, 'set-aside.log'), 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

export async function run(ctx: Ctx, args: string[], opts: Record<string, any> = {}): Promise<void> {
  const sub = args[0] ?? 'status';
  const home = kbxHome();
  if (await ctx.external()) {
    throw new CliError(`"kbx cluster ${sub}" works on the local kbx cluster ($KBX_HOME) only; it cannot act on the cluster named by --kubeconfig, --context, --server or the other connection flags`);
  }
  ctx.localOnly = true; // $KUBECONFIG names clusters for the other verbs, not this one
  if (sub === 'status') {
    const info = readServerInfo(home);
    const kc = await readKubeconfig(paths(home).kubeconfig);
    if (!info || !pidAlive(info.pid) || !kc) {
      ctx.out(`kbx control plane: stopped (KBX_HOME=${home})`);
      ctx.exitCode = 3;
      return;
    }
    const client = await ctx.client();
    const node = (await client.request('GET', '/api/v1/nodes/kbx').catch(() => undefined))?.body as any;
    const ready = node?.status?.conditions?.find((c: any) => c.type === 'Ready');
    const pods = ((await client.request('GET', '/api/v1/pods')).body as any).items.length;
    ctx.out(`kbx control plane: running (pid ${info.pid}, since ${info.startedAt})`);
    ctx.out(`  API server:  ${kc.server}`);
    ctx.out(`  kubeconfig:  ${paths(home).kubeconfig}`);
    ctx.out(`  state:       ${paths(home).store}`);
    ctx.out(`  Docker:      ${ready ? (ready.status === 'True' ? `reachable (${node.status.nodeInfo.containerRuntimeVersion})` : `unreachable: ${ready.message}`) : 'not contacted yet'}`);
    ctx.out(`  pods:        ${pods}`);
    ctx.out(`  store:       ${await storeHealth(client)}`);
    for (const line of setAsideLines(home)) ctx.out(`               ${line}`);
    return;
  }
  if (sub === 'stop') {
    await stop(ctx);
    return;
  }
  if (sub === 'kubeconfig') {
    await ctx.client(); // the cluster (and so its kubeconfig) exists and runs
    if (!opts.merge) {
      ctx.stdout.write(fs.readFileSync(paths(home).kubeconfig, 'utf8'));
      return;
    }
    const { mergeIntoUserKubeconfig } = await import('../../client/user-kubeconfig.js');
    const { isDefaultCluster } = await import('../../client/connect.js');
    const name = isDefaultCluster() ? 'kbx' : `kbx-${JSON.parse(fs.readFileSync(paths(home).cluster, 'utf8')).id}`;
    ctx.out(`Context "${name}" written to ${mergeIntoUserKubeconfig(home, name)}; \`kbx cluster reset\` removes it.`);
    return;
  }
  if (sub === 'rotate-encryption-key') {
    // The API server's procedure in one step: the new key first (the old ones still read), then a restart rewrites every Secret with it.
    const { rotateEncryptionKey } = await import('../../store/encryption-config.js');
    const name = rotateEncryptionKey(home);
    const running = await stop(ctx, true);
    if (running) await ctx.client();
    ctx.out(`encryption key ${name} is now the one Secrets are written with${running ? '; the control plane restarted and rewrites them' : '; they are rewritten at the next start'}`);
    return;
  }
  if (sub === 'reset') {
    await stop(ctx, true);
    const { removeFromUserKubeconfig } = await import('../../client/user-kubeconfig.js');
    const changed = removeFromUserKubeconfig(home);
    // Removing containers needs Docker: the control plane's own code does it (the CLI never talks to Docker).
    const entry = controlPlaneScript('reset');
    const r = spawnSync(process.execPath, [entry], { env: { ...process.env, KBX_HOME: home }, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new CliError('reset failed; see the message above');
    if (changed) ctx.out(`kbx cluster reset: removed its context from ${changed}`);
    return;
  }
  throw new CliError(`unknown command "${sub}" for "kbx cluster"\nRun 'kbx cluster --help' for usage.`, 1, true);
}
