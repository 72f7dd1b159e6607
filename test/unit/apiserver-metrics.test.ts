// /metrics: k8s.io/apiserver's request metrics (names, labels, buckets) in the Prometheus text format.
import { describe, expect, it } from 'vitest';
import { ApiMetrics, labelText, promNumber, requestLabels, DURATION_BUCKETS } from '../../src/apiserver/metrics.js';
import { requestInfo } from '../../src/apiserver/request-info.js';

const obs = (method: string, path: string, query = '', extra: { contentType?: string; dryRun?: boolean } = {}) => {
  const q = new URLSearchParams(query);
  const info = requestInfo(method, path, q);
  const version = info.resourceRequest ? path.split('/')[info.apiGroup ? 3 : 2]! : '';
  return { method, info, version, dryRun: !!extra.dryRun, contentType: extra.contentType };
};

describe('request labels (CleanVerb, scope)', () => {
  it.each([
    ['GET', '/api/v1/namespaces/default/pods', '', { verb: 'LIST', scope: 'namespace', resource: 'pods', version: 'v1', group: '' }],
    ['GET', '/api/v1/pods', 'watch=true', { verb: 'WATCH', scope: 'cluster' }],
    ['GET', '/apis/apps/v1/namespaces/default/deployments/web', '', { verb: 'GET', scope: 'resource', group: 'apps', resource: 'deployments' }],
    ['POST', '/api/v1/namespaces/default/pods', '', { verb: 'POST' }],
    ['PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', '', { verb: 'PUT', subresource: 'scale' }],
    ['DELETE', '/api/v1/namespaces/default/pods', '', { verb: 'DELETECOLLECTION' }],
    ['GET', '/healthz', '', { verb: 'GET', subresource: '/healthz', resource: '', scope: '' }],
  ])('%s %s?%s', (method, path, query, want) => {
    expect(requestLabels(obs(method, path, query))).toMatchObject(want);
  });

  it('an apply patch is APPLY; dryRun=All is dry_run="All"', () => {
    expect(requestLabels(obs('PATCH', '/api/v1/namespaces/d/pods/p', '', { contentType: 'application/apply-patch+yaml', dryRun: true }))).toMatchObject({ verb: 'APPLY', dry_run: 'All' });
  });
});

describe('exposition format', () => {
  it('labels sorted and escaped; numbers as Go writes them', () => {
    expect(labelText({ verb: 'GET', code: '200', path: 'a"b\\c\nd' })).toBe('{code="200",path="a\\"b\\\\c\\nd",verb="GET"}');
    expect([0.005, 1, 1.25, 60, Infinity, 1e-7].map(promNumber)).toEqual(['0.005', '1', '1.25', '60', '+Inf', '1e-07']);
  });

  it('counts requests by code and a latency histogram with the API server\'s buckets', () => {
    const m = new ApiMetrics();
    const list = obs('GET', '/api/v1/namespaces/default/pods');
    m.observe({ ...list, code: 200, seconds: 0.003 });
    m.observe({ ...list, code: 200, seconds: 0.3 });
    m.observe({ ...list, code: 403, seconds: 0.001 });
    m.observe({ ...obs('GET', '/api/v1/pods', 'watch=true'), code: 200, seconds: 30 });
    const text = m.render({ startTimeSeconds: 1700000000.5, residentBytes: 1024, cpuSeconds: 0.25, objects: { pods: 2 } });
    const L = 'component="apiserver",dry_run="",group="",resource="pods",scope="namespace",subresource="",verb="LIST",version="v1"';
    expect(text).toContain('# HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.\n# TYPE apiserver_request_total counter\n');
    expect(text).toContain(`apiserver_request_total{code="200",${L}} 2\n`);
    expect(text).toContain(`apiserver_request_total{code="403",${L}} 1\n`);
    expect(text).toContain('# TYPE apiserver_request_duration_seconds histogram\n');
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{${L},le="0.005"} 2\n`);
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{${L},le="0.2"} 2\n`);
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{${L},le="0.4"} 3\n`);
    expect(text).toContain(`apiserver_request_duration_seconds_bucket{${L},le="+Inf"} 3\n`);
    expect(text).toContain(`apiserver_request_duration_seconds_count{${L}} 3\n`);
    expect(text.match(/apiserver_request_duration_seconds_bucket\{[^}]*verb="LIST"/g)).toHaveLength(DURATION_BUCKETS.length + 1);
    // Watches are counted, not timed.
    expect(text).toContain('verb="WATCH",version="v1"} 1\n');
    expect(text).not.toMatch(/duration_seconds_count\{[^}]*WATCH/);
    expect(text).toContain('apiserver_storage_objects{resource="pods"} 2\n');
    expect(text).toContain('process_start_time_seconds 1700000000.5\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('in-flight and long-running gauges', () => {
    const m = new ApiMetrics();
    const done = m.started('POST');
    const watch = m.started('GET', { verb: 'WATCH', resource: 'pods' });
    let t = m.render({ startTimeSeconds: 0, residentBytes: 0, cpuSeconds: 0, objects: {} });
    expect(t).toContain('apiserver_current_inflight_requests{request_kind="mutating"} 1\n');
    expect(t).toContain('apiserver_longrunning_requests{resource="pods",verb="WATCH"} 1\n');
    done();
    watch();
    t = m.render({ startTimeSeconds: 0, residentBytes: 0, cpuSeconds: 0, objects: {} });
    expect(t).toContain('apiserver_current_inflight_requests{request_kind="mutating"} 0\n');
  });
});
