// Client-side tables kubectl prints itself (api-resources, events): cells joined by tabs and aligned
// by its GetNewTabWriter (minwidth 6, padding 3), so the Go tabwriter rules apply as they do to
// `get`: the last cell is never padded, an empty last cell leaves the padding before it.
import { REMEMBER_WIDTHS, tabify } from '../compat/tabwriter.js';

export function renderColumns(rows: string[][], padding = 3): string {
  if (!rows.length) return '';
  return tabify(rows.map((r) => r.join('\t')).join('\n') + '\n', 6, 4, padding, REMEMBER_WIDTHS);
}
