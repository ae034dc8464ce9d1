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

// Stemming is the slow part of indexing; words repeat (Zipf), so their keys are remembered. The
// cache is emptied when full rather than evicting one by one: cheaper, and it refills with the
// common words at once.
const KEYS = new Map<string, string>();
const KEYS_MAX = 200_000;

/** The index key of one word as typed or printed. */
export function wordKey(word: string): string {
  let key = KEYS.get(word);
  if (key === undefined) {
    key = stem(fold(word));
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(word, key);
  }
  return key;
}

// Which UTF-16 code units are letters, digits or combining marks: ASCII and Russian by range, the
// rest looked up once with Unicode properties (a property regex over the whole text is several
// times slower). Astral characters (surrogates) are not word characters.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const known = new Uint8Array(0x10000); // 0 not yet known, 1 word character, 2 not
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0x410 && c <= 0x44f) return true;
  let k = known[c] as number;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    known[c] = k;
  }
  return k === 1;
}

/** Calls fn for each word of the text (a run of word characters no longer than MAX_WORD) with its key. */
function eachWord(text: string, fn: (start: number, end: number, key: string) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    if (i - start > MAX_WORD) continue;
    const key = wordKey(text.slice(start, i));
    if (key) fn(start, i, key);
  }
}

/** Every word of a text with its offsets and key, in order. */
export function words(text: string): Word[] {
  const found: Word[] = [];
  eachWord(text, (start, end, key) => found.push({ start, end, key }));
  return found;
}

/** The text as the index sees it: its keys, space-separated, in order (phrases stay adjacent). */
export function indexText(text: string): string {
  const keys: string[] = [];
  eachWord(text, (_start, _end, key) => keys.push(key));
  return keys.join(' ');
}
