// The CLI-start and pod-start measurements of the benchmark (bench.mjs's "CLI start" and "Pod start" rows),
// also runnable alone against a running cluster: node scripts/bench/cli-start.mjs KBX_HOME [RUNS].
// Every figure is paired with its baseline in the same run, the two alternating so load drifts hit both.
import { spawnSync } from 'node:child_process';
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize, formatMs, ratio } from '../../dist/util/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KBX = path.join(ROOT, 'bin', 'kbx');
export const KUBECTL = path.join(ROOT, '.tools', 'bin', 'kubectl');

const now = () => performance.now();

/** Runs `argv` (a command line) once with `env` and returns its wall time in ms; throws when it fails. */
export function timeCommand(argv, env, input) {
  const t = now();
  const r = spawnSync(argv[0], argv.slice(1), { env, encoding: 'utf8', input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  const ms = now() - t;
  if (r.status !== 0) throw new Error(`bench: ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * `runs` paired measurements of two command lines (each `[argv, env]`), alternating which goes first (a
 * run's warm caches or a load burst then favour neither). Returns the samples of each, in ms.
 */
export function paired(a, b, runs) {
  const sa = [];
  const sb = [];
  // One unmeasured round: the first run of each pays for the page cache and the server's first request.
  timeCommand(...a);
  timeCommand(...b);
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      sb.push(timeCommand(...b));
      sa.push(timeCommand(...a));
    } else {
      sa.push(timeCommand(...a));
      sb.push(timeCommand(...b));
    }
  }
  return { kbx: summarize(sa), baseline: summarize(sb) };
}

/**
 * The environment of the measured commands. NODE_EXTRA_CA_CERTS is left out: Node 20 reads and parses that
 * bundle while it starts, before any script runs (~100 ms on the machine where it was found set), which every
 * node process pays and kubectl (Go) does not; kbx never needs it for its own cluster (the kubeconfig names
 * the CA). `extraCaCost` reports what it costs where it is set.
 */
export function envOf(home) {
  const env = { ...process.env, KBX_HOME: home, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** What NODE_EXTRA_CA_CERTS (when set) adds to every node start: `node -e ""` with it vs without, paired. */
export function extraCaCost(runs) {
  if (!process.env.NODE_EXTRA_CA_CERTS) return undefined;
  const without = { ...process.env };
  delete without.NODE_EXTRA_CA_CERTS;
  return paired([[process.execPath, '-e', ''], process.env], [[process.execPath, '-e', ''], without], runs);
}

/** `kbx version --client` vs `node -e ""`: the CLI's own start, no server. */
export function versionVsNode(home, runs) {
  const env = envOf(home);
  return paired([[process.execPath, KBX, 'version', '--client'], env], [[process.execPath, '-e', ''], env], runs);
}

/**
 * `kbx get pods` vs the real kubectl's `get pods` with the cluster's kubeconfig, against the same running
 * server. kubectl's discovery cache lives in a directory of this run, warmed by the unmeasured round.
 */
export function getPodsVsKubectl(home, runs) {
  if (!fs.existsSync(KUBECTL)) throw new Error(`bench: the real kubectl is missing (${KUBECTL})`);
  // kbx follows $KUBECONFIG when it is set (an external cluster): the kbx side runs without it, as a user would.
  const kubectlEnv = { ...envOf(home), KUBECONFIG: path.join(home, 'kubeconfig'), KUBECACHEDIR: path.join(home, 'kubectl-cache') };
  return paired([[process.execPath, KBX, 'get', 'pods'], envOf(home)], [[KUBECTL, 'get', 'pods'], kubectlEnv], runs);
}

/** A bench row: the scenario, both figures, their ratio against a ratio budget. */
export function ratioRow(scenario, s, limit) {
  const r = ratio(s.kbx, s.baseline);
  return { scenario, kbx: formatMs(s.kbx), baseline: formatMs(s.baseline), ratio: r.toFixed(2), budget: `≤ ${limit}`, pass: r <= limit };
}


/**
 * A watch on pod `name` (default namespace) over the cluster's HTTPS port: `ready` when the server has
 * answered the watch (so no event can be missed), `done` when the pod is Running.
 */
export function watchRunning(home, name) {
  const text = fs.readFileSync(path.join(home, 'kubeconfig'), 'utf8');
  const server = new URL(/server: (\S+)/.exec(text)[1]);
  const token = /token: (\S+)/.exec(text)[1];
  const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(text)[1], 'base64').toString();
  let ready;
  let req;
  const done = new Promise((resolve, reject) => {
    ready = new Promise((r) => {
      const q = `watch=1&fieldSelector=${encodeURIComponent(`metadata.name=${name}`)}`;
      req = https.get({ host: server.hostname, port: server.port, path: `/api/v1/namespaces/default/pods?${q}`, ca, agent: false, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        r();
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          buf += d;
          let nl;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (line.trim() && JSON.parse(line).object?.status?.phase === 'Running') {
              resolve();
              req.destroy();
            }
          }
        });
      });
      req.on('error', (e) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    });
  });
  return { ready, done };
}

/**
 * Pod start, `runs` times: `kbx apply` → Running, the API alone (POST → Running) and the same containers by
 * `docker run -d` (infra + app, `dockerPod`), interleaved, for pods `podManifest(name)`. `api` is bench.mjs's
 * REST caller; Running is seen
 * through a watch opened before the create, so the figure has no polling delay in it.
 */
export async function podStart({ home, api, dockerPod, podManifest, net, runs }) {
  const k = [];
  const b = [];
  const a = [];
  for (let i = 0; i < runs; i++) {
    const name = `start-${i}`;
    {
      const running = watchRunning(home, name);
      await running.ready;
      const t = now();
      const r = spawnSync(process.execPath, [KBX, 'apply', '-f', '-'], { env: envOf(home), encoding: 'utf8', input: JSON.stringify(podManifest(name)) });
      if (r.status !== 0) throw new Error(r.stderr);
      await running.done;
      k.push(now() - t);
    }
    {
      const t = now();
      await dockerPod(net, name);
      b.push(now() - t);
    }
    {
      const apiName = `api-start-${i}`;
      const running = watchRunning(home, apiName);
      await running.ready;
      const t = now();
      const r = await api('POST', '/api/v1/namespaces/default/pods', podManifest(apiName));
      if (r.code !== 201) throw new Error(`bench: pod create answered ${r.code}`);
      await running.done;
      a.push(now() - t);
    }
  }
  return { cli: summarize(k), api: summarize(a), docker: summarize(b) };
}

// Alone: node scripts/bench/cli-start.mjs KBX_HOME [RUNS] → the CLI rows against that home's running cluster.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [home, runsArg] = process.argv.slice(2);
  if (!home) {
    console.error('usage: node scripts/bench/cli-start.mjs KBX_HOME [RUNS]');
    process.exit(2);
  }
  const runs = Number(runsArg ?? 15);
  const show = (label, s) => console.log(`${label}: kbx ${formatMs(s.kbx)} [${s.kbx.min.toFixed(0)}–${s.kbx.max.toFixed(0)}]  baseline ${formatMs(s.baseline)} [${s.baseline.min.toFixed(0)}–${s.baseline.max.toFixed(0)}]  ratio ${ratio(s.kbx, s.baseline).toFixed(2)}`);
  show('get pods vs kubectl', getPodsVsKubectl(home, runs));
  show('version --client vs node -e ""', versionVsNode(home, runs));
}
