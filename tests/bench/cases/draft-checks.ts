// Draft checks after each autosave (issue 12: 194 ms at 10,000 sources). The editor asks for the
// notes and the checks after every save; both used to load every "never export" quote of the
// dossier, through every excerpt of its 5,000 sources. Now only the checks ask for them, once, and
// the excerpt_never_export partial index reads only the excerpts so marked.
//   npm run bench -- draft-checks [--sources 500]
// On the scale pair's plain copy, both sides in the same run, alternated: "before" forces the old
// plan (INDEXED BY excerpt_source) and loads the quotes for the notes and again for the checks;
// "after" is what draft.notes + draft.check run now. The encrypted vault's "after" is given too.
import { MIN_PROTECTED_QUOTE, runChecks } from '../../../src/main/drafts/checks.ts';
import { loadDraftContext, localToday } from '../../../src/main/drafts/context.ts';
import { prepareDocument, readDraft } from '../../../src/main/drafts/document.ts';
import { coverFromDossier, templateBody } from '../../../src/main/drafts/templates.ts';
import type { DraftRecord, Store } from '../../../src/main/store/index.ts';
import { migrate } from '../../../src/main/store/migrations/index.ts';
import type { DraftNode } from '../../../src/shared/draft.ts';
import { alternate, type BenchCase, type BenchRow, medianRow, ratioRow } from '../harness.ts';
import { BIG_DOSSIER } from '../scale-vault.ts';
import { scaleSize, scaleStores } from './scale.ts';

const TITLE = 'Benchmark draft';
/** Excerpts of the big dossier marked "never export" (about 1 in 250, as a team marks the sensitive few). */
const NEVER_EXPORT = 200;

/** The big dossier's benchmark draft, made once: the template, a paragraph citing 20 excerpts. */
function benchDraft(store: Store): DraftRecord {
  const dossier = store.dossiers.list().find((d) => d.title === BIG_DOSSIER);
  if (!dossier) throw new Error(`no dossier "${BIG_DOSSIER}" in the benchmark vault`);
  const existing = store.drafts.list(dossier.id).find((d) => d.title === TITLE);
  if (existing) return store.drafts.require(existing.id);
  const excerpts = store.sources
    .list(dossier.id)
    .slice(0, 30)
    .flatMap((source) => store.excerpts.listForSource(source.id))
    .slice(0, NEVER_EXPORT + 20);
  for (const e of excerpts.slice(20)) store.excerpts.update(e.id, { confidentiality: 'never_export' });
  const body = templateBody(['freedom of association']);
  const citing: DraftNode = {
    type: 'paragraph',
    attrs: { numbered: true },
    content: excerpts.slice(0, 20).flatMap((e) => [
      { type: 'text', text: 'The Government reported progress. ' },
      { type: 'citation', attrs: { excerptId: e.id } },
    ]),
  };
  body.content?.splice(1, 1, citing);
  const review = { country: 'KAZ', cycle: 4, session: '48', deadline: null, themes: [] };
  return store.drafts.create({
    dossierId: dossier.id,
    title: TITLE,
    template: 'individual',
    cover: coverFromDossier(review, new Date()),
    body,
  });
}

/** What draft.notes and draft.check run after an autosave, now. */
function afterAutosave(store: Store, id: string): number {
  const notes = loadDraftContext(store, store.drafts.require(id));
  const written = readDraft(notes);
  prepareDocument(notes, { redact: false }, written);
  return runChecks(loadDraftContext(store, store.drafts.require(id)), { today: localToday() }).length;
}

export const draftChecksBench: BenchCase = {
  name: 'draft-checks: notes and checks after an autosave, 10,000 sources',
  async run(): Promise<BenchRow[]> {
    const log = (line: string) => console.log(line);
    const stores = await scaleStores(scaleSize(), log);
    try {
      // The plain copy is opened as generated; bring it to this schema (the partial index) too.
      migrate(stores.plainDb);
      const plain = benchDraft(stores.plain);
      const encrypted = benchDraft(stores.encrypted);
      const oldQuotes = stores.plainDb.prepare(
        `SELECT e.id AS excerptId, e.exact FROM excerpt e INDEXED BY excerpt_source JOIN source s ON s.id = e.source_id
         WHERE s.dossier_id = ? AND e.confidentiality = 'never_export' AND e.deleted_at IS NULL AND s.deleted_at IS NULL`,
      );
      const before = () => {
        // As before: each of the two calls loaded the dossier's quotes through every excerpt.
        for (let call = 0; call < 2; call++) {
          const context = loadDraftContext(stores.plain, stores.plain.drafts.require(plain.id));
          const quotes = oldQuotes.all(plain.dossierId) as { excerptId: string; exact: string }[];
          const eager = { ...context, protectedQuotes: () => quotes };
          if (call === 0) prepareDocument(eager, { redact: false }, readDraft(eager));
          else runChecks(eager, { today: localToday() });
        }
      };
      const sides = await alternate({ before, after: () => afterAutosave(stores.plain, plain.id) }, 7);
      const quotes = await alternate(
        {
          before: () => [oldQuotes.all(plain.dossierId), oldQuotes.all(plain.dossierId)],
          after: () => stores.plain.drafts.protectedQuotes(plain.dossierId, MIN_PROTECTED_QUOTE),
        },
        7,
      );
      const enc = await alternate({ encrypted: () => afterAutosave(stores.encrypted, encrypted.id) }, 7);
      return [
        medianRow('notes + checks after an autosave, before (plain copy)', sides.before),
        medianRow('notes + checks after an autosave, now (plain copy)', sides.after),
        ratioRow('now / before (plain copy)', sides.after.median, sides.before.median),
        medianRow('  of which the never-export quotes, before: all excerpts read, twice', quotes.before),
        medianRow('  of which the never-export quotes, now: the partial index, once', quotes.after),
        medianRow('notes + checks after an autosave, now (encrypted vault)', enc.encrypted),
      ];
    } finally {
      stores.close();
    }
  },
};
