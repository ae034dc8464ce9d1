// Submission drafts: the editor's reads and saves, the generated notes, the checks, redaction,
// rendering and export, and named versions with their comparison.
import type { DraftBody } from '../../shared/draft.ts';
import { UprightError } from '../../shared/errors.ts';
import { appendParagraph, appendTable } from '../drafts/append.ts';
import { runChecks } from '../drafts/checks.ts';
import { compareBodies } from '../drafts/compare.ts';
import { dossierReview, loadDraftContext, localToday } from '../drafts/context.ts';
import { prepareDocument, readDraft } from '../drafts/document.ts';
import { auditSummary, renderExport, SAVE_FILTERS, suggestedFileName, withExtension } from '../drafts/export.ts';
import { noteText } from '../drafts/footnotes.ts';
import { renderHtml } from '../drafts/html.ts';
import { appendClaim, appendTimeline } from '../drafts/inserts.ts';
import { renderMarkdown } from '../drafts/markdown.ts';
import { buildModel } from '../drafts/model.ts';
import { redactor } from '../drafts/redact.ts';
import { recommendationText } from '../drafts/references.ts';
import { coverFromDossier, templateBody } from '../drafts/templates.ts';
import { wording } from '../drafts/wording.ts';
import { bodyWords } from '../drafts/words.ts';
import type { DraftPatch, Store } from '../store/index.ts';
import type { Handlers } from './registry.ts';
import { chooseExportPath, writeExport } from './save-path.ts';

/** Words in a body as printed, cross-references to recommendations included. */
function countBody(store: Store, body: DraftBody): number {
  const ids = buildModel(body, () => '').recommendations.map((r) => r.recommendationId);
  const recommendations = ids.length > 0 ? store.drafts.recommendations(ids) : new Map();
  return bodyWords(buildModel(body, (id) => recommendationText(recommendations.get(id))));
}

function contextFor(store: Store, id: string) {
  return loadDraftContext(store, store.drafts.require(id));
}

