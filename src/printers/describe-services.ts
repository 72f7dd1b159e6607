// `kubectl describe service` (kubectl v1.35 pkg/describe/describe.go describeService and
// formatEndpointSlices). kbx keeps legacy Endpoints rather than EndpointSlices: the Endpoints
// object of the Service comes in ctx.related.endpoints (null when there is none) and is read as
// kubectl reads the slices: every endpoint (ready or not) of the port with the Service port's name.
import type { EventObject, KObject } from '../api/types.js';
import { PrefixWriter, byKey, describeEvents, printAnnotationsMultiline, printLabelsMultiline, type DescribeContext } from './describe.js';

type Obj = Record<string, any>;

/** labels.FormatLabels: sorted `k=v,k2=v2`, `<none>` when empty. */
function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort(byKey);
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

/**
 * formatEndpointSlices over an Endpoints object: `ip:port` for every endpoint of the port named
 * like the Service port (all ports when `portName` is undefined), three at most then `+ N more...`;
 * `<none>` when there is no Endpoints object, empty when it lists nothing.
 */
export function formatServiceEndpoints(ep: KObject | null | undefined, portName: string | undefined): string {
  if (!ep) return '<none>';
  const list: string[] = [];
  const max = 3;
  let count = 0;
  const add = (s: string) => {
    if (list.length < max) list.push(s);
    count++;
  };
  for (const subset of ((ep as Obj).subsets ?? []) as Obj[]) {
    const addrs = [...(subset.addresses ?? []), ...(subset.notReadyAddresses ?? [])] as Obj[];
    const ports = (subset.ports ?? []) as Obj[];
    if (!ports.length) {
      for (const a of addrs) add(a.ip);
      continue;
    }
    for (const p of ports) {
      if (portName !== undefined && (p.name ?? '') !== portName) continue;
      for (const a of addrs) add(String(a.ip).includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
    }
  }
  const ret = list.join(',');
  return count > max ? `${ret} + ${count - max} more...` : ret;
}

function ingressString(ingress: Obj[]): string {
  return ingress
    .map((i) => {
      let s = i.ip || i.hostname || '';
      if (i.ipMode) s += ` (${i.ipMode})`;
      return s;
    })
    .join(', ');
}

export function describeService(svc: KObject, endpoints: KObject | null | undefined, events: EventObject[] | undefined, now: number): string {
  const w = new PrefixWriter();
  const spec = (svc.spec ?? {}) as Obj;
  const status = (svc.status ?? {}) as Obj;
  w.write(0, `Name:\t${svc.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  if (status.loadBalancer?.ingress?.length) w.write(0, `LoadBalancer Ingress:\t${ingressString(status.loadBalancer.ingress)}\n`);
  const ports = (spec.ports ?? []) as Obj[];
  for (const sp of ports) {
    const name = sp.name || '<unset>';
    w.write(0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
    w.write(0, `Endpoints:\t${formatServiceEndpoints(endpoints, sp.name ?? '')}\n`);
  }
  if (!ports.length) w.write(0, `Endpoints:\t${formatServiceEndpoints(endpoints, undefined)}\n`);
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  if (events === undefined) return w.toString();
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n');
    return w.toString();
  }
  return w.toString() + describeEvents(events, now);
}

/** The Describer registered for kind Service. */
export function describeServiceWithContext(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const related = (ctx.related ?? {}) as { endpoints?: KObject | null };
  return describeService(obj, related.endpoints, events, ctx.now);
}
