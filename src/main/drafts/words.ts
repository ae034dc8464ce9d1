// Word counts as Word shows them, since OHCHR's limit is checked in Word: a word is a run of
// characters between spaces or line ends (a lone dash between spaces counts; "and/or" and
// "well-known" are one), a non-breaking space joins rather than separates, each Chinese or Japanese
// character counts as a word, and automatic paragraph numbers and note marks count for nothing.
import { type DraftModel, inlineText } from './model.ts';

/** Breaking white space: every space except the non-breaking ones (U+00A0, U+202F, U+2007). */
const SEPARATOR = /[^\S\u00a0\u202f\u2007]+/u;
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(SEPARATOR)) {
    if (!token) continue;
    const eastAsian = token.match(EAST_ASIAN)?.length ?? 0;
    if (eastAsian === 0) {
      count++;
      continue;
    }
    // Characters are words; the other letters around them form words of their own.
    count += eastAsian + token.split(EAST_ASIAN).filter((part) => part.length > 0).length;
  }
  return count;
}

/**
 * Words in the body: headings, paragraphs, lists, quotations and tables, without numbers or note marks.
 * A table's words count toward the limit (2,815 for an individual submission): OHCHR's guidelines
 * limit the submission's words and exempt nothing but, possibly, the notes and cover (UPR-SUBMISSION.md),
 * and the limit is checked with Word's count, which counts the words in tables. A timeline of twenty
 * events is easily 600 words: leaving them out would let a draft pass here and be refused there.
 */
export function bodyWords(model: DraftModel): number {
  let count = 0;
  for (const block of model.blocks) count += countWords(inlineText(block.inlines));
  return count;
}

/** Words in a list of separately printed texts (notes, cover lines). */
export function textsWords(texts: readonly string[]): number {
  let count = 0;
  for (const text of texts) count += countWords(text);
  return count;
}
