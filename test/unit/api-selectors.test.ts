import { describe, it, expect } from 'vitest';
import {
  enhanceListErrorMessage,
  everything,
  fieldLabelError,
  fieldSelectorToString,
  formatLabelSelector,
  invalidSelectorMessage,
  isEverything,
  labelSelectorFromSpec,
  matchesFields,
  matchesLabels,
  nothing,
  parseFieldSelector,
  parseLabelSelector,
  selectorFromSet,
  selectorToString,
  validateFieldSelector,
} from '../../src/api/selectors.js';

const KEY_REGEX =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_REGEX =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseLabelSelector errors (captured from kubectl v1.35)', () => {
  it.each([
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['a in', "unable to parse requirement: found '' expected: '('"],
    ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in x', "unable to parse requirement: found 'x' expected: '('"],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['-a=b', `unable to parse requirement: <nil>: Invalid value: "-a": ${KEY_REGEX}`],
    ['a=b,', "found '', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['a<b', 'unable to parse requirement: values[0]: Invalid value: "b": for \'Gt\', \'Lt\' operators, the value must be an integer'],
    [
      'x/y/z=1',
      "unable to parse requirement: <nil>: Invalid value: \"x/y/z\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
    ['a=b_', `unable to parse requirement: values[0][a]: Invalid value: "b_": ${VALUE_REGEX}`],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a)', "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt"],
    ['a (b)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    [
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1',
      'unable to parse requirement: <nil>: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": name part must be no more than 63 bytes',
    ],
    ['a=b!', "found '!', expected: ',' or 'end of string'"],
    ['/a=1', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a<', 'unable to parse requirement: values[0]: Invalid value: "": for \'Gt\', \'Lt\' operators, the value must be an integer'],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a=b,,', "found ',', expected: identifier after ','"],
    ['a in (x)(y)', "found '(', expected: ',' or 'end of string'"],
    [
      'Foo.com/c=d',
      "unable to parse requirement: <nil>: Invalid value: \"Foo.com/c\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    ['a=-b', `unable to parse requirement: values[0][a]: Invalid value: "-b": ${VALUE_REGEX}`],
    ['a==b==c', "found '==', expected: ',' or 'end of string'"],
    ['a=<b', "unable to parse requirement: found '<', expected: identifier"],
  ])('%j', (sel, msg) => {
    expect(() => parseLabelSelector(sel)).toThrow(msg);
    try {
      parseLabelSelector(sel);
    } catch (e) {
      expect((e as Error).message).toBe(msg);
    }
  });

  it.each(['a==', 'a notin ()', 'a>1', 'a!=', 'in=1', 'a in (x,,y)', 'a in (,)', 'A_b.c=x', 'a in ()', 'a  =  b', ''])('%j parses', (sel) => {
    expect(() => parseLabelSelector(sel)).not.toThrow();
  });

  it('kubectl wraps the error with the selector', () => {
    expect(invalidSelectorMessage('a b', new Error("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"))).toBe(
      "the provided selector \"a b\" is not valid: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
    );
  });
});

describe('label selector matching and printing', () => {
  const labels = { app: 'web', tier: 'front', n: '5' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['app!=db', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['tier in (front,back)', true],
    ['tier in (back)', false],
    ['tier notin (back)', true],
    ['tier notin (front)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['n>3', true],
    ['n<3', false],
    ['app>3', false],
    ['missing=', false],
    ['x in (,a)', false],
  ])('%j -> %s', (sel, want) => {
    expect(matchesLabels(parseLabelSelector(sel), labels)).toBe(want);
  });

  it('empty value matches only a present empty label', () => {
    expect(matchesLabels(parseLabelSelector('a='), { a: '' })).toBe(true);
    expect(matchesLabels(parseLabelSelector('a in (,b)'), { a: '' })).toBe(true);
  });

  it('nothing matches nothing; everything matches all', () => {
    expect(matchesLabels(nothing(), {})).toBe(false);
    expect(matchesLabels(everything(), {})).toBe(true);
    expect(matchesLabels(everything(), undefined)).toBe(true);
    expect(isEverything(parseLabelSelector(''))).toBe(true);
  });

  it.each([
    ['tier in (b,a),app=web', 'app=web,tier in (a,b)'],
    ['x,!y', 'x,!y'],
    ['b<3,a notin ()', 'a notin (),b<3'],
    ['a==b', 'a==b'],
    ['z in (c,b,c)', 'z in (b,c)'],
    ['  app = web ', 'app=web'],
  ])('%j prints as %j', (sel, want) => {
    expect(selectorToString(parseLabelSelector(sel))).toBe(want);
  });

  it('selectorFromSet', () => {
    expect(selectorToString(selectorFromSet({ tier: 'x', app: 'y' }))).toBe('app=y,tier=x');
    expect(isEverything(selectorFromSet(null))).toBe(true);
  });
});

describe('labelSelectorFromSpec (metav1.LabelSelectorAsSelector)', () => {
  it('nil matches nothing, empty matches everything', () => {
    expect(labelSelectorFromSpec(null).nothing).toBe(true);
    expect(labelSelectorFromSpec(undefined).nothing).toBe(true);
    expect(matchesLabels(labelSelectorFromSpec(undefined), { a: 'b' })).toBe(false);
    expect(matchesLabels(labelSelectorFromSpec({}), { a: 'b' })).toBe(true);
    expect(matchesLabels(labelSelectorFromSpec({ matchLabels: {}, matchExpressions: [] }), {})).toBe(true);
  });

  it('combines matchLabels and expressions, sorted by key', () => {
    const sel = labelSelectorFromSpec({
      matchLabels: { b: '1', a: '2' },
      matchExpressions: [
        { key: 'c', operator: 'In', values: ['z', 'y'] },
        { key: 'd', operator: 'NotIn', values: ['q'] },
        { key: 'e', operator: 'Exists' },
        { key: 'f', operator: 'DoesNotExist' },
      ],
    });
    expect(selectorToString(sel)).toBe('a=2,b=1,c in (y,z),d notin (q),e,!f');
    expect(matchesLabels(sel, { a: '2', b: '1', c: 'y', e: '' })).toBe(true);
    expect(matchesLabels(sel, { a: '2', b: '1', c: 'y', e: '', f: 'x' })).toBe(false);
    expect(matchesLabels(sel, { a: '2', b: '1', c: 'y', d: 'q', e: '' })).toBe(false);
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Foo', values: ['x'] }] }, '"Foo" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, "values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    [{ matchLabels: { '-a': 'x' } }, `key: Invalid value: "-a": ${KEY_REGEX}`],
  ])('rejects %j', (spec, msg) => {
    expect(() => labelSelectorFromSpec(spec)).toThrow(msg);
  });

  it('formatLabelSelector', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(null)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bad' }] })).toBe('<error>');
  });
});

describe('field selectors', () => {
  it.each([
    ['metadata.name=x', 'metadata.name=x'],
    ['metadata.name==x', 'metadata.name=x'],
    ['status.phase!=Running,spec.restartPolicy=Always', 'spec.restartPolicy=Always,status.phase!=Running'],
    ['metadata.name=a\\,b', 'metadata.name=a\\,b'],
    ['a=', 'a='],
    ['', ''],
    [',a=b,', 'a=b'],
  ])('%j prints as %j', (s, want) => {
    expect(fieldSelectorToString(parseFieldSelector(s))).toBe(want);
  });

  it('parses escapes and operators', () => {
    expect(parseFieldSelector('a=!b').requirements).toEqual([{ field: 'a', operator: '=', value: '!b' }]);
    // The term splits at its first operator, so an escaped '=' in the key does not help.
    expect(() => parseFieldSelector('a\\=b=c')).toThrow('invalid field selector: unescaped character in value: 61');
    expect(parseFieldSelector('a=b\\=c').requirements).toEqual([{ field: 'a', operator: '=', value: 'b=c' }]);
    expect(parseFieldSelector('metadata.name=a\\,b').requirements[0]!.value).toBe('a,b');
  });

  it.each([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['a=b,foo', "invalid selector: 'a=b,foo'; can't understand 'foo'"],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    ['a==b=c', 'invalid field selector: unescaped character in value: 61'],
  ])('%j fails', (s, msg) => {
    expect(() => parseFieldSelector(s)).toThrow(msg);
  });

  const pod = {
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default' },
    spec: { nodeName: 'kbx', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'default' },
    status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }] },
  };
  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name!=web-1', false],
    ['metadata.namespace=default', true],
    ['status.phase=Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=kbx', true],
    ['spec.host=kbx', true],
    ['spec.restartPolicy=Always,status.phase=Running', true],
    ['status.podIP=10.0.0.5', true],
    ['spec.hostNetwork=false', true],
    ['status.nominatedNodeName=', true],
  ])('pod %j -> %s', (s, want) => {
    expect(matchesFields(parseFieldSelector(s), pod, 'Pod')).toBe(want);
  });

  const event = {
    metadata: { name: 'web-1.17', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
    reason: 'Pulled',
    type: 'Normal',
    source: { component: 'kubelet', host: 'kbx' },
  };
  it.each([
    ['involvedObject.name=web-1', true],
    ['involvedObject.kind=Pod,involvedObject.name=web-1', true],
    ['involvedObject.uid=u1', true],
    ['involvedObject.fieldPath=spec.containers{web}', true],
    ['reason=Pulled', true],
    ['type=Warning', false],
    ['source=kubelet', true],
    ['involvedObject.apiVersion=v1', true],
    ['involvedObject.resourceVersion=', true],
  ])('event %j -> %s', (s, want) => {
    expect(matchesFields(parseFieldSelector(s), event, 'Event')).toBe(want);
  });

  it('unknown fields fail with the apiserver message', () => {
    expect(() => matchesFields(parseFieldSelector('spec.foo=bar'), pod, 'Pod')).toThrow('field label not supported: spec.foo');
    expect(() => matchesFields(parseFieldSelector('message=x'), event, 'Event')).toThrow('field label not supported: message');
    expect(() => matchesFields(parseFieldSelector('foo.bar=baz'), { metadata: {} }, 'Deployment')).toThrow(
      '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  it.each([
    ['Pod', 'spec.schedulerName', null],
    ['Pod', 'spec.host', null],
    ['Pod', 'spec.containers', 'field label not supported: spec.containers'],
    ['Namespace', 'status.phase', null],
    ['Namespace', 'metadata.namespace', 'field label not supported: metadata.namespace'],
    ['Node', 'spec.unschedulable', null],
    ['Service', 'spec.type', null],
    ['Deployment', 'metadata.name', null],
    ['Deployment', 'spec.replicas', '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['Event', 'reportingComponent', null],
  ])('fieldLabelError(%s, %s)', (kind, field, want) => {
    expect(fieldLabelError(kind, field)).toBe(want);
  });

  it('validateFieldSelector reports the first bad field', () => {
    expect(validateFieldSelector(parseFieldSelector('metadata.name=a,zz=1'), 'Pod')).toBe('field label not supported: zz');
    expect(validateFieldSelector(parseFieldSelector('metadata.name=a'), 'Pod')).toBeNull();
  });

  it('namespace and node fields', () => {
    expect(matchesFields(parseFieldSelector('status.phase=Active'), { metadata: { name: 'x' }, status: { phase: 'Active' } }, 'Namespace')).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.unschedulable=false'), { metadata: { name: 'n' }, spec: {} }, 'Node')).toBe(true);
  });

  it('kubectl list error wording', () => {
    expect(enhanceListErrorMessage({ group: '', version: 'v1', plural: 'events' }, '', 'message=whatever', 'field label not supported: message')).toBe(
      'Unable to find "/v1, Resource=events" that match label selector "", field selector "message=whatever": field label not supported: message',
    );
    expect(enhanceListErrorMessage({ group: 'apps', version: 'v1', plural: 'deployments' }, '', '', 'x')).toBe('Unable to list "apps/v1, Resource=deployments": x');
  });
});
