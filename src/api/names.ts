// Generated names, as apiserver/pkg/storage/names and apimachinery/pkg/util/rand make them:
// `generateName: web-` becomes `web-x7k2p`. The random source is injectable for tests.

/** utilrand's alphabet: no vowels (no accidental words) and no confusable 0/1/3. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Length of the random part appended to a generateName. */
export const RANDOM_LENGTH = 5;

/** A generated name stays a valid 63-character label: the base is cut to 58. */
export const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;

/** Returns a float in [0, 1), like Math.random. */
export type RandomSource = () => number;

export function randomSuffix(n = RANDOM_LENGTH, rand: RandomSource = Math.random): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = Math.min(NAME_ALPHABET.length - 1, Math.floor(rand() * NAME_ALPHABET.length));
    s += NAME_ALPHABET[r];
  }
  return s;
}

/** SimpleNameGenerator.GenerateName: truncate the base to 58 characters, append 5 random ones. */
export function generateNameFrom(base: string, rand: RandomSource = Math.random): string {
  const b = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return b + randomSuffix(RANDOM_LENGTH, rand);
}

// Path segments (apimachinery pkg/api/validation/path): a name or namespace becomes one segment of
// a URL and of a storage key, so `.`, `..` and anything with `/` or `%` would reach another object.
const NAME_MAY_NOT_BE = ['.', '..'];
const NAME_MAY_NOT_CONTAIN = ['/', '%'];

/** IsValidPathSegmentName: the reasons `name` cannot be one path segment (empty when it can). */
export function isValidPathSegmentName(name: string): string[] {
  for (const bad of NAME_MAY_NOT_BE) if (name === bad) return [`may not be '${bad}'`];
  const errs: string[] = [];
  for (const bad of NAME_MAY_NOT_CONTAIN) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** The same for a generateName prefix: only the characters count (a prefix `.` still gets a suffix). */
export function isValidPathSegmentPrefix(prefix: string): string[] {
  const errs: string[] = [];
  for (const bad of NAME_MAY_NOT_CONTAIN) if (prefix.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}
