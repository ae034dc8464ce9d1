// The checks run before export (UPR-SUBMISSION.md): the confirmed OHCHR rules are errors, the
// unconfirmed ones and the heuristics are warnings, and each result points at the paragraph, note or
// cover field it concerns. They judge the document export would write (document.ts), so a passing
// check is a property of the file, not of the editor's view of it.
import type { CheckResult, DraftTarget, ExportFormat, Footnote } from '../../shared/api/drafts.ts';
import type { CheckCode, CheckParams } from '../../shared/check-messages.ts';
import { foldName } from '../../shared/domain.ts';
import { UN_LANGUAGES } from '../../shared/draft.ts';
import { detectLanguage } from '../ingest/metadata.ts';
import { missingNoteParts } from './citation-needs.ts';
import { type ExportDocument, prepareDocument, readDraft, type WrittenDraft } from './document.ts';
import { type Block, type DraftModel, inlineText } from './model.ts';
import { WITHHELD_NAME } from './redact.ts';
import { cycleOfSession, RECOMMENDATION_NUMBER, sessionNumber, sessionsOfCycle } from './references.ts';
import { memberStateNames, stateName } from './states.ts';
import { FOLLOW_UP_HEADING, RECOMMENDATIONS_HEADING, sectionHeadings } from './templates.ts';
import type { DraftContext } from './types.ts';
import { countWords } from './words.ts';

export interface CheckOptions {
  /** YYYY-MM-DD, the person's local date (injected so tests do not depend on the clock). */
  today: string;
  /** Set when checking an export: with redaction, names are replaced; without, they must not be there. */
  redact?: boolean;
  format?: ExportFormat;
  provenance?: boolean;
  /** Sources whose restricted excerpts the person confirmed may be named in this export. */
  nameSources?: readonly string[];
}

interface Input {
  context: DraftContext;
  /** The draft as written, every citation included. */
  model: DraftModel;
  notes: Footnote[];
  doc: ExportDocument;
  options: CheckOptions;
}

/**
 * A result is a code and its values, never a sentence: the interface words it in the person's
 * language, the CLI in the draft's (src/shared/check-messages.ts).
 */
type Add = (
  rule: string,
  severity: CheckResult['severity'],
  code: CheckCode,
  params: CheckParams,
  target: DraftTarget,
) => void;

const DRAFT: DraftTarget = { kind: 'draft' };
const cover = (field: string): DraftTarget => ({ kind: 'cover', field });

// ── length ───────────────────────────────────────────────────────────────────────────────────────

function wordLimit({ doc }: Input, add: Add): void {
  const { body, notes, cover: coverWords, limit } = doc.words;
  if (body > limit) {
    add('word-limit', 'error', 'WORD_LIMIT_OVER', { words: body, over: body - limit, limit }, DRAFT);
  } else if (body + notes > limit) {
    add('word-limit', 'warning', 'WORD_LIMIT_WITH_NOTES', { words: body + notes, limit }, DRAFT);
  } else if (body + notes + coverWords > limit) {
    add('word-limit', 'warning', 'WORD_LIMIT_WITH_COVER', { words: body + notes + coverWords, limit }, DRAFT);
  }
}

function noteLength({ doc }: Input, add: Add): void {
  for (const note of doc.notes) {
    const words = countWords(note.text);
    if (words > 60) {
      add(
        'note-length',
        'warning',
        'NOTE_TOO_LONG',
        { note: note.draftNumber, words },
        {
          kind: 'note',
          number: note.draftNumber,
        },
      );
    }
  }
}

// ── numbering and format ─────────────────────────────────────────────────────────────────────────

/** "5. ", "(5) ", "5) ", or a section number before a sentence ("3.1 The…", not "12.5 million"). */
const TYPED_NUMBER = /^\s*(\(?\d{1,3}[.)]\s|\d{1,3}\.\d{1,2}\s+\p{Lu})/u;

