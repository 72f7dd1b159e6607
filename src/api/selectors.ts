// Label and field selectors with apimachinery's grammar, error texts and canonical printing
// (k8s.io/apimachinery/pkg/labels/selector.go, pkg/fields/selector.go), plus the per-kind
// selectable fields the apiserver supports (pkg/apis/core/v1/conversion.go).
import type { KObject } from './types.js';
import { type FieldError, aggregateMessage, invalid, notSupported } from './field-errors.js';
import { goQuote } from '../compat/go-format.js';
import { isLabelKey, isLabelValue } from './validation.js';

// ---------------------------------------------------------------------------------------------
// Label selectors

/** selection.Operator values, as Kubernetes spells them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/**
 * A parsed label selector. `nothing` is the nil selector (labels.Nothing()): it matches no
 * object. Otherwise all requirements must hold; no requirements matches everything.
 */
export interface LabelSelector {
  nothing: boolean;
  requirements: LabelRequirement[];
}

/** metav1.LabelSelector, the structured form in specs. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
}

export function everything(): LabelSelector {
  return { nothing: false, requirements: [] };
}

export function nothing(): LabelSelector {
  return { nothing: true, requirements: [] };
}

export function isEverything(sel: LabelSelector): boolean {
  return !sel.nothing && sel.requirements.length === 0;
}

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const VALID_OPERATORS = [...BINARY_OPERATORS, 'exists', '!'];

// A nil field.Path prints as "<nil>"; the parser validates keys against it.
const NIL_PATH = '<nil>';

function validateLabelKeyErr(k: string, path: string): FieldError | null {
  const errs = isLabelKey(k);
  return errs.length ? invalid(path, k, errs.join('; ')) : null;
}

function validateLabelValueErr(k: string, v: string, path: string): FieldError | null {
  const errs = isLabelValue(v);
  return errs.length ? invalid(`${path}[${k}]`, v, errs.join('; ')) : null;
}

/** labels.NewRequirement: throws the aggregated field errors as one Error. */
export function newRequirement(key: string, operator: LabelOperator, values: string[], path = ''): LabelRequirement {
  const errs: FieldError[] = [];
  const keyPath = path ? `${path}.key` : 'key';
  const valuePath = path ? `${path}.values` : 'values';
  const keyErr = validateLabelKeyErr(key, keyPath);
  if (keyErr) errs.push(keyErr);
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(invalid(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(invalid(valuePath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(invalid(valuePath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(invalid(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (!/^[+-]?[0-9]+$/.test(v)) errs.push(invalid(`${valuePath}[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(notSupported(path ? `${path}.operator` : 'operator', operator, VALID_OPERATORS));
  }
  values.forEach((v, i) => {
    const e = validateLabelValueErr(key, v, `${valuePath}[${i}]`);
    if (e) errs.push(e);
  });
  if (errs.length) throw new Error(aggregateMessage(errs));
  return { key, operator, values };
}

// --- lexer (labels.Lexer) ---

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const STRING_TO_TOKEN: Record<string, Tok> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c) && c !== '';

function lex(s: string): { tok: Tok; lit: string }[] {
  const items: { tok: Tok; lit: string }[] = [];
  let pos = 0;
  const read = (): string => (pos < s.length ? s[pos++]! : '');
  for (;;) {
    let ch = read();
    while (ch !== '' && isWhitespace(ch)) ch = read();
    if (ch === '') {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    pos--;
    if (isSpecial(ch)) {
      // Longest run of special characters that is still a known token.
      let buffer = '';
      let last: { tok: Tok; lit: string } | null = null;
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecial(c)) {
          buffer += c;
          const t = Object.prototype.hasOwnProperty.call(STRING_TO_TOKEN, buffer) ? STRING_TO_TOKEN[buffer] : undefined;
          if (t) last = { tok: t, lit: buffer };
          else if (last) {
            pos--;
            break;
          }
        } else {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecial(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buffer += c;
      }
      const t = Object.prototype.hasOwnProperty.call(STRING_TO_TOKEN, buffer) ? STRING_TO_TOKEN[buffer]! : 'id';
      items.push({ tok: t, lit: buffer });
    }
  }
}

// --- parser (labels.Parser) ---

class Parser {
  private pos = 0;
  constructor(private readonly items: { tok: Tok; lit: string }[]) {}

  // In a values context the keywords `in`/`notin` are plain identifiers.
  lookahead(values: boolean): { tok: Tok; lit: string } {
    const it = this.items[this.pos]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }

  consume(values: boolean): { tok: Tok; lit: string } {
    const it = this.lookahead(values);
    this.pos++;
    return it;
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === 'id' || tok === '!') {
        let r: LabelRequirement;
        try {
          r = this.parseRequirement();
        } catch (e) {
          throw new Error(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const t = this.consume(true);
        if (t.tok === 'eos') return reqs;
        if (t.tok === ',') {
          const t2 = this.lookahead(true);
          if (t2.tok !== 'id' && t2.tok !== '!') throw new Error(`found '${t2.lit}', expected: identifier after ','`);
        } else throw new Error(`found '${t.lit}', expected: ',' or 'end of string'`);
      } else if (tok === 'eos') return reqs;
      else throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  parseRequirement(): LabelRequirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): unique and sorted.
    return newRequirement(key, op, [...new Set(values)].sort(byteCompare));
  }

  parseKeyAndInferOperator(): { key: string; operator: LabelOperator | '' } {
    let operator: LabelOperator | '' = '';
    let t = this.consume(true);
    if (t.tok === '!') {
      operator = '!';
      t = this.consume(true);
    }
    if (t.tok !== 'id') throw new Error(`found '${t.lit}', expected: identifier`);
    const e = validateLabelKeyErr(t.lit, NIL_PATH);
    if (e) throw new Error(aggregateMessage([e]));
    const next = this.lookahead(true).tok;
    if ((next === 'eos' || next === ',') && operator !== '!') operator = 'exists';
    return { key: t.lit, operator };
  }

  parseOperator(): LabelOperator {
    const { tok, lit } = this.consume(false);
    const ops: Partial<Record<Tok, LabelOperator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    const op = ops[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return op;
  }

  parseValues(): string[] {
    let t = this.consume(true);
    if (t.tok !== '(') throw new Error(`found '${t.lit}' expected: '('`);
    t = this.lookahead(true);
    if (t.tok === 'id' || t.tok === ',') {
      const s = this.parseIdentifiersList();
      if (this.consume(true).tok !== ')') throw new Error(`found '${t.lit}', expected: ')'`);
      return s;
    }
    if (t.tok === ')') {
      this.consume(true);
      return [''];
    }
    throw new Error(`found '${t.lit}', expected: ',', ')' or identifier`);
  }

  parseIdentifiersList(): string[] {
    const s: string[] = [];
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'id') {
        s.push(lit);
        const t2 = this.lookahead(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') return s;
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (tok === ',') {
        // `(,`, `,,` and `,)` each stand for an empty value.
        if (s.length === 0) s.push('');
        const t2 = this.lookahead(true).tok;
        if (t2 === ')') {
          s.push('');
          return s;
        }
        if (t2 === ',') s.push('');
      } else throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  }

  parseExactValue(): string[] {
    const t = this.lookahead(true).tok;
    if (t === 'eos' || t === ',') return [''];
    const { tok, lit } = this.consume(true);
    if (tok === 'id') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

// Go sorts strings by bytes; for UTF-16 this equals code-point order except astral planes.
function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortByKey(reqs: LabelRequirement[]): LabelRequirement[] {
  return [...reqs].sort((a, b) => byteCompare(a.key, b.key));
}

/**
 * labels.Parse. Throws an Error whose message is apimachinery's, e.g.
 * `unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt`.
 * The empty string selects everything.
 */
export function parseLabelSelector(s: string): LabelSelector {
  const reqs = new Parser(lex(s)).parse();
  return { nothing: false, requirements: sortByKey(reqs) };
}

function requirementMatches(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const val = has ? labels[r.key]! : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(val!);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(val!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^[+-]?[0-9]+$/.test(val!) || r.values.length !== 1 || !/^[+-]?[0-9]+$/.test(r.values[0]!)) return false;
      const lv = BigInt(val!);
      const rv = BigInt(r.values[0]!);
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
    default:
      return false;
  }
}

export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined | null): boolean {
  if (sel.nothing) return false;
  const l = labels ?? {};
  return sel.requirements.every((r) => requirementMatches(r, l));
}

/** Requirement.String(). */
export function requirementToString(r: LabelRequirement): string {
  let s = r.operator === '!' ? '!' + r.key : r.key;
  switch (r.operator) {
    case 'exists':
    case '!':
      return s;
    case '=':
    case '==':
    case '!=':
      s += r.operator;
      break;
    case 'in':
    case 'notin':
      s += ` ${r.operator} `;
      break;
    case 'gt':
      s += '>';
      break;
    case 'lt':
      s += '<';
      break;
  }
  const vals = r.values.length === 1 ? r.values[0]! : [...r.values].sort(byteCompare).join(',');
  return r.operator === 'in' || r.operator === 'notin' ? `${s}(${vals})` : s + vals;
}

/** Selector.String(): `app=web,tier in (a,b)`; the nil selector prints as ''. */
export function selectorToString(sel: LabelSelector): string {
  if (sel.nothing) return '';
  return sel.requirements.map(requirementToString).join(',');
}

/** labels.SelectorFromSet: equality on every pair, no validation. */
export function selectorFromSet(set: Record<string, string> | null | undefined): LabelSelector {
  if (!set) return everything();
  return {
    nothing: false,
    requirements: sortByKey(Object.entries(set).map(([key, v]) => ({ key, operator: '=' as const, values: [v] }))),
  };
}

/**
 * metav1.LabelSelectorAsSelector: null/undefined is the nil selector and matches nothing; an
 * empty selector ({}) matches everything. Throws on an unknown operator or invalid key/value.
 */
export function labelSelectorFromSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector {
  if (spec === null || spec === undefined) return nothing();
  const matchLabels = spec.matchLabels ?? {};
  const exprs = spec.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + exprs.length === 0) return everything();
  const reqs: LabelRequirement[] = [];
  for (const [k, v] of Object.entries(matchLabels)) reqs.push(newRequirement(k, '=', [v]));
  for (const e of exprs) {
    const ops: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };
    const op = ops[e.operator];
    if (!op) throw new Error(`${goQuote(e.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
  }
  return { nothing: false, requirements: sortByKey(reqs) };
}

/** metav1.FormatLabelSelector, as `kubectl get -o wide` and describe print it. */
export function formatLabelSelector(spec: LabelSelectorSpec | null | undefined): string {
  let s: string;
  try {
    s = selectorToString(labelSelectorFromSpec(spec));
  } catch {
    return '<error>';
  }
  return s.length === 0 ? '<none>' : s;
}

/** kubectl's wording when a -l/--selector value does not parse. */
export function invalidSelectorMessage(selector: string, err: Error | string): string {
  return `the provided selector ${goQuote(selector)} is not valid: ${typeof err === 'string' ? err : err.message}`;
}

/**
 * kubectl's resource builder wraps a BadRequest/NotFound list error with the selectors it used:
 * `Unable to find "/v1, Resource=pods" that match label selector "", field selector "x=y": ...`.
 */
export function enhanceListErrorMessage(
  resource: { group: string; version: string; plural: string },
  labelSelector: string,
  fieldSelector: string,
  message: string,
): string {
  const gvr = goQuote(`${resource.group}/${resource.version}, Resource=${resource.plural}`);
  if (!labelSelector && !fieldSelector) return `Unable to list ${gvr}: ${message}`;
  return `Unable to find ${gvr} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${message}`;
}

// ---------------------------------------------------------------------------------------------
// Field selectors

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

/** AND of requirements; none selects everything. */
export interface FieldSelector {
  requirements: FieldRequirement[];
}

function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

function splitTerm(term: string): [string, FieldRequirement['operator'], string] | null {
  for (let i = 0; i < term.length; i++) {
    const rest = term.slice(i);
    for (const op of ['!=', '==', '='] as const) {
      if (rest.startsWith(op)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return null;
}

/** fields.UnescapeValue: `\\`, `\,` and `\=` are the only escapes; bare `,`/`=` are errors. */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else throw new Error(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') throw new Error(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => '\\' + c);
}

/**
 * fields.ParseSelector. Terms are sorted (as Go does) and `==` is the same as `=`. Throws e.g.
 * `invalid selector: 'foo'; can't understand 'foo'`.
 */
export function parseFieldSelector(s: string): FieldSelector {
  const parts = splitTerms(s).sort(byteCompare);
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new Error(`invalid selector: '${s}'; can't understand '${part}'`);
    requirements.push({ field: t[0], operator: t[1], value: unescapeFieldValue(t[2]) });
  }
  return { requirements };
}

/** Selector.String(): `==` prints as `=`, values escaped. */
export function fieldSelectorToString(sel: FieldSelector): string {
  return sel.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeFieldValue(r.value)}`).join(',');
}

/** Field labels each kind's conversion function accepts; other kinds accept only metadata ones. */
const SELECTABLE: Record<string, string[]> = {
  Pod: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  Node: ['metadata.name', 'spec.unschedulable'],
  ReplicationController: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  ReplicaSet: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    'metadata.namespace',
    'metadata.name',
  ],
  Namespace: ['status.phase', 'metadata.name'],
  Secret: ['type', 'metadata.namespace', 'metadata.name'],
  Service: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
};

/** Old clients send spec.host; the apiserver reads it as spec.nodeName. */
const FIELD_ALIASES: Record<string, Record<string, string>> = { Pod: { 'spec.host': 'spec.nodeName' } };

/**
 * The apiserver's 400 message for a field label the kind does not support, or null when it is
 * supported: `field label not supported: <f>` for kinds with their own conversion function,
 * `"<f>" is not a known field selector: only "metadata.name", "metadata.namespace"` otherwise.
 */
export function fieldLabelError(kind: string, field: string): string | null {
  const aliases = FIELD_ALIASES[kind] ?? {};
  if (aliases[field]) return null;
  const supported = SELECTABLE[kind];
  if (supported) return supported.includes(field) ? null : `field label not supported: ${field}`;
  if (field === 'metadata.name' || field === 'metadata.namespace') return null;
  return `${goQuote(field)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

/** The first unsupported field's message for this kind, or null. */
export function validateFieldSelector(sel: FieldSelector, kind: string): string | null {
  for (const r of sel.requirements) {
    const e = fieldLabelError(kind, r.field);
    if (e) return e;
  }
  return null;
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The fields.Set the apiserver matches a field selector against (ToSelectableFields). */
export function selectableFields(obj: KObject, kind: string): Record<string, string> {
  const meta = obj.metadata ?? {};
  const f: Record<string, string> = { 'metadata.name': str(meta.name) };
  // Cluster-scoped kinds still expose metadata.namespace (empty) through the generic set.
  f['metadata.namespace'] = str(meta.namespace);
  const spec = (obj.spec ?? {}) as Record<string, any>;
  const status = (obj.status ?? {}) as Record<string, any>;
  switch (kind) {
    case 'Pod': {
      f['spec.nodeName'] = str(spec.nodeName);
      f['spec.restartPolicy'] = str(spec.restartPolicy);
      f['spec.schedulerName'] = str(spec.schedulerName);
      f['spec.serviceAccountName'] = str(spec.serviceAccountName);
      f['spec.hostNetwork'] = spec.hostNetwork ? 'true' : 'false';
      f['status.phase'] = str(status.phase);
      const ips: { ip?: string }[] = Array.isArray(status.podIPs) ? status.podIPs : [];
      f['status.podIP'] = str(ips[0]?.ip ?? status.podIP);
      f['status.podIPs'] = ips.map((p) => str(p.ip)).join(',');
      f['status.nominatedNodeName'] = str(status.nominatedNodeName);
      break;
    }
    case 'Event': {
      const io = ((obj as Record<string, any>).involvedObject ?? {}) as Record<string, any>;
      const ev = obj as Record<string, any>;
      f['involvedObject.kind'] = str(io.kind);
      f['involvedObject.namespace'] = str(io.namespace);
      f['involvedObject.name'] = str(io.name);
      f['involvedObject.uid'] = str(io.uid);
      f['involvedObject.apiVersion'] = str(io.apiVersion);
      f['involvedObject.resourceVersion'] = str(io.resourceVersion);
      f['involvedObject.fieldPath'] = str(io.fieldPath);
      f['reason'] = str(ev.reason);
      f['reportingComponent'] = str(ev.reportingComponent);
      f['source'] = str(ev.source?.component) || str(ev.reportingComponent);
      f['type'] = str(ev.type);
      break;
    }
    case 'Namespace':
      f['status.phase'] = str(status.phase);
      break;
    case 'Node':
      f['spec.unschedulable'] = spec.unschedulable ? 'true' : 'false';
      break;
    case 'ReplicaSet':
    case 'ReplicationController':
      f['status.replicas'] = str(status.replicas ?? 0);
      break;
    case 'Secret':
      f['type'] = str((obj as Record<string, any>).type);
      break;
    case 'Service':
      f['spec.clusterIP'] = str(spec.clusterIP);
      f['spec.type'] = str(spec.type);
      break;
  }
  return f;
}

/**
 * Whether `obj` (of `kind`) matches. Throws an Error carrying the apiserver's message when a
 * field is not selectable for the kind, so callers can answer 400 BadRequest with it.
 */
export function matchesFields(sel: FieldSelector, obj: KObject, kind: string): boolean {
  const err = validateFieldSelector(sel, kind);
  if (err) throw new Error(err);
  const fields = selectableFields(obj, kind);
  const aliases = FIELD_ALIASES[kind] ?? {};
  return sel.requirements.every((r) => {
    const v = fields[aliases[r.field] ?? r.field] ?? '';
    return r.operator === '!=' ? v !== r.value : v === r.value;
  });
}
