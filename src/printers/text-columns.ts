// Column alignment as kubectl's tabwriter does it (padding 3, left aligned, no trailing spaces).
export function renderColumns(rows: string[][], padding = 3): string {
  if (!rows.length) return '';
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length + padding))).join(''))
    .join('\n') + '\n';
}