function numbering({ doc }: Input, add: Add): void {
  const numbered = doc.blocks.filter((b) => b.number !== null);
  if (numbered.length === 0) {
    add('paragraph-numbering', 'error', 'NO_NUMBERED_PARAGRAPHS', {}, DRAFT);
    return;
  }
  for (const block of numbered) {
    if (TYPED_NUMBER.test(inlineText(block.inlines))) {
      add('paragraph-numbering', 'warning', 'TYPED_NUMBER', { paragraph: block.number ?? 0 }, block.target);
    }
  }
  for (const block of doc.blocks) {
    // A table's cells are unnumbered by design, however long.
    if (block.kind !== 'paragraph' || block.number !== null || block.list || block.quote || block.cell) continue;
    if (countWords(inlineText(block.inlines)) > 60) {
      add('paragraph-numbering', 'warning', 'LONG_UNNUMBERED', {}, block.target);
    }
  }
}

function exportFormat({ options }: Input, add: Add): void {
  if (options.format && options.format !== 'docx') add('file-format', 'warning', 'NOT_DOCX', {}, DRAFT);
  if (options.provenance) add('provenance-annex', 'warning', 'PROVENANCE_ANNEX', {}, DRAFT);
}

// ── cover and front matter ───────────────────────────────────────────────────────────────────────

function language({ context, doc }: Input, add: Add): void {
  const lang = context.draft.cover.language.trim().toLowerCase();
  if (!(UN_LANGUAGES as readonly string[]).includes(lang)) {
    add('language', 'error', 'LANGUAGE_NOT_UN', {}, cover('language'));
    return;
  }
  if (!['en', 'fr', 'es'].includes(lang)) add('language', 'warning', 'LANGUAGE_NOT_WORKING', {}, cover('language'));
  const text = doc.blocks
    .filter((b) => b.kind === 'paragraph')
    .map((b) => inlineText(b.inlines))
    .join('\n');
  const detected = detectLanguage(text);
  if (detected && detected !== lang) {
    add('language', 'warning', 'LANGUAGE_MISMATCH', { cover: lang, detected }, cover('language'));
  }
}

