import { describeSelection } from '../annotate/anchor.ts';
import { collectForExport } from '../annotate/collect.ts';
import { toCsv, toWebAnnotations } from '../annotate/export.ts';
import { addStarterCodes } from '../annotate/starter-codes.ts';
import type { Handlers } from './registry.ts';
import { chooseExportPath, writeExport } from './save-path.ts';

export const annotateHandlers = {
  'excerpt.create': ({ sourceId, start, end, note, codeIds }, { services }) => {
    const store = services.vault.store();
    const source = store.sources.detail(sourceId);
    // Anchored in main, from the stored text: the renderer only says which offsets were selected.
    const anchor = describeSelection(source.text, start, end, source.pages);
    return store.excerpts.add({
      sourceId,
      ...anchor,
      ...(note !== undefined ? { note } : {}),
      ...(codeIds ? { codeIds } : {}),
    });
  },
  'excerpt.update': ({ id, ...patch }, { services }) => services.vault.store().excerpts.update(id, patch),
  'excerpt.delete': ({ id }, { services }) => {
    const store = services.vault.store();
    return store.transaction(() => {
      const live = store.excerpts.get(id) !== null;
      const evidenceRemoved = live ? store.events.removeEvidenceOf(id) : 0;
      if (live) store.recommendations.removeEvidenceOf(id);
      return { ...store.excerpts.delete(id), evidenceRemoved };
    });
  },
  'excerpt.forSource': ({ sourceId }, { services }) => {
    const store = services.vault.store();
    store.sources.detail(sourceId);
    return store.excerpts.listForSource(sourceId);
  },
  'excerpt.list': ({ limit, cursor, ...filter }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(filter.dossierId);
    return store.excerpts.page(filter, limit, cursor);
  },
  'excerpt.search': ({ dossierId, text, limit, cursor }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.excerpts.search(dossierId, text, limit, cursor);
  },
  'excerpt.orphans': ({ dossierId, sourceId }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.excerpts.orphans(dossierId, sourceId);
  },
  'excerpt.place': ({ id, start, end }, { services }) => {
    const store = services.vault.store();
    const excerpt = store.excerpts.require(id);
    const source = store.sources.detail(excerpt.sourceId);
    return store.excerpts.place(id, describeSelection(source.text, start, end, source.pages));
  },
  'annotation.export': async ({ dossierId, sourceId, format, path, overwrite, includeRestricted }, ctx) => {
    const { services } = ctx;
    const store = services.vault.store();
    const dossier = store.dossiers.require(dossierId);
    const { excerpts, sources, links } = collectForExport(store, dossierId, sourceId);
    const written =
      format === 'w3c'
        ? (() => {
            const out = toWebAnnotations(excerpts, sources, {
              label: `Excerpts of ${dossier.title}`,
              includeRestricted: includeRestricted ?? false,
              links,
            });
            return {
              text: `${JSON.stringify(out.document, null, 2)}\n`,
              withheld: out.withheld,
              restrictedWithheld: out.restrictedWithheld,
            };
          })()
        : (() => {
            const out = toCsv(excerpts, sources, { includeRestricted: includeRestricted ?? false, links });
            return { text: out.csv, withheld: out.withheld, restrictedWithheld: out.restrictedWithheld };
          })();
    const count = excerpts.length - written.withheld - written.restrictedWithheld;
    const extension = format === 'w3c' ? 'jsonld' : 'csv';
    const target = await chooseExportPath(ctx, path, `excerpts.${extension}`, {
      name: format === 'w3c' ? 'Web Annotation JSON' : 'CSV spreadsheet',
      extensions: [extension],
    });
    if (!target) return { saved: false as const };
    await writeExport(target, written.text, path === undefined || (overwrite ?? false));
    store.audit.append({
      action: 'annotation.export',
      entityType: 'dossier',
      entityId: dossierId,
      summary: `${count} excerpts exported as ${format}, ${written.withheld} never-export and ${written.restrictedWithheld} restricted withheld`,
    });
    return {
      saved: true as const,
      path: target,
      count,
      withheld: written.withheld,
      restrictedWithheld: written.restrictedWithheld,
    };
  },
  'code.list': (_params, { services }) => services.vault.store().codes.list(),
  'code.create': (params, { services }) => services.vault.store().codes.create(params),
  'code.update': ({ id, ...patch }, { services }) => services.vault.store().codes.update(id, patch),
  'code.starter': (_params, { services }) => ({ added: addStarterCodes(services.vault.store()) }),
  'code.merge': ({ fromId, intoId }, { services }) => services.vault.store().codes.merge(fromId, intoId),
  'code.delete': ({ id, moveTo }, { services }) => {
    services.vault.store().codes.remove(id, moveTo);
    return { deleted: true };
  },
} satisfies Partial<Handlers>;
