// Passphrase strength, estimated offline by zxcvbn-ts (dictionaries bundled, loaded on demand).
// zxcvbn's own feedback is English prose; it is asked for its keys instead, and the meter words
// them from the catalog (strengthMessages.ts) in the person's language.
export const MIN_LENGTH = 12;

export const WARNING_KEYS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const;
export type WarningKey = (typeof WARNING_KEYS)[number];

export const SUGGESTION_KEYS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
  'pwned',
] as const;
export type SuggestionKey = (typeof SUGGESTION_KEYS)[number];

/** What to tell the person about the passphrase typed so far. */
export type Advice =
  | { kind: 'empty' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'warning'; key: WarningKey }
  | { kind: 'suggestion'; key: SuggestionKey }
  | { kind: 'good' }
  | { kind: 'addWord' };

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  advice: Advice;
}

const identity = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, k]));

let checker: Promise<
  (password: string) => { score: number; feedback: { warning: string | null; suggestions: string[] } }
> | null = null;

function loadChecker() {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([core, common, en]) => {
    const factory = new core.ZxcvbnFactory({
      // Keys in place of sentences: the words come from Upright's catalog.
      translations: {
        ...en.translations,
        warnings: identity(WARNING_KEYS),
        suggestions: identity(SUGGESTION_KEYS),
      } as typeof en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (password: string) => factory.check(password);
  });
  return checker;
}

const isWarning = (key: string | null | undefined): key is WarningKey =>
  (WARNING_KEYS as readonly string[]).includes(key ?? '');
const isSuggestion = (key: string | undefined): key is SuggestionKey =>
  (SUGGESTION_KEYS as readonly string[]).includes(key ?? '');

export async function estimateStrength(passphrase: string): Promise<Strength> {
  if (passphrase.length === 0) return { score: 0, advice: { kind: 'empty' } };
  const check = await loadChecker();
  const result = check(passphrase.slice(0, 256));
  let score = Math.max(0, Math.min(4, result.score)) as Strength['score'];
  if (passphrase.length < MIN_LENGTH) score = Math.min(score, 1) as Strength['score'];
  const warning = result.feedback.warning;
  const suggestion = result.feedback.suggestions[0];
  const advice: Advice =
    passphrase.length < MIN_LENGTH
      ? { kind: 'tooShort', min: MIN_LENGTH }
      : isWarning(warning)
        ? { kind: 'warning', key: warning }
        : isSuggestion(suggestion)
          ? { kind: 'suggestion', key: suggestion }
          : score >= 3
            ? { kind: 'good' }
            : { kind: 'addWord' };
  return { score, advice };
}
