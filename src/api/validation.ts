// Server-side validation with Kubernetes' exact messages. Sources reproduced (behaviour, not code):
// apimachinery pkg/util/validation, pkg/api/validate/content, pkg/api/validation (ObjectMeta),
// pkg/apis/meta/v1/validation (labels), and kubernetes pkg/apis/core/validation (Pod, Namespace).
// Validators expect a defaulted object (the apiserver defaults before it validates), so a
// missing restartPolicy, imagePullPolicy, ... is reported as `Required value`.
import type { Container, KObject, ObjectMeta, OwnerReference, PodSpec, Volume } from './types.js';
import type { ResourceInfo } from './resource-info.js';
import {
  type FieldError,
  child,
  duplicate,
  forbidden,
  index,
  invalid,
  key,
  notFound,
  notSupported,
  required,
  tooLong,
} from './field-errors.js';
import { type Quantity, compareQuantities, isNegative, parseQuantity, quantityError, quantityToString } from './quantity.js';
import { goQuote } from '../compat/go-format.js';
import { semanticEqual } from './semantic.js';

// ---------------------------------------------------------------------------------------------
// Message builders (validation.go / content/errors.go)

/** The util/validation form, used by DNS names and port names. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** The content-package form (label keys and values) counts bytes. */
export function maxLenBytesError(length: number): string {
  return `must be no more than ${length} bytes`;
}

export function emptyError(): string {
  return 'must be non-empty';
}

/** RegexError: note the `',  or '` double space between examples, as Kubernetes prints it. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = msg + ' (e.g. ';
  examples.forEach((ex, i) => {
    if (i > 0) s += ' or ';
    s += `'${ex}', `;
  });
  return s + `regex used for validation is '${fmt}')`;
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

// Go's len() counts UTF-8 bytes.
function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Name and value checks: each returns the list of messages (empty = valid).

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;

const dns1123LabelRe = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const dns1123SubdomainRe = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const dns1035LabelRe = new RegExp(`^${DNS1035_LABEL_FMT}$`);

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRe.test(value)) {
    if (dns1123SubdomainRe.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_DNS1123_SUBDOMAIN_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const wildcardDns1123SubdomainRe = new RegExp(`^${WILDCARD_DNS1123_SUBDOMAIN_FMT}$`);

/** IsWildcardDNS1123Subdomain: `*.` then a DNS subdomain (Ingress hosts). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!wildcardDns1123SubdomainRe.test(value)) errs.push(regexError(WILDCARD_DNS1123_SUBDOMAIN_MSG, WILDCARD_DNS1123_SUBDOMAIN_FMT, '*.example.com'));
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

// The content package's subdomain check (label-key prefixes) reports lengths in bytes.
function isDNS1123SubdomainBytes(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenBytesError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelKeyRe = new RegExp(`^${LABEL_KEY_FMT}$`);
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueRe = new RegExp(`^${LABEL_VALUE_FMT}$`);
export const LABEL_VALUE_MAX_LENGTH = 63;

/** IsQualifiedName / IsLabelKey: `[prefix/]name`, name ≤ 63 bytes, prefix a DNS subdomain. */
export function isLabelKey(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part ' + emptyError());
    else for (const m of isDNS1123SubdomainBytes(prefix)) errs.push('prefix part ' + m);
  } else {
    return [
      'a valid label key ' +
        regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part ' + emptyError());
  else if (byteLength(name) > 63) errs.push('name part ' + maxLenBytesError(63));
  if (!labelKeyRe.test(name)) errs.push('name part ' + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc'));
  return errs;
}

export const isQualifiedName = isLabelKey;

export function isLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenBytesError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRe.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IANA_SVC_NAME rules for named ports. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

const ENV_VAR_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
const RELAXED_ENV_VAR_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** The strict (pre-1.34) env var name rule. */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!new RegExp(`^${ENV_VAR_FMT}$`).test(value)) errs.push(regexError(ENV_VAR_MSG, ENV_VAR_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  return errs.concat(hasChDirPrefix(value));
}

/** The relaxed rule a v1.35 apiserver applies (RelaxedEnvironmentVariableValidation is GA). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push('environment variable name ' + emptyError());
  if (/[^\x20-\x7e]|=/.test(value)) errs.push(RELAXED_ENV_VAR_MSG);
  return errs;
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!new RegExp(`^${CONFIG_MAP_KEY_FMT}$`).test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  return errs.concat(hasChDirPrefix(value));
}

const HTTP_HEADER_FMT = '[-A-Za-z0-9]+';
function isHTTPHeaderName(value: string): string[] {
  return new RegExp(`^${HTTP_HEADER_FMT}$`).test(value)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_FMT, 'X-Header-Name')];
}

// ---------------------------------------------------------------------------------------------
// Object names (pkg/api/validation/generic.go)

/** ValidateNameFunc: `prefix` is true for a generateName, which may end in '-'. */
export type NameValidator = (name: string, prefix: boolean) => string[];

// Kubernetes replaces the last two characters with 'a' (not just the dash); kept as is.
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name;
}

export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
export const validateNamespaceName = nameIsDNSLabel;

// ---------------------------------------------------------------------------------------------
// ObjectMeta, labels, annotations

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;
export const FIELD_IMMUTABLE = 'field is immutable';
const IS_NEGATIVE = 'must be greater than or equal to 0';

/** ValidateLabelName: each message is its own error. */
export function validateLabelName(name: string | undefined, path: string): FieldError[] {
  return isLabelKey(name ?? '').map((m) => invalid(path, name ?? '', m));
}

/** ValidateLabels: keys and values, all reported at the map's path (no per-key suffix). */
export function validateLabels(labels: Record<string, string> | null | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const m of isLabelValue(String(v))) errs.push(invalid(path, v, m));
  }
  return errs;
}

