// Pseudonyms on export: every name and alias of a person or organisation that has a pseudonym is
// replaced by it — in the text, the notes and the cover alike — and a protected one nobody has given
// a pseudonym yet is replaced by "[name withheld]", so a name never leaves by oversight.
// Matching is whole-word and follows the case the name is written in, plus its all-capitals form
// (headings, lists of organisations): a case-blind match would turn the word "will" into a
// pseudonym wherever someone is called Will. Spaces inside a name match any run of white space, and
// straight and curly apostrophes match each other. Longer names win over the shorter names inside
// them ("Amin Eleusinov" before "Eleusinov"), in one pass, so a pseudonym is never itself rewritten.
import { PSEUDONYMOUS_KINDS } from '../../shared/domain.ts';
import type { Inline, TextRun } from './model.ts';
import type { PseudonymousEntity } from './types.ts';

export const WITHHELD_NAME = '[name withheld]';

export interface NameRule {
  entityId: string;
  /** The name or alias as the entity lists it. */
  name: string;
  replacement: string;
}

export type OnHit = (rule: NameRule) => void;

export interface Redactor {
  text(value: string, onHit?: OnHit): string;
  inlines(inlines: Inline[], onHit?: OnHit): Inline[];
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
    }
  }
  return rules;
}

/** How a matched string is looked up: spaces and apostrophes as in the rule's pattern. */
function key(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/’/g, "'");
}

function pattern(name: string): string {
  return name
    .split('')
    .map((ch) => {
      if (ch === ' ') return '\\s+';
      if (ch === "'" || ch === '’') return "['’]";
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/** Whether a name at `index` opens a sentence, where "a local union leader" is written "A local…". */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).replace(/[\s"“‘'(«]+$/u, '');
  if (before === '') return true;
  return /[.!?]$/.test(before) && !/\b(Mr|Mrs|Ms|Dr|Prof)\.$/.test(before);
}

function replacementAt(rule: NameRule, text: string, index: number): string {
  const { replacement } = rule;
  const first = replacement.charAt(0);
  return first !== first.toUpperCase() && opensSentence(text, index)
    ? first.toUpperCase() + replacement.slice(1)
    : replacement;
}

export function redactor(entities: readonly PseudonymousEntity[]): Redactor {
  const byKey = new Map<string, NameRule>();
  for (const rule of nameRules(entities)) {
    for (const form of [rule.name, rule.name.toUpperCase()]) {
      if (!byKey.has(key(form))) byKey.set(key(form), rule);
    }
  }
  if (byKey.size === 0) {
    return { text: (value) => value, inlines: (inlines) => inlines };
  }
  const alternatives = [...byKey.keys()].sort((a, b) => b.length - a.length).map(pattern);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');

  const matches = (value: string) =>
    [...value.matchAll(regex)].map((m) => {
      const rule = byKey.get(key(m[0])) as NameRule;
      return { start: m.index, end: m.index + m[0].length, rule };
    });

  const text = (value: string, onHit?: OnHit): string =>
    value.replace(regex, (found: string, index: number) => {
      const rule = byKey.get(key(found)) as NameRule;
      onHit?.(rule);
      return replacementAt(rule, value, index);
    });

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
        if (match.start === cursor) piece += replacementAt(match.rule, joined, match.start);
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

  return { text, inlines };
}
