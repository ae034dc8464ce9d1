import { useCallback, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ExcerptListItem } from '../../../../shared/api.ts';
import {
  CONFIDENTIALITY,
  CONFIDENTIALITY_MESSAGES,
  type Confidentiality,
  ENTITY_KIND_MESSAGES,
  ENTITY_KIND_PLURAL_MESSAGES,
  ENTITY_KINDS,
  SOURCE_KIND_MESSAGES,
  type SourceKind,
  STANCE_MESSAGES,
  STANCES,
  type Stance,
} from '../../../../shared/domain.ts';
import { useApi, useApiAll, useApiPages } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FilterField, RecordSelect } from '../../components/RecordSelect.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { VirtualList } from '../../components/VirtualList.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { NewEventFromExcerpt } from '../timeline/EventForm.tsx';
import { coOccurrence } from './cooccurrence.ts';
import { ExcerptPlace } from './ExcerptPlace.tsx';
import { ExportExcerpts } from './ExportExcerpts.tsx';
import { LinkDialog } from './LinkDialog.tsx';

interface Filters {
  sourceId: string;
  sourceKind: SourceKind | '';
  codeId: string;
  entityId: string;
  confidentiality: Confidentiality | '';
  stance: Stance | '';
  text: string;
}

const NONE: Filters = {
  sourceId: '',
  sourceKind: '',
  codeId: '',
  entityId: '',
  confidentiality: '',
  stance: '',
  text: '',
};

