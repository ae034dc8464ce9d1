// The submission as it will be exported, whatever the format: the blocks with their paragraph
// numbers, the notes that may leave the vault (renumbered 1…N after the withheld ones are dropped),
// the cover as printed, and — with redaction — every pseudonym in place. DOCX, HTML and Markdown
// only lay this out; the checks read it too, so they judge exactly what would be written.
//
// Notes citing an excerpt marked "never export", or one no longer in the vault, are always left out,
// with or without redaction: the mark protects sources and witnesses and must not depend on a
// checkbox. A "restricted" excerpt is for the team: its note is left out too unless the person has
// confirmed, source by source, that the source may be named. Redaction adds the pseudonyms.
import type {
  ChangedSentence,
  DraftTarget,
  Footnote,
  RestrictedSource,
  Substitution,
  WordCount,
} from '../../shared/api/drafts.ts';
import { WORD_LIMITS } from '../../shared/draft.ts';
import { type CoverLine, coverLines, coverTitle } from './cover.ts';
import { footnotes, styledNoteTexts } from './footnotes.ts';
import { type Block, buildModel, type DraftModel, type Inline, inlineText } from './model.ts';
import { type NameRule, redactor } from './redact.ts';
import { recommendationText } from './references.ts';
import type { DraftContext } from './types.ts';
import { wording } from './wording.ts';
import { bodyWords, textsWords } from './words.ts';

export interface ExportNote {
  /** As printed in this export. */
  number: number;
  /** As numbered in the draft (where the editor shows it). */
  draftNumber: number;
  excerptId: string;
  text: string;
  /** For the provenance annex. */
  sourceTitle: string;
  sha256: string | null;
  page: number | null;
}

export interface ExportDocument {
  /** The cover's title line, also the file's document title. */
  title: string;
  language: string;
  cover: CoverLine[];
  blocks: Block[];
  notes: ExportNote[];
  /** Add the provenance annex (source, SHA-256, page and excerpt of every note). */
  provenance: boolean;
  redacted: boolean;
  /** Names replaced (with redaction) or that would be (without). */
  substitutions: Substitution[];
  /** Every sentence redaction changes, before and after, in reading order (whether or not it redacts). */
  sentences: ChangedSentence[];
  /** Notes left out, and why. */
  withheld: Footnote[];
  /** The sources of cited restricted excerpts, named or withheld in this export. */
  restricted: RestrictedSource[];
  words: WordCount;
}

/** The draft as written: every citation and every note, before anything is withheld or replaced. */
export interface WrittenDraft {
  model: DraftModel;
  notes: Footnote[];
}

export interface PrepareOptions {
  redact: boolean;
  provenance?: boolean;
  /** Sources whose restricted excerpts the person confirmed may be named; others' notes are withheld. */
  nameSources?: readonly string[];
}

/** The draft as written: its blocks and every note, including those that cannot be exported. */
export function readDraft(context: DraftContext): WrittenDraft {
  const w = wording(context.draft.cover.language);
  const model = buildModel(context.draft.body, (id) => recommendationText(context.recommendations.get(id), w));
  return { model, notes: footnotes(model, context.excerpts, w) };
}

function place(target: DraftTarget): number {
  if (target.kind === 'cover') return 0;
  if (target.kind === 'paragraph') return 1 + target.number;
  if (target.kind === 'note') return 1_000_000 + target.number;
  return 2_000_000;
}

const byPlace = (a: DraftTarget, b: DraftTarget) => place(a) - place(b);

/** Collects where each name was found, one Substitution per entity and name. */
class SubstitutionLog {
  readonly #entries = new Map<string, Substitution>();
  readonly #seen = new Set<string>();

  at(target: DraftTarget): (rule: NameRule) => void {
    return (rule) => {
      const id = `${rule.entityId}\u0000${rule.name}`;
      let entry = this.#entries.get(id);
      if (!entry) {
        entry = { entityId: rule.entityId, name: rule.name, pseudonym: rule.replacement, occurrences: [] };
        this.#entries.set(id, entry);
      }
      const where = `${id}\u0000${JSON.stringify(target)}`;
      if (!this.#seen.has(where)) {
        this.#seen.add(where);
        entry.occurrences.push(target);
      }
    };
  }

