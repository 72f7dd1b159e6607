// api-versions and get --raw, their pure parts.
import { describe, it, expect } from 'vitest';
import { groupVersions } from '../../src/cli/commands/api-versions.js';
import { rawError, rawPath } from '../../src/cli/commands/get-raw.js';

describe('api-versions', () => {
  it('lists core and group versions, sorted', () => {
    expect(groupVersions({ versions: ['v1'] }, { groups: [{ versions: [{ groupVersion: 'batch/v1' }] }, { versions: [{ groupVersion: 'apps/v1' }] }] })).toEqual(['apps/v1', 'batch/v1', 'v1']);
  });
});

describe('get --raw', () => {
  it.each([
    [['x'], undefined, '/api', 'arguments may not be passed when --raw is specified'],
    [[], 'yaml', '/api', '--raw and --output are mutually exclusive'],
    [[], undefined, 'api', '--raw must be a valid URL path: parse "api": invalid URI for request'],
  ])('refuses %j %s %s', (args, output, raw, message) => expect(() => rawPath(raw, args, output)).toThrow(message));

  it('errors: the Status the server sent, else one for the HTTP code', () => {
    expect(rawError(404, JSON.stringify({ kind: 'Status', reason: 'NotFound', message: 'configmaps "x" not found', code: 404 })).status.message).toBe('configmaps "x" not found');
    expect(rawError(404, '404 page not found').status).toMatchObject({ reason: 'NotFound', message: 'the server could not find the requested resource' });
  });
});
