// Pseudonyms on export: every name and alias of a person or organisation that has a pseudonym is
// replaced by it — in the text, the notes and the cover alike — and a protected one nobody has given
// a pseudonym yet is replaced by "[name withheld]", so a name never leaves by oversight.
// Matching is whole-word and follows the case the name is written in, plus its all-capitals form
// (headings, lists of organisations): a case-blind match would turn the word "will" into a
// pseudonym wherever someone is called Will. Spaces inside a name match any run of white space, and
// straight and curly apostrophes match each other. Longer names win over the shorter names inside
// them ("Amin Eleusinov" before "Eleusinov"), in one pass, so a pseudonym is never itself rewritten.
// A title before the name is replaced with it, and Russian names are found in every case form.
import { PSEUDONYMOUS_KINDS } from '../../shared/domain.ts';
import type { Inline, TextRun } from './model.ts';
import type { PseudonymousEntity } from './types.ts';

export const WITHHELD_NAME = '[name withheld]';

export interface NameRule {
  entityId: string;
  /** The name or alias as the entity lists it, or the form derived from it ("Kharkova L."). */
  name: string;
  replacement: string;
  /** A form that names the person only after a title ("Ms Kharkova"; "Kharkova" alone may be anyone's word). */
  titled?: boolean;
  /** The pattern of a derived form; a listed name's pattern is built from the name itself. */
  pattern?: string;
}

export type OnHit = (rule: NameRule) => void;

export interface Redactor {
  text(value: string, onHit?: OnHit): string;
  inlines(inlines: Inline[], onHit?: OnHit): Inline[];
  /** The sentences of a text that redaction changes, before and after. */
  sentences(value: string): ChangedSentence[];
}

/** The names to replace: from persons and organisations with a pseudonym, or protected ones. */
export function nameRules(entities: readonly PseudonymousEntity[]): NameRule[] {
  const rules: NameRule[] = [];
  for (const entity of entities) {
    if (!PSEUDONYMOUS_KINDS.includes(entity.kind)) continue;
    const pseudonym = entity.pseudonym?.trim();
    if (!pseudonym && entity.sensitivity !== 'protected') continue;
    for (const name of [entity.name, ...entity.aliases]) {
      const tidy = name.replace(/\s+/g, ' ').trim();
      // A name needs two letters or digits to be told apart from punctuation or an initial.
      if ((tidy.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2) continue;
      rules.push({ entityId: entity.id, name: tidy, replacement: pseudonym || WITHHELD_NAME });
      if (entity.kind === 'person') rules.push(...personForms(entity.id, tidy, pseudonym || WITHHELD_NAME));
    }
  }
  return rules;
}

const INITIAL = '\\p{Lu}\\.';

/**
 * The forms a person's name takes in legal and official writing, derived so nobody has to list them:
 * surname and initials either way round ("Kharkova L.", "Харьковой Л.П.", "L. Kharkova") and the
 * surname after a title ("Ms Kharkova", "г-жи Харьковой"). Names of two or three words, the surname
 * last ("Larisa Kharkova", "Лариса Петровна Харькова").
 */
function personForms(entityId: string, name: string, replacement: string): NameRule[] {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w))) return [];
  const surname = words[words.length - 1] as string;
  const given = words[0] as string;
  const middle = words.length === 3 ? (words[1] as string) : null;
  const initial = (word: string) => `${escapeRegex(word.charAt(0))}\\.`;
  // With two words the patronymic's initial is unknown: any one may follow ("Kharkova L.P.").
  const initials = `${initial(given)}${middle ? `\\s?${initial(middle)}` : `(?:\\s?${INITIAL})?`}`;
  const shown = `${given.charAt(0)}.${middle ? `${middle.charAt(0)}.` : ''}`;
  const rule = (display: string, pattern: string, titled = false): NameRule => ({
    entityId,
    name: display,
    replacement,
    pattern,
    ...(titled ? { titled } : {}),
  });
  return [
    rule(`${surname} ${shown}`, `${wordPattern(surname)}\\s+${initials}`),
    rule(`${shown} ${surname}`, `${initials}\\s*${wordPattern(surname)}`),
    rule(surname, wordPattern(surname), true),
  ];
}

// An honorific written before a name goes with it: "Ms Larisa Kharkova" with the pseudonym "Ms K."
// must print "Ms K.", not "Ms Ms K.". English titles with or without a full stop, and Russian ones in
// their case forms (г-н, г-жа, господин, госпожа, гражданин, гражданка).
const HONORIFICS = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Professor',
  'Sir',
  'Madam',
  'Г-н',
  'г-н',
  'Г-на',
  'г-на',
  'Г-ну',
  'г-ну',
  'Г-ном',
  'г-ном',
  'Г-же',
  'г-же',
  'Г-жа',
  'г-жа',
  'Г-жи',
  'г-жи',
  'Г-жу',
  'г-жу',
  'Г-жой',
  'г-жой',
];
const RUSSIAN_TITLES = [
  '[Гг]осподин(?:а|у|ом|е)?',
  '[Гг]оспож(?:а|и|е|у|ой|ою)',
  '[Гг]ражданин(?:а|у|ом|е)?',
  '[Гг]ражданк(?:а|и|е|у|ой|ою)',
];
const HONORIFIC = `(?:(?:${[...HONORIFICS, ...HONORIFICS.map((h) => h.toUpperCase())]
  .map((h) => h.replace(/\./g, '\\$&'))
  .join('|')})\\.?|${RUSSIAN_TITLES.join('|')})\\s+`;

