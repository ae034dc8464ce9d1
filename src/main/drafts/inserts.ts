// What other screens put into a draft, worded in the draft's own language (not the interface's: a
// Russian-speaking monitor inserting into an English submission gets English words):
// - a State's claim with the excerpts that contradict or corroborate it, as one numbered paragraph
//   citing each of them (the Claims view);
// - the dossier's timeline as a table — When · What happened · Where · Who · Evidence — with the same
//   filters the Timeline tab has, its evidence cited in the last column (the Timeline tab).
// Names are written as recorded: pseudonyms replace them on export, like everywhere else in a draft.
// Never-export excerpts are cited like the others; the checks flag them and every export leaves
// their notes out, so the person sees what was left out and why.
import type { EventFilter } from '../../shared/api/events.ts';
import type { DraftBody } from '../../shared/draft.ts';
import { UprightError } from '../../shared/errors.ts';
import { formatFuzzyDate } from '../../shared/fuzzy-date.ts';
import { isClaim } from '../annotate/claims.ts';
import type { EventRecord, Store } from '../store/index.ts';
import { appendParagraph, appendTable, type ParagraphPart, type TableCell } from './append.ts';
import { type Wording, wording } from './wording.ts';

/** Words as one line: a quote's own line breaks become spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The paragraph for a claim: the claim quoted and cited, then each piece of evidence quoted and cited. */
export function claimParts(
  w: Wording,
  claim: { id: string; exact: string },
  contradicting: readonly { id: string; exact: string }[],
  corroborating: readonly { id: string; exact: string }[],
): ParagraphPart[] {
  const quote = (text: string) => w.t('insert.quote', { quote: oneLine(text) });
  const out: ParagraphPart[] = [{ text: w.t('insert.claim', { quote: quote(claim.exact) }) }, { excerptId: claim.id }];
  const evidence = (excerpts: readonly { id: string; exact: string }[], lead: string) => {
    excerpts.forEach((excerpt, i) => {
      out.push({ text: `${i === 0 ? `. ${lead} ` : '; '}${quote(excerpt.exact)}` });
      out.push({ excerptId: excerpt.id });
    });
  };
  evidence(contradicting, w.t('insert.contradicted'));
  evidence(corroborating, w.t('insert.corroborated'));
  out.push({ text: '.' });
  return out;
}

/** The draft with the claim (an excerpt whose stance is a claim, denial or acknowledgement by the State) added. */
export function appendClaim(
  store: Store,
  draft: { dossierId: string; body: DraftBody; language: string },
  excerptId: string,
): DraftBody {
  const excerpt = store.excerpts.require(excerptId);
  if (store.sources.detail(excerpt.sourceId).dossierId !== draft.dossierId) throw new UprightError('EXCERPT_NOT_FOUND');
  if (!isClaim(excerpt.stance)) throw new UprightError('EXCERPT_NOT_A_CLAIM');
  const links = store.links.forExcerpt(excerptId);
  const of = (kind: string) =>
    links.filter((l) => l.kind === kind).map((l) => ({ id: l.other.id, exact: l.other.exact }));
  const parts = claimParts(wording(draft.language), excerpt, of('contradicts'), of('corroborates'));
  return appendParagraph(store, draft.dossierId, draft.body, parts);
}

/** The timeline's columns, in the draft's language. */
export function timelineColumns(w: Wording): string[] {
  return [
    w.t('timeline.when'),
    w.t('timeline.what'),
    w.t('timeline.where'),
    w.t('timeline.who'),
    w.t('timeline.evidence'),
  ];
}

/** One event as a row: its date as the language writes it, what happened, where, who in which role, its evidence cited. */
export function timelineRow(w: Wording, event: EventRecord): TableCell[] {
  const when = event.date
    ? formatFuzzyDate(event.date, w.locale, { since: (date) => w.t('timeline.since', { date }) })
    : (event.dateText ?? '');
  const title = oneLine(event.title);
  const description = oneLine(event.description);
  // The title, then what else is known, as one sentence after another.
  const what = description ? `${title}${/[.!?…]$/.test(title) ? '' : '.'} ${description}` : title;
  const who = event.participants
    .map((p) => w.t('timeline.participant', { name: p.name, role: w.t('timeline.role', { role: p.role }) }))
    .join('; ');
  const evidence: ParagraphPart[] = [];
  for (const [i, e] of event.evidence.entries()) {
    if (i > 0) evidence.push({ text: ', ' });
    evidence.push({ excerptId: e.excerptId });
  }
  return [[{ text: when }], [{ text: what }], [{ text: event.place ?? '' }], [{ text: who }], evidence];
}

/** The draft with its dossier's timeline (filtered as the Timeline tab filters) added as a table. */
export function appendTimeline(
  store: Store,
  draft: { dossierId: string; body: DraftBody; language: string },
  filter: Omit<EventFilter, 'dossierId'>,
  title?: string,
): { body: DraftBody; events: number } {
  const events = store.events.list({ ...filter, dossierId: draft.dossierId });
  if (events.length === 0) throw new UprightError('TIMELINE_EMPTY');
  const w = wording(draft.language);
  const body = appendTable(store, draft.dossierId, draft.body, {
    ...(title ? { title } : {}),
    columns: timelineColumns(w),
    rows: events.map((event) => timelineRow(w, event)),
  });
  return { body, events: events.length };
}
