// Pure: the Docker-links-style environment variables Kubernetes gives a container for every Service of its
// namespace that exists when it starts (pkg/kubelet/envvars: FromServices). Headless and ExternalName services
// have none.
import type { KObject } from '../api/types.js';

type Obj = Record<string, any>;

const envName = (s: string): string => s.toUpperCase().replace(/-/g, '_');

export function serviceEnv(services: KObject[]): string[] {
  const out: string[] = [];
  const sorted = [...services].sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
  for (const svc of sorted) {
    const spec = (svc.spec ?? {}) as Obj;
    const ip = spec.clusterIP as string | undefined;
    if (!ip || ip === 'None' || spec.type === 'ExternalName') continue;
    const ports = (spec.ports ?? []) as Obj[];
    if (!ports.length) continue;
    const name = envName(svc.metadata.name!);
    out.push(`${name}_SERVICE_HOST=${ip}`, `${name}_SERVICE_PORT=${ports[0]!.port}`);
    for (const p of ports) if (p.name) out.push(`${name}_SERVICE_PORT_${envName(p.name)}=${p.port}`);
    const first = ports[0]!;
    out.push(`${name}_PORT=${String(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`);
    for (const p of ports) {
      const proto = String(p.protocol ?? 'TCP');
      const prefix = `${name}_PORT_${p.port}_${proto.toUpperCase()}`;
      out.push(`${prefix}=${proto.toLowerCase()}://${ip}:${p.port}`, `${prefix}_PROTO=${proto.toLowerCase()}`, `${prefix}_PORT=${p.port}`, `${prefix}_ADDR=${ip}`);
    }
  }
  return out;
}
