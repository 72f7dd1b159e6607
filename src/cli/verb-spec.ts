// The shape of an entry of the verb table (verbs.ts): everything the CLI knows about a command —
// its help texts (kubectl's), its flags and subcommands, and where its code is (loaded only when
// the command runs).
import type { Ctx } from './context.js';
import type { FlagSpec } from './flags.js';

/** A verb's code: the positional arguments (a subcommand's path first: `['service', 'clusterip', 'x']`) and the parsed flags. */
export type Action = (ctx: Ctx, args: string[], opts: Record<string, any>) => Promise<void>;

/** The sections of `kbx --help`, in kubectl's order. */
export const HELP_GROUPS = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** The one line `kbx --help` (or the parent's help) shows. */
  short: string;
  /** The help's first part, as kubectl prints it. */
  long: string;
  /** The Examples block, lines indented by two spaces, as kubectl prints it ('' for none). */
  examples: string;
  usage: string;
  flags: FlagSpec[];
  /** Subcommands, each with its own flags and help; the verb's code receives their name first. */
  subcommands?: CommandSpec[];
}

export interface VerbSpec extends CommandSpec {
  /** The section of `kbx --help` (absent: not listed there, as `kubectl options`). */
  group?: HelpGroup;
  load: () => Promise<{ run: Action }>;
}
