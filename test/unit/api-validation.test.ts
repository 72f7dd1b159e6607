import { describe, it, expect } from 'vitest';
import {
  POD_UPDATE_FORBIDDEN,
  decodeErrorFor,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isLabelKey,
  isLabelValue,
  isRelaxedEnvVarName,
  isValidPortName,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  validateAnnotations,
  validateLabelSelectorSpec,
  validateLabelKeyValue,
  validateLabels,
  validateNamespace,
  validateObjectMeta,
  validatePod,
  validatePodTemplateSpec,
  validateObject,
} from '../../src/api/validation.js';
import { validate, validateForUpdate, validateUpdate } from '../../src/kinds/index.js';
import { defaultPod } from '../../src/api/defaults.js';
import { formatFieldError, type FieldError } from '../../src/api/field-errors.js';
import { invalid as invalidError } from '../../src/api/errors.js';
import { RESOURCES, type ResourceInfo } from '../../src/api/registry.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { semanticEqual } from '../../src/api/semantic.js';

const msgs = (errs: FieldError[]): string[] => errs.map(formatFieldError);

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const KEY_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const STRICT_ENV_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

const POD_INFO = RESOURCES.find((r) => r.kind === 'Pod')!;
const NS_INFO = RESOURCES.find((r) => r.kind === 'Namespace')!;

function pod(spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): Pod {
  return defaultPod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...meta },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
  } as unknown as Pod);
}
const podErrs = (spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) => msgs(validate(pod(spec, meta), POD_INFO));

describe('message builders', () => {
  it('RegexError keeps the double space', () => {
    expect(regexError('m', 'f', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'f')");
    expect(regexError('m', 'f')).toBe("m (regex used for validation is 'f')");
  });
});

describe('name checks', () => {
  it.each([
    ['my-name', []],
    ['a', []],
    ['123-abc', []],
    ['My_Pod', [LABEL_MSG]],
    ['-a', [LABEL_MSG]],
    ['a.b', ['must not contain dots']],
    ['', [LABEL_MSG]],
    ['a'.repeat(64), ['must be no more than 63 characters']],
    ['A'.repeat(64), ['must be no more than 63 characters', LABEL_MSG]],
  ])('DNS-1123 label %j', (v, want) => {
    expect(isDNS1123Label(v)).toEqual(want);
  });

  it.each([
    ['example.com', []],
    ['web-1', []],
    ['My_Pod', [SUBDOMAIN_MSG]],
    ['a..b', [SUBDOMAIN_MSG]],
    ['a.', [SUBDOMAIN_MSG]],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, ['must be no more than 253 characters']],
  ])('DNS-1123 subdomain %j', (v, want) => {
    expect(isDNS1123Subdomain(v)).toEqual(want);
  });

  it.each([
    ['my-svc', []],
    ['1svc', [DNS1035_MSG]],
    ['svc.a', [DNS1035_MSG]],
    ['s'.repeat(64), ['must be no more than 63 characters']],
  ])('DNS-1035 label %j', (v, want) => {
    expect(isDNS1035Label(v)).toEqual(want);
  });

  it('generateName may end with a dash (masked like Kubernetes)', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_MSG]);
    expect(nameIsDNSLabel('Web-', true)).toEqual([LABEL_MSG]);
  });
});