/**
 * Checks one label pair as kubectl label does before sending it: the messages joined by "; ",
 * or null when both key and value are valid.
 */
export function validateLabelKeyValue(key: string, value: string): string | null {
  const errs = [...isLabelKey(key), ...isLabelValue(value)];
  return errs.length ? errs.join('; ') : null;
}

/** ValidateAnnotations: keys are checked lower-cased; the total size is capped at 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | null | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    total += byteLength(k) + byteLength(String(v ?? ''));
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const apiVersion = ref.apiVersion ?? '';
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (!version) errs.push(invalid(child(path, 'apiVersion'), apiVersion, 'version must not be empty'));
    if (!ref.kind) errs.push(invalid(child(path, 'kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) errs.push(invalid(child(path, 'name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) errs.push(invalid(child(path, 'uid'), ref.uid ?? '', 'must not be empty'));
    if (version === 'v1' && !apiVersion.includes('/') && ref.kind === 'Event') {
      errs.push(invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(
          invalid(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`),
        );
      } else firstController = cur;
    }
  }
  return errs;
}

const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

function validateFinalizerNames(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) for (const m of isQualifiedName(f)) errs.push(invalid(path, f, m));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

function validateKubeFinalizerName(f: string, path: string): FieldError[] {
  if (!f.includes('/') && !STANDARD_FINALIZERS.includes(f)) {
    return [invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

export interface ObjectMetaOptions {
  /** The kind lives in a namespace. */
  namespaced?: boolean;
  nameValidator?: NameValidator;
  /**
   * Also report a missing namespace on namespaced kinds and a namespace on cluster-scoped ones.
   * Off by default: kbx's server fills or clears metadata.namespace before validating.
   */
  checkNamespacePresence?: boolean;
  /** Path of the metadata (default `metadata`). */
  path?: string;
}

/** ValidateObjectMeta (core flavour: apimachinery's checks plus Kubernetes finalizer names). */
export function validateObjectMeta(meta: ObjectMeta | undefined, opts: ObjectMetaOptions = {}): FieldError[] {
  const m = meta ?? {};
  const path = opts.path ?? 'metadata';
  const nameFn = opts.nameValidator ?? nameIsDNSSubdomain;
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameFn(m.generateName, true)) errs.push(invalid(child(path, 'generateName'), m.generateName, msg));
  }
  if (!m.name) errs.push(required(child(path, 'name'), 'name or generateName is required'));
  else for (const msg of nameFn(m.name, false)) errs.push(invalid(child(path, 'name'), m.name, msg));
  if (opts.namespaced) {
    if (!m.namespace) {
      if (opts.checkNamespacePresence) errs.push(required(child(path, 'namespace')));
    } else for (const msg of validateNamespaceName(m.namespace, false)) errs.push(invalid(child(path, 'namespace'), m.namespace, msg));
  } else if (m.namespace && opts.checkNamespacePresence) {
    errs.push(forbidden(child(path, 'namespace'), 'not allowed on this type'));
  }
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(invalid(child(path, 'generation'), m.generation, IS_NEGATIVE));
  errs.push(...validateLabels(m.labels, child(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, child(path, 'annotations')));
  errs.push(...validateOwnerReferences(m.ownerReferences, child(path, 'ownerReferences')));
  errs.push(...validateFinalizerNames(m.finalizers, child(path, 'finalizers')));
  (m.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, index(child(path, 'finalizers'), i))));
  return errs;
}

// Go prints a []string with %#v as []string{"a", "b"}.
function goStringSlice(list: string[]): string {
  return `[]string{${list.map(goQuote).join(', ')}}`;
}

/** ValidateObjectMetaUpdate, minus what kbx's server already guarantees (resourceVersion, generation). */
export function validateObjectMetaUpdate(newMeta: ObjectMeta, oldMeta: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (oldMeta.deletionTimestamp) {
    const extra = [...new Set(newMeta.finalizers ?? [])].filter((f) => !(oldMeta.finalizers ?? []).includes(f)).sort();
    if (extra.length) {
      errs.push(
        forbidden(child(path, 'finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`),
      );
    }
  }
  const immutable: string[] = ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds'];
  for (const f of immutable) {
    const nv = newMeta[f];
    if ((nv ?? null) === (oldMeta[f] ?? null)) continue;
    // Strings print as "" when unset; times and pointers marshal to null.
    const stringField = f === 'name' || f === 'namespace' || f === 'uid';
    errs.push(invalid(child(path, f), nv ?? (stringField ? '' : null), FIELD_IMMUTABLE));
  }
  return errs;
}

/** metav1 ValidateLabelSelector, for specs that embed a selector (Deployments, ReplicaSets, ...). */
export function validateLabelSelectorSpec(
  ps: { matchLabels?: Record<string, string> | null; matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null } | null | undefined,
  path: string,
): FieldError[] {
  if (!ps) return [];
  const errs = validateLabels(ps.matchLabels ?? {}, child(path, 'matchLabels'));
  (ps.matchExpressions ?? []).forEach((expr, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(child(p, 'operator'), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key, child(p, 'key')));
    values.forEach((v, j) => {
      for (const m of isLabelValue(v)) errs.push(invalid(index(child(p, 'values'), j), v, m));
    });
  });
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Pods

export interface PodValidationOptions {
  /**
   * Use the strict env var name rule (`must not start with a digit`, regex message). A v1.35
   * apiserver uses the relaxed rule (printable ASCII except '='), which is the default here.
   */
  strictEnvVarNames?: boolean;
  /** The spec belongs to a Pod rather than a template: adds the pod-only checks. */
  isPod?: boolean;
  /** An update of a stored object (not a create): ephemeral containers may be there. */
  update?: boolean;
}

type Obj = Record<string, any>;
const isSet = (v: unknown): boolean => v !== undefined && v !== null;

const VOLUME_SOURCES: [jsonKey: string, pathName: string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'], // sic: Kubernetes' own misspelling in this message's path
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

function isAbs(p: string): boolean {
  return p.startsWith('/');
}

function validatePathNoBacksteps(target: string, path: string): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isAbs(target)) errs.push(invalid(path, target, 'must be a relative path'));
  return errs.concat(validatePathNoBacksteps(target, path));
}

function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateMode(mode: unknown, path: string): FieldError[] {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];
}

