// The words of the search index: text is cut into words (letters and digits), each folded
// (lower case, ё→е, accents and other combining marks dropped, so "École" is "ecole" while "й"
// stays "й") and reduced to its Snowball stem — Russian for Cyrillic words, English for Latin
// ones — so "задержанием" finds "задержания". The index stores only these stems, and the query
// goes through the same function, so both sides always agree. Chosen over a trigram index after
// measuring both (tests/bench/cases/search.ts): better recall on Russian inflections, far smaller.
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';

/** A word of the text: where it stands (UTF-16 offsets) and the key it is indexed under. */
export interface Word {
  start: number;
  end: number;
  key: string;
}

// Marks are part of a word (a decomposed "é" must not split it); they are dropped by folding.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN_ONLY = /^[a-z]+$/;
const NOT_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}+/gu;
/** Words longer than this are ids, hashes or base64: not worth an index entry. */
const MAX_WORD = 60;

/** Case and diacritic folding for Latin and Cyrillic; й keeps its breve (it is a letter of its own). */
export function fold(word: string): string {
  let folded = word.toLowerCase();
  if (!NOT_ASCII.test(folded)) return folded;
  folded = folded.replaceAll('ё', 'е').replaceAll('й', '\ue000').normalize('NFKD').replace(MARKS, '');
  return folded.replaceAll('\ue000', 'й').normalize('NFC');
}

/** The stem of a folded word: Russian Snowball for Cyrillic, English Snowball for plain Latin. */
export function stem(folded: string): string {
  if (CYRILLIC.test(folded)) return russianStem(folded);
  if (LATIN_ONLY.test(folded)) return englishStem(folded);
  return folded;
}

/** The index key of one word as typed or printed. */
export function wordKey(word: string): string {
  return stem(fold(word));
}

/** Every word of a text with its offsets and key, in order. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    if (match[0].length > MAX_WORD) continue;
    const key = wordKey(match[0]);
    if (key) found.push({ start: match.index, end: match.index + match[0].length, key });
  }
  return found;
}

/** The text as the index sees it: its keys, space-separated, in order (phrases stay adjacent). */
export function indexText(text: string): string {
  const keys: string[] = [];
  for (const match of text.matchAll(WORD)) {
    if (match[0].length > MAX_WORD) continue;
    const key = wordKey(match[0]);
    if (key) keys.push(key);
  }
  return keys.join(' ');
}
