// The API server's own metrics at /metrics, in the Prometheus text format (version 0.0.4), with the
// names and labels of k8s.io/apiserver's endpoints/metrics: apiserver_request_total,
// apiserver_request_duration_seconds (a histogram with its buckets), apiserver_current_inflight_requests,
// apiserver_longrunning_requests, apiserver_storage_objects, and the process_* metrics. Pure but for
// the counters it holds; the server feeds it one observation per request.
import type { RequestInfo } from './request-info.js';

/** k8s.io/apiserver's requestLatencies buckets (seconds). */
export const DURATION_BUCKETS = [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];

export interface RequestLabels {
  verb: string;
  dry_run: string;
  group: string;
  version: string;
  resource: string;
  subresource: string;
  scope: string;
  component: string;
}

/** A finished request, as the server saw it. */
export interface Observation {
  method: string;
  info: RequestInfo;
  /** The API version in the path ('' for a non-resource path). */
  version: string;
  /** dryRun=All was asked. */
  dryRun: boolean;
  /** The request's Content-Type (an apply patch is verb APPLY). */
  contentType?: string;
  code: number;
  seconds: number;
}

/**
 * The labels of a request (metrics.CleanVerb, CleanScope): the verb upper-cased as the metrics name it
 * (LIST, WATCH, APPLY, CONNECT, DELETECOLLECTION), the scope `resource`/`namespace`/`cluster`; a
 * non-resource request has its path as subresource and no scope.
 */
export function requestLabels(o: Omit<Observation, 'code' | 'seconds'>): RequestLabels {
  const i = o.info;
  if (!i.resourceRequest) {
    return { verb: o.method.toUpperCase(), dry_run: '', group: '', version: '', resource: '', subresource: i.path ?? '', scope: '', component: 'apiserver' };
  }
  let verb = (i.verb ?? o.method).toUpperCase();
  if (verb === 'PATCH' && /^application\/apply-patch\+(yaml|cbor)/.test(o.contentType ?? '')) verb = 'APPLY';
  if (i.resource === 'pods' && ['exec', 'attach', 'portforward'].includes(i.subresource ?? '')) verb = 'CONNECT';
  if (verb === 'CREATE') verb = 'POST';
  if (verb === 'UPDATE') verb = 'PUT';
  const scope = i.name ? 'resource' : i.namespace ? 'namespace' : 'cluster';
  return {
    verb,
    dry_run: o.dryRun ? 'All' : '',
    group: i.apiGroup ?? '',
    version: o.version,
    resource: i.resource ?? '',
    subresource: i.subresource ?? '',
    scope,
    component: 'apiserver',
  };
}

/** Prometheus' label value escaping (backslash, double quote, newline). */
function escape(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `{a="1",b="2"}`, labels sorted by name as client_golang writes them. */
export function labelText(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? `{${keys.map((k) => `${k}="${escape(labels[k]!)}"`).join(',')}}` : '';
}

/** A float as Go's strconv.FormatFloat(v, 'g', -1, 64) writes it for Prometheus (1e-05, 0.005, +Inf). */
export function promNumber(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) return 'NaN';
  if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = v.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(v);
}

interface Histogram {
  labels: Record<string, string>;
  counts: number[];
  sum: number;
  count: number;
}

export interface ProcessStats {
  startTimeSeconds: number;
  residentBytes: number;
  cpuSeconds: number;
  /** Stored objects by resource (`pods`, `deployments.apps`). */
  objects: Record<string, number>;
}

export class ApiMetrics {
  private readonly totals = new Map<string, { labels: Record<string, string>; value: number }>();
  private readonly durations = new Map<string, Histogram>();
  private inflight = { readOnly: 0, mutating: 0 };
  private readonly longrunning = new Map<string, { labels: Record<string, string>; value: number }>();

