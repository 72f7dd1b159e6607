// A verb's flags as data (the verb table in verbs.ts lists them): what commander is told, what the
// help shows (kubectl's `--name=default:` lines) and how pflag's spellings are normalised for
// commander (`--server-side=true`, `-o=yaml`, `--watch=false`).
import { Option } from 'commander';

/** pflag's value kinds, as far as they change parsing or how the default is shown. */
export type FlagType = 'bool' | 'string' | 'int' | 'list' | 'duration';

export interface FlagSpec {
  /** `server-side` */
  long: string;
  /** `f` for `-f`. */
  short?: string;
  type: FlagType;
  help: string;
  /**
   * The value the verb's code receives when the flag is not given (undefined: none). For the help
   * line, `shown` (kubectl's default as kubectl prints it) wins over it.
   */
  default?: string | boolean | string[];
  shown?: string;
  /** Accepted but not listed (kubectl's deprecated/hidden flags). */
  hidden?: boolean;
}

type Extra = Partial<Pick<FlagSpec, 'default' | 'shown' | 'hidden'>>;

function make(type: FlagType, names: string, help: string, extra: Extra = {}): FlagSpec {
  const m = /^(?:-([a-zA-Z]), )?--([a-z0-9][a-z0-9-]*)$/.exec(names);
  if (!m) throw new Error(`bad flag names ${JSON.stringify(names)}`);
  return { long: m[2]!, ...(m[1] ? { short: m[1] } : {}), type, help, ...extra };
}

/** Flag constructors for the table: `bool('-R, --recursive', 'help')`, `str('--dry-run', 'help', { shown: 'none' })`. */
export const bool = (names: string, help: string, extra?: Extra) => make('bool', names, help, extra);
export const str = (names: string, help: string, extra?: Extra) => make('string', names, help, extra);
export const int = (names: string, help: string, extra?: Extra) => make('int', names, help, extra);
export const list = (names: string, help: string, extra?: Extra) => make('list', names, help, extra);
export const duration = (names: string, help: string, extra?: Extra) => make('duration', names, help, extra);

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

/** `--no-headers` is a flag of its own name in kubectl; commander reads any `--no-x` as x's negation. */
const negative = (f: FlagSpec) => f.long.startsWith('no-');

/** The commander options for one flag: the flag, and for a boolean its `--no-x` (what `--x=false` becomes). */
export function toOptions(f: FlagSpec): Option[] {
  const names = `${f.short ? `-${f.short}, ` : ''}--${f.long}`;
  if (f.type === 'bool') {
    const o = new Option(names, f.help);
    if (f.default !== undefined && !negative(f)) o.default(f.default);
    if (negative(f)) return [o];
    return [o, new Option(`--no-${f.long}`).hideHelp()];
  }
  const o = new Option(`${names} <${f.long}>`, f.help);
  if (f.default !== undefined) o.default(f.default);
  // pflag's slices: every occurrence adds; the first one given replaces the default.
  if (f.type === 'list') o.argParser((v: string, prev: string[] | undefined) => collect(v, prev === f.default ? undefined : prev));
  return [o];
}

/** The default as kubectl's help prints it: `[]`, `false`, `''`, `'strict'`, `-1`, `0s`. */
export function shownDefault(f: FlagSpec): string {
  if (f.shown !== undefined) return f.shown;
  const d = f.default;
  switch (f.type) {
    case 'bool':
      return negative(f) ? 'false' : String(d ?? false);
    case 'list':
      return '[]';
    case 'int':
      return String(d ?? 0);
    case 'duration':
      return String(d ?? '0s');
    default:
      return `'${d ?? ''}'`;
  }
}

/** strconv.ParseBool's spellings. */
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** A flag a user typed that pflag rejects before the verb runs (bad boolean value). */
export class FlagValueError extends Error {}

/**
 * pflag accepts `-o=yaml`, `--watch=false`, `--server-side=true`, `--all=1`; commander does not.
 * Rewrites them for commander, using the booleans of the verb being run (and the global ones).
 */
export function normalizeArgs(args: string[], flags: readonly FlagSpec[]): string[] {
  const bools = new Map<string, FlagSpec>();
  for (const f of flags) {
    if (f.type !== 'bool') continue;
    bools.set(`--${f.long}`, f);
    if (f.short) bools.set(`-${f.short}`, f);
  }
  const out: string[] = [];
  for (const a of args) {
    const m = /^(--[a-z0-9][a-z0-9-]*|-[a-zA-Z])=(.*)$/s.exec(a);
    if (!m) {
      out.push(a);
      continue;
    }
    const f = bools.get(m[1]!);
    if (!f) {
      if (m[1]!.startsWith('--')) out.push(a);
      else out.push(m[1]!, m[2]!);
      continue;
    }
    const v = m[2]!;
    if (!TRUE.has(v) && !FALSE.has(v)) {
      const names = f.short ? `-${f.short}, --${f.long}` : `--${f.long}`;
      throw new FlagValueError(`invalid argument "${v}" for "${names}" flag: strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
    }
    if (negative(f)) {
      if (TRUE.has(v)) out.push(`--${f.long}`);
    } else out.push(TRUE.has(v) ? `--${f.long}` : `--no-${f.long}`);
  }
  return out;
}