// Russian names change with their case: "Харькова" is "Харьковой" after "у", "Харькову" as an object.
// A Cyrillic word of a name matches its stem followed by the endings of its declension class, read
// from how the name ends (surnames in -ов/-ин, -ова/-ина, adjectival -ский/-ская, first names in -а/-я,
// -й, -ь or a consonant), so no list of names is needed. Words in other scripts match as written;
// possessives ("Kharkova’s") already match, since an apostrophe ends a word.
const DECLENSIONS: [RegExp, number, string[]][] = [
  // Feminine surnames: Харькова → Харьковой, Харькову (and the adjectival -ую some writers use).
  [/(ова|ева|ёва|ина|ына)$/, 1, ['а', 'ой', 'ою', 'у', 'ую']],
  // Masculine surnames: Петров → Петрова, Петрову, Петровым, Петрове.
  [/(ов|ев|ёв|ин|ын)$/, 0, ['', 'а', 'у', 'ым', 'е']],
  // Adjectival surnames: Троцкий/Троцкой → Троцкого, Троцкому, Троцким, Троцком.
  [/(ий|ый|ой)$/, 2, ['ий', 'ый', 'ой', 'ого', 'ому', 'им', 'ым', 'ом']],
  // Their feminine: Троцкая → Троцкой, Троцкую.
  [/(ая|яя)$/, 2, ['ая', 'яя', 'ой', 'ей', 'ую', 'юю', 'ою']],
  // First names in -ия: Мария → Марии, Марию, Марией.
  [/ия$/, 1, ['я', 'и', 'ю', 'ей', 'ею']],
  // Names in -а/-я: Лариса → Ларисы, Ларисе, Ларису, Ларисой; Наталья → Натальи, Наталье…
  [/[ая]$/, 1, ['а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'ой', 'ей', 'ою', 'ею']],
  // Names in -й and -ь: Андрей → Андрея, Андрею, Андреем; Игорь → Игоря…
  [/[йь]$/, 1, ['й', 'ь', 'я', 'ю', 'ем', 'ём', 'е', 'и']],
  // Names ending in a consonant: Нурбек → Нурбека, Нурбеку, Нурбеком, Нурбеке.
  [/[бвгджзклмнпрстфхцчшщ]$/, 0, ['', 'а', 'у', 'ом', 'ем', 'е']],
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One word of a name: inflected if it is Cyrillic, as written otherwise. */
function wordPattern(word: string): string {
  const chars = (w: string) =>
    w
      .split('')
      .map((ch) => (ch === "'" || ch === '’' ? "['’]" : escapeRegex(ch)))
      .join('');
  if (!/^[\p{Script=Cyrillic}-]+$/u.test(word) || word.length < 3) return chars(word);
  const upper = word === word.toUpperCase();
  const lower = word.toLowerCase();
  for (const [ending, cut, endings] of DECLENSIONS) {
    if (!ending.test(lower)) continue;
    const stem = word.slice(0, word.length - cut);
    const forms = endings.map((e) => (upper ? e.toUpperCase() : e)).sort((a, b) => b.length - a.length);
    return `${chars(stem)}(?:${forms.map(escapeRegex).join('|')})`;
  }
  return chars(word);
}

/** A name as a pattern: its words inflected, any run of white space between them. */
function namePattern(name: string): string {
  return name.split(' ').map(wordPattern).join('\\s+');
}

/** Whether a name at `index` opens a sentence, where "a local union leader" is written "A local…". */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"“‘'(«]+$/u, '');
  if (before === '') return true;
  return /[.!?]$/.test(before) && !/\b(Mr|Mrs|Ms|Dr|Prof)\.$/.test(before);
}

function replacementAt(rule: NameRule, text: string, index: number, end: number): string {
  // A pseudonym ending in a full stop ("Ms K.") at the end of a sentence takes the sentence's stop.
  const replacement =
    rule.replacement.endsWith('.') && text.charAt(end) === '.' ? rule.replacement.slice(0, -1) : rule.replacement;
  const first = replacement.charAt(0);
  return first !== first.toUpperCase() && opensSentence(text, index)
    ? first.toUpperCase() + replacement.slice(1)
    : replacement;
}

interface Match {
  start: number;
  end: number;
  rule: NameRule;
}

/** Sentence boundaries of a text, never inside a matched name ("Ms. Kharkova" is one sentence). */
function sentenceSpans(value: string, found: Match[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const { index, segment } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(value)) {
    const last = spans[spans.length - 1];
    // A break after "Mr." or inside a name is not the end of a sentence, nor one before a word in
    // lower case or a number ("p. 3", "No. 12").
    if (last && (found.some((m) => m.start < index && m.end > index) || /^[\p{Ll}\p{N}]/u.test(segment))) {
      last[1] = index + segment.length;
    } else spans.push([index, index + segment.length]);
  }
  return spans;
}

export interface ChangedSentence {
  before: string;
  after: string;
}

export function redactor(entities: readonly PseudonymousEntity[]): Redactor {
  const rules = nameRules(entities);
  // Longer names win over the names inside them; each listed name matches its written and capital
  // forms, a derived form its own pattern.
  const compiled = rules
    .flatMap((rule) =>
      rule.pattern
        ? [{ rule, form: rule.name, source: rule.pattern }]
        : [rule.name, rule.name.toUpperCase()].map((form) => ({ rule, form, source: namePattern(form) })),
    )
    .sort((a, b) => b.form.length - a.form.length);
  if (compiled.length === 0) {
    return { text: (value) => value, inlines: (inlines) => inlines, sentences: () => [] };
  }
  const alternatives = (titled: boolean) => [
    ...new Set(compiled.filter((c) => (c.rule.titled ?? false) === titled).map((c) => c.source)),
  ];
  const named = alternatives(false);
  const titled = alternatives(true);
  // A title before a name goes with it; a bare surname counts only after a title.
  const regex = new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:(?:${HONORIFIC})?(${named.join('|')})${titled.length ? `|${HONORIFIC}(${titled.join('|')})` : ''})(?![\\p{L}\\p{N}_])`,
    'gu',
  );
  const exact = compiled.map((c) => ({ rule: c.rule, test: new RegExp(`^(?:${c.source})$`, 'u') }));
  const ruleOf = (name: string, isTitled: boolean) =>
    (exact.find((c) => (c.rule.titled ?? false) === isTitled && c.test.test(name)) as (typeof exact)[number]).rule;

  const matches = (value: string): Match[] =>
    [...value.matchAll(regex)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      rule: m[1] !== undefined ? ruleOf(m[1], false) : ruleOf(m[2] ?? '', true),
    }));

  const text = (value: string, onHit?: OnHit): string => {
    let out = '';
    let cursor = 0;
    for (const m of matches(value)) {
      onHit?.(m.rule);
      out += value.slice(cursor, m.start) + replacementAt(m.rule, value, m.start, m.end);
      cursor = m.end;
    }
    return out + value.slice(cursor);
  };

  /** Each sentence a name was replaced in, as written and as it will be exported. */
  const sentences = (value: string): ChangedSentence[] => {
    const found = matches(value);
    if (found.length === 0) return [];
    const out: ChangedSentence[] = [];
    for (const [start, end] of sentenceSpans(value, found)) {
      const inside = found.filter((m) => m.start >= start && m.start < end);
      if (inside.length === 0) continue;
      let after = '';
      let cursor = start;
      for (const m of inside) {
        after += value.slice(cursor, m.start) + replacementAt(m.rule, value, m.start, m.end);
        cursor = m.end;
      }
      after += value.slice(cursor, end);
      out.push({ before: value.slice(start, end).trim(), after: after.trim() });
    }
    return out;
  };

  /** Replaces names across runs (a name may be half bold); the pseudonym takes the marks of the run it starts in. */
  const runs = (group: TextRun[], onHit?: OnHit): TextRun[] => {
    const joined = group.map((r) => r.text).join('');
    const found = matches(joined);
    if (found.length === 0) return group;
    for (const f of found) onHit?.(f.rule);
    const out: TextRun[] = [];
    let m = 0;
    let runStart = 0;
    for (const run of group) {
      const runEnd = runStart + run.text.length;
      let cursor = runStart;
      let piece = '';
      while (cursor < runEnd) {
        const match = found[m];
        if (!match || match.start >= runEnd) {
          piece += joined.slice(cursor, runEnd);
          break;
        }
        if (match.end <= cursor) {
          m++;
          continue;
        }
        if (match.start > cursor) {
          piece += joined.slice(cursor, match.start);
          cursor = match.start;
        }
        if (match.start === cursor) piece += replacementAt(match.rule, joined, match.start, match.end);
        cursor = Math.min(match.end, runEnd);
        if (match.end <= runEnd) m++;
      }
      if (piece) out.push({ ...run, text: piece });
      runStart = runEnd;
    }
    return out;
  };

  const inlines = (list: Inline[], onHit?: OnHit): Inline[] => {
    const out: Inline[] = [];
    let group: TextRun[] = [];
    const flush = () => {
      if (group.length > 0) out.push(...runs(group, onHit));
      group = [];
    };
    for (const inline of list) {
      if (inline.kind === 'text') group.push(inline);
      else {
        flush();
        out.push(inline);
      }
    }
    flush();
    return out;
  };

  return { text, inlines, sentences };
}
