// What the control plane and the data-plane agent (one container per cluster on the cluster's Docker network)
// agree on. The agent gets everything it serves from one JSON file the control plane rewrites atomically;
// it imports nothing but Node's built-ins and the pure modules next to this one.
import type { PolicyTable } from './netpol-match.js';

/** Inside the agent's container: the directory the control plane's data-plane directory is mounted on. */
export const AGENT_CONFIG_DIR = '/run/kbx';
export const AGENT_CONFIG_FILE = 'dataplane.json';
/** The agent's tunnel port inside its container (published on the host's loopback at a port Docker picks). */
export const TUNNEL_PORT = 7000;
/** The agent's port for the `kubernetes` Service's endpoint: connections to it reach the API server (agent/api-forward.ts). */
export const API_FORWARD_PORT = 6443;
export const CLUSTER_DOMAIN = 'cluster.local';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface BackendAddress {
  ip: string;
  port: number;
}

export interface ServicePortConfig {
  name: string;
  port: number;
  protocol: Protocol;
  /** Ready endpoints only: traffic never goes to an unready pod. */
  backends: BackendAddress[];
}

export interface ServiceConfig {
  namespace: string;
  name: string;
  /** 'None' for a headless service; absent for ExternalName. */
  clusterIP?: string;
  externalName?: string;
  ports: ServicePortConfig[];
  /** Headless: the ready pods' IPs, which the service's name resolves to. */
  addresses: string[];
  /** Headless: pods with hostname+subdomain → `<hostname>.<svc>.<ns>.svc.<domain>`. */
  hostnames: Record<string, string>;
  /** sessionAffinity: ClientIP — a client keeps its backend for this long after its last connection. */
  affinitySeconds?: number;
}

export interface DataplaneConfig {
  /** Bumped on every write; the agent logs it. */
  generation: number;
  /** Shared secret of the tunnel. */
  token: string;
  domain: string;
  /** Where the agent serves DNS (the cluster DNS service IP, like kube-dns' 10.96.0.10). */
  dnsIP: string;
  /** The service CIDR: the agent accepts traffic for all of it. */
  serviceCIDR: string;
  services: ServiceConfig[];
  /** NetworkPolicy rules by pod IP, for Service connections (the agent re-dials them; see netpol-match.ts). */
  policies?: PolicyTable;
}
