// The data-plane agent's entry point (runs inside the cluster's data-plane container, as root with NET_ADMIN,
// after `ip route add local <service CIDR> dev lo` made every service IP local). It follows the configuration
// file the control plane rewrites, and serves DNS, the service proxies and the tunnel.
import { readFileSync, watchFile } from 'node:fs';
import { join } from 'node:path';
import { DnsIndex } from '../dns-answer.js';
import { AGENT_CONFIG_DIR, AGENT_CONFIG_FILE, API_FORWARD_PORT, TUNNEL_PORT, type DataplaneConfig } from '../protocol.js';
import { DnsServer } from './dns-server.js';
import { ServiceProxies } from './proxy.js';
import { TunnelServer } from './tunnel.js';
import { ApiForwarder } from './api-forward.js';

const file = join(process.env.KBX_AGENT_CONFIG_DIR || AGENT_CONFIG_DIR, AGENT_CONFIG_FILE);
const log = (m: string) => process.stdout.write(`${new Date().toISOString()} ${m}\n`);

let config: DataplaneConfig | undefined;
let index = new DnsIndex({ domain: 'cluster.local', services: [] });
const proxies = new ServiceProxies(log);
const dns = new DnsServer(() => index, log);
const api = new ApiForwarder(log);
const tunnel = new TunnelServer(() => config?.token ?? '\0', proxies, log, api);
let dnsListening = false;

function load(): void {
  let next: DataplaneConfig;
  try {
    next = JSON.parse(readFileSync(file, 'utf8')) as DataplaneConfig;
  } catch {
    return; // absent or being replaced: the next change brings it
  }
  if (config && next.generation === config.generation) return;
  config = next;
  index = new DnsIndex(next);
  proxies.apply(next);
  log(`configuration ${next.generation}: ${next.services.length} services`);
  if (!dnsListening) {
    dnsListening = true;
    dns.listen(next.dnsIP).catch((e: Error) => {
      dnsListening = false;
      log(`dns: ${e.message}`);
    });
  }
}

await tunnel.listen(TUNNEL_PORT);
await api.listen(API_FORWARD_PORT);
load();
watchFile(file, { interval: 100 }, () => load());
log(`kbx data plane listening (tunnel :${TUNNEL_PORT}, API forward :${API_FORWARD_PORT})`);
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => process.exit(0));