describe('label keys and values', () => {
  it.each([
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['A_b.c', []],
    ['a b', [KEY_NAME_MSG]],
    ['-a', [KEY_NAME_MSG]],
    ['/a', ['prefix part must be non-empty']],
    ['a/', ['name part must be non-empty', KEY_NAME_MSG]],
    ['a'.repeat(64), ['name part must be no more than 63 bytes']],
    ['Foo.com/c', [`prefix part ${SUBDOMAIN_MSG}`]],
    [
      'x/y/z',
      [
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])('key %j', (v, want) => {
    expect(isLabelKey(v)).toEqual(want);
  });

  it.each([
    ['', []],
    ['v1', []],
    ['my_value', []],
    ['-x', [VALUE_MSG]],
    ['a b', [VALUE_MSG]],
    ['v'.repeat(64), ['must be no more than 63 bytes']],
  ])('value %j', (v, want) => {
    expect(isLabelValue(v)).toEqual(want);
  });

  it('validateLabels reports at the map path', () => {
    expect(msgs(validateLabels({ 'a b': 'ok', good: '-bad' }, 'metadata.labels'))).toEqual([
      `metadata.labels: Invalid value: "a b": ${KEY_NAME_MSG}`,
      `metadata.labels: Invalid value: "-bad": ${VALUE_MSG}`,
    ]);
  });

  it('annotation keys are lower-cased before checking; total size is capped', () => {
    expect(validateAnnotations({ 'Example.COM/Key': 'x' }, 'metadata.annotations')).toEqual([]);
    expect(msgs(validateAnnotations({ 'bad key': 'x' }, 'metadata.annotations'))).toEqual([`metadata.annotations: Invalid value: "bad key": ${KEY_NAME_MSG}`]);
    expect(msgs(validateAnnotations({ big: 'x'.repeat(256 * 1024) }, 'metadata.annotations'))).toEqual([
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });
});

describe('other value checks', () => {
  it.each([
    ['http', []],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['123', ['must contain at least one letter (a-z)']],
    ['a--b', ['must not contain consecutive hyphens']],
    ['-web', ['must not begin or end with a hyphen']],
    ['abcdefghijklmnop', ['must be no more than 15 characters']],
  ])('port name %j', (v, want) => {
    expect(isValidPortName(v)).toEqual(want);
  });

  it.each([
    ['MY_VAR', [], []],
    ['my.env-name', [], []],
    ['1ABC', [STRICT_ENV_MSG], []],
    ['A=B', [STRICT_ENV_MSG], ["a valid environment variable name must consist only of printable ASCII characters other than '='"]],
    ['..x', ["must not start with '..'"], []],
    ['ü', [STRICT_ENV_MSG], ["a valid environment variable name must consist only of printable ASCII characters other than '='"]],
  ])('env var name %j', (v, strict, relaxed) => {
    expect(isEnvVarName(v)).toEqual(strict);
    expect(isRelaxedEnvVarName(v)).toEqual(relaxed);
  });

  it('config map keys', () => {
    expect(isConfigMapKey('key.name')).toEqual([]);
    expect(isConfigMapKey('a b')).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
  });
});

describe('ObjectMeta', () => {
  it.each([
    [{ name: 'ok' }, []],
    [{}, ['metadata.name: Required value: name or generateName is required']],
    [{ generateName: 'web-', name: 'web-abcde' }, []],
    [{ name: 'My_Pod' }, [`metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}`]],
    [
      { generateName: 'Web_-', name: 'x' },
      [`metadata.generateName: Invalid value: "Web_-": ${SUBDOMAIN_MSG}`],
    ],
    [{ name: 'a', namespace: 'Bad_NS' }, [`metadata.namespace: Invalid value: "Bad_NS": ${LABEL_MSG}`]],
    [{ name: 'a', generation: -1 }, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    [
      { name: 'a', finalizers: ['foo', 'example.com/x'] },
      ['metadata.finalizers[0]: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified'],
    ],
    [
      { name: 'a', ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] },
      [
        'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      ],
    ],
  ])('%j', (meta, want) => {
    expect(msgs(validateObjectMeta(meta as never, { namespaced: true }))).toEqual(want);
  });

  it('namespace presence is checked only when asked', () => {
    expect(msgs(validateObjectMeta({ name: 'a' }, { namespaced: true, checkNamespacePresence: true }))).toEqual(['metadata.namespace: Required value']);
    expect(msgs(validateObjectMeta({ name: 'a', namespace: 'x' }, { namespaced: false, checkNamespacePresence: true }))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });
});

describe('validatePod', () => {
  it('accepts a defaulted pod', () => {
    expect(podErrs()).toEqual([]);
    expect(validatePod(pod())).toEqual([]);
  });

  it.each([
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['missing image', { containers: [{ name: 'a' }] }, ['spec.containers[0].image: Required value']],
    ['missing name', { containers: [{ image: 'x' }] }, ['spec.containers[0].name: Required value']],
    ['bad container name', { containers: [{ name: 'Web', image: 'x' }] }, [`spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`]],
    [
      'duplicate container name',
      { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }] },
      ['spec.containers[1].name: Duplicate value: "a"'],
    ],
    [
      'init container clashing with a container',
      { initContainers: [{ name: 'app', image: 'busybox' }] },
      ['spec.initContainers[0].name: Duplicate value: "app"'],
    ],
    [
      'restartPolicy',
      { restartPolicy: 'Sometimes' },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      'imagePullPolicy',
      { containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Sometimes' }] },
      ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    ],
    [
      'container port range',
      { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }] }] },
      ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'container port missing',
      { containers: [{ name: 'a', image: 'x', ports: [{ name: 'http' }] }] },
      ['spec.containers[0].ports[0].containerPort: Required value'],
    ],
    [
      'port name and duplicate',
      { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }, { containerPort: 82, name: 'HTTP' }] }] },
      [
        'spec.containers[0].ports[1].name: Duplicate value: "http"',
        'spec.containers[0].ports[2].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[2].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ],
    ],
    [
      'protocol',
      { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, protocol: 'tcp' }] }] },
      ['spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'host port conflict',
      { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }, { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] }] },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      'env var name (v1.35 relaxed rule)',
      { containers: [{ name: 'a', image: 'x', env: [{ name: 'A=B' }, { name: '1OK' }, { name: '' }] }] },
      [
        "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
        'spec.containers[0].env[2].name: Required value',
      ],
    ],
    [
      'env valueFrom',
      { containers: [{ name: 'a', image: 'x', env: [{ name: 'A', valueFrom: {} }, { name: 'B', value: 'v', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'C', valueFrom: { fieldRef: { fieldPath: 'spec.foo' } } }] }] },
      [
        'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo',
      ],
    ],
    [
      'env fieldRef not allowed for env',
      { containers: [{ name: 'a', image: 'x', env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } }] }] },
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      'volume mount to unknown volume',
      { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    ],
    [
      'mount path required and unique, subPath relative',
      {
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [
          {
            name: 'a',
            image: 'x',
            volumeMounts: [
              { name: 'data', mountPath: '' },
              { name: 'data', mountPath: '/d', subPath: '/abs' },
              { name: 'data', mountPath: '/d', subPath: 'a/../b' },
            ],
          },
        ],
      },
      [
        'spec.containers[0].volumeMounts[0].mountPath: Required value',
        'spec.containers[0].volumeMounts.subPath: Invalid value: "/abs": must be a relative path',
        'spec.containers[0].volumeMounts[2].mountPath: Invalid value: "/d": must be unique',
        "spec.containers[0].volumeMounts.subPath: Invalid value: \"a/../b\": must not contain '..'",
      ],
    ],
    [
      'volume without a source',
      { volumes: [{ name: 'v' }] },
      ['spec.volumes[0]: Required value: must specify a volume type'],
    ],
    [
      'volume with two sources',
      { volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }] },
      ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'],
    ],
    [
      'volume name and duplicates',
      { volumes: [{ name: 'Data', emptyDir: {} }, { name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] },
      [`spec.volumes[0].name: Invalid value: "Data": ${LABEL_MSG}`, 'spec.volumes[2].name: Duplicate value: "v"'],
    ],
    [
      'hostPath',
      { volumes: [{ name: 'a', hostPath: { path: '' } }, { name: 'b', hostPath: { path: '/x/../y' } }, { name: 'c', hostPath: { path: '/x', type: 'Dir' } }] },
      [
        'spec.volumes[0].hostPath.path: Required value',
        "spec.volumes[1].hostPath.path: Invalid value: \"/x/../y\": must not contain '..'",
        'spec.volumes[2].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    ],
    [
      'an invalid volume cannot be mounted',
      { volumes: [{ name: 'v' }], containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'v', mountPath: '/v' }] }] },
      ['spec.volumes[0]: Required value: must specify a volume type', 'spec.containers[0].volumeMounts[0].name: Not found: "v"'],
    ],
    [
      'secret and configMap sources',
      { volumes: [{ name: 's', secret: {} }, { name: 'c', configMap: { name: 'c', defaultMode: 0o1000, items: [{ key: '', path: '../x' }] } }] },
      [
        'spec.volumes[0].secret.secretName: Required value',
        'spec.volumes[1].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
        'spec.volumes[1].configMap.items[0].key: Required value',
        "spec.volumes[1].configMap.items[0].path: Invalid value: \"../x\": must not contain '..'",
      ],
    ],
    [
      'resources: request above limit',
      { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    [
      'resources: negative and unknown names',
      { containers: [{ name: 'a', image: 'x', resources: { requests: { memory: '-1Gi', gpu: '1', pods: '1' } } }] },
      [
        'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        'spec.containers[0].resources.requests[pods]: Invalid value: "pods": must be a standard resource for containers',
      ],
    ],
    [
      'resources: extended resources must be integral and equal',
      { containers: [{ name: 'a', image: 'x', resources: { limits: { 'example.com/dev': '2' }, requests: { 'example.com/dev': '1' } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/dev limit of 2'],
    ],
    [
      'resources: unparseable quantity',
      { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: 'lots' } } }] },
      [
        "spec.containers[0].resources.requests[cpu]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ],
    ],
    [
      'probes',
      {
        containers: [
          { name: 'a', image: 'x', livenessProbe: { successThreshold: 2, httpGet: { port: 80 } }, readinessProbe: { periodSeconds: 5 }, startupProbe: { exec: { command: [] } } },
        ],
      },
      [
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
        'spec.containers[0].readinessProbe: Required value: must specify a handler type',
        'spec.containers[0].startupProbe.exec.command: Required value',
      ],
    ],
    [
      'probes are forbidden on plain init containers',
      { initContainers: [{ name: 'init', image: 'x', readinessProbe: { exec: { command: ['true'] } } }] },
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    ],
    [
      'init container restartPolicy',
      { initContainers: [{ name: 'init', image: 'x', restartPolicy: 'Never' }] },
      ['spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      'regular container restartPolicy',
      { containers: [{ name: 'a', image: 'x', restartPolicy: 'Always' }] },
      ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers'],
    ],
    [
      'dnsPolicy',
      { dnsPolicy: 'Google' },
      ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    ['activeDeadlineSeconds', { activeDeadlineSeconds: 0 }, ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
    ['nodeName', { nodeName: 'Node_1' }, [`spec.nodeName: Invalid value: "Node_1": ${SUBDOMAIN_MSG}`]],
    ['hostname', { hostname: 'a.b' }, ['spec.hostname: Invalid value: "a.b": must not contain dots']],
    ['nodeSelector', { nodeSelector: { 'a b': 'x' } }, [`spec.nodeSelector: Invalid value: "a b": ${KEY_NAME_MSG}`]],
    [
      'tolerations',
      { tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Maybe' }, { key: 'k', operator: 'Exists', tolerationSeconds: 5, effect: 'NoSchedule' }] },
      [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        'spec.tolerations[1].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
        "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      ],
    ],
    [
      'padded image (pods only)',
      { containers: [{ name: 'a', image: ' nginx' }] },
      ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    ],
    ['ephemeral containers on create', { ephemeralContainers: [{ name: 'dbg', image: 'busybox' }] }, ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
  ])('%s', (_n, spec, want) => {
    expect(podErrs(spec)).toEqual(want);
  });

  it('a negative grace period is accepted, as by Kubernetes; a missing one is required', () => {
    expect(podErrs({ terminationGracePeriodSeconds: -1 })).toEqual([]);
    const p = pod();
    delete (p.spec as Record<string, unknown>).terminationGracePeriodSeconds;
    expect(msgs(validate(p, POD_INFO))).toEqual(['spec.terminationGracePeriodSeconds: Required value']);
  });

  it('undefaulted fields are required', () => {
    const raw = { metadata: { name: 'p', namespace: 'd' }, spec: { containers: [{ name: 'a', image: 'x' }] } } as KObject;
    expect(msgs(validate(raw, POD_INFO))).toEqual([
      'spec.terminationGracePeriodSeconds: Required value',
      'spec.containers[0].terminationMessagePolicy: Required value',
      'spec.containers[0].imagePullPolicy: Required value',
      'spec.restartPolicy: Required value',
      'spec.dnsPolicy: Required value',
    ]);
  });

  it('strict env var names on request', () => {
    const p = pod({ containers: [{ name: 'a', image: 'x', env: [{ name: '1A' }] }] });
    expect(msgs(validatePod(p, { strictEnvVarNames: true }))).toEqual([`spec.containers[0].env[0].name: Invalid value: "1A": ${STRICT_ENV_MSG}`]);
  });

  it('builds the Status kubectl prints', () => {
    const p = pod({ containers: [{ name: 'a', image: '' }] }, { name: 'My_Pod' });
    const e = invalidError('Pod', 'My_Pod', '', validate(p, POD_INFO));
    expect(e.message).toBe(`Pod "My_Pod" is invalid: [metadata.name: Invalid value: "My_Pod": ${SUBDOMAIN_MSG}, spec.containers[0].image: Required value]`);
    expect(e.status.details?.causes?.[0]).toEqual({ reason: 'FieldValueInvalid', message: `Invalid value: "My_Pod": ${SUBDOMAIN_MSG}`, field: 'metadata.name' });
  });
});

describe('decode-time errors', () => {
  it('reports an unparseable quantity as the apiserver decoder does', () => {
    const p = pod({ containers: [{ name: 'a', image: 'x', resources: { limits: { memory: '1GB' } } }] });
    expect(decodeErrorFor(p, POD_INFO)).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(decodeErrorFor(pod(), POD_INFO)).toBeNull();
  });

  it('looks into pod templates of workloads', () => {
    const dep = { metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '1kk' } } }] } } } };
    expect(decodeErrorFor(dep as KObject, { kind: 'Deployment', version: 'v1' })).toBe(
      "Deployment in version \"v1\" cannot be handled as a Deployment: unable to parse quantity's suffix",
    );
  });
});

