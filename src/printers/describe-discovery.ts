// `kubectl describe endpointslice` (kubectl v1.35 pkg/describe/describe.go describeEndpointSliceV1):
// address type, a Name/Port/Protocol table, and per endpoint its addresses, Ready condition,
// hostname, target, node and zone (`<unset>` for what is absent).
import type { EventObject, KObject } from '../api/types.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, writeEvents, type DescribeContext } from './describe.js';

type Obj = Record<string, any>;

export function describeEndpointSlice(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const o = obj as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
  w.write(0, `AddressType:\t${o.addressType ?? ''}\n`);
  const ports: Obj[] = o.ports ?? [];
  if (!ports.length) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) {
      const name = typeof p.name === 'string' && p.name ? p.name : '<unset>';
      const port = typeof p.port === 'number' ? String(p.port) : '<unset>';
      w.write(1, `${name}\t${port}\t${p.protocol ?? ''}\n`);
    }
  }
  const endpoints: Obj[] = o.endpoints ?? [];
  if (!endpoints.length) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const ep of endpoints) {
      const addrs = ((ep.addresses ?? []) as string[]).join(', ');
      w.write(1, `- Addresses:\t${addrs || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = ep.conditions?.ready;
      w.write(3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`);
      w.write(2, `Hostname:\t${typeof ep.hostname === 'string' ? ep.hostname : '<unset>'}\n`);
      if (ep.targetRef) w.write(2, `TargetRef:\t${ep.targetRef.kind ?? ''}/${ep.targetRef.name ?? ''}\n`);
      w.write(2, `NodeName:\t${typeof ep.nodeName === 'string' ? ep.nodeName : '<unset>'}\n`);
      w.write(2, `Zone:\t${typeof ep.zone === 'string' ? ep.zone : '<unset>'}\n`);
    }
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