  /** A request began: counted in flight until `finished` (long-running ones, watches and streams, apart). */
  started(method: string, longRunning?: Record<string, string>): () => void {
    const kind = method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'readOnly' : 'mutating';
    if (longRunning) {
      const key = labelText(longRunning);
      const e = this.longrunning.get(key) ?? { labels: longRunning, value: 0 };
      e.value++;
      this.longrunning.set(key, e);
      return () => {
        e.value--;
      };
    }
    this.inflight[kind]++;
    return () => {
      this.inflight[kind]--;
    };
  }

  observe(o: Observation): void {
    const labels = requestLabels(o);
    const withCode = { ...labels, code: String(o.code) };
    const tk = labelText(withCode);
    const t = this.totals.get(tk) ?? { labels: withCode, value: 0 };
    t.value++;
    this.totals.set(tk, t);
    // Watches and streams are not in the latency histogram (the API server leaves long-running requests out).
    if (labels.verb === 'WATCH' || labels.verb === 'CONNECT') return;
    const hk = labelText(labels as unknown as Record<string, string>);
    const h = this.durations.get(hk) ?? { labels: labels as unknown as Record<string, string>, counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
    DURATION_BUCKETS.forEach((b, i) => {
      if (o.seconds <= b) h.counts[i]!++;
    });
    h.sum += o.seconds;
    h.count++;
    this.durations.set(hk, h);
  }

  /** The exposition text, families in name order, series in label order. */
  render(p: ProcessStats): string {
    const out: string[] = [];
    const family = (name: string, help: string, type: string, lines: string[]) => {
      if (lines.length) out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines);
    };
    const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    family('apiserver_current_inflight_requests', '[STABLE] Maximal number of currently used inflight request limit of this apiserver per request kind in last second.', 'gauge', [
      `apiserver_current_inflight_requests{request_kind="mutating"} ${this.inflight.mutating}`,
      `apiserver_current_inflight_requests{request_kind="readOnly"} ${this.inflight.readOnly}`,
    ]);
    family('apiserver_longrunning_requests', '[STABLE] Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component. Not all requests are tracked this way.', 'gauge',
      sorted(this.longrunning).map((e) => `apiserver_longrunning_requests${labelText(e.labels)} ${e.value}`));
    const hist: string[] = [];
    for (const h of sorted(this.durations)) {
      // expfmt writes `le` after the series' own (sorted) labels.
      const le = (v: string) => `${labelText(h.labels).slice(0, -1)},le="${v}"}`;
      DURATION_BUCKETS.forEach((b, i) => hist.push(`apiserver_request_duration_seconds_bucket${le(promNumber(b))} ${h.counts[i]}`));
      hist.push(`apiserver_request_duration_seconds_bucket${le('+Inf')} ${h.count}`);
      hist.push(`apiserver_request_duration_seconds_sum${labelText(h.labels)} ${promNumber(h.sum)}`);
      hist.push(`apiserver_request_duration_seconds_count${labelText(h.labels)} ${h.count}`);
    }
    family('apiserver_request_duration_seconds', '[STABLE] Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.', 'histogram', hist);
    family('apiserver_request_total', '[STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.', 'counter',
      sorted(this.totals).map((e) => `apiserver_request_total${labelText(e.labels)} ${e.value}`));
    family('apiserver_storage_objects', '[STABLE] Number of stored objects at the time of last check split by kind. In case of a fetching error, the value will be -1.', 'gauge',
      Object.keys(p.objects).sort().map((r) => `apiserver_storage_objects${labelText({ resource: r })} ${p.objects[r]}`));
    family('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', 'counter', [`process_cpu_seconds_total ${promNumber(p.cpuSeconds)}`]);
    family('process_resident_memory_bytes', 'Resident memory size in bytes.', 'gauge', [`process_resident_memory_bytes ${p.residentBytes}`]);
    family('process_start_time_seconds', 'Start time of the process since unix epoch in seconds.', 'gauge', [`process_start_time_seconds ${promNumber(p.startTimeSeconds)}`]);
    return out.join('\n') + '\n';
  }
}
