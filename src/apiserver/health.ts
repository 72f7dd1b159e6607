// /healthz, /livez, /readyz as the API server answers them: `ok`, or with ?verbose one line per check and
// `<endpoint> check passed` (or failed, 500). kbx's checks: ping, log, etcd (the store accepts writes) and, for
// readiness, that the API is serving. ?exclude=<check> leaves a check out, as upstream.

export interface HealthCheck {
  name: string;
  /** undefined when healthy, else why not. */
  error?: string;
}

export function healthReport(endpoint: 'healthz' | 'livez' | 'readyz', checks: HealthCheck[], q: URLSearchParams): { code: number; text: string } {
  const excluded = new Set(q.getAll('exclude'));
  const run = checks.filter((c) => !excluded.has(c.name));
  const failed = run.filter((c) => c.error);
  const verbose = q.has('verbose');
  if (!verbose && !failed.length) return { code: 200, text: 'ok' };
  const lines = run.map((c) => (c.error ? `[-]${c.name} failed: reason withheld` : `[+]${c.name} ok`));
  for (const x of excluded) lines.push(`[+]${x} excluded: ok`);
  lines.push(failed.length ? `${endpoint} check failed` : `${endpoint} check passed`);
  return { code: failed.length ? 500 : 200, text: lines.join('\n') + '\n' };
}
