// The checks run before export (UPR-SUBMISSION.md): the confirmed OHCHR rules are errors, the
// unconfirmed ones and the heuristics are warnings, and each result points at the paragraph, note or
// cover field it concerns. They judge the document export would write (document.ts), so a passing
// check is a property of the file, not of the editor's view of it.
import type { CheckResult, DraftTarget, ExportFormat, Footnote } from '../../shared/api/drafts.ts';
import type { CheckCode } from '../../shared/check-messages.ts';
import { foldName, formatPartialDate, ordinal } from '../../shared/domain.ts';
import { UN_LANGUAGES } from '../../shared/draft.ts';
import { detectLanguage } from '../ingest/metadata.ts';
import { missingNoteParts } from './citation-needs.ts';
import { type ExportDocument, prepareDocument, readDraft, type WrittenDraft } from './document.ts';
import { type Block, type DraftModel, inlineText } from './model.ts';
import { WITHHELD_NAME } from './redact.ts';
import { cycleOfSession, RECOMMENDATION_NUMBER, sessionNumber, sessionsOfCycle } from './references.ts';
import { memberStateNames, stateName } from './states.ts';
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

type Add = (rule: string, severity: CheckResult['severity'], message: string, target: DraftTarget) => void;
/** Newer checks speak codes: the renderer and the CLI word them (src/shared/check-messages.ts). */
type AddCode = (
  rule: string,
  severity: CheckResult['severity'],
  code: CheckCode,
  params: Record<string, string | number>,
  target: DraftTarget,
) => void;

const DRAFT: DraftTarget = { kind: 'draft' };
const cover = (field: string): DraftTarget => ({ kind: 'cover', field });

