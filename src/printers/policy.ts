// PodDisruptionBudget (policy/v1): kubectl's columns (printPodDisruptionBudget) and describer
// (PodDisruptionBudgetDescriber).
import type { EventObject, KObject, TableColumnDefinition } from '../api/types.js';
import { formatLabelSelector, type labelSelectorFromSpec } from '../api/selectors.js';
import { age, ageCol, col, nameCol, type PrintedRow } from './columns.js';
import { PrefixWriter, writeEvents, type DescribeContext } from './describe.js';

export const PDB_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Min Available', 'string', 'The minimum number of pods that must be available simultaneously.  This can be either an integer or percentage.'),
  col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable simultaneously.  This can be either an integer or percentage.'),
  col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
  ageCol(),
];

type Spec = { minAvailable?: number | string; maxUnavailable?: number | string; selector?: Parameters<typeof labelSelectorFromSpec>[0] };

export function printPdb(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as Spec;
  const st = (obj.status ?? {}) as { disruptionsAllowed?: number };
  return {
    cells: [obj.metadata.name ?? '', spec.minAvailable === undefined ? 'N/A' : String(spec.minAvailable), spec.maxUnavailable === undefined ? 'N/A' : String(spec.maxUnavailable), st.disruptionsAllowed ?? 0, age(obj, now)],
  };
}

export function describePdb(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const spec = (obj.spec ?? {}) as Spec;
  const st = (obj.status ?? {}) as { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; expectedPods?: number };
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st.expectedPods ?? 0}\n`);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