  /** In the order a reader meets them: the cover, then the paragraphs, then the notes. */
  list(): Substitution[] {
    const entries = [...this.#entries.values()].map((e) => ({ ...e, occurrences: [...e.occurrences].sort(byPlace) }));
    return entries.sort((a, b) => byPlace(a.occurrences[0] as DraftTarget, b.occurrences[0] as DraftTarget));
  }
}

export function prepareDocument(
  context: DraftContext,
  options: PrepareOptions,
  // Callers that also need the draft as written read it once and pass it in.
  { model, notes }: WrittenDraft = readDraft(context),
): ExportDocument {
  const { draft } = context;
  const names = redactor(context.entities);
  const log = new SubstitutionLog();
  const apply = <T>(original: T, redacted: T) => (options.redact ? redacted : original);
  const sentences: ChangedSentence[] = [];
  const review = (value: string, target: DraftTarget) => {
    for (const s of names.sentences(value)) sentences.push({ target, ...s });
  };

  // Restricted excerpts are named only from the sources the person confirmed.
  const named = new Set(options.nameSources ?? []);
  const restricted = new Map<string, RestrictedSource>();
  const judged = notes.map((note): Footnote => {
    const excerpt = context.excerpts.get(note.excerptId);
    if (note.problem !== null || excerpt?.confidentiality !== 'restricted' || !excerpt.sourceId) return note;
    const source = restricted.get(excerpt.sourceId) ?? {
      sourceId: excerpt.sourceId,
      title: excerpt.sourceTitle,
      notes: [],
      named: named.has(excerpt.sourceId),
    };
    source.notes.push(note.number);
    restricted.set(excerpt.sourceId, source);
    return source.named ? note : { ...note, problem: 'restricted' };
  });

  // Notes that may leave the vault, renumbered in order, worded in citation style ("Ibid.").
  const exportable = judged.filter((note) => note.problem === null);
  const keptExcerpts = exportable.flatMap((note) => {
    const excerpt = context.excerpts.get(note.excerptId);
    return excerpt ? [excerpt] : [];
  });
  const styled =
    keptExcerpts.length === exportable.length
      ? styledNoteTexts(keptExcerpts, wording(draft.cover.language))
      : exportable.map((note) => note.text);
  const renumbered = new Map<number, number>();
  const exported: ExportNote[] = [];
  for (const [index, note] of exportable.entries()) {
    const excerpt = context.excerpts.get(note.excerptId);
    const text = styled[index] ?? note.text;
    const number = exported.length + 1;
    renumbered.set(note.number, number);
    const where: DraftTarget = { kind: 'note', number: note.number };
    review(text, where);
    exported.push({
      number,
      draftNumber: note.number,
      excerptId: note.excerptId,
      text: apply(text, names.text(text, log.at(where))),
      sourceTitle: apply(excerpt?.sourceTitle ?? '', names.text(excerpt?.sourceTitle ?? '', log.at(where))),
      sha256: excerpt?.originalSha256 ?? null,
      page: excerpt?.page ?? null,
    });
  }

  const blocks: Block[] = [];
  for (const block of model.blocks) {
    const kept = block.inlines.flatMap((inline): Inline[] => {
      if (inline.kind !== 'citation') return [inline];
      const number = renumbered.get(inline.note);
      return number === undefined ? [] : [{ ...inline, note: number }];
    });
    const inlines = apply(kept, names.inlines(kept, log.at(block.target)));
    review(inlineText(kept), block.target);
    blocks.push({ ...block, inlines });
  }

  const body = bodyWords({ ...model, blocks });
  const cover = coverLines(draft.cover, draft.template, body).map((line) => {
    const target: DraftTarget = { kind: 'cover', field: line.field };
    review(line.text, target);
    return { ...line, text: apply(line.text, names.text(line.text, log.at(target))) };
  });
  // The cover comes first on the page, so first in the review.
  sentences.sort((a, b) => byPlace(a.target, b.target));
  const title = coverTitle(draft.cover, draft.template);

  return {
    title: apply(title, names.text(title)),
    language: draft.cover.language || 'en',
    cover,
    blocks,
    notes: exported,
    provenance: options.provenance ?? false,
    redacted: options.redact,
    substitutions: log.list(),
    sentences,
    withheld: judged.filter((n) => n.problem !== null),
    restricted: [...restricted.values()],
    words: {
      body,
      notes: textsWords(exported.map((n) => n.text)),
      cover: textsWords(cover.map((l) => l.text)),
      limit: WORD_LIMITS[draft.template],
    },
  };
}
