// kbx proxy's pure parts: kubectl's default filter and the API prefix.
import { describe, it, expect } from 'vitest';
import { allowed, apiPath, normalizePrefix } from '../../src/cli/commands/proxy.js';

describe('proxy', () => {
  it.each([
    ['localhost:8001', '/api/v1/pods', true],
    ['127.0.0.1:8001', '/api', true],
    ['[::1]:8001', '/api', true],
    ['evil.example:8001', '/api', false],
    ['localhost:8001', '/api/v1/namespaces/default/pods/x/exec', false],
    ['localhost:8001', '/api/v1/namespaces/default/pods/x/attach', false],
    ['localhost:8001', '/api/v1/namespaces/default/pods/x/log', true],
  ])('%s %s', (host, p, want) => expect(allowed(host, p)).toBe(want));

  it('the API prefix', () => {
    expect(normalizePrefix('k8s')).toBe('/k8s/');
    expect(apiPath('/api/v1/pods?watch=1', '/')).toBe('/api/v1/pods?watch=1');
    expect(apiPath('/k8s/api/v1/pods', '/k8s')).toBe('/api/v1/pods');
    expect(apiPath('/k8s', '/k8s/')).toBe('/');
    expect(apiPath('/static/x', '/k8s/')).toBeUndefined();
  });
});