/** Every excerpt of a dossier, filtered; one click opens it in its source. Plus code co-occurrence. */
export function ExcerptList({ dossierId, onOpen }: { dossierId: string; onOpen: (excerpt: ExcerptListItem) => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const sourceKindLabels = useLabels(SOURCE_KIND_MESSAGES);
  const confidentialityLabels = useLabels(CONFIDENTIALITY_MESSAGES);
  const stanceLabels = useLabels(STANCE_MESSAGES);
  const [filters, setFilters] = useState<Filters>(NONE);
  const [linkFrom, setLinkFrom] = useState<ExcerptListItem | null>(null);
  const codes = useApi('code.list', {});
  const entities = useApiAll('entity.list', {});
  const sourceList = useApiAll('source.list', { dossierId });
  const sources = sourceList.data ?? [];
  // Words are sent once typing pauses; the other filters at once.
  const words = useDebounced(filters.text.trim(), 200);
  const filter = {
    dossierId,
    ...(filters.sourceId ? { sourceId: filters.sourceId } : {}),
    ...(filters.sourceKind ? { sourceKind: filters.sourceKind } : {}),
    ...(filters.codeId ? { codeId: filters.codeId } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.confidentiality ? { confidentiality: filters.confidentiality } : {}),
    ...(filters.stance ? { stance: filters.stance } : {}),
    ...(words ? { text: words } : {}),
  };
  // Pages as the list scrolls; the rows shown stay until the next filter's first page is there.
  const excerpts = useApiPages('excerpt.list', filter);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = excerpts;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const failure = excerpts.error ?? codes.error ?? entities.error ?? sourceList.error;
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const any = intl.formatMessage({ id: 'excerpts.filter.any', defaultMessage: 'Any' });
  const codeById = new Map((codes.data ?? []).map((c) => [c.id, c]));
  const entityById = new Map((entities.data ?? []).map((e) => [e.id, e]));
  // Only the kinds this dossier's sources have: a choice that can only ever match nothing is noise.
  const sourceKinds = [...new Set(sources.map((s) => s.kind))];
  // Codes in use, by their kept counts: the co-occurrence table is offered when two or more are.
  const codesInUse = (codes.data ?? []).filter((c) => c.excerptCount > 0);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {excerpts.total !== undefined ? (
          <FormattedMessage
            id="excerpts.titleCount"
            defaultMessage="Excerpts ({count, number})"
            values={{ count: excerpts.total }}
          />
        ) : (
          <FormattedMessage id="excerpts.title" defaultMessage="Excerpts" />
        )}
      </h2>
      <fieldset className="filters">
        <legend className="visually-hidden">
          <FormattedMessage id="excerpts.filters" defaultMessage="Filter excerpts" />
        </legend>
        <div className="filter">
          <label htmlFor={`${id}-source`}>
            <FormattedMessage id="excerpts.filter.source" defaultMessage="Source" />
          </label>
          <select id={`${id}-source`} value={filters.sourceId} onChange={(e) => set({ sourceId: e.target.value })}>
            <option value="">
              {intl.formatMessage({ id: 'excerpts.filter.source.all', defaultMessage: 'All sources' })}
            </option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.fileName})
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-source-kind`}>
            <FormattedMessage id="excerpts.filter.sourceKind" defaultMessage="Source kind" />
          </label>
          <VocabularySelect
            id={`${id}-source-kind`}
            value={filters.sourceKind}
            values={sourceKinds}
            labels={sourceKindLabels}
            blank={any}
            onChange={(sourceKind) => set({ sourceKind })}
          />
        </div>
        <FilterField id={`${id}-code`} label={<FormattedMessage id="excerpts.filter.code" defaultMessage="Code" />}>
          <RecordSelect
            id={`${id}-code`}
            value={filters.codeId}
            records={codes.data}
            blank={intl.formatMessage({ id: 'excerpts.filter.code.all', defaultMessage: 'All codes' })}
            onChange={(codeId) => set({ codeId })}
          />
        </FilterField>
        <FilterField
          id={`${id}-entity`}
          label={<FormattedMessage id="excerpts.filter.entity" defaultMessage="Entity" />}
        >
          <RecordSelect
            id={`${id}-entity`}
            value={filters.entityId}
            records={entities.data}
            blank={intl.formatMessage({ id: 'excerpts.filter.entity.all', defaultMessage: 'All entities' })}
            groups={ENTITY_KINDS.map((k) => ({
              label: intl.formatMessage(ENTITY_KIND_PLURAL_MESSAGES[k]),
              holds: (e: { kind: string }) => e.kind === k,
            }))}
            onChange={(entityId) => set({ entityId })}
          />
        </FilterField>
        <div className="filter">
          <label htmlFor={`${id}-confidentiality`}>
            <FormattedMessage id="excerpts.filter.confidentiality" defaultMessage="Confidentiality" />
          </label>
          <VocabularySelect
            id={`${id}-confidentiality`}
            value={filters.confidentiality}
            values={CONFIDENTIALITY}
            labels={confidentialityLabels}
            blank={any}
            onChange={(confidentiality) => set({ confidentiality })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-stance`}>
            <FormattedMessage id="excerpts.filter.stance" defaultMessage="Stance" />
          </label>
          <VocabularySelect
            id={`${id}-stance`}
            value={filters.stance}
            values={STANCES}
            labels={stanceLabels}
            blank={any}
            onChange={(stance) => set({ stance })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-text`}>
            <FormattedMessage id="excerpts.filter.text" defaultMessage="Text" />
          </label>
          <input
            id={`${id}-text`}
            type="search"
            value={filters.text}
            onChange={(e) => set({ text: e.target.value })}
            placeholder={intl.formatMessage({
              id: 'excerpts.filter.text.placeholder',
              defaultMessage: 'Words in quote or note',
            })}
          />
        </div>
        <button type="button" onClick={() => setFilters(NONE)}>
          <FormattedMessage id="excerpts.filter.clear" defaultMessage="Clear filters" />
        </button>
      </fieldset>
      <ErrorNote message={failure ? errorText(failure) : null} />
      {excerpts.items?.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="excerpts.empty"
            defaultMessage="No excerpts match. Mark excerpts in the reader: select text and press E."
          />
        </p>
      )}
      {excerpts.items && excerpts.items.length > 0 && (
        <VirtualList
          items={excerpts.items}
          keyOf={(e) => e.id}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          onLoadMore={loadMore}
          estimateSize={96}
          className="excerpt-list"
          testId="excerpt-list"
          renderItem={(e) => (
            <>
              <button type="button" className="excerpt-item" onClick={() => onOpen(e)}>
                <span className="excerpt-quote">
                  <FormattedMessage id="excerpts.quote" defaultMessage="“{quote}”" values={{ quote: e.exact }} />
                </span>
                <span className="excerpt-meta">
                  <ExcerptPlace excerpt={e} /> · {confidentialityLabels[e.confidentiality]}
                  {e.stance ? ` · ${stanceLabels[e.stance]}` : null}
                </span>
                {e.codeIds.length > 0 && (
                  <span className="code-chips inline">
                    {e.codeIds.map((c) => (
                      <span key={c} className="chip" style={{ backgroundColor: codeById.get(c)?.colour }}>
                        {codeById.get(c)?.name}
                      </span>
                    ))}
                  </span>
                )}
                {e.entityIds.length > 0 && (
                  <span className="entity-chips inline">
                    {e.entityIds.map((entityId) => {
                      const entity = entityById.get(entityId);
                      return (
                        <span key={entityId} className="chip entity-chip">
                          {entity?.name}
                          {entity && (
                            <span className="visually-hidden">
                              {' '}
                              ({intl.formatMessage(ENTITY_KIND_MESSAGES[entity.kind])})
                            </span>
                          )}
                        </span>
                      );
                    })}
                  </span>
                )}
                {e.note && <span className="excerpt-note">{e.note}</span>}
              </button>
              <button
                type="button"
                className="ghost excerpt-link-to"
                aria-label={intl.formatMessage(
                  { id: 'excerpts.linkTo', defaultMessage: 'Link to… “{quote}”' },
                  { quote: e.exact },
                )}
                onClick={() => setLinkFrom(e)}
              >
                <FormattedMessage id="links.add" defaultMessage="Link to…" />
              </button>
              <NewEventFromExcerpt excerptId={e.id} className="small excerpt-new-event" />
            </>
          )}
        />
      )}
      {linkFrom && <LinkDialog dossierId={dossierId} from={linkFrom} onClose={() => setLinkFrom(null)} />}
      {codesInUse.length > 1 && <CoOccurrence filter={filter} codes={codesInUse} />}
      <ExportExcerpts dossierId={dossierId} />
    </section>
  );
}

/**
 * How often two codes mark the same excerpt, over every excerpt the filters let through. Loaded only
 * when opened: it needs the whole filtered list, which the paged list above never holds.
 */
function CoOccurrence({
  filter,
  codes,
}: {
  filter: { dossierId: string } & Record<string, string>;
  codes: { id: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  const all = useApiAll('excerpt.list', filter, { enabled: open });
  const excerpts = all.data ?? [];
  const usedCodes = codes.filter((c) => excerpts.some((e) => e.codeIds.includes(c.id)));
  const table = coOccurrence(
    excerpts,
    usedCodes.map((c) => c.id),
  );
  return (
    <details className="cooccurrence" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <FormattedMessage id="excerpts.cooccurrence" defaultMessage="Code co-occurrence" />
      </summary>
      {open && all.data && (
        <table>
          <caption className="visually-hidden">
            <FormattedMessage id="excerpts.cooccurrence.caption" defaultMessage="Excerpts carrying both codes" />
          </caption>
          <thead>
            <tr>
              <td />
              {usedCodes.map((c) => (
                <th key={c.id} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {usedCodes.map((row, i) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {usedCodes.map((col, j) => (
                  <td key={col.id} className={i === j ? 'diagonal' : undefined}>
                    {table.counts[i]?.[j] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