function oneState({ context }: Input, add: Add): void {
  const state = context.draft.cover.state.trim();
  if (!state) {
    add('one-state', 'error', 'STATE_MISSING', {}, cover('state'));
    return;
  }
  const known = memberStateNames();
  if (!known.includes(state)) {
    const named = known.filter((name) =>
      new RegExp(`(^|[^\\p{L}])${name.replace(/[()]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(state),
    );
    if (named.length > 1) {
      add('one-state', 'error', 'STATE_SEVERAL', { count: named.length, states: named.join(', ') }, cover('state'));
      return;
    }
  }
  const expected = stateName(context.dossier.country);
  if (context.dossier.country && expected !== context.dossier.country && expected !== state) {
    add('one-state', 'warning', 'STATE_NOT_DOSSIER', { state, expected }, cover('state'));
  }
}

function submitter({ context }: Input, add: Add): void {
  const { template } = context.draft;
  const orgs = context.draft.cover.organisations;
  if (template === 'individual' && orgs.length !== 1) {
    if (orgs.length === 0) add('submitter', 'error', 'ORGANISATION_MISSING', {}, cover('organisations'));
    else add('submitter', 'error', 'INDIVIDUAL_SEVERAL', { count: orgs.length }, cover('organisations'));
  }
  if (template === 'joint' && orgs.length < 2) add('submitter', 'error', 'JOINT_TOO_FEW', {}, cover('organisations'));
  orgs.forEach((org, i) => {
    const label = org.acronym.trim() || org.name.trim();
    const params = { organisation: label, named: label ? 'yes' : 'no', index: i + 1 };
    if (!org.name.trim()) add('organisation-paragraph', 'error', 'ORGANISATION_NAME', params, cover('organisations'));
    if (!org.activities.trim()) {
      add('organisation-paragraph', 'error', 'ORGANISATION_ACTIVITIES', params, cover('organisations'));
    }
    if (org.foundedYear === null) {
      add('organisation-paragraph', 'error', 'ORGANISATION_FOUNDED', params, cover('organisations'));
    }
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function frontMatter({ context }: Input, add: Add): void {
  const c = context.draft.cover;
  if (c.session === null) add('front-matter', 'error', 'SESSION_MISSING', {}, cover('session'));
  if (c.cycle === null) add('front-matter', 'error', 'CYCLE_MISSING', {}, cover('cycle'));
  if (c.session !== null && c.cycle !== null && cycleOfSession(c.session) !== c.cycle) {
    const range = sessionsOfCycle(c.cycle);
    // Sessions are confirmed up to the 4th cycle; the 5th cycle's range is an assumption.
    add(
      'front-matter',
      c.cycle <= 4 ? 'error' : 'warning',
      'SESSION_NOT_IN_CYCLE',
      { session: c.session, cycle: c.cycle, first: range.first, last: range.last },
      cover('session'),
    );
  }
  if (!c.monthYear.trim()) add('front-matter', 'error', 'MONTH_YEAR_MISSING', {}, cover('monthYear'));
  if (!c.contactName.trim()) add('front-matter', 'error', 'CONTACT_NAME_MISSING', {}, cover('contactName'));
  if (!c.contactEmail.trim()) add('front-matter', 'error', 'CONTACT_EMAIL_MISSING', {}, cover('contactEmail'));
  else if (!EMAIL.test(c.contactEmail.trim())) {
    add('front-matter', 'error', 'CONTACT_EMAIL_INVALID', {}, cover('contactEmail'));
  }
  if (c.keywords.every((k) => !k.trim())) add('keywords', 'error', 'KEYWORDS_MISSING', {}, cover('keywords'));
}

/**
 * The cover is filled from the dossier when the draft is made; either can change afterwards. When the
 * two disagree on the review (cycle or session), one of them is out of date: say which way each
 * points, and let the person decide which to correct.
 */
function dossierReview({ context }: Input, add: Add): void {
  const c = context.draft.cover;
  const { cycle, session } = context.dossier;
  if (cycle !== null && c.cycle !== null && cycle !== c.cycle) {
    add('dossier-review', 'warning', 'COVER_CYCLE_DIFFERS', { cover: c.cycle, dossier: cycle }, cover('cycle'));
  }
  const dossierSession = sessionNumber(session);
  if (dossierSession !== null && c.session !== null && dossierSession !== c.session) {
    add(
      'dossier-review',
      'warning',
      'COVER_SESSION_DIFFERS',
      { cover: c.session, dossier: dossierSession },
      cover('session'),
    );
  }
}

// ── structure ────────────────────────────────────────────────────────────────────────────────────

const ENUMERATOR = /^[\s(]*(\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+/i;

function headingText(block: Block): string {
  return inlineText(block.inlines).replace(ENUMERATOR, '').trim();
}

function summary({ context, doc }: Input, add: Add): void {
  const followUp = doc.blocks.findIndex((b) => b.kind === 'heading' && FOLLOW_UP_HEADING.test(headingText(b)));
  if (followUp < 0) {
    const heading = sectionHeadings(context.draft.cover.language).followUp;
    add('structure', 'warning', 'FOLLOW_UP_MISSING', { heading }, DRAFT);
    return;
  }
  const opening = doc.blocks.slice(0, followUp).some((b) => b.number !== null);
  if (!opening) add('summary', 'error', 'SUMMARY_MISSING', {}, doc.blocks[followUp]?.target ?? DRAFT);
}

// ── notes and what may not leave the vault ───────────────────────────────────────────────────────

/** Shorter words than this ("the Government") are not a quotation of anything in particular. */
export const MIN_PROTECTED_QUOTE = 24;

function citations({ context, model, notes }: Input, add: Add): void {
  for (const note of notes) {
    const target: DraftTarget = { kind: 'note', number: note.number };
    if (note.problem === 'excerpt_deleted') {
      add('citation-resolves', 'error', 'CITATION_EXCERPT_DELETED', { note: note.number }, target);
    } else if (note.problem === 'never_export') {
      add('never-export', 'error', 'CITATION_NEVER_EXPORT', { note: note.number }, target);
    }
  }
  // The words of a "never export" excerpt pasted into the text, without a citation.
  const quotes = context
    .protectedQuotes()
    .map((q) => ({ ...q, words: q.exact.replace(/\s+/g, ' ').trim() }))
    .filter((q) => q.words.length >= MIN_PROTECTED_QUOTE);
  if (quotes.length === 0) return;
  for (const block of model.blocks) {
    const text = inlineText(block.inlines).replace(/\s+/g, ' ');
    if (quotes.some((q) => text.includes(q.words))) {
      add('never-export', 'error', 'NEVER_EXPORT_QUOTED', {}, block.target);
    }
  }
}

/** Each citation of a restricted excerpt: for the team, named only where the person confirmed its source. */
function restrictedCitations({ doc }: Input, add: Add): void {
  for (const source of doc.restricted) {
    for (const note of source.notes) {
      add(
        'restricted',
        'warning',
        source.named ? 'RESTRICTED_CITATION_NAMED' : 'RESTRICTED_CITATION_WITHHELD',
        { note, source: source.title },
        { kind: 'note', number: note },
      );
    }
  }
}

/**
 * A note that lacks what its source's citation format needs (a web page without its address or the
 * day it was read, a report without its author or date): once per source, at its first note, with
 * the source's id so the person can be taken to its details.
 */
function incompleteNotes({ context, notes }: Input, add: Add): void {
  const seen = new Set<string>();
  for (const note of notes) {
    if (note.problem !== null) continue;
    const excerpt = context.excerpts.get(note.excerptId);
    if (!excerpt?.sourceId || seen.has(excerpt.sourceId)) continue;
    seen.add(excerpt.sourceId);
    const missing = missingNoteParts(excerpt);
    if (missing.length === 0) continue;
    add(
      'note-incomplete',
      'warning',
      'NOTE_INCOMPLETE',
      { note: note.number, source: excerpt.sourceTitle, sourceId: excerpt.sourceId, missing: missing.join(',') },
      { kind: 'note', number: note.number },
    );
  }
}

/** Letters and digits only, folded, between spaces: "…/news/Larisa-Kharkova_jailed" → " news larisa kharkova jailed ". */
function addressWords(value: string): string {
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // A malformed escape: compare the address as written.
  }
  return ` ${foldName(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Redaction replaces names in the text, not inside a web address, where a page about a person often
 * carries the name in its slug ("/news/larisa-kharkova-jailed"). Such a note would print the name the
 * export promises to hide: an error, and the person shortens or removes the address in the source's
 * details.
 */
function addressNames({ context, notes, options }: Input, add: Add): void {
  if (!options.redact) return;
  const names = context.entities
    .flatMap((entity) => [entity.name, ...entity.aliases])
    .map(addressWords)
    .filter((name) => name.trim().length >= 3);
  if (names.length === 0) return;
  const seen = new Set<string>();
  for (const note of notes) {
    if (note.problem !== null) continue;
    const excerpt = context.excerpts.get(note.excerptId);
    if (!excerpt?.sourceId || !excerpt.url || seen.has(excerpt.sourceId)) continue;
    seen.add(excerpt.sourceId);
    const url = addressWords(excerpt.url);
    if (!names.some((name) => url.includes(name))) continue;
    add(
      'note-address-names',
      'error',
      'NOTE_ADDRESS_NAMES_PERSON',
      { note: note.number, source: excerpt.sourceTitle, sourceId: excerpt.sourceId, missing: 'url' },
      { kind: 'note', number: note.number },
    );
  }
}

function pseudonyms({ doc, options }: Input, add: Add): void {
  for (const sub of doc.substitutions) {
    const first = sub.occurrences[0] ?? DRAFT;
    const others = sub.occurrences.length - 1;
    if (sub.pseudonym === WITHHELD_NAME) {
      add('pseudonym', 'error', 'PSEUDONYM_MISSING', { name: sub.name, others, withheld: WITHHELD_NAME }, first);
    } else if (options.redact === false) {
      add(
        'pseudonym',
        'error',
        'PSEUDONYM_NEEDS_REDACTION',
        { name: sub.name, others, pseudonym: sub.pseudonym },
        first,
      );
    } else if (options.redact === undefined) {
      add('pseudonym', 'warning', 'PSEUDONYM_REPLACED', { name: sub.name, others, pseudonym: sub.pseudonym }, first);
    }
  }
}

// ── recommendations ──────────────────────────────────────────────────────────────────────────────

const SYMBOL = /^A\/HRC\/\d+\/\d+/;

function recommendationRefs({ context, model }: Input, add: Add): void {
  const ownCycle = context.draft.cover.cycle;
  for (const mention of model.recommendations) {
    const rec = context.recommendations.get(mention.recommendationId);
    if (rec?.status !== 'live') {
      add('recommendation-ref', 'error', 'RECOMMENDATION_MISSING', {}, mention.target);
      continue;
    }
    if (rec.inOtherDossier) add('recommendation-ref', 'error', 'RECOMMENDATION_OTHER_DOSSIER', {}, mention.target);
    // An ILO body's request is cited by body, year and convention: the UPR report's checks do not apply.
    if (rec.mechanism === 'ilo') continue;
    const paragraph = rec.paragraph?.trim() ?? '';
    const label = { numbered: paragraph ? 'yes' : 'no', paragraph };
    if (!paragraph || !RECOMMENDATION_NUMBER.test(paragraph)) {
      add('recommendation-ref', 'error', 'RECOMMENDATION_UNNUMBERED', {}, mention.target);
    }
    if (rec.recommendingStates.every((s) => !s.trim())) {
      add('recommendation-ref', 'error', 'RECOMMENDATION_NO_STATE', label, mention.target);
    }
    if (!rec.documentSymbol?.trim() || !SYMBOL.test(rec.documentSymbol.trim())) {
      add('recommendation-ref', 'warning', 'RECOMMENDATION_NO_SYMBOL', label, mention.target);
    }
    if (!rec.response) add('recommendation-ref', 'warning', 'RECOMMENDATION_NO_RESPONSE', label, mention.target);
    const session = sessionNumber(rec.session);
    if (session !== null && rec.cycle !== null && cycleOfSession(session) !== rec.cycle) {
      add(
        'recommendation-ref',
        'warning',
        'RECOMMENDATION_SESSION_NOT_IN_CYCLE',
        { ...label, session, cycle: rec.cycle },
        mention.target,
      );
    }
    const recCycle = rec.cycle ?? (session !== null ? cycleOfSession(session) : null);
    if (ownCycle !== null && recCycle !== null && recCycle >= ownCycle) {
      add('recommendation-ref', 'warning', 'RECOMMENDATION_NOT_PREVIOUS', label, mention.target);
    }
  }
}

// Verbs that name one concrete action (UPR Info's "specific action" levels) and verbs that do not.
const ACTION_VERBS = new Set(
  `abolish accede adopt align allocate amend annul appoint bring cease collect compensate conduct create criminalise
  criminalize decriminalise decriminalize drop end enact establish extend grant guarantee implement incorporate
  introduce investigate issue lift prohibit prosecute protect provide publish quash ratify recognise recognize
  refrain register reinstate release remove repeal replace restore revise revoke set stop train withdraw ensure`
    .split(/\s+/)
    .filter(Boolean),
);
const VAGUE_VERBS = new Set(
  'consider continue encourage endeavour endeavor enhance explore intensify make promote pursue reflect seek strengthen strive take'.split(
    ' ',
  ),
);
// A deadline in any of the submission languages the checks read: a year, "within 12 months",
// "в течение года", "dans un délai de", "en un plazo de", "before the next review"…
const TIME_BOUND = new RegExp(
  [
    '(^|[^\\p{N}])(19|20)\\d\\d($|[^\\p{N}])',
    'by the end of',
    'within (a|one|two|three|six|twelve|\\d+) (weeks?|months?|years?)',
    'before the (next|fifth|sixth) (review|cycle|UPR)',
    'immediately',
    'without delay',
    'в течение',
    'до конца',
    'до следующего (обзора|цикла)',
    'незамедлительно',
    'безотлагательно',
    'немедленно',
    'dans un délai',
    "d[’']ici (la fin|le prochain|\\d)",
    'avant (la fin|le prochain)',
    'sans délai',
    'immédiatement',
    'en un plazo',
    'antes de(l| la) (fin|próximo)',
    'sin demora',
    'de inmediato',
    'inmediatamente',
  ].join('|'),
  'iu',
);
const PREVIOUSLY = new RegExp(
  [
    '\\b(as )?(recommended|raised) previously\\b',
    '\\bpreviously recommended\\b',
    'как (и )?рекомендовалось ранее',
    'ранее рекомендова',
    'comme (déjà )?recommandé (précédemment|auparavant)',
    'déjà recommandé',
    'como se recomendó (anteriormente|previamente)',
    'recomendad[oa] (anteriormente|previamente)',
  ].join('|'),
  'iu',
);

function recommendationSection(blocks: Block[]): Block[] {
  let start = -1;
  blocks.forEach((b, i) => {
    if (b.kind === 'heading' && RECOMMENDATIONS_HEADING.test(headingText(b))) start = i;
  });
  if (start < 0) return [];
  const level = (blocks[start] as Block).level;
  const out: Block[] = [];
  for (let i = start + 1; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'heading' && block.level <= level) break;
    // A table in this section (last cycle's recommendations, their assessment) quotes; it does not propose.
    if (block.kind === 'paragraph' && !block.cell) out.push(block);
  }
  return out;
}

function smart({ context, model }: Input, add: Add): void {
  const english = context.draft.cover.language.trim().toLowerCase() === 'en';
  for (const block of recommendationSection(model.blocks)) {
    const text = inlineText(block.inlines).replace(ENUMERATOR, '').trim();
    // A lead-in such as "We recommend that the Government:" is not itself a recommendation.
    if (!text || /:\s*$/.test(text)) continue;
    // The verb lists are English: other languages are judged on timing and references only.
    if (english) {
      const first = (text.match(/^[\p{L}'’-]+/u)?.[0] ?? '').toLowerCase();
      if (VAGUE_VERBS.has(first)) {
        const verb = first.charAt(0).toUpperCase() + first.slice(1);
        add('smart', 'warning', 'SMART_VAGUE_VERB', { verb }, block.target);
      } else if (!ACTION_VERBS.has(first)) {
        add('smart', 'warning', 'SMART_NO_ACTION_VERB', {}, block.target);
      }
      const second = [...text.matchAll(/(?:;|\band)\s+([\p{L}]+)/gu)].some((m) => {
        const verb = (m[1] ?? '').toLowerCase();
        return ACTION_VERBS.has(verb) || VAGUE_VERBS.has(verb);
      });
      if (second) add('smart', 'warning', 'SMART_SEVERAL_ACTIONS', {}, block.target);
    }
    if (!TIME_BOUND.test(text)) add('smart', 'warning', 'SMART_NO_TIME', {}, block.target);
    const index = model.blocks.indexOf(block);
    const refers = model.recommendations.some((m) => m.block === index);
    if (PREVIOUSLY.test(text) && !refers) {
      add('smart', 'warning', 'SMART_PREVIOUSLY_UNREFERENCED', {}, block.target);
    } else if (refers && !PREVIOUSLY.test(text)) {
      add('smart', 'warning', 'SMART_REPEAT_UNSAID', {}, block.target);
    }
  }
}

// ── deadline ─────────────────────────────────────────────────────────────────────────────────────

function dayNumber(isoDay: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
}

function deadline({ context, options }: Input, add: Add): void {
  const due = context.dossier.deadline ? dayNumber(context.dossier.deadline) : null;
  const today = dayNumber(options.today);
  if (due === null || today === null || !context.dossier.deadline) return;
  const left = due - today;
  // The date travels as ISO: each reader's language writes it its own way.
  const date = context.dossier.deadline;
  if (left < 0) add('deadline', 'error', 'DEADLINE_PASSED', { date }, DRAFT);
  else if (left <= 7) add('deadline', 'warning', 'DEADLINE_SOON', { days: left, date }, DRAFT);
}

const CHECKS = [
  wordLimit,
  numbering,
  exportFormat,
  language,
  oneState,
  submitter,
  frontMatter,
  dossierReview,
  summary,
  citations,
  restrictedCitations,
  incompleteNotes,
  addressNames,
  pseudonyms,
  recommendationRefs,
  smart,
  noteLength,
  deadline,
];

/** Every check, errors first, each group in document order. */
export function runChecks(
  context: DraftContext,
  options: CheckOptions,
  // An export passes the draft it read and the document it is about to write: prepared once.
  prepared?: { written: WrittenDraft; doc: ExportDocument },
): CheckResult[] {
  const written = prepared?.written ?? readDraft(context);
  const doc =
    prepared?.doc ??
    prepareDocument(
      context,
      {
        redact: options.redact ?? false,
        provenance: options.provenance ?? false,
        ...(options.nameSources ? { nameSources: options.nameSources } : {}),
      },
      written,
    );
  const input: Input = { context, ...written, doc, options };
  const results: CheckResult[] = [];
  const add: Add = (rule, severity, code, params, target) => results.push({ rule, severity, code, params, target });
  for (const check of CHECKS) check(input, add);
  return [...results.filter((r) => r.severity === 'error'), ...results.filter((r) => r.severity === 'warning')];
}
