import type { Params } from '../../shared/api.ts';
import { UprightError } from '../../shared/errors.ts';
import { type FuzzyDate, fuzzyFromIso, parseFuzzyDate } from '../../shared/fuzzy-date.ts';
import { findDates } from '../extract/index.ts';
import { timelineCsv } from '../timeline/csv.ts';
import type { Handlers } from './registry.ts';
import { chooseExportPath, writeExport } from './save-path.ts';

/** A date given as one (date) or as typed words (when); `when` alone is read, and refused if unreadable. */
function dateFrom(params: { date?: FuzzyDate | null; when?: string | null }): {
  date?: FuzzyDate | null;
  dateText?: string | null;
} {
  if (params.date !== undefined)
    return { date: params.date, ...(params.when !== undefined ? { dateText: params.when } : {}) };
  if (params.when === undefined) return {};
  if (params.when === null || !params.when.trim()) return { date: null, dateText: null };
  const date = parseFuzzyDate(params.when);
  if (!date) throw new UprightError('EVENT_DATE_UNREADABLE');
  return { date, dateText: params.when };
}

function fields(params: Omit<Params<'event.update'>, 'id'>) {
  const { date: _date, when: _when, ...rest } = params;
  return { ...rest, ...dateFrom(params) };
}

export const eventHandlers = {
  'event.list': (filter, { services }) => services.vault.store().events.list(filter),
  'event.get': ({ id }, { services }) => services.vault.store().events.require(id),
  'event.create': ({ dossierId, title, ...rest }, { services }) =>
    services.vault.store().events.create({ dossierId, title, ...fields(rest) }),
  'event.update': ({ id, ...patch }, { services }) => services.vault.store().events.update(id, fields(patch)),
  'event.delete': ({ id }, { services }) => ({ deleted: services.vault.store().events.remove(id) }),
  'event.addParticipant': ({ id, entityId, role }, { services }) =>
    services.vault.store().events.addParticipant(id, entityId, role),
  'event.removeParticipant': ({ id, entityId, role }, { services }) =>
    services.vault.store().events.removeParticipant(id, entityId, role),
  'event.addEvidence': ({ id, excerptId }, { services }) => services.vault.store().events.addEvidence(id, excerptId),
  'event.removeEvidence': ({ id, excerptId }, { services }) =>
    services.vault.store().events.removeEvidence(id, excerptId),
  'event.prefill': ({ excerptId }, { services }) => {
    const store = services.vault.store();
    const excerpt = store.excerpts.require(excerptId);
    const source = store.sources.get(excerpt.sourceId);
    if (!source) throw new UprightError('SOURCE_NOT_FOUND');
    // The date suggestions' own finder, on the quote first, then on the words around it.
    const language = source.language ?? undefined;
    const found = [excerpt.exact, `${excerpt.prefix}${excerpt.exact}${excerpt.suffix}`]
      .map((text) => findDates(text, { language }).find((s) => fuzzyFromIso(s.value)))
      .find((s) => s !== undefined);
    const participants = excerpt.entityIds.flatMap((entityId) => {
      const entity = store.entities.get(entityId);
      return entity ? [{ entityId, role: 'other' as const, name: entity.name, kind: entity.kind }] : [];
    });
    const words = (excerpt.note.trim() || excerpt.exact).replace(/\s+/g, ' ').trim();
    return {
      dossierId: source.dossierId,
      title: words.length > 120 ? `${words.slice(0, 119)}…` : words,
      date: found ? fuzzyFromIso(found.value) : null,
      dateText: found?.text ?? null,
      participants,
      excerptIds: [excerptId],
    };
  },
  'event.export': async ({ locale, path, overwrite, ...filter }, ctx) => {
    const store = ctx.services.vault.store();
    store.dossiers.require(filter.dossierId);
    const events = store.events.list(filter);
    const target = await chooseExportPath(ctx, path, 'timeline.csv', { name: 'CSV spreadsheet', extensions: ['csv'] });
    if (!target) return { saved: false as const };
    await writeExport(target, timelineCsv(events, locale ?? 'en'), path === undefined || (overwrite ?? false));
    store.audit.append({
      action: 'event.export',
      entityType: 'dossier',
      entityId: filter.dossierId,
      summary: `${events.length} events exported as CSV`,
    });
    return { saved: true as const, path: target, count: events.length };
  },
} satisfies Partial<Handlers>;
