// The strength meter's words: its five levels and zxcvbn's advice, by key (see strength.ts).
import type { IntlShape } from 'react-intl';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import type { Advice, Strength, SuggestionKey, WarningKey } from './strength.ts';

const LEVELS = defineMessages({
  veryWeak: { id: 'vault.strength.level.veryWeak', defaultMessage: 'Very weak' },
  weak: { id: 'vault.strength.level.weak', defaultMessage: 'Weak' },
  fair: { id: 'vault.strength.level.fair', defaultMessage: 'Fair' },
  strong: { id: 'vault.strength.level.strong', defaultMessage: 'Strong' },
  veryStrong: { id: 'vault.strength.level.veryStrong', defaultMessage: 'Very strong' },
});
const LEVEL_OF_SCORE = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;

const ADVICE = defineMessages({
  empty: { id: 'vault.strength.empty', defaultMessage: 'Use several unrelated words.' },
  tooShort: {
    id: 'vault.strength.tooShort',
    defaultMessage: 'Use at least {min} characters — several unrelated words are easiest to remember.',
  },
  good: { id: 'vault.strength.good', defaultMessage: 'Good. Do not reuse it anywhere else.' },
  addWord: { id: 'vault.strength.addWord', defaultMessage: 'Add another unrelated word.' },
});

const WARNINGS = defineMessages({
  straightRow: { id: 'vault.strength.warning.straightRow', defaultMessage: 'Straight rows of keys are easy to guess.' },
  keyPattern: { id: 'vault.strength.warning.keyPattern', defaultMessage: 'Short keyboard patterns are easy to guess.' },
  simpleRepeat: {
    id: 'vault.strength.warning.simpleRepeat',
    defaultMessage: 'Repeated characters like “aaa” are easy to guess.',
  },
  extendedRepeat: {
    id: 'vault.strength.warning.extendedRepeat',
    defaultMessage: 'Repeated patterns like “abcabcabc” are easy to guess.',
  },
  sequences: {
    id: 'vault.strength.warning.sequences',
    defaultMessage: 'Common sequences like “abc” are easy to guess.',
  },
  recentYears: { id: 'vault.strength.warning.recentYears', defaultMessage: 'Recent years are easy to guess.' },
  dates: { id: 'vault.strength.warning.dates', defaultMessage: 'Dates are easy to guess.' },
  topTen: { id: 'vault.strength.warning.topTen', defaultMessage: 'This is one of the most used passwords.' },
  topHundred: { id: 'vault.strength.warning.topHundred', defaultMessage: 'This is a frequently used password.' },
  common: { id: 'vault.strength.warning.common', defaultMessage: 'This is a commonly used password.' },
  similarToCommon: {
    id: 'vault.strength.warning.similarToCommon',
    defaultMessage: 'This is similar to a commonly used password.',
  },
  wordByItself: { id: 'vault.strength.warning.wordByItself', defaultMessage: 'Single words are easy to guess.' },
  namesByThemselves: {
    id: 'vault.strength.warning.namesByThemselves',
    defaultMessage: 'Single names or surnames are easy to guess.',
  },
  commonNames: {
    id: 'vault.strength.warning.commonNames',
    defaultMessage: 'Common names and surnames are easy to guess.',
  },
  userInputs: {
    id: 'vault.strength.warning.userInputs',
    defaultMessage: 'Do not use personal details in the passphrase.',
  },
  pwned: { id: 'vault.strength.warning.pwned', defaultMessage: 'This password was exposed in a data breach.' },
} satisfies Record<WarningKey, unknown>);

const SUGGESTIONS = defineMessages({
  l33t: {
    id: 'vault.strength.suggestion.l33t',
    defaultMessage: 'Avoid predictable substitutions like “@” for “a”.',
  },
  reverseWords: {
    id: 'vault.strength.suggestion.reverseWords',
    defaultMessage: 'Avoid common words spelled backwards.',
  },
  allUppercase: {
    id: 'vault.strength.suggestion.allUppercase',
    defaultMessage: 'Capitalise some, but not all letters.',
  },
  capitalization: {
    id: 'vault.strength.suggestion.capitalization',
    defaultMessage: 'Capitalise more than the first letter.',
  },
  dates: { id: 'vault.strength.suggestion.dates', defaultMessage: 'Avoid dates and years associated with you.' },
  recentYears: { id: 'vault.strength.suggestion.recentYears', defaultMessage: 'Avoid recent years.' },
  associatedYears: {
    id: 'vault.strength.suggestion.associatedYears',
    defaultMessage: 'Avoid years associated with you.',
  },
  sequences: { id: 'vault.strength.suggestion.sequences', defaultMessage: 'Avoid common character sequences.' },
  repeated: { id: 'vault.strength.suggestion.repeated', defaultMessage: 'Avoid repeated words and characters.' },
  longerKeyboardPattern: {
    id: 'vault.strength.suggestion.longerKeyboardPattern',
    defaultMessage: 'Avoid keyboard patterns.',
  },
  anotherWord: { id: 'vault.strength.suggestion.anotherWord', defaultMessage: 'Add more, less common words.' },
  useWords: {
    id: 'vault.strength.suggestion.useWords',
    defaultMessage: 'Use several words, but avoid common phrases.',
  },
  noNeed: {
    id: 'vault.strength.suggestion.noNeed',
    defaultMessage: 'Symbols, digits and capitals are not needed: length makes it strong.',
  },
  pwned: {
    id: 'vault.strength.suggestion.pwned',
    defaultMessage: 'If you use this password elsewhere, change it there.',
  },
} satisfies Record<SuggestionKey, unknown>);

export function strengthLevel(intl: IntlShape, score: Strength['score']): string {
  return intl.formatMessage(LEVELS[LEVEL_OF_SCORE[score]]);
}

export function adviceText(intl: IntlShape, advice: Advice): string {
  switch (advice.kind) {
    case 'warning':
      return intl.formatMessage(WARNINGS[advice.key]);
    case 'suggestion':
      return intl.formatMessage(SUGGESTIONS[advice.key]);
    case 'tooShort':
      return intl.formatMessage(ADVICE.tooShort, { min: advice.min });
    default:
      return intl.formatMessage(ADVICE[advice.kind]);
  }
}
