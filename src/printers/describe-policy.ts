// kubectl describe limitrange (LimitRangeDescriber / describeLimitRangeSpec).
import type { EventObject, KObject } from '../api/types.js';
import { PrefixWriter, type DescribeContext } from './describe.js';
import { canonicalQuantity } from '../api/quantity.js';

type Obj = Record<string, any>;

export function describeLimitRange(obj: KObject, _e: EventObject[] | undefined, _ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const item of (((obj as Obj).spec?.limits ?? []) as Obj[])) {
    const names = new Set<string>();
    for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) names.add(k);
    const cell = (f: string, k: string) => (item[f]?.[k] !== undefined ? canonicalQuantity(item[f][k]) : '-');
    for (const k of [...names].sort()) {
      w.write(0, `${item.type}\t${k}\t${cell('min', k)}\t${cell('max', k)}\t${cell('defaultRequest', k)}\t${cell('default', k)}\t${cell('maxLimitRequestRatio', k)}\n`);
    }
  }
  return w.toString();
}

/** kubectl describe quota (ResourceQuotaDescriber). */
export function describeResourceQuota(obj: KObject, _e: EventObject[] | undefined, _ctx: DescribeContext): string {
  const st = ((obj as Obj).status ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const hard = (st.hard ?? {}) as Record<string, string>;
  for (const k of Object.keys(hard).sort()) w.write(0, `${k}\t${canonicalQuantity(st.used?.[k] ?? 0)}\t${canonicalQuantity(hard[k]!)}\n`);
  return w.toString();
}
