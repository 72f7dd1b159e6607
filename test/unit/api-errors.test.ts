import { describe, it, expect } from 'vitest';
import * as errors from '../../src/api/errors.js';
import {
  type FieldError,
  aggregateMessage,
  causeReason,
  duplicate,
  errorBody,
  forbidden,
  formatFieldError,
  internalError,
  invalid,
  notFound,
  notSupported,
  required,
  tooLong,
  tooMany,
} from '../../src/api/field-errors.js';
import { goQuote } from '../../src/compat/go-format.js';

describe('field errors render like apimachinery ErrorBody/Error', () => {
  const cases: [string, FieldError, string][] = [
    ['invalid string', invalid('metadata.name', 'My_Pod', 'bad'), 'metadata.name: Invalid value: "My_Pod": bad'],
    ['invalid number is bare', invalid('spec.containers[0].ports[0].containerPort', 70000, 'must be between 1 and 65535, inclusive'), 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ['invalid bool', invalid('x', true, 'd'), 'x: Invalid value: true: d'],
    ['invalid object as JSON', invalid('x', { a: 1, b: 'c' }, 'd'), 'x: Invalid value: {"a":1,"b":"c"}: d'],
    ['invalid list as JSON', invalid('values', [], 'empty'), 'values: Invalid value: []: empty'],
    ['invalid null', invalid('spec.activeDeadlineSeconds', null, 'd'), 'spec.activeDeadlineSeconds: Invalid value: null: d'],
    ['JSON escapes HTML like Go', invalid('x', { a: '<&>' }, 'd'), 'x: Invalid value: {"a":"\\u003c\\u0026\\u003e"}: d'],
    ['required without detail', required('spec.containers'), 'spec.containers: Required value'],
    ['required with detail', required('metadata.name', 'name or generateName is required'), 'metadata.name: Required value: name or generateName is required'],
    [
      'unsupported lists quoted values',
      notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    ['duplicate', duplicate('spec.containers[1].name', 'a'), 'spec.containers[1].name: Duplicate value: "a"'],
    ['not found', notFound('spec.containers[0].volumeMounts[0].name', 'data'), 'spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ['forbidden', forbidden('spec', 'nope'), 'spec: Forbidden: nope'],
    ['too long hides the value', tooLong('metadata.annotations', 262144), 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    ['too long singular', tooLong('x', 1), 'x: Too long: may not be more than 1 byte'],
    ['too many', tooMany('x', 5, 3), 'x: Too many: 5: must have at most 3 items'],
    ['too many without count', tooMany('x', -1, 1), 'x: Too many: must have at most 1 item'],
    ['internal', internalError('x', 'boom'), 'x: Internal error: boom'],
  ];
  it.each(cases)('%s', (_n, e, want) => {
    expect(formatFieldError(e)).toBe(want);
  });

  it('errorBody omits the field', () => {
    expect(errorBody(required('spec.containers[0].image'))).toBe('Required value');
  });

  it.each([
    ['plain', 'abc', '"abc"'],
    ['quote and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['whitespace escapes', 'a\tb\nc\r', '"a\\tb\\nc\\r"'],
    ['control byte', '\x01', '"\\x01"'],
    ['DEL', '\x7f', '"\\x7f"'],
    ['printable unicode kept', 'héllo ☃', '"héllo ☃"'],
    ['non-breaking space escaped', '\u00a0', '"\\u00a0"'],
  ])('goQuote %s', (_n, s, want) => {
    expect(goQuote(s)).toBe(want);
  });

  it.each([
    ['Invalid', 'FieldValueInvalid'],
    ['Required', 'FieldValueRequired'],
    ['Unsupported', 'FieldValueNotSupported'],
    ['Forbidden', 'FieldValueForbidden'],
    ['Duplicate', 'FieldValueDuplicate'],
    ['NotFound', 'FieldValueNotFound'],
    ['TooLong', 'FieldValueTooLong'],
    ['TooMany', 'FieldValueTooMany'],
  ] as const)('cause reason of %s', (t, want) => {
    expect(causeReason(t)).toBe(want);
  });

  it('aggregates: one bare, several bracketed, duplicates collapsed', () => {
    const a = required('a');
    const b = required('b');
    expect(aggregateMessage([])).toBe('');
    expect(aggregateMessage([a])).toBe('a: Required value');
    expect(aggregateMessage([a, b])).toBe('[a: Required value, b: Required value]');
    expect(aggregateMessage([a, a])).toBe('a: Required value');
    expect(aggregateMessage([a, b, a])).toBe('[a: Required value, b: Required value]');
  });
});

describe('status errors match apimachinery errors.go', () => {
  it('notFound for a core resource', () => {
    const e = errors.notFound('pods', 'x');
    expect(e).toBeInstanceOf(errors.ApiError);
    expect(e.code).toBe(404);
    expect(e.message).toBe('pods "x" not found');
    expect(e.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "x" not found',
      reason: 'NotFound',
      details: { name: 'x', kind: 'pods' },
      code: 404,
    });
    // Key order as the apiserver writes it.
    expect(Object.keys(e.status)).toEqual(['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code']);
  });

  it('notFound for a grouped resource, string or registry entry', () => {
    const e = errors.notFound('deployments.apps', 'web');
    expect(e.message).toBe('deployments.apps "web" not found');
    expect(e.status.details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
    expect(errors.notFound({ plural: 'deployments', group: 'apps' }, 'web').status).toEqual(e.status);
  });

  it.each([
    ['alreadyExists', () => errors.alreadyExists('pods', 'x'), 409, 'AlreadyExists', 'pods "x" already exists'],
    [
      'conflict default detail',
      () => errors.conflict('deployments.apps', 'web'),
      409,
      'Conflict',
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    ],
    [
      'conflict custom detail',
      () =>
        errors.conflict(
          'namespaces',
          'ns1',
          'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
        ),
      409,
      'Conflict',
      'Operation cannot be fulfilled on namespaces "ns1": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    ],
    ['forbidden', () => errors.forbidden('namespaces', 'default', 'this namespace may not be deleted'), 403, 'Forbidden', 'namespaces "default" is forbidden: this namespace may not be deleted'],
    ['forbidden without name', () => errors.forbidden('pods', '', 'no'), 403, 'Forbidden', 'pods is forbidden: no'],
    ['forbidden without resource', () => errors.forbidden('', '', 'no'), 403, 'Forbidden', 'forbidden: no'],
    [
      'create in terminating namespace',
      () => errors.forbiddenCreateInTerminating('ns1', 'pods', 'x'),
      403,
      'Forbidden',
      'pods "x" is forbidden: unable to create new content in namespace ns1 because it is being terminated',
    ],
    ['badRequest', () => errors.badRequest('bad'), 400, 'BadRequest', 'bad'],
    [
      'decode error',
      () => errors.decodeError('Pod', 'v1', 'quantities must match'),
      400,
      'BadRequest',
      'Pod in version "v1" cannot be handled as a Pod: quantities must match',
    ],
    ['methodNotAllowed bare', () => errors.methodNotAllowed(), 405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    ['methodNotAllowed verb', () => errors.methodNotAllowed('nodes', 'create'), 405, 'MethodNotAllowed', 'create is not supported on resources of kind "nodes"'],
    ['gone (Expired)', () => errors.gone('too old resource version: 5 (10)'), 410, 'Expired', 'too old resource version: 5 (10)'],
    ['gone (Gone)', () => errors.gone('x', 'Gone'), 410, 'Gone', 'x'],
    ['internal', () => errors.internal('boom'), 500, 'InternalError', 'Internal error occurred: boom'],
    ['serviceUnavailable', () => errors.serviceUnavailable('starting'), 503, 'ServiceUnavailable', 'starting'],
    [
      'unsupportedMediaType (patch types)',
      () => errors.unsupportedMediaType('text/plain'),
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml',
    ],
    [
      'unsupportedMediaType (body types)',
      () => errors.unsupportedMediaType(undefined, errors.BODY_MEDIA_TYPES),
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    ],
    ['notFoundPath', () => errors.notFoundPath(), 404, 'NotFound', 'the server could not find the requested resource'],
    ['invalidPatch', () => errors.invalidPatch('bad op'), 422, 'Invalid', 'bad op'],
  ] as const)('%s', (_n, make, code, reason, message) => {
    const e = make();
    expect(e.code).toBe(code);
    expect(e.status.code).toBe(code);
    expect(e.reason).toBe(reason);
    expect(e.status.reason).toBe(reason);
    expect(e.message).toBe(message);
    expect(e.status.status).toBe('Failure');
  });

  it('forbidden and conflict carry details', () => {
    expect(errors.forbidden('namespaces', 'default', 'x').status.details).toEqual({ name: 'default', kind: 'namespaces' });
    expect(errors.conflict('deployments.apps', 'web').status.details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
    expect(errors.OBJECT_MODIFIED).toBe('the object has been modified; please apply your changes to the latest version and try again');
  });

  it('internal keeps the cause; notFoundPath has empty details', () => {
    expect(errors.internal('boom').status.details).toEqual({ causes: [{ message: 'boom' }] });
    expect(errors.notFoundPath().status.details).toEqual({});
  });

  it('invalid with one cause', () => {
    const e = errors.invalid('Pod', 'x', '', [required('spec.containers[0].image')]);
    expect(e.code).toBe(422);
    expect(e.message).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
    expect(e.status.details).toEqual({
      name: 'x',
      kind: 'Pod',
      causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
    });
  });

  it('invalid with several causes and a group', () => {
    const errs = [invalid('metadata.name', 'My_App', 'bad'), required('spec.selector'), required('spec.selector')];
    const e = errors.invalid('Deployment', 'My_App', 'apps', errs);
    expect(e.message).toBe('Deployment.apps "My_App" is invalid: [metadata.name: Invalid value: "My_App": bad, spec.selector: Required value]');
    expect(e.status.details?.group).toBe('apps');
    expect(e.status.details?.kind).toBe('Deployment');
    // Causes are not de-duplicated, only the message is.
    expect(e.status.details?.causes).toHaveLength(3);
  });

  it('invalid with no causes', () => {
    const e = errors.invalid('Pod', 'x', '', []);
    expect(e.message).toBe('Pod "x" is invalid');
    expect(e.status.details).toEqual({ name: 'x', kind: 'Pod' });
  });

  it('isApiError and fromStatus', () => {
    const e = errors.notFound('pods', 'x');
    expect(errors.isApiError(e)).toBe(true);
    expect(errors.isApiError(new Error('x'))).toBe(false);
    expect(errors.isApiError({ status: e.status })).toBe(false);
    const back = errors.fromStatus(JSON.parse(JSON.stringify(e)));
    expect(back.code).toBe(404);
    expect(back.message).toBe('pods "x" not found');
    expect(back.status).toEqual(e.status);
  });

  it('quotes names with %q rules', () => {
    expect(errors.notFound('pods', 'a"b').message).toBe('pods "a\\"b" not found');
  });
});