describe('validateNamespace and dispatch', () => {
  it.each([
    ['ok', {}, []],
    ['My_NS', {}, [`metadata.name: Invalid value: "My_NS": ${LABEL_MSG}`]],
    ['a.b', {}, ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ['ok', { finalizers: ['bogus'] }, ['spec.finalizers: Invalid value: "bogus": name is neither a standard finalizer name nor is it fully qualified']],
  ])('%s %j', (name, spec, want) => {
    const ns = { metadata: { name }, spec } as KObject;
    expect(msgs(validateNamespace(ns))).toEqual(want);
    expect(msgs(validate(ns, NS_INFO))).toEqual(want);
  });

  it('kinds without spec rules still get metadata checks', () => {
    const info: ResourceInfo = { ...POD_INFO, kind: 'Widget', plural: 'widgets' };
    expect(msgs(validate({ metadata: { name: 'a_b', labels: { x: '-' } } } as KObject, info))).toEqual([
      `metadata.name: Invalid value: "a_b": ${SUBDOMAIN_MSG}`,
      `metadata.labels: Invalid value: "-": ${VALUE_MSG}`,
    ]);
    const svc: ResourceInfo = { ...POD_INFO, kind: 'Service', plural: 'services' };
    // The Service declaration's name rule (RFC 1035), then its spec rules.
    expect(msgs(validate({ metadata: { name: '1svc' } } as KObject, svc))[0]).toBe(`metadata.name: Invalid value: "1svc": ${DNS1035_MSG}`);
  });

  it('a kind declaration brings its own spec rules', () => {
    const gadget = { namespaced: true, validate: (obj: KObject) => (obj.spec?.ok ? [] : [{ type: 'Required', field: 'spec.ok', badValue: '' } as FieldError]) };
    expect(msgs(validateObject({ metadata: { name: 'g' }, spec: {} } as KObject, gadget))).toEqual(['spec.ok: Required value']);
    const info: ResourceInfo = { ...POD_INFO, kind: 'Gadget', plural: 'gadgets' };
    expect(msgs(validate({ metadata: { name: 'g' }, spec: {} } as KObject, info))).toEqual([]);
  });

  it('pod template and label selector helpers', () => {
    expect(msgs(validatePodTemplateSpec({ metadata: { labels: { a: '-' } }, spec: pod().spec }, 'spec.template'))).toEqual([
      `spec.template.metadata.labels: Invalid value: "-": ${VALUE_MSG}`,
    ]);
    expect(
      msgs(
        validateLabelSelectorSpec(
          { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }, { key: 'c', operator: 'Near' }] },
          'spec.selector',
        ),
      ),
    ).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator',
    ]);
  });
});