export const draftHandlers = {
  'draft.list': ({ dossierId }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.drafts.list(dossierId).map((draft) => ({ ...draft, words: countBody(store, draft.body) }));
  },
  'draft.create': ({ dossierId, title, template, language = 'en' }, { services }) => {
    const store = services.vault.store();
    const dossier = store.dossiers.require(dossierId);
    const review = dossierReview(dossier);
    return store.drafts.create({
      dossierId,
      title,
      template,
      cover: coverFromDossier(review, new Date(), language),
      body: templateBody(dossier.themes, language),
    });
  },
  'draft.get': ({ id }, { services }) => services.vault.store().drafts.require(id),
  // The schema has checked every node; its input type just cannot say so for a recursive tree.
  'draft.update': ({ id, ...patch }, { services }) => services.vault.store().drafts.update(id, patch as DraftPatch),
  'draft.delete': ({ id }, { services }) => {
    if (!services.vault.store().drafts.remove(id)) throw new UprightError('DRAFT_NOT_FOUND');
    return { deleted: true as const };
  },
  'draft.appendParagraph': ({ id, parts }, { services }) => {
    const store = services.vault.store();
    const draft = store.drafts.require(id);
    return store.drafts.update(id, { body: appendParagraph(store, draft.dossierId, draft.body, parts) });
  },
  'draft.appendTable': ({ id, title, columns, rows }, { services }) => {
    const store = services.vault.store();
    const draft = store.drafts.require(id);
    const body = appendTable(store, draft.dossierId, draft.body, { ...(title ? { title } : {}), columns, rows });
    return store.drafts.update(id, { body });
  },
  'draft.appendTimeline': ({ id, title, ...filter }, { services }) => {
    const store = services.vault.store();
    const draft = store.drafts.require(id);
    const { body, events } = appendTimeline(
      store,
      { dossierId: draft.dossierId, body: draft.body, language: draft.cover.language },
      filter,
      title,
    );
    return { draft: store.drafts.update(id, { body }), events };
  },
  'draft.appendClaim': ({ id, excerptId }, { services }) => {
    const store = services.vault.store();
    const draft = store.drafts.require(id);
    const body = appendClaim(
      store,
      { dossierId: draft.dossierId, body: draft.body, language: draft.cover.language },
      excerptId,
    );
    return store.drafts.update(id, { body });
  },
  'draft.notes': ({ id }, { services }) => {
    const context = contextFor(services.vault.store(), id);
    const written = readDraft(context);
    return { footnotes: written.notes, words: prepareDocument(context, { redact: false }, written).words };
  },
  'draft.check': ({ id, export: planned }, { services }) =>
    runChecks(contextFor(services.vault.store(), id), { today: localToday(), ...planned }),
  'draft.redactions': ({ id, nameSources }, { services }) => {
    const { substitutions, sentences, withheld, restricted } = prepareDocument(contextFor(services.vault.store(), id), {
      redact: true,
      ...(nameSources ? { nameSources } : {}),
    });
    return { substitutions, sentences, withheld, restricted };
  },
  'draft.render': ({ id, format, redact, nameSources }, { services }) => {
    const doc = prepareDocument(contextFor(services.vault.store(), id), {
      redact,
      ...(nameSources ? { nameSources } : {}),
    });
    return { text: format === 'html' ? renderHtml(doc) : renderMarkdown(doc) };
  },
  'draft.export': async ({ id, format, redact, acceptErrors, path, overwrite, provenance, nameSources }, ctx) => {
    const store = ctx.services.vault.store();
    const context = contextFor(store, id);
    const withAnnex = provenance ?? false;
    const named = nameSources ? { nameSources } : {};
    const written = readDraft(context);
    const doc = prepareDocument(context, { redact, provenance: withAnnex, ...named }, written);
    const results = runChecks(
      context,
      { today: localToday(), redact, format, provenance: withAnnex, ...named },
      { written, doc },
    );
    const errors = results.filter((r) => r.severity === 'error');
    const warnings = results.length - errors.length;
    if (errors.length > 0 && !acceptErrors) {
      // The checks themselves say what fails, in the person's language; the refusal only counts them.
      throw new UprightError('DRAFT_HAS_ERRORS', { count: errors.length });
    }
    const bytes = await renderExport(doc, format);
    const title = redact ? redactor(context.entities).text(context.draft.title) : context.draft.title;
    const chosen = await chooseExportPath(ctx, path, suggestedFileName(title, format), SAVE_FILTERS[format]);
    if (chosen === null) return { saved: false as const };
    // The vault may have locked while the save dialog was open: then the person is away, and nothing is written.
    const current = ctx.services.vault.store();
    const target = withExtension(chosen, format);
    // A dialog's answer was confirmed by the person; an extension added after it was not.
    await writeExport(target, bytes, path === undefined ? target === chosen : (overwrite ?? false));
    current.drafts.recordExport(
      id,
      auditSummary(format, {
        redact,
        provenance: withAnnex,
        errors: errors.length,
        warnings,
        restrictedNamed: doc.restricted.filter((s) => s.named).length,
      }),
    );
    return { saved: true as const, path: target, bytes: bytes.byteLength, warnings };
  },
  'draft.snapshot': ({ id, name }, { services }) => {
    const store = services.vault.store();
    const version = store.drafts.snapshot(id, name);
    return { ...version, words: countBody(store, version.body) };
  },
  'draft.versions': ({ id }, { services }) => {
    const store = services.vault.store();
    return store.drafts.versions(id).map((v) => ({ ...v, words: countBody(store, v.body) }));
  },
  'draft.compare': ({ id, from, to }, { services }) => {
    const store = services.vault.store();
    const current = store.drafts.require(id);
    const bodyOf = (which: string) => (which === 'current' ? current.body : store.drafts.version(id, which).body);
    const before = bodyOf(from);
    const after = bodyOf(to);
    const ids = [before, after].flatMap((body) => buildModel(body, () => ''));
    const excerpts = store.drafts.citedExcerpts(ids.flatMap((m) => m.citations.map((c) => c.excerptId)));
    const recommendations = store.drafts.recommendations(
      ids.flatMap((m) => m.recommendations.map((r) => r.recommendationId)),
    );
    // A citation reads as its note ("Government of Kazakhstan, …, p. 3."), so changing what is cited
    // shows — in the draft's language, as the note prints, a deleted excerpt included.
    const words = wording(current.cover.language);
    const citation = (excerptId: string) => {
      const excerpt = excerpts.get(excerptId);
      return (excerpt?.sourceTitle ? noteText(excerpt, words) : words.t('note.missing')).replace(/\.$/, '');
    };
    return compareBodies(before, after, citation, (rid) => recommendationText(recommendations.get(rid)));
  },
} satisfies Partial<Handlers>;
