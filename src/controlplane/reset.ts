// `kbx cluster reset`: removes every container, network and volume labelled with this cluster's id,
// then all of $KBX_HOME's state. Nothing without the label is touched.
import fs from 'node:fs';
import { kbxHome, paths, podVolumesRoot } from '../config/home.js';
import { DockerRuntime } from '../runtime/docker/docker-runtime.js';
import { LABELS } from '../runtime/runtime.js';

async function main(): Promise<void> {
  const home = kbxHome();
  const p = paths(home);
  let id: string | undefined;
  try {
    id = (JSON.parse(fs.readFileSync(p.cluster, 'utf8')) as { id: string }).id;
  } catch {
    /* never started */
  }
  let containers = 0;
  let volumes = 0;
  let networks = 0;
  if (id) {
    const rt = new DockerRuntime();
    try {
      await rt.ping();
      const sel = { [LABELS.cluster]: id };
      const list = await rt.listContainers(sel);
      // App containers first: they share the sandbox's network namespace.
      list.sort((a, b) => Number(a.labels[LABELS.role] === 'infra') - Number(b.labels[LABELS.role] === 'infra'));
      for (const c of list) {
        await rt.removeContainer(c.id, { force: true, removeVolumes: true });
        containers++;
      }
      for (const v of await rt.listVolumes(sel)) {
        await rt.removeVolume(v.name);
        volumes++;
      }
      for (const n of await rt.listNetworks(sel)) {
        await rt.removeNetwork(n.id, { disconnect: true }); // by id: two networks of one name are possible on Docker 20.10; stale endpoints go first
        networks++;
      }
    } catch (e) {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(1);
    }
  }
  if (id) fs.rmSync(podVolumesRoot(id), { recursive: true, force: true });
  for (const f of [p.store, p.server, p.lock, p.lockDir, p.cluster, p.kubeconfig, p.logs, p.dataplane, p.volumes]) fs.rmSync(f, { recursive: true, force: true });
  process.stdout.write(`kbx cluster reset: removed ${containers} container(s), ${volumes} volume(s), ${networks} network(s) and all state in ${home}\n`);
}

void main();
