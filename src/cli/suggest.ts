// "Did you mean this?" for an unknown verb, as cobra's SuggestionsFor finds them: commands whose name
// is within two edits of the typed word (ignoring case) or starts with it, in the order of the verb table.
import type { VerbSpec } from './verb-spec.js';

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export function suggestVerbs(typed: string, verbs: readonly VerbSpec[], distance = 2): string[] {
  const t = typed.toLowerCase();
  return verbs.filter((v) => levenshtein(t, v.name.toLowerCase()) <= distance || v.name.toLowerCase().startsWith(t)).map((v) => v.name);
}
