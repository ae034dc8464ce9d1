// Passphrase strength, estimated offline by zxcvbn-ts (dictionaries bundled, loaded on demand).
export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  advice: string;
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
export const MIN_LENGTH = 12;

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
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (password: string) => factory.check(password);
  });
  return checker;
}

export async function estimateStrength(passphrase: string): Promise<Strength> {
  if (passphrase.length === 0) return { score: 0, label: LABELS[0], advice: 'Use several unrelated words.' };
  const check = await loadChecker();
  const result = check(passphrase.slice(0, 256));
  let score = Math.max(0, Math.min(4, result.score)) as Strength['score'];
  if (passphrase.length < MIN_LENGTH) score = Math.min(score, 1) as Strength['score'];
  const advice =
    passphrase.length < MIN_LENGTH
      ? `Use at least ${MIN_LENGTH} characters — several unrelated words are easiest to remember.`
      : (result.feedback.warning ??
        result.feedback.suggestions[0] ??
        (score >= 3 ? 'Good. Do not reuse it anywhere else.' : 'Add another unrelated word.'));
  return { score, label: LABELS[score], advice };
}
