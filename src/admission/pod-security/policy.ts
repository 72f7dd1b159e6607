// Pod Security levels, versions and the namespace labels that choose them (pod-security-admission's
// api/helpers.go), and the evaluator that runs the checks of a level at a version (policy/registry.go)
// and joins their results into the refusal's text (policy/checks.go).
import type { FieldError } from '../../api/field-errors.js';
import { CHECKS, type CheckFn, type CheckResult } from './checks.js';

type Obj = Record<string, any>;
export type Level = 'privileged' | 'baseline' | 'restricted';
/** A minor version of Kubernetes 1.x, or 'latest'. */
export type Version = number | 'latest';
export interface LevelVersion {
  level: Level;
  version: Version;
}
export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

/** The API server's own minor version: 'latest' and newer versions evaluate as this one (the emulation version). */
export const SERVER_MINOR = 35;

const PREFIX = 'pod-security.kubernetes.io/';
export const LABELS = {
  enforce: `${PREFIX}enforce`,
  enforceVersion: `${PREFIX}enforce-version`,
  audit: `${PREFIX}audit`,
  auditVersion: `${PREFIX}audit-version`,
  warn: `${PREFIX}warn`,
  warnVersion: `${PREFIX}warn-version`,
} as const;

const LEVELS: Level[] = ['privileged', 'baseline', 'restricted'];
const PRIVILEGED_LATEST: LevelVersion = { level: 'privileged', version: 'latest' };
export const DEFAULT_POLICY: Policy = { enforce: PRIVILEGED_LATEST, audit: PRIVILEGED_LATEST, warn: PRIVILEGED_LATEST };

export const levelVersionString = (lv: LevelVersion): string => `${lv.level}:${lv.version === 'latest' ? 'latest' : `v1.${lv.version}`}`;

export function compareLevels(a: Level, b: Level): number {
  return LEVELS.indexOf(a) - LEVELS.indexOf(b);
}

function parseLevel(v: string): Level | undefined {
  return (LEVELS as string[]).includes(v) ? (v as Level) : undefined;
}

function parseVersion(v: string): Version | undefined {
  if (v === 'latest') return 'latest';
  const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

const labelError = (label: string, value: string, detail: string): FieldError => ({ type: 'Invalid', field: `metadata.labels[${label}]`, badValue: value, detail });
const LEVEL_ERROR = 'must be one of privileged, baseline, restricted';
const VERSION_ERROR = 'must be "latest" or "v1.x"';

/** The policy a namespace's labels ask for, and the errors in them (an unparsable enforce level fails closed, audit and warn open). */
export function policyFromLabels(labels: Record<string, string> | undefined, defaults: Policy = DEFAULT_POLICY): { policy: Policy; errors: FieldError[] } {
  const p: Policy = { enforce: { ...defaults.enforce }, audit: { ...defaults.audit }, warn: { ...defaults.warn } };
  const errors: FieldError[] = [];
  if (!labels || !Object.keys(labels).length) return { policy: p, errors };
  let hasEnforceLevel = false;
  const level = (label: string, failTo: Level): Level | undefined => {
    if (!(label in labels)) return undefined;
    const l = parseLevel(labels[label]!);
    if (!l) errors.push(labelError(label, labels[label]!, LEVEL_ERROR));
    return l ?? failTo;
  };
  const version = (label: string): Version | undefined => {
    if (!(label in labels)) return undefined;
    const v = parseVersion(labels[label]!);
    if (v === undefined) errors.push(labelError(label, labels[label]!, VERSION_ERROR));
    return v ?? 'latest';
  };
  const el = level(LABELS.enforce, 'restricted');
  if (el) {
    p.enforce.level = el;
    hasEnforceLevel = parseLevel(labels[LABELS.enforce]!) !== undefined;
  }
  const ev = version(LABELS.enforceVersion);
  if (ev !== undefined) p.enforce.version = ev;
  const al = level(LABELS.audit, 'privileged');
  if (al) p.audit.level = al;
  const av = version(LABELS.auditVersion);
  if (av !== undefined) p.audit.version = av;
  const wl = level(LABELS.warn, 'privileged');
  if (wl) p.warn.level = wl;
  const wv = version(LABELS.warnVersion);
  if (wv !== undefined) p.warn.version = wv;
  // Warn defaults to the enforce level (and its version) when only enforce is set.
  if (!(LABELS.warn in labels) && hasEnforceLevel && compareLevels(p.enforce.level, p.warn.level) > 0) {
    p.warn.level = p.enforce.level;
    if (!(LABELS.warnVersion in labels)) p.warn.version = p.enforce.version;
  }
  return { policy: p, errors };
}

export const fullyPrivileged = (p: Policy): boolean => p.enforce.level === 'privileged' && p.audit.level === 'privileged' && p.warn.level === 'privileged';
export const sameLevelVersion = (a: LevelVersion, b: LevelVersion): boolean => a.level === b.level && a.version === b.version;

// The checks of each level at each version, in upstream's order: baseline ids sorted, then restricted ids sorted;
// a restricted check in force at a version replaces the baseline checks it overrides.
const ORDERED = [...CHECKS.filter((c) => c.level === 'baseline'), ...CHECKS.filter((c) => c.level === 'restricted')].sort((a, b) =>
  a.level !== b.level ? (a.level === 'baseline' ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);
const cache = new Map<string, CheckFn[]>();

function checksFor(level: 'baseline' | 'restricted', minor: number): CheckFn[] {
  const key = `${level}:${minor}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const at = (c: (typeof CHECKS)[number]) => [...c.versions].reverse().find((v) => v.min <= minor);
  const overridden = new Set(ORDERED.filter((c) => c.level === 'restricted').flatMap((c) => at(c)?.overrides ?? []));
  const fns = ORDERED.filter((c) => (level === 'restricted' ? !(c.level === 'baseline' && overridden.has(c.id)) : c.level === 'baseline'))
    .map((c) => at(c)?.fn)
    .filter((f): f is CheckFn => !!f);
  cache.set(key, fns);
  return fns;
}

export interface Aggregate {
  allowed: boolean;
  reasons: string[];
  details: string[];
}

/** Runs the level's checks on a pod's metadata and spec. */
export function evaluatePod(lv: LevelVersion, meta: Obj, spec: Obj): Aggregate {
  if (lv.level === 'privileged') return { allowed: true, reasons: [], details: [] };
  const minor = lv.version === 'latest' || lv.version > SERVER_MINOR ? SERVER_MINOR : lv.version;
  const results: CheckResult[] = checksFor(lv.level, minor).map((fn) => fn(meta ?? {}, spec ?? {}));
  const failed = results.filter((r) => !r.allowed);
  return { allowed: !failed.length, reasons: failed.map((r) => r.reason || 'unknown forbidden reason'), details: failed.map((r) => r.detail ?? '') };
}

/** `reason (detail), reason (detail)` — the text after `violates PodSecurity "…": `. */
export function forbiddenDetail(a: Aggregate): string {
  return a.reasons.map((r, i) => (a.details[i] ? `${r} (${a.details[i]})` : r)).join(', ');
}

export const forbiddenReason = (a: Aggregate): string => a.reasons.join(', ');
