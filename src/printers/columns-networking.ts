// Server-side Table columns of Ingress and IngressClass (printers.go printIngress, printIngressClass).
// PORTS is kubectl's "80" / "80, 443" when kbx serves on the standard ports; when it had to take
// other ports (80 not bindable), the ones it listens on, from status.loadBalancer.ingress[].ports.
import type { KObject, TableColumnDefinition } from '../api/types.js';
import { age, ageCol, col, loadBalancerStatusStringer, nameCol, type KindPrinter } from './columns.js';
import { formatLabelSelector } from '../api/selectors.js';

type Obj = Record<string, any>;

/** formatHosts: the first three hosts, `+ N more...`, `*` when no rule names one. */
export function formatIngressHosts(rules: Obj[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const r of rules ?? []) {
    if (list.length === max) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (!list.length) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - max} more...` : list.join(',');
}

/** The ports the Ingress is served on: the status' ports when the controller reported any, else 80 (and 443 with TLS). */
export function formatIngressPorts(obj: KObject): string {
  const spec = (obj.spec ?? {}) as Obj;
  const tls = ((spec.tls ?? []) as Obj[]).length > 0;
  const reported = new Set<number>();
  for (const i of ((obj.status as Obj | undefined)?.loadBalancer?.ingress ?? []) as Obj[]) for (const p of (i.ports ?? []) as Obj[]) if (p.port) reported.add(p.port);
  if (reported.size) return [...reported].slice(0, tls ? 2 : 1).join(', ');
  return tls ? '80, 443' : '80';
}

export const INGRESS_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
  col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
  col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
  col('Ports', 'string', 'Ports of TLS configurations that open'),
  ageCol(),
];

export const INGRESS_PRINTER: KindPrinter = {
  columns: INGRESS_COLUMNS,
  row: (o, now) => {
    const spec = (o.spec ?? {}) as Obj;
    const address = loadBalancerStatusStringer((o.status as Obj | undefined)?.loadBalancer?.ingress);
    return { cells: [o.metadata.name, spec.ingressClassName ?? '<none>', formatIngressHosts(spec.rules), address, formatIngressPorts(o), age(o, now)] };
  },
};

/** `Kind/name`, `Kind.group/name`, `<none>`. */
export function ingressClassParameters(spec: Obj | undefined): string {
  const p = spec?.parameters as Obj | undefined;
  if (!p) return '<none>';
  return p.apiGroup ? `${p.kind}.${p.apiGroup}/${p.name}` : `${p.kind}/${p.name}`;
}

export const INGRESSCLASS_PRINTER: KindPrinter = {
  columns: [
    nameCol(),
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageCol(),
  ],
  row: (o, now) => ({ cells: [o.metadata.name, (o.spec as Obj | undefined)?.controller ?? '', ingressClassParameters(o.spec as Obj | undefined), age(o, now)] }),
};

export const NETWORKPOLICY_PRINTER: KindPrinter = {
  columns: [
    nameCol(),
    col(
      'Pod-Selector',
      'string',
      'podSelector selects the pods to which this NetworkPolicy object applies. The array of rules is applied to any pods selected by this field. An empty selector matches all pods in the policy\'s namespace. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is optional. If it is not specified, it defaults to an empty selector.',
    ),
    ageCol(),
  ],
  row: (o, now) => ({ cells: [o.metadata.name, formatLabelSelector((o.spec as Obj | undefined)?.podSelector ?? {}), age(o, now)] }),
};
