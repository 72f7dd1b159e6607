// labels.FormatLabels, on its own so the table renderer (every `kbx get`) does not load the column printers.
import { compareGoStrings } from '../compat/go-format.js';

/** labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareGoStrings);
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}