describe('updates', () => {
  const base = () => pod({ containers: [{ name: 'app', image: 'nginx:1.26' }] });

  it('allows image changes', () => {
    const old = base();
    const nw = structuredClone(old);
    nw.spec.containers[0]!.image = 'nginx:1.27';
    expect(validateUpdate(old, nw)).toEqual([]);
  });

  it('allows label changes and identical specs', () => {
    const old = base();
    const nw = structuredClone(old);
    nw.metadata.labels = { a: 'b' };
    expect(validateUpdate(old, nw)).toEqual([]);
  });

  it('forbids other spec changes with the Kubernetes text', () => {
    const old = base();
    const nw = structuredClone(old);
    nw.spec.containers[0]!.ports = [{ containerPort: 80, protocol: 'TCP' }];
    expect(msgs(validateUpdate(old, nw))).toEqual([
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    ]);
    expect(POD_UPDATE_FORBIDDEN.startsWith('pod updates may not change fields other than `spec.containers[*].image`,')).toBe(true);
  });

  it('forbids adding containers', () => {
    const old = base();
    const nw = structuredClone(old);
    nw.spec.containers.push({ name: 'b', image: 'x' } as never);
    expect(msgs(validateUpdate(old, nw))).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  it('tolerations may only be added', () => {
    const old = base();
    const added = structuredClone(old);
    added.spec.tolerations = [...(old.spec.tolerations as unknown[]), { key: 'k', operator: 'Exists' }];
    expect(validateUpdate(old, added)).toEqual([]);
    const changedSeconds = structuredClone(old);
    (changedSeconds.spec.tolerations as Record<string, unknown>[])[0]!.tolerationSeconds = 10;
    expect(validateUpdate(old, changedSeconds)).toEqual([]);
    const removed = structuredClone(old);
    removed.spec.tolerations = [];
    expect(msgs(validateUpdate(old, removed))).toContain('spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });

  it('activeDeadlineSeconds may be set and lowered, not raised or removed', () => {
    const old = base();
    const set = structuredClone(old);
    set.spec.activeDeadlineSeconds = 100;
    expect(validateUpdate(old, set)).toEqual([]);
    const raised = structuredClone(set);
    raised.spec.activeDeadlineSeconds = 200;
    expect(msgs(validateUpdate(set, raised))).toEqual(['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value']);
    const removed = structuredClone(set);
    delete removed.spec.activeDeadlineSeconds;
    expect(msgs(validateUpdate(set, removed))).toEqual(['spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value']);
  });

  it('a negative grace period may be fixed up to 1', () => {
    const old = pod({ terminationGracePeriodSeconds: -5 });
    const nw = structuredClone(old);
    nw.spec.terminationGracePeriodSeconds = 1;
    expect(validateUpdate(old, nw)).toEqual([]);
    nw.spec.terminationGracePeriodSeconds = 2;
    expect(msgs(validateUpdate(old, nw))).toEqual([`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`]);
  });

  it('metadata identity is immutable', () => {
    const old = base();
    old.metadata.uid = 'u1';
    const nw = structuredClone(old);
    nw.metadata.name = 'other';
    nw.metadata.uid = 'u2';
    expect(msgs(validateUpdate(old, nw))).toEqual([
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
  });

  it('no new finalizers once deleting', () => {
    const old = base();
    old.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
    old.metadata.finalizers = ['a.io/x'];
    const nw = structuredClone(old);
    nw.metadata.finalizers = ['a.io/x', 'b.io/y'];
    expect(msgs(validateUpdate(old, nw))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
  });

  it('validateForUpdate combines everything in Kubernetes order', () => {
    const old = base();
    const nw = structuredClone(old);
    nw.spec.containers[0]!.image = '';
    nw.spec.restartPolicy = 'Never';
    expect(msgs(validateForUpdate(old, nw, POD_INFO))).toEqual([
      'spec.containers[0].image: Required value',
      'spec.containers[0].image: Required value',
      `spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`,
    ]);
  });

  it('semantic equality ignores empty values and key order', () => {
    expect(semanticEqual({ a: [], b: {}, c: null, d: '' }, {})).toBe(true);
    expect(semanticEqual({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(true);
    expect(semanticEqual({ x: 0 }, {})).toBe(false);
  });
});

describe('validateUpdate kind detection', () => {
  it('uses the registry entry when the objects carry no kind', () => {
    const old = pod({ containers: [{ name: 'app', image: 'a' }] });
    delete old.kind;
    const nw = structuredClone(old);
    nw.spec.restartPolicy = 'Never';
    expect(validateUpdate(old, nw)).toEqual([]);
    expect(msgs(validateUpdate(old, nw, POD_INFO))).toEqual([`spec: Forbidden: ${POD_UPDATE_FORBIDDEN}`]);
  });
});

describe('validateLabelKeyValue', () => {
  it.each([
    ['app', 'web', null],
    ['a b', 'x', KEY_NAME_MSG],
    ['app', '-x', VALUE_MSG],
    ['app', '', null],
  ])('%j=%j', (k, v, want) => {
    expect(validateLabelKeyValue(k, v)).toBe(want);
  });
});