function validateKeyToPaths(items: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((kp, i) => {
    const p = index(path, i);
    if (!kp.key) errs.push(required(child(p, 'key')));
    if (!kp.path) errs.push(required(child(p, 'path')));
    errs.push(...validateLocalNonReservedPath(kp.path ?? '', child(p, 'path')));
    errs.push(...validateMode(kp.mode, child(p, 'mode')));
  });
  return errs;
}

function validateVolumeSource(vol: Obj, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [jsonKey, pathName] of VOLUME_SOURCES) {
    const src = vol[jsonKey];
    if (!isSet(src)) continue;
    if (count > 0) {
      errs.push(forbidden(child(path, pathName), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const sp = child(path, jsonKey);
    switch (jsonKey) {
      case 'emptyDir': {
        const q = isSet(src.sizeLimit) ? parseQuantityOrNull(src.sizeLimit) : null;
        if (q && isNegative(q)) errs.push(forbidden(child(sp, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
        break;
      }
      case 'hostPath': {
        if (!src.path) {
          errs.push(required(child(sp, 'path')));
          break;
        }
        errs.push(...validatePathNoBacksteps(src.path, child(sp, 'path')));
        if (isSet(src.type) && !HOST_PATH_TYPES.includes(src.type)) errs.push(notSupported(child(sp, 'type'), src.type, HOST_PATH_TYPES));
        break;
      }
      case 'secret':
        if (!src.secretName) errs.push(required(child(sp, 'secretName')));
        errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
        errs.push(...validateKeyToPaths(src.items, child(sp, 'items')));
        break;
      case 'configMap':
        if (!src.name) errs.push(required(child(sp, 'name')));
        errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
        errs.push(...validateKeyToPaths(src.items, child(sp, 'items')));
        break;
      case 'persistentVolumeClaim':
        if (!src.claimName) errs.push(required(child(sp, 'claimName')));
        break;
      case 'nfs':
        if (!src.server) errs.push(required(child(sp, 'server')));
        if (!src.path) errs.push(required(child(sp, 'path')));
        if (!isAbs(src.path ?? '')) errs.push(invalid(child(sp, 'path'), src.path ?? '', 'must be an absolute path'));
        break;
      case 'downwardAPI':
        errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
        for (const file of src.items ?? []) errs.push(...validateDownwardAPIVolumeFile(file, sp, opts));
        break;
      case 'projected':
        errs.push(...validateMode(src.defaultMode, child(sp, 'defaultMode')));
        (src.sources ?? []).forEach((s: Obj, i: number) => {
          const p = index(child(sp, 'sources'), i);
          let n = 0;
          for (const k of ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate']) if (isSet(s[k])) n++;
          if (isSet(s.secret)) {
            if (!s.secret.name) errs.push(required(child(p, 'secret', 'name')));
            errs.push(...validateKeyToPaths(s.secret.items, child(p, 'secret', 'items')));
          }
          if (isSet(s.configMap)) {
            if (!s.configMap.name) errs.push(required(child(p, 'configMap', 'name')));
            errs.push(...validateKeyToPaths(s.configMap.items, child(p, 'configMap', 'items')));
          }
          if (isSet(s.downwardAPI)) for (const file of s.downwardAPI.items ?? []) errs.push(...validateDownwardAPIVolumeFile(file, child(p, 'downwardAPI'), opts));
          if (isSet(s.serviceAccountToken)) {
            const t = s.serviceAccountToken;
            const e = t.expirationSeconds ?? 3600;
            if (e < 600) errs.push(invalid(child(p, 'serviceAccountToken', 'expirationSeconds'), e, 'may not specify a duration less than 10 minutes'));
            if (e > 2 ** 32) errs.push(invalid(child(p, 'serviceAccountToken', 'expirationSeconds'), e, 'may not specify a duration larger than 2^32 seconds'));
            if (!t.path) errs.push(required(child(sp, 'path')));
            else errs.push(...validateLocalNonReservedPath(t.path, child(sp, 'path')));
          }
          if (n > 1) errs.push(forbidden(p, 'may not specify more than 1 volume type per source'));
        });
        break;
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

const VOLUME_DOWNWARD_FIELDS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const ENV_DOWNWARD_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const CONVERTIBLE_POD_FIELD_LABELS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

// fieldpath.SplitMaybeSubscriptedPath: metadata.labels['key'].
function splitSubscript(p: string): { path: string; subscript: string } | null {
  const m = /^(.*)\['(.*)'\]$/.exec(p);
  return m ? { path: m[1]!, subscript: m[2]! } : null;
}

function validateObjectFieldSelector(fs: Obj, expressions: string[], path: string): FieldError[] {
  if (!fs.apiVersion) return [required(child(path, 'apiVersion'))];
  if (!fs.fieldPath) return [required(child(path, 'fieldPath'))];
  // ConvertDownwardAPIFieldLabel first.
  let conversionErr = '';
  if (fs.apiVersion !== 'v1') conversionErr = `unsupported pod version: ${fs.apiVersion}`;
  else {
    const sub = splitSubscript(fs.fieldPath);
    if (sub) {
      if (sub.path !== 'metadata.annotations' && sub.path !== 'metadata.labels') conversionErr = `field label does not support subscript: ${fs.fieldPath}`;
    } else if (!CONVERTIBLE_POD_FIELD_LABELS.includes(fs.fieldPath) && fs.fieldPath !== 'spec.host') {
      conversionErr = `field label not supported: ${fs.fieldPath}`;
    }
  }
  if (conversionErr) return [invalid(child(path, 'fieldPath'), fs.fieldPath, `error converting fieldPath: ${conversionErr}`)];
  const internal = fs.fieldPath === 'spec.host' ? 'spec.nodeName' : fs.fieldPath;
  const sub = splitSubscript(internal);
  if (sub) {
    if (sub.path === 'metadata.annotations') return validateLabelName(sub.subscript.toLowerCase(), path);
    if (sub.path === 'metadata.labels') return validateLabelName(sub.subscript, path);
    return [invalid(path, sub.path, 'does not support subscript')];
  }
  if (!expressions.includes(internal)) return [notSupported(child(path, 'fieldPath'), internal, [...expressions].sort())];
  return [];
}

function validateDownwardAPIVolumeFile(file: Obj, path: string, _opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(file.path ?? '', child(path, 'path')));
  if (isSet(file.fieldRef)) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_DOWNWARD_FIELDS, child(path, 'fieldRef')));
    if (isSet(file.resourceFieldRef)) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (isSet(file.resourceFieldRef)) {
    if (!file.resourceFieldRef.containerName) errs.push(required(child(path, 'resourceFieldRef', 'containerName')));
  } else errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  errs.push(...validateMode(file.mode, child(path, 'mode')));
  return errs;
}

/** ValidateVolumes: returns the errors and the names of the volumes that validated cleanly. */
function validateVolumes(volumes: Volume[] | undefined, path: string, opts: PodValidationOptions): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const namePath = child(p, 'name');
    const el = validateVolumeSource(vol as Obj, p, opts);
    const name = vol.name ?? '';
    if (!name) el.push(required(namePath));
    else for (const m of isDNS1123Label(name)) el.push(invalid(namePath, name, m));
    if (names.has(name)) el.push(duplicate(namePath, name));
    // Only a volume without errors can be mounted; others show up as "Not found" in mounts.
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return { errs, names };
}

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateContainerPorts(ports: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(child(p, 'name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    const cp = port.containerPort ?? 0;
    if (cp === 0) errs.push(required(child(p, 'containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(child(p, 'containerPort'), cp, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(child(p, 'hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(child(p, 'protocol')));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, 'protocol'), port.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

function validateEnv(vars: Obj[] | undefined, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, 'name')));
    else {
      const check = opts.strictEnvVarNames ? isEnvVarName : isRelaxedEnvVarName;
      for (const m of check(ev.name)) errs.push(invalid(child(p, 'name'), ev.name, m));
    }
    errs.push(...validateEnvVarValueFrom(ev, child(p, 'valueFrom')));
  });
  return errs;
}

function validateKeySelector(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const m of nameIsDNSSubdomain(s.name ?? '', false)) errs.push(invalid(child(path, 'name'), s.name ?? '', m));
  if (!s.key) errs.push(required(child(path, 'key')));
  else for (const m of isConfigMapKey(s.key)) errs.push(invalid(child(path, 'key'), s.key, m));
  return errs;
}

function validateEnvVarValueFrom(ev: Obj, path: string): FieldError[] {
  const vf = ev.valueFrom;
  if (!isSet(vf)) return [];
  const errs: FieldError[] = [];
  let n = 0;
  if (isSet(vf.fieldRef)) {
    n++;
    errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_DOWNWARD_FIELDS, child(path, 'fieldRef')));
  }
  if (isSet(vf.resourceFieldRef)) {
    n++;
    if (!vf.resourceFieldRef.resource) errs.push(required(child(path, 'resourceFieldRef', 'resource')));
  }
  if (isSet(vf.configMapKeyRef)) {
    n++;
    errs.push(...validateKeySelector(vf.configMapKeyRef, child(path, 'configMapKeyRef')));
  }
  if (isSet(vf.secretKeyRef)) {
    n++;
    errs.push(...validateKeySelector(vf.secretKeyRef, child(path, 'secretKeyRef')));
  }
  if (n === 0) errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (ev.value) errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateEnvFrom(sources: Obj[] | undefined, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  (sources ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (ev.prefix) {
      const check = opts.strictEnvVarNames ? isEnvVarName : isRelaxedEnvVarName;
      for (const m of check(ev.prefix)) errs.push(invalid(child(p, 'prefix'), ev.prefix, m));
    }
    let n = 0;
    for (const k of ['configMapRef', 'secretRef']) {
      if (!isSet(ev[k])) continue;
      n++;
      const name = ev[k].name ?? '';
      if (!name) errs.push(required(child(p, k, 'name')));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(child(p, k, 'name'), name, m));
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];

function validateVolumeMounts(mounts: Obj[] | undefined, volumes: Set<string>, container: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((mnt, i) => {
    const p = index(path, i);
    const name = mnt.name ?? '';
    const mountPath = mnt.mountPath ?? '';
    if (!name) errs.push(required(child(p, 'name')));
    if (!volumes.has(name)) errs.push(notFound(child(p, 'name'), name));
    if (!mountPath) errs.push(required(child(p, 'mountPath')));
    if (mountPoints.has(mountPath)) errs.push(invalid(child(p, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    // Kubernetes reports subPath problems at the list path, not the item's.
    if (mnt.subPath) errs.push(...validateLocalDescendingPath(mnt.subPath, child(path, 'subPath')));
    if (mnt.subPathExpr) {
      if (mnt.subPath) errs.push(invalid(child(p, 'subPathExpr'), mnt.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(mnt.subPathExpr, child(path, 'subPathExpr')));
    }
    if (isSet(mnt.mountPropagation)) {
      const mp = child(path, 'mountPropagation');
      if (!MOUNT_PROPAGATIONS.includes(mnt.mountPropagation)) errs.push(notSupported(mp, mnt.mountPropagation, MOUNT_PROPAGATIONS));
      const privileged = (container.securityContext as Obj | undefined)?.privileged === true;
      if (mnt.mountPropagation === 'Bidirectional' && !privileged) {
        errs.push(forbidden(mp, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
  });
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const STANDARD_RESOURCES = [
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
  'storage',
  'requests.storage',
];
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

const isHugePage = (n: string): boolean => n.startsWith('hugepages-');
const isNativeResource = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
function isExtendedResource(n: string): boolean {
  if (isNativeResource(n) || n.startsWith('requests.')) return false;
  return isQualifiedName('requests.' + n).length === 0;
}
const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePage(n);

function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs: FieldError[] = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  const single = !name.includes('/');
  if (single && !STANDARD_RESOURCES.includes(name) && !isHugePage(name) && !name.startsWith('requests.hugepages-')) {
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  }
  if (single) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !isHugePage(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function parseQuantityOrNull(v: unknown): Quantity | null {
  try {
    return parseQuantity(v as string | number);
  } catch {
    return null;
  }
}

/** ValidateResourceQuantityValue: non-negative, integral for integer resources. */
function validateQuantityValue(name: string, raw: unknown, path: string): { q: Quantity | null; errs: FieldError[] } {
  const err = quantityError(raw as string | number);
  // The apiserver refuses an unparseable quantity while decoding (see decodeErrorFor); this
  // keeps validation from accepting it when a caller skipped that step.
  if (err) return { q: null, errs: [invalid(path, raw, err)] };
  const q = parseQuantity(raw as string | number);
  const errs: FieldError[] = [];
  if (isNegative(q)) errs.push(invalid(path, quantityToString(q), IS_NEGATIVE));
  if (isExtendedResource(name) && !(q.exp10 >= 0 || q.unscaled % 10n ** BigInt(-q.exp10) === 0n)) {
    errs.push(invalid(path, quantityToString(q), 'must be an integer'));
  }
  return { q, errs };
}

function validateResources(res: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const limits: Record<string, unknown> = res?.limits ?? {};
  const requests: Record<string, unknown> = res?.requests ?? {};
  let cpuOrMemory = false;
  let hugePages = false;
  const limitQ: Record<string, Quantity | null> = {};
  for (const [name, raw] of Object.entries(limits)) {
    const p = key(limPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const { q, errs: qe } = validateQuantityValue(name, raw, p);
    errs.push(...qe);
    limitQ[name] = q;
    if (isHugePage(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = key(reqPath, name);
    errs.push(...validateContainerResourceName(name, p));
    const { q, errs: qe } = validateQuantityValue(name, raw, p);
    errs.push(...qe);
    if (name in limits) {
      const lq = limitQ[name];
      if (q && lq) {
        const cmp = compareQuantities(q, lq);
        if (cmp !== 0 && !isOvercommitAllowed(name)) {
          errs.push(invalid(reqPath, quantityToString(q), `must be equal to ${name} limit of ${quantityToString(lq)}`));
        } else if (cmp > 0) {
          errs.push(invalid(reqPath, quantityToString(q), `must be less than or equal to ${name} limit of ${quantityToString(lq)}`));
        }
      }
    } else if (!isOvercommitAllowed(name)) errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    if (isHugePage(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return isValidPortNum(0).map((m) => invalid(path, 0, m));
}

// Probe handlers (exec/httpGet/tcpSocket/grpc) and lifecycle handlers (exec/httpGet/tcpSocket/sleep).
function validateHandler(h: Obj, kinds: string[], gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const k of kinds) {
    if (!isSet(h[k])) continue;
    const p = child(path, k);
    if (n > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const v = h[k];
    if (k === 'exec' && !(v.command ?? []).length) errs.push(required(child(p, 'command')));
    if (k === 'httpGet') {
      if (!v.path) errs.push(required(child(p, 'path')));
      errs.push(...validatePortNumOrName(v.port, child(p, 'port')));
      if (!['HTTP', 'HTTPS'].includes(v.scheme)) errs.push(notSupported(child(p, 'scheme'), v.scheme ?? '', ['HTTP', 'HTTPS']));
      for (const hdr of v.httpHeaders ?? []) for (const m of isHTTPHeaderName(hdr.name ?? '')) errs.push(invalid(child(p, 'httpHeaders'), hdr.name ?? '', m));
    }
    if (k === 'tcpSocket') errs.push(...validatePortNumOrName(v.port, child(p, 'port')));
    if (k === 'grpc') errs.push(...validatePortNumOrName(typeof v.port === 'number' ? v.port : 0, child(p, 'port')));
    if (k === 'sleep' && gracePeriod !== undefined) {
      const s = v.seconds ?? 0;
      if (s < 0 || s > gracePeriod) errs.push(invalid(p, s, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: Obj | undefined, kind: 'liveness' | 'readiness' | 'startup', gracePeriod: number | undefined, path: string): FieldError[] {
  if (!isSet(probe)) return [];
  const p = probe!;
  const errs = validateHandler(p, PROBE_HANDLERS, gracePeriod, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = p[f] ?? 0;
    if (v < 0) errs.push(invalid(child(path, f), v, IS_NEGATIVE));
  }
  if (isSet(p.terminationGracePeriodSeconds) && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if ((kind === 'liveness' || kind === 'startup') && (p.successThreshold ?? 0) !== 1) {
    errs.push(invalid(child(path, 'successThreshold'), p.successThreshold ?? 0, 'must be 1'));
  }
  if (kind === 'readiness' && isSet(p.terminationGracePeriodSeconds)) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateLifecycle(lc: Obj, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(lc.postStart)) errs.push(...validateHandler(lc.postStart, LIFECYCLE_HANDLERS, gracePeriod, child(path, 'postStart')));
  if (isSet(lc.preStop)) errs.push(...validateHandler(lc.preStop, LIFECYCLE_HANDLERS, gracePeriod, child(path, 'preStop')));
  return errs;
}

export function validateContainerCommon(c: Container, volumes: Set<string>, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = child(path, 'name');
  if (!c.name) errs.push(required(namePath));
  else for (const m of isDNS1123Label(c.name)) errs.push(invalid(namePath, c.name, m));
  if (!c.image) errs.push(required(child(path, 'image')));
  const tmp = c.terminationMessagePolicy ?? '';
  if (!tmp) errs.push(required(child(path, 'terminationMessagePolicy')));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(c.ports as Obj[] | undefined, child(path, 'ports')));
  errs.push(...validateEnv(c.env as Obj[] | undefined, child(path, 'env'), opts));
  errs.push(...validateEnvFrom(c.envFrom as Obj[] | undefined, child(path, 'envFrom'), opts));
  errs.push(...validateVolumeMounts(c.volumeMounts as Obj[] | undefined, volumes, c, child(path, 'volumeMounts')));
  const pp = c.imagePullPolicy ?? '';
  if (!pp) errs.push(required(child(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(pp)) errs.push(notSupported(child(path, 'imagePullPolicy'), pp, PULL_POLICIES));
  errs.push(...validateResources(c.resources as Obj | undefined, child(path, 'resources')));
  return errs;
}

// AccumulateUniqueHostPorts: one host port per protocol/IP.
function checkHostPortConflicts(containers: Container[], path: string, seen = new Set<string>()): FieldError[] {
  const errs: FieldError[] = [];
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const k = `${port.protocol ?? ''}/${(port as Obj).hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(k)) errs.push(duplicate(child(index(child(index(path, ci), 'ports'), pi), 'hostPort'), k));
      else seen.add(k);
    });
  });
  return errs;
}

function validateContainers(containers: Container[] | undefined, volumes: Set<string>, grace: number | undefined, path: string, opts: PodValidationOptions): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p, opts));
    if (names.has(c.name ?? '')) errs.push(duplicate(child(p, 'name'), c.name ?? ''));
    else names.add(c.name ?? '');
    if (isSet(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, grace, child(p, 'lifecycle')));
    errs.push(...validateProbe(c.livenessProbe, 'liveness', grace, child(p, 'livenessProbe')));
    errs.push(...validateProbe(c.readinessProbe, 'readiness', grace, child(p, 'readinessProbe')));
    errs.push(...validateProbe(c.startupProbe, 'startup', grace, child(p, 'startupProbe')));
    if (isSet(c.restartPolicy)) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  return errs.concat(checkHostPortConflicts(containers, path));
}

function validateInitContainers(
  inits: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: Set<string>,
  grace: number | undefined,
  path: string,
  opts: PodValidationOptions,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>((regular ?? []).map((c) => c.name ?? ''));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p, opts));
    let restartAlways = false;
    if (isSet(c.restartPolicy)) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(child(p, 'restartPolicy'), c.restartPolicy, ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    // Names are unique across init and regular containers.
    if (names.has(c.name ?? '')) errs.push(duplicate(child(p, 'name'), c.name ?? ''));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      if (isSet(c.lifecycle)) errs.push(...validateLifecycle(c.lifecycle, grace, child(p, 'lifecycle')));
      errs.push(...validateProbe(c.livenessProbe, 'liveness', grace, child(p, 'livenessProbe')));
      errs.push(...validateProbe(c.readinessProbe, 'readiness', grace, child(p, 'readinessProbe')));
      errs.push(...validateProbe(c.startupProbe, 'startup', grace, child(p, 'startupProbe')));
    } else {
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isSet(c[f])) errs.push(forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

/** ValidateTolerations. */
export function validateTolerations(tolerations: Obj[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = index(path, i);
    const k = t.key ?? '';
    const op = t.operator ?? '';
    const effect = t.effect ?? '';
    if (k) errs.push(...validateLabelName(k, child(p, 'key')));
    if (!k && op !== 'Exists') {
      errs.push(invalid(child(p, 'operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (isSet(t.tolerationSeconds) && effect !== 'NoExecute') {
      errs.push(invalid(child(p, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const ve = isLabelValue(t.value ?? '');
      if (ve.length) errs.push(invalid(child(p, 'operator'), t.value ?? '', ve.join(';')));
    } else if (op === 'Exists') {
      if (t.value) errs.push(invalid(child(p, 'operator'), t.value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(child(p, 'operator'), op, ['Equal', 'Exists']));
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(child(p, 'effect'), effect, TAINT_EFFECTS));
  });
  return errs;
}

/**
 * ValidatePodSpec at `path` (`spec`, or `spec.template.spec` for workloads). Expects defaults
 * applied. Note: like Kubernetes, a negative terminationGracePeriodSeconds is accepted (a delete
 * then treats it as 1 second); only its absence is an error.
 */
export function validatePodSpec(spec: PodSpec | undefined, path = 'spec', opts: PodValidationOptions = {}): FieldError[] {
  const s = (spec ?? {}) as PodSpec & Obj;
  const errs: FieldError[] = [];
  if (!isSet(s.terminationGracePeriodSeconds)) errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  const grace = typeof s.terminationGracePeriodSeconds === 'number' ? s.terminationGracePeriodSeconds : undefined;
  const { errs: volErrs, names } = validateVolumes(s.volumes, child(path, 'volumes'), opts);
  errs.push(...volErrs);
  errs.push(...validateContainers(s.containers, names, grace, child(path, 'containers'), opts));
  errs.push(...validateInitContainers(s.initContainers, s.containers, names, grace, child(path, 'initContainers'), opts));

  // Every kbx pod has its own network namespace on the cluster network: refused rather than ignored.
  if (s.hostNetwork === true) {
    errs.push(forbidden(child(path, 'hostNetwork'), 'not supported by kbx: pods run on the cluster network (publish a port with hostPort, a NodePort or LoadBalancer Service, an Ingress or kbx port-forward)'));
  }
  if (s.shareProcessNamespace === true && s.hostPID === true) {
    errs.push(invalid(child(path, 'shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const rp = s.restartPolicy ?? '';
  if (!rp) errs.push(required(child(path, 'restartPolicy')));
  else if (!RESTART_POLICIES.includes(rp)) errs.push(notSupported(child(path, 'restartPolicy'), rp, RESTART_POLICIES));
  const dp = s.dnsPolicy ?? '';
  if (!dp) errs.push(required(child(path, 'dnsPolicy')));
  else if (!DNS_POLICIES.includes(dp)) errs.push(notSupported(child(path, 'dnsPolicy'), dp, DNS_POLICIES));
  errs.push(...validateLabels(s.nodeSelector, child(path, 'nodeSelector')));
  if (dp === 'None') {
    if (!isSet(s.dnsConfig)) errs.push(required(child(path, 'dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'));
    else if (!(s.dnsConfig.nameservers ?? []).length) {
      errs.push(required(child(path, 'dnsConfig', 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
    }
  }
  if (s.serviceAccountName) {
    for (const m of nameIsDNSSubdomain(s.serviceAccountName, false)) errs.push(invalid(child(path, 'serviceAccountName'), s.serviceAccountName, m));
  }
  if (s.nodeName) for (const m of nameIsDNSSubdomain(s.nodeName, false)) errs.push(invalid(child(path, 'nodeName'), s.nodeName, m));
  if (isSet(s.activeDeadlineSeconds)) {
    const v = s.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32) errs.push(invalid(child(path, 'activeDeadlineSeconds'), v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (s.hostname) for (const m of isDNS1123Label(s.hostname)) errs.push(invalid(child(path, 'hostname'), s.hostname, m));
  if (s.subdomain) for (const m of isDNS1123Label(s.subdomain)) errs.push(invalid(child(path, 'subdomain'), s.subdomain, m));
  if ((s.tolerations ?? []).length) errs.push(...validateTolerations(s.tolerations, child(path, 'tolerations')));
  if (s.priorityClassName) {
    for (const m of nameIsDNSSubdomain(s.priorityClassName, false)) errs.push(invalid(child(path, 'priorityClassName'), s.priorityClassName, m));
  }
  if (isSet(s.preemptionPolicy)) {
    if (!s.preemptionPolicy) errs.push(required(child(path, 'preemptionPolicy')));
    else if (!PREEMPTION_POLICIES.includes(s.preemptionPolicy)) errs.push(notSupported(child(path, 'preemptionPolicy'), s.preemptionPolicy, PREEMPTION_POLICIES));
  }
  if (opts.isPod) {
    // validateContainersOnlyForPod: templates tolerate padded images, pods do not.
    for (const [list, name] of [[s.containers, 'containers'], [s.initContainers, 'initContainers']] as const) {
      (list ?? []).forEach((c, i) => {
        if (c.image && c.image !== c.image.trim()) {
          errs.push(invalid(child(index(child(path, name), i), 'image'), c.image, 'must not have leading or trailing whitespace'));
        }
      });
    }
  }
  return errs;
}

// The Pod rules after metadata (ValidatePodCreate minus ValidateObjectMeta).
export function podRules(pod: KObject, opts: PodValidationOptions): FieldError[] {
  const errs = validatePodSpec(pod.spec as PodSpec, 'spec', { ...opts, isPod: true });
  if (!opts.update && (pod.spec?.ephemeralContainers ?? []).length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  return errs;
}

/** ValidatePodCreate: metadata, then spec, then the create-only rules. */
export function validatePod(pod: KObject, opts: PodValidationOptions = {}): FieldError[] {
  return [...validateObjectMeta(pod.metadata, { namespaced: true, nameValidator: nameIsDNSSubdomain }), ...podRules(pod, opts)];
}

/** ValidatePodTemplateSpec, for workload kinds that embed a pod template. */
export function validatePodTemplateSpec(template: { metadata?: ObjectMeta; spec?: PodSpec } | undefined, path: string, opts: PodValidationOptions = {}): FieldError[] {
  const t = template ?? {};
  const errs = validateLabels(t.metadata?.labels, child(path, 'metadata', 'labels'));
  errs.push(...validateAnnotations(t.metadata?.annotations, child(path, 'metadata', 'annotations')));
  errs.push(...validatePodSpec(t.spec, child(path, 'spec'), { ...opts, isPod: false }));
  if (((t.spec as Obj | undefined)?.ephemeralContainers ?? []).length) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

export function namespaceRules(ns: KObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of (ns.spec?.finalizers ?? []) as string[]) {
    for (const m of isQualifiedName(f)) errs.push(invalid('spec.finalizers', f, m));
    errs.push(...validateKubeFinalizerName(f, 'spec.finalizers'));
  }
  return errs;
}

/** ValidateNamespace: a DNS label name, and finalizer names in spec. */
export function validateNamespace(ns: KObject): FieldError[] {
  return [...validateObjectMeta(ns.metadata, { namespaced: false, nameValidator: nameIsDNSLabel }), ...namespaceRules(ns)];
}

// ---------------------------------------------------------------------------------------------
// Decode-time failures

/**
 * What the apiserver says when the body cannot even be decoded into the kind, checked before
 * validation: today, unparseable quantities (`Pod in version "v1" cannot be handled as a Pod:
 * quantities must match the regular expression ...`). Returns null when the object decodes.
 * Answer it as 400 BadRequest (errors.badRequest / errors.decodeError).
 */
export function decodeErrorFor(obj: KObject, info: Pick<ResourceInfo, 'kind' | 'version'>): string | null {
  const specs: Obj[] = [];
  if (info.kind === 'Pod') specs.push((obj.spec ?? {}) as Obj);
  else if (obj.spec?.template?.spec) specs.push(obj.spec.template.spec as Obj);
  for (const spec of specs) {
    const lists: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
    const quantities: unknown[] = [];
    for (const c of lists) {
      quantities.push(...Object.values((c.resources?.limits ?? {}) as Obj), ...Object.values((c.resources?.requests ?? {}) as Obj));
    }
    quantities.push(...Object.values((spec.overhead ?? {}) as Obj));
    for (const v of spec.volumes ?? []) if (isSet(v?.emptyDir?.sizeLimit)) quantities.push(v.emptyDir.sizeLimit);
    for (const q of quantities) {
      if (q === null) continue;
      const err = quantityError(q as string | number);
      if (err) return `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${err}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dispatch

/** Validates what follows metadata for one kind; the metadata has been checked first. */
export type SpecValidator = (obj: KObject, opts: PodValidationOptions) => FieldError[];

/**
 * Validates a (defaulted) object for create or update: always its metadata (the kind's name rule,
 * labels, annotations, owner references, finalizers), then the kind's spec rules. Which rules a
 * kind has is its declaration's business (src/kinds/).
 */
export function validateObject(
  obj: KObject,
  kind: { namespaced: boolean; nameValidator?: NameValidator; validate?: SpecValidator },
  opts: PodValidationOptions = {},
): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, { namespaced: kind.namespaced, nameValidator: kind.nameValidator ?? nameIsDNSSubdomain });
  if (kind.validate) errs.push(...kind.validate(obj, opts));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Updates

export const POD_UPDATABLE_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** First line of the Forbidden detail for a disallowed pod spec change (Kubernetes appends a Go diff). */
export const POD_UPDATE_FORBIDDEN = `pod updates may not change fields other than ${POD_UPDATABLE_FIELDS.join(',')}`;

function validateContainerUpdates(newC: Container[] | undefined, oldC: Container[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const n = newC ?? [];
  if (n.length !== (oldC ?? []).length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), 'image')));
    if ((c.image ?? '') !== (c.image ?? '').trim()) errs.push(invalid(child(index(path, i), 'image'), c.image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function tolerationEqualIgnoringSeconds(a: Obj, b: Obj): boolean {
  return semanticEqual({ ...a, tolerationSeconds: undefined }, { ...b, tolerationSeconds: undefined });
}

/**
 * The update-only rules of ValidatePodUpdate (immutable spec except images, deadline,
 * tolerations additions and the grace-period fix-up). The full pod validation of the new
 * object is validate()'s job; validateForUpdate() runs both in Kubernetes' order.
 */
export function validatePodUpdate(newPod: KObject, oldPod: KObject): FieldError[] {
  const ns = (newPod.spec ?? {}) as PodSpec & Obj;
  const os = (oldPod.spec ?? {}) as PodSpec & Obj;
  const errs: FieldError[] = [];
  for (const [name, nc, oc] of [
    ['containers', ns.containers, os.containers],
    ['initContainers', ns.initContainers, os.initContainers],
  ] as const) {
    const r = validateContainerUpdates(nc, oc, `spec.${name}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  if (isSet(ns.activeDeadlineSeconds)) {
    const v = ns.activeDeadlineSeconds as number;
    if (v < 0 || v > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', v, inclusiveRangeError(0, MAX_INT32))];
    if (isSet(os.activeDeadlineSeconds) && os.activeDeadlineSeconds < v) {
      return [...errs, invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (isSet(os.activeDeadlineSeconds)) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  // Tolerations: every old one must survive (its tolerationSeconds may change).
  let tolOk = true;
  for (const old of (os.tolerations ?? []) as Obj[]) {
    if (!((ns.tolerations ?? []) as Obj[]).some((t) => tolerationEqualIgnoringSeconds(old, t))) {
      errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
      tolOk = false;
      break;
    }
  }
  if (tolOk) errs.push(...validateTolerations(ns.tolerations as Obj[] | undefined, 'spec.tolerations'));
  // Scheduling gates may only be removed.
  const oldGates = new Set(((os.schedulingGates ?? []) as Obj[]).map((g) => g.name));
  ((ns.schedulingGates ?? []) as Obj[]).forEach((g, i) => {
    if (!oldGates.has(g.name)) errs.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g.name}'`));
  });
  if (semanticEqual(ns, os)) return errs;
  // Neutralise what may change, then anything left over is forbidden.
  const munged: Obj = structuredClone(ns);
  munged.containers = (munged.containers ?? []).map((c: Obj, i: number) => ({ ...c, image: os.containers?.[i]?.image }));
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c: Obj, i: number) => ({ ...c, image: os.initContainers?.[i]?.image }));
  munged.activeDeadlineSeconds = os.activeDeadlineSeconds;
  munged.schedulingGates = os.schedulingGates;
  munged.tolerations = os.tolerations;
  if (typeof os.terminationGracePeriodSeconds === 'number' && os.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = os.terminationGracePeriodSeconds;
  }
  if (!semanticEqual(munged, os)) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

/** Update-specific errors every kind shares: immutable metadata. A kind's own update rules come from its declaration. */
export function validateMetaUpdate(oldObj: KObject, newObj: KObject): FieldError[] {
  return validateObjectMetaUpdate(newObj.metadata ?? {}, oldObj.metadata ?? {});
}
