// Parsers for /proc/<pid>/status and /proc/<pid>/stat text (the benchmark's memory and CPU figures).

/** Resident set size in MiB from /proc/<pid>/status (`VmRSS:  123456 kB`); NaN when absent. */
export function rssMiB(statusText: string): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(statusText)?.[1];
  return kb === undefined ? NaN : Number(kb) / 1024;
}

/**
 * CPU time used so far (user + system, in clock ticks) from /proc/<pid>/stat. The command name (field 2)
 * may contain spaces and parentheses, so fields are counted from the last `)`.
 */
export function cpuTicks(statText: string): number {
  const rest = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  return Number(rest[11]) + Number(rest[12]);
}

/** Percent of one core used between two cpuTicks() readings `ms` milliseconds apart. */
export function cpuPercent(ticksBefore: number, ticksAfter: number, ms: number, ticksPerSecond = 100): number {
  return ((ticksAfter - ticksBefore) / ticksPerSecond / (ms / 1000)) * 100;
}
