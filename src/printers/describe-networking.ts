// `kubectl describe ingress` and `describe ingressclass` (kubectl pkg/describe/describe.go
// describeIngressV1, describeBackendV1, describeIngressTLSV1, IngressClassDescriber). The
// namespace's Services and Endpoints come in ctx.related (kbx keeps legacy Endpoints; they are read
// as kubectl reads the EndpointSlices of the Service).
import type { EventObject, KObject } from '../api/types.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, writeEvents, type DescribeContext } from './describe.js';
import { formatServiceEndpoints } from './describe-services.js';
import { loadBalancerStatusStringer } from './columns.js';
import { formatLabelSelector } from '../api/selectors.js';

type Obj = Record<string, any>;

export interface IngressRelated {
  services?: KObject[];
  endpoints?: KObject[];
}

/** serviceBackendStringer: `name:port`. */
function serviceBackend(s: Obj): string {
  const port = s.port?.number ? String(s.port.number) : (s.port?.name ?? '');
  return `${s.name}:${port}`;
}

export function describeIngressBackend(backend: Obj, related: IngressRelated): string {
  if (backend.service) {
    const sb = serviceBackend(backend.service);
    const svc = related.services?.find((s) => s.metadata.name === backend.service.name);
    if (!svc) return `${sb} (<error: services "${backend.service.name}" not found>)`;
    let spName = '';
    for (const sp of ((svc.spec as Obj | undefined)?.ports ?? []) as Obj[]) {
      if (backend.service.port?.number && backend.service.port.number === sp.port) spName = sp.name ?? '';
      else if (backend.service.port?.name && backend.service.port.name === sp.name) spName = sp.name ?? '';
    }
    const ep = related.endpoints?.find((e) => e.metadata.name === backend.service.name);
    return `${sb} (${formatServiceEndpoints(ep, spName)})`;
  }
  if (backend.resource) {
    const r = backend.resource as Obj;
    return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return '';
}

export function describeIngress(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const related = (ctx.related ?? {}) as IngressRelated;
  const spec = (obj.spec ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(0, `Address:\t${loadBalancerStatusStringer((obj.status as Obj | undefined)?.loadBalancer?.ingress)}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const def = spec.defaultBackend ? describeIngressBackend(spec.defaultBackend, related) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  const tls = (spec.tls ?? []) as Obj[];
  if (tls.length) {
    w.write(0, 'TLS:\n');
    for (const t of tls) {
      const hosts = ((t.hosts ?? []) as string[]).join(',');
      w.write(1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const r of (spec.rules ?? []) as Obj[]) {
    if (!r.http) continue;
    count++;
    w.write(1, `${r.host || '*'}\t\n`);
    for (const p of (r.http.paths ?? []) as Obj[]) w.write(2, `\t${p.path ?? ''} \t${describeIngressBackend(p.backend ?? {}, related)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

export function describeIngressClass(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const spec = (obj.spec ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `Controller:\t${spec.controller ?? ''}\n`);
  if (spec.parameters) {
    w.write(0, 'Parameters:\n');
    if (spec.parameters.apiGroup != null) w.write(1, `APIGroup:\t${spec.parameters.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.parameters.kind}\n`);
    w.write(1, `Name:\t${spec.parameters.name}\n`);
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

/** Go's time.Time.String() in UTC ("2026-12-02 13:55:01 +0000 UTC"), as `Created on:` prints metav1.Time. */
function goTimeString(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ts).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '')} +0000 UTC`;
}

function printPolicyRules(w: PrefixWriter, rules: Obj[], dir: 'ingress' | 'egress'): void {
  const ind = '    ';
  const peersKey = dir === 'ingress' ? 'from' : 'to';
  const peerTitle = dir === 'ingress' ? 'From' : 'To';
  if (!rules.length) return w.write(0, `${ind}<none> (Selected pods are isolated for ${dir} connectivity)\n`);
  rules.forEach((r, i) => {
    const ports = (r.ports ?? []) as Obj[];
    if (!ports.length) w.write(0, `${ind}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port);
      w.write(0, p.endPort != null ? `${ind}To Port Range: ${port}-${p.endPort}/${p.protocol ?? 'TCP'}\n` : `${ind}To Port: ${port}/${p.protocol ?? 'TCP'}\n`);
    }
    const peers = (r[peersKey] ?? []) as Obj[];
    if (!peers.length) w.write(0, `${ind}${peerTitle}: <any> (traffic not restricted by ${dir === 'ingress' ? 'source' : 'destination'})\n`);
    for (const p of peers) {
      w.write(0, `${ind}${peerTitle}:\n`);
      if (p.podSelector && p.namespaceSelector) {
        w.write(1, `${ind}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
        w.write(1, `${ind}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
      } else if (p.podSelector) w.write(1, `${ind}PodSelector: ${formatLabelSelector(p.podSelector)}\n`);
      else if (p.namespaceSelector) w.write(1, `${ind}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`);
      else if (p.ipBlock) {
        w.write(1, `${ind}IPBlock:\n`);
        w.write(2, `${ind}CIDR: ${p.ipBlock.cidr}\n`);
        w.write(2, `${ind}Except: ${((p.ipBlock.except ?? []) as string[]).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${ind}----------\n`);
  });
}

/** describeNetworkPolicy and describeNetworkPolicySpec. */
export function describeNetworkPolicy(obj: KObject, _events: EventObject[] | undefined, _ctx: DescribeContext): string {
  const spec = (obj.spec ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(0, `Created on:\t${goTimeString(obj.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const sel = (spec.podSelector ?? {}) as Obj;
  if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else w.write(2, `${formatLabelSelector(sel)}\n`);
  const types = (spec.policyTypes ?? []) as string[];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    printPolicyRules(w, (spec.ingress ?? []) as Obj[], 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    printPolicyRules(w, (spec.egress ?? []) as Obj[], 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  // kubectl's NetworkPolicyDescriber prints no events.
  return w.toString();
}
