import { describe, expect, it } from 'vitest';
import { healthReport } from '../../src/apiserver/health.js';

describe('healthReport (/healthz, /livez, /readyz)', () => {
  const ok = [{ name: 'ping' }, { name: 'etcd' }];
  it('ok, and the verbose list', () => {
    expect(healthReport('readyz', ok, new URLSearchParams())).toEqual({ code: 200, text: 'ok' });
    expect(healthReport('livez', ok, new URLSearchParams('verbose'))).toEqual({ code: 200, text: '[+]ping ok\n[+]etcd ok\nlivez check passed\n' });
  });
  it('a failing check is 500 and named; exclude leaves it out', () => {
    const bad = [{ name: 'ping' }, { name: 'etcd', error: 'ENOSPC' }];
    expect(healthReport('readyz', bad, new URLSearchParams())).toEqual({ code: 500, text: '[+]ping ok\n[-]etcd failed: reason withheld\nreadyz check failed\n' });
    expect(healthReport('readyz', bad, new URLSearchParams('verbose&exclude=etcd'))).toEqual({ code: 200, text: '[+]ping ok\n[+]etcd excluded: ok\nreadyz check passed\n' });
  });
});