function where(target: DraftTarget): string {
  if (target.kind === 'paragraph') return `paragraph ${target.number}`;
  if (target.kind === 'note') return `note ${target.number}`;
  if (target.kind === 'cover') return 'the cover page';
  return 'the draft';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ── length ───────────────────────────────────────────────────────────────────────────────────────

function wordLimit({ doc }: Input, add: Add): void {
  const { body, notes, cover: coverWords, limit } = doc.words;
  const n = (x: number) => x.toLocaleString('en-GB');
  if (body > limit) {
    add(
      'word-limit',
      'error',
      `The text has ${n(body)} words: ${n(body - limit)} over the limit of ${n(limit)}.`,
      DRAFT,
    );
  } else if (body + notes > limit) {
    add(
      'word-limit',
      'warning',
      `With its notes the submission has ${n(body + notes)} words, over the limit of ${n(limit)}. Whether notes count is not confirmed; shorten to be safe.`,
      DRAFT,
    );
  } else if (body + notes + coverWords > limit) {
    add(
      'word-limit',
      'warning',
      `With its notes and cover page the submission has ${n(body + notes + coverWords)} words, over the limit of ${n(limit)}. Whether they count is not confirmed.`,
      DRAFT,
    );
  }
}

function noteLength({ doc }: Input, add: Add): void {
  for (const note of doc.notes) {
    const words = countWords(note.text);
    if (words > 60) {
      add(
        'note-length',
        'warning',
        `Note ${note.draftNumber} has ${words} words. Notes are for references only; move any argument into the text.`,
        { kind: 'note', number: note.draftNumber },
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
    add(
      'paragraph-numbering',
      'error',
      'The submission has no numbered paragraphs yet. OHCHR cites submissions by paragraph number.',
      DRAFT,
    );
    return;
  }
  for (const block of numbered) {
    if (TYPED_NUMBER.test(inlineText(block.inlines))) {
      add(
        'paragraph-numbering',
        'warning',
        `Paragraph ${block.number} starts with a typed number. Paragraphs are numbered automatically; remove the typed one.`,
        block.target,
      );
    }
  }
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' || block.number !== null || block.list || block.quote) continue;
    if (countWords(inlineText(block.inlines)) > 60) {
      add(
        'paragraph-numbering',
        'warning',
        `A long unnumbered paragraph after ${where(block.target)} cannot be cited by number. Number it unless it is a quotation.`,
        block.target,
      );
    }
  }
}

function exportFormat({ options }: Input, add: Add): void {
  if (options.format && options.format !== 'docx') {
    add(
      'file-format',
      'warning',
      'OHCHR accepts submissions as Word documents (.docx) only, with numbered pages. Use this file for reading or printing, not for submitting.',
      DRAFT,
    );
  }
  if (options.provenance) {
    add(
      'provenance-annex',
      'warning',
      'The provenance annex is for your own records: OHCHR wants annexes in a separate file. Do not submit this copy as it is.',
      DRAFT,
    );
  }
}

// ── cover and front matter ───────────────────────────────────────────────────────────────────────

function language({ context, doc }: Input, add: Add): void {
  const lang = context.draft.cover.language.trim().toLowerCase();
  if (!(UN_LANGUAGES as readonly string[]).includes(lang)) {
    add(
      'language',
      'error',
      'Write the submission in a UN official language: English, French, Spanish, Russian, Arabic or Chinese.',
      cover('language'),
    );
    return;
  }
  if (!['en', 'fr', 'es'].includes(lang)) {
    add(
      'language',
      'warning',
      'The UPR Working Group works in English, French and Spanish: a submission in another UN language may be summarised later or less fully.',
      cover('language'),
    );
  }
  const text = doc.blocks
    .filter((b) => b.kind === 'paragraph')
    .map((b) => inlineText(b.inlines))
    .join('\n');
  const detected = detectLanguage(text);
  if (detected && detected !== lang) {
    add(
      'language',
      'warning',
      `The cover says the submission is in “${lang}”, but the text reads as “${detected}”.`,
      cover('language'),
    );
  }
}

function oneState({ context }: Input, add: Add): void {
  const state = context.draft.cover.state.trim();
  if (!state) {
    add('one-state', 'error', 'Name the State under review on the cover.', cover('state'));
    return;
  }
  const known = memberStateNames();
  if (!known.includes(state)) {
    const named = known.filter((name) =>
      new RegExp(`(^|[^\\p{L}])${name.replace(/[()]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(state),
    );
    if (named.length > 1) {
      add(
        'one-state',
        'error',
        `A submission covers one State under review; the cover names ${named.length}: ${named.join(', ')}.`,
        cover('state'),
      );
      return;
    }
  }
  const expected = stateName(context.dossier.country);
  if (context.dossier.country && expected !== context.dossier.country && expected !== state) {
    add('one-state', 'warning', `The cover names “${state}”, but the dossier is about ${expected}.`, cover('state'));
  }
}

function submitter({ context }: Input, add: Add): void {
  const { template } = context.draft;
  const orgs = context.draft.cover.organisations;
  if (template === 'individual' && orgs.length !== 1) {
    add(
      'submitter',
      'error',
      orgs.length === 0
        ? 'Name the organisation that submits on the cover.'
        : `An individual submission comes from exactly one organisation; the cover lists ${orgs.length}. Make it a joint submission or remove the others.`,
      cover('organisations'),
    );
  }
  if (template === 'joint' && orgs.length < 2) {
    add(
      'submitter',
      'error',
      'A joint submission lists every organisation that joins it, at least two, before paragraph 1. Add them on the cover, or make it an individual submission.',
      cover('organisations'),
    );
  }
  orgs.forEach((org, i) => {
    const label = org.acronym.trim() || org.name.trim() || `Organisation ${i + 1}`;
    if (!org.name.trim())
      add('organisation-paragraph', 'error', `${label}: give the organisation’s full name.`, cover('organisations'));
    if (!org.activities.trim()) {
      add(
        'organisation-paragraph',
        'error',
        `${label}: add a paragraph on what the organisation does.`,
        cover('organisations'),
      );
    }
    if (org.foundedYear === null) {
      add(
        'organisation-paragraph',
        'error',
        `${label}: add the year the organisation was founded.`,
        cover('organisations'),
      );
    }
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function frontMatter({ context }: Input, add: Add): void {
  const c = context.draft.cover;
  if (c.session === null)
    add('front-matter', 'error', 'Give the UPR Working Group session the State is reviewed at.', cover('session'));
  if (c.cycle === null) add('front-matter', 'error', 'Give the UPR cycle of the review.', cover('cycle'));
  if (c.session !== null && c.cycle !== null && cycleOfSession(c.session) !== c.cycle) {
    const range = sessionsOfCycle(c.cycle);
    // Sessions are confirmed up to the 4th cycle; the 5th cycle's range is an assumption.
    add(
      'front-matter',
      c.cycle <= 4 ? 'error' : 'warning',
      `Session ${c.session} is not in the ${ordinal(c.cycle)} cycle (sessions ${range.first}–${range.last}).`,
      cover('session'),
    );
  }
  if (!c.monthYear.trim())
    add('front-matter', 'error', 'Give the month and year of the submission, e.g. “March 2027”.', cover('monthYear'));
  if (!c.contactName.trim()) add('front-matter', 'error', 'Name a contact person.', cover('contactName'));
  if (!c.contactEmail.trim())
    add('front-matter', 'error', 'Give the contact person’s e-mail address.', cover('contactEmail'));
  else if (!EMAIL.test(c.contactEmail.trim())) {
    add('front-matter', 'error', 'The contact e-mail address does not look right.', cover('contactEmail'));
  }
  if (c.keywords.every((k) => !k.trim())) {
    add('keywords', 'error', 'Add keywords (the themes of the submission) to the cover.', cover('keywords'));
  }
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
    add(
      'dossier-review',
      'warning',
      `The cover names the ${ordinal(c.cycle)} cycle, the dossier the ${ordinal(cycle)}. Correct the one that is out of date.`,
      cover('cycle'),
    );
  }
  const dossierSession = sessionNumber(session);
  if (dossierSession !== null && c.session !== null && dossierSession !== c.session) {
    add(
      'dossier-review',
      'warning',
      `The cover names session ${c.session}, the dossier session ${dossierSession}. Correct the one that is out of date.`,
      cover('session'),
    );
  }
}

// ── structure ────────────────────────────────────────────────────────────────────────────────────

const ENUMERATOR = /^[\s(]*(\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+/i;
const FOLLOW_UP = /follow[\s-]*up|previous (review|cycle|recommendations)|suivi|seguimiento/i;
/** The section of proposed recommendations (plural: "Recommendation 140.12" heads a follow-up block). */
const RECOMMENDATIONS = /^(recommendations|recommandations|recomendaciones)\b/i;

function headingText(block: Block): string {
  return inlineText(block.inlines).replace(ENUMERATOR, '').trim();
}

function summary({ doc }: Input, add: Add): void {
  const followUp = doc.blocks.findIndex((b) => b.kind === 'heading' && FOLLOW_UP.test(headingText(b)));
  if (followUp < 0) {
    add(
      'structure',
      'warning',
      'There is no section on the follow-up to the previous review (a heading such as “Follow-up to the previous review”).',
      DRAFT,
    );
    return;
  }
  const opening = doc.blocks.slice(0, followUp).some((b) => b.number !== null);
  if (!opening) {
    add(
      'summary',
      'error',
      'Open with a summary: at least one numbered paragraph (scope, method, period covered) before the follow-up to the previous review.',
      doc.blocks[followUp]?.target ?? DRAFT,
    );
  }
}

// ── notes and what may not leave the vault ───────────────────────────────────────────────────────

function citations({ context, model, notes }: Input, add: Add): void {
  for (const note of notes) {
    const target: DraftTarget = { kind: 'note', number: note.number };
    if (note.problem === 'excerpt_deleted') {
      add(
        'citation-resolves',
        'error',
        `Note ${note.number} cites an excerpt that is no longer in the vault; it will be left out. Cite another excerpt or remove the citation.`,
        target,
      );
    } else if (note.problem === 'never_export') {
      add(
        'never-export',
        'error',
        `Note ${note.number} cites an excerpt marked “never export”; it will be left out. Cite a public source for this point or remove the citation.`,
        target,
      );
    }
  }
  // The words of a "never export" excerpt pasted into the text, without a citation.
  const quotes = context.protectedQuotes
    .map((q) => ({ ...q, words: q.exact.replace(/\s+/g, ' ').trim() }))
    .filter((q) => q.words.length >= 24);
  if (quotes.length === 0) return;
  for (const block of model.blocks) {
    const text = inlineText(block.inlines).replace(/\s+/g, ' ');
    if (quotes.some((q) => text.includes(q.words))) {
      add(
        'never-export',
        'error',
        `${capitalise(where(block.target))} quotes an excerpt marked “never export”. Rephrase it from a public source.`,
        block.target,
      );
    }
  }
}

/** Each citation of a restricted excerpt: for the team, named only where the person confirmed its source. */
function restrictedCitations({ doc }: Input, _add: Add, addCode: AddCode): void {
  for (const source of doc.restricted) {
    for (const note of source.notes) {
      addCode(
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
function incompleteNotes({ context, notes }: Input, _add: Add, addCode: AddCode): void {
  const seen = new Set<string>();
  for (const note of notes) {
    if (note.problem !== null) continue;
    const excerpt = context.excerpts.get(note.excerptId);
    if (!excerpt?.sourceId || seen.has(excerpt.sourceId)) continue;
    seen.add(excerpt.sourceId);
    const missing = missingNoteParts(excerpt);
    if (missing.length === 0) continue;
    addCode(
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
function addressNames({ context, notes, options }: Input, _add: Add, addCode: AddCode): void {
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
    addCode(
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
    const at = `${where(first)}${others > 0 ? ` and ${others} other place${others > 1 ? 's' : ''}` : ''}`;
    if (sub.pseudonym === WITHHELD_NAME) {
      add(
        'pseudonym',
        'error',
        `“${sub.name}” is protected but has no pseudonym (${at}). Give it one under Entities; until then it is exported as “${WITHHELD_NAME}”.`,
        first,
      );
    } else if (options.redact === false) {
      add(
        'pseudonym',
        'error',
        `“${sub.name}” appears in ${at} and has a pseudonym. Export with redaction to replace it by “${sub.pseudonym}”.`,
        first,
      );
    } else if (options.redact === undefined) {
      add(
        'pseudonym',
        'warning',
        `“${sub.name}” (${at}) is replaced by “${sub.pseudonym}” when you export with redaction.`,
        first,
      );
    }
  }
}

// ── recommendations ──────────────────────────────────────────────────────────────────────────────

const SYMBOL = /^A\/HRC\/\d+\/\d+/;

function recommendationRefs({ context, model }: Input, add: Add): void {
  const ownCycle = context.draft.cover.cycle;
  for (const mention of model.recommendations) {
    const rec = context.recommendations.get(mention.recommendationId);
    const at = capitalise(where(mention.target));
    if (rec?.status !== 'live') {
      add(
        'recommendation-ref',
        'error',
        `${at} refers to a recommendation that is no longer in the vault.`,
        mention.target,
      );
      continue;
    }
    const label = rec.paragraph?.trim() ? `Recommendation ${rec.paragraph.trim()}` : 'A recommendation';
    if (!rec.paragraph?.trim() || !RECOMMENDATION_NUMBER.test(rec.paragraph.trim())) {
      add(
        'recommendation-ref',
        'error',
        `${at} refers to a recommendation without a number such as 140.12.`,
        mention.target,
      );
    }
    if (rec.recommendingStates.every((s) => !s.trim())) {
      add(
        'recommendation-ref',
        'error',
        `${label} (${where(mention.target)}) does not say which State made it.`,
        mention.target,
      );
    }
    if (!rec.documentSymbol?.trim() || !SYMBOL.test(rec.documentSymbol.trim())) {
      add(
        'recommendation-ref',
        'warning',
        `${label} (${where(mention.target)}) lacks the symbol of the Working Group report, such as A/HRC/43/10.`,
        mention.target,
      );
    }
    if (!rec.response) {
      add(
        'recommendation-ref',
        'warning',
        `${label} (${where(mention.target)}) does not say whether it was supported or noted.`,
        mention.target,
      );
    }
    const session = sessionNumber(rec.session);
    if (session !== null && rec.cycle !== null && cycleOfSession(session) !== rec.cycle) {
      add(
        'recommendation-ref',
        'warning',
        `${label} is from session ${session}, which is not in the ${ordinal(rec.cycle)} cycle it is filed under.`,
        mention.target,
      );
    }
    const recCycle = rec.cycle ?? (session !== null ? cycleOfSession(session) : null);
    if (ownCycle !== null && recCycle !== null && recCycle >= ownCycle) {
      add('recommendation-ref', 'warning', `${label} is not from a previous cycle of the review.`, mention.target);
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
const TIME_BOUND =
  /\b(19|20)\d\d\b|\bby the end of\b|\bwithin (a|one|two|three|six|twelve|\d+) (weeks?|months?|years?)\b|\bbefore the (next|fifth|sixth) (review|cycle|UPR)\b|\bimmediately\b|\bwithout delay\b/i;
const PREVIOUSLY = /\b(as )?(recommended|raised) previously\b|\bpreviously recommended\b/i;

function recommendationSection(blocks: Block[]): Block[] {
  let start = -1;
  blocks.forEach((b, i) => {
    if (b.kind === 'heading' && RECOMMENDATIONS.test(headingText(b))) start = i;
  });
  if (start < 0) return [];
  const level = (blocks[start] as Block).level;
  const out: Block[] = [];
  for (let i = start + 1; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (block.kind === 'heading' && block.level <= level) break;
    if (block.kind === 'paragraph') out.push(block);
  }
  return out;
}

function smart({ context, model }: Input, add: Add): void {
  const english = context.draft.cover.language.trim().toLowerCase() === 'en';
  for (const block of recommendationSection(model.blocks)) {
    const text = inlineText(block.inlines).replace(ENUMERATOR, '').trim();
    // A lead-in such as "We recommend that the Government:" is not itself a recommendation.
    if (!text || /:\s*$/.test(text)) continue;
    const at = capitalise(where(block.target));
    if (english) {
      const first = (text.match(/^[\p{L}'’-]+/u)?.[0] ?? '').toLowerCase();
      if (VAGUE_VERBS.has(first)) {
        add(
          'smart',
          'warning',
          `${at}: “${capitalise(first)}” is hard to measure; name the concrete action (amend, repeal, establish, investigate…).`,
          block.target,
        );
      } else if (!ACTION_VERBS.has(first)) {
        add(
          'smart',
          'warning',
          `${at}: start the recommendation with an action verb (ratify, amend, repeal, establish, investigate…).`,
          block.target,
        );
      }
      const second = [...text.matchAll(/(?:;|\band)\s+([\p{L}]+)/gu)].some((m) => {
        const verb = (m[1] ?? '').toLowerCase();
        return ACTION_VERBS.has(verb) || VAGUE_VERBS.has(verb);
      });
      if (second) add('smart', 'warning', `${at}: one action per recommendation; split this one.`, block.target);
    }
    if (!TIME_BOUND.test(text)) {
      add(
        'smart',
        'warning',
        `${at}: say by when (a year, “within 12 months”, “before the next review”).`,
        block.target,
      );
    }
    const index = model.blocks.indexOf(block);
    const refers = model.recommendations.some((m) => m.block === index);
    if (PREVIOUSLY.test(text) && !refers) {
      add(
        'smart',
        'warning',
        `${at}: it says it was recommended previously; refer to the earlier recommendation itself.`,
        block.target,
      );
    } else if (refers && !PREVIOUSLY.test(text)) {
      add(
        'smart',
        'warning',
        `${at}: it repeats an earlier recommendation; say “as recommended previously”.`,
        block.target,
      );
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
  if (due === null || today === null) return;
  const left = due - today;
  const date = formatPartialDate(context.dossier.deadline);
  if (left < 0) {
    add('deadline', 'error', `The deadline for this review (${date}) has passed.`, DRAFT);
  } else if (left <= 7) {
    const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
    add('deadline', 'warning', `The submission is due ${when} (${date}).`, DRAFT);
  }
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
  const add: Add = (rule, severity, message, target) => results.push({ rule, severity, message, target });
  const addCode: AddCode = (rule, severity, code, params, target) =>
    results.push({ rule, severity, code, params, target });
  for (const check of CHECKS) check(input, add, addCode);
  return [...results.filter((r) => r.severity === 'error'), ...results.filter((r) => r.severity === 'warning')];
}
