import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { SEARCH_KINDS, type SearchFilters, type SearchHit, type SearchKind } from '../../../../shared/api.ts';
import { SOURCE_KIND_MESSAGES, SOURCE_KINDS } from '../../../../shared/domain.ts';
import { useApi, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FilterField, RecordSelect } from '../../components/RecordSelect.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { CappedNote, HitBody, isQuerySyntaxError, KIND_HEADINGS, KIND_NAMES, useSearch } from './HitParts.tsx';
import {
  type FilterForm,
  filtersOf,
  formOf,
  groupByKind,
  NO_FILTERS,
  narrowingCount,
  type ResultRow,
} from './results.ts';
import { SavedSearches } from './SavedSearches.tsx';

const PAGE_SIZE = 50;
/** Languages a source can be detected in, named in the person's own language by the browser. */
const LANGUAGES = ['ru', 'en', 'kk', 'uz', 'ky', 'tg', 'uk', 'fr', 'de', 'es'] as const;

/** The search syntax in one line: under the box, and again after a query the engine could not read. */
function SyntaxHint({ id }: { id?: string }) {
  return (
    <p className="hint" id={id}>
      <FormattedMessage
        id="search.syntax"
        defaultMessage="Put a phrase in quotes (“forced labour”), end a word with * to find its beginnings (harvest*), join words with AND, OR, NOT. Russian words are found in any of their forms."
      />
    </p>
  );
}

/**
 * Search across the vault or one dossier: words, phrases, prefixes, with filters; results grouped
 * by kind with highlighted snippets, loaded page by page as the list scrolls (virtualised: a query
 * matching thousands of passages draws only what is on screen). Saved searches per dossier.
 */
export function SearchPage({
  dossierId,
  query: initialQuery = '',
  filters: initialFilters,
  onQueryChange,
  onOpen,
}: {
  /** The dossier searched in when the screen opens (the filter can widen it). */
  dossierId?: string | undefined;
  query?: string | undefined;
  filters?: SearchFilters | undefined;
  /** The words, scope and filters settled: kept in the address so Back returns to these results. */
  onQueryChange: (query: string, filters: SearchFilters) => void;
  onOpen: (hit: SearchHit) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const sourceKindLabels = useLabels(SOURCE_KIND_MESSAGES);
  const kindLabels = useLabels(KIND_NAMES);
  const [text, setText] = useState(initialQuery);
  const [form, setForm] = useState<FilterForm>(() => ({
    ...formOf(initialFilters ?? {}),
    dossierId: dossierId ?? '',
  }));
  const set = (patch: Partial<FilterForm>) => setForm((f) => ({ ...f, ...patch }));
  const query = useDebounced(text.trim(), 200);
  const filters = useMemo(() => filtersOf(form), [form]);
  const dossiers = useApi('dossier.list', {});
  const codes = useApi('code.list', {});
  const entities = useApiAll('entity.list', {});
  const search = useSearch(query, filters, PAGE_SIZE);
  const languageNames = useMemo(() => new Intl.DisplayNames([intl.locale], { type: 'language' }), [intl.locale]);

  const report = useRef(onQueryChange);
  report.current = onQueryChange;
  useEffect(() => {
    report.current(query, filters);
  }, [query, filters]);

  const rows = useMemo<ResultRow[]>(
    () => (search.pages ? groupByKind(search.pages.hits, search.pages.totals) : []),
    [search.pages],
  );
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'heading' ? 40 : 92),
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items[items.length - 1]?.index ?? -1;
  // Near the end of what is loaded: ask for the next page.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows.length - 8) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, rows.length]);

  const narrowing = narrowingCount(form);
  const scopeTitle = (dossiers.data ?? []).find((d) => d.id === form.dossierId)?.title;
  const failure = dossiers.error ?? codes.error ?? entities.error;
  const syntaxError = search.error && isQuerySyntaxError(search.error) ? search.error : null;
  const pages = query && !search.error ? search.pages : null;

  return (
    <section className="page search-page" aria-labelledby={`${id}-title`}>
      <header className="page-head">
        <h1 id={`${id}-title`}>
          {scopeTitle ? (
            <FormattedMessage
              id="search.titleIn"
              defaultMessage="Search in {dossier}"
              values={{ dossier: scopeTitle }}
            />
          ) : (
            <FormattedMessage id="search.title" defaultMessage="Search" />
          )}
        </h1>
      </header>
      <ErrorNote message={failure ? errorText(failure) : null} />
      <search className="search-box">
        <label htmlFor={`${id}-query`}>
          <FormattedMessage id="search.query.label" defaultMessage="Search for" />
        </label>
        <input
          id={`${id}-query`}
          type="search"
          // biome-ignore lint/a11y/noAutofocus: the screen is opened to type into this box
          autoFocus
          value={text}
          maxLength={500}
          aria-describedby={`${id}-syntax`}
          aria-invalid={syntaxError ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </search>
      <SyntaxHint id={`${id}-syntax`} />
      <fieldset className="filters">
        <legend className="visually-hidden">
          <FormattedMessage id="search.filters" defaultMessage="Narrow the search" />
        </legend>
        <FilterField
          id={`${id}-dossier`}
          label={<FormattedMessage id="search.filter.dossier" defaultMessage="Dossier" />}
        >
          <RecordSelect
            id={`${id}-dossier`}
            value={form.dossierId}
            records={dossiers.data?.map((d) => ({ id: d.id, name: d.title }))}
            blank={intl.formatMessage({ id: 'search.filter.dossier.all', defaultMessage: 'All dossiers' })}
            onChange={(dossierId) => set({ dossierId })}
          />
        </FilterField>
        <div className="filter">
          <label htmlFor={`${id}-kind`}>
            <FormattedMessage id="search.filter.kind" defaultMessage="Show" />
          </label>
          <VocabularySelect
            id={`${id}-kind`}
            value={form.kind}
            values={SEARCH_KINDS}
            labels={kindLabels}
            blank={intl.formatMessage({ id: 'search.filter.kind.all', defaultMessage: 'Everything' })}
            onChange={(kind) => set({ kind })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-source-kind`}>
            <FormattedMessage id="search.filter.sourceKind" defaultMessage="Source kind" />
          </label>
          <VocabularySelect
            id={`${id}-source-kind`}
            value={form.sourceKind}
            values={SOURCE_KINDS}
            labels={sourceKindLabels}
            blank={intl.formatMessage({ id: 'search.filter.any', defaultMessage: 'Any' })}
            onChange={(sourceKind) => set({ sourceKind })}
          />
        </div>
        <FilterField id={`${id}-code`} label={<FormattedMessage id="search.filter.code" defaultMessage="Code" />}>
          <RecordSelect
            id={`${id}-code`}
            value={form.codeId}
            records={codes.data}
            blank={intl.formatMessage({ id: 'search.filter.code.all', defaultMessage: 'Any code' })}
            onChange={(codeId) => set({ codeId })}
          />
        </FilterField>
        <FilterField id={`${id}-entity`} label={<FormattedMessage id="search.filter.entity" defaultMessage="Entity" />}>
          <RecordSelect
            id={`${id}-entity`}
            value={form.entityId}
            records={entities.data}
            blank={intl.formatMessage({ id: 'search.filter.entity.all', defaultMessage: 'Any entity' })}
            onChange={(entityId) => set({ entityId })}
          />
        </FilterField>
        <div className="filter">
          <label htmlFor={`${id}-from`}>
            <FormattedMessage id="search.filter.dateFrom" defaultMessage="Dated from" />
          </label>
          <input
            id={`${id}-from`}
            type="date"
            value={form.dateFrom}
            onChange={(e) => set({ dateFrom: e.target.value })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-to`}>
            <FormattedMessage id="search.filter.dateTo" defaultMessage="Dated up to" />
          </label>
          <input id={`${id}-to`} type="date" value={form.dateTo} onChange={(e) => set({ dateTo: e.target.value })} />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-language`}>
            <FormattedMessage id="search.filter.language" defaultMessage="Language" />
          </label>
          <select id={`${id}-language`} value={form.language} onChange={(e) => set({ language: e.target.value })}>
            <option value="">{intl.formatMessage({ id: 'search.filter.any', defaultMessage: 'Any' })}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code) ?? code}
              </option>
            ))}
          </select>
        </div>
        {narrowing > 0 && (
          <button type="button" onClick={() => setForm({ ...NO_FILTERS, dossierId: form.dossierId })}>
            <FormattedMessage
              id="search.filter.clear"
              defaultMessage="{count, plural, one {Clear # filter} other {Clear # filters}}"
              values={{ count: narrowing }}
            />
          </button>
        )}
      </fieldset>

      <div className="search-layout">
        <div className="search-results-column">
          {!query ? (
            <p className="hint">
              <FormattedMessage
                id="search.prompt"
                defaultMessage="Type a name, a word or a phrase: Upright searches the text of every source page by page, excerpts and notes, entities and drafts."
              />
            </p>
          ) : syntaxError ? (
            <div className="search-problem" role="alert">
              <p>{errorText(syntaxError)}</p>
              <SyntaxHint />
            </div>
          ) : search.error ? (
            <ErrorNote message={errorText(search.error)} />
          ) : !pages ? (
            <p className="hint" aria-busy="true">
              <FormattedMessage id="search.searching" defaultMessage="Searching…" />
            </p>
          ) : pages.total === 0 ? (
            <div className="empty search-empty" role="status">
              <p>
                <FormattedMessage id="search.empty" defaultMessage="Nothing found for “{query}”." values={{ query }} />
              </p>
              <ul>
                <li>
                  <FormattedMessage
                    id="search.empty.spelling"
                    defaultMessage="Check the spelling, or try fewer words."
                  />
                </li>
                <li>
                  <FormattedMessage
                    id="search.empty.prefix"
                    defaultMessage="Try the beginning of a word with a star (harvest*), or OR between alternatives."
                  />
                </li>
                {narrowing > 0 && (
                  <li>
                    <button
                      type="button"
                      className="link"
                      onClick={() => setForm({ ...NO_FILTERS, dossierId: form.dossierId })}
                    >
                      <FormattedMessage
                        id="search.empty.clearFilters"
                        defaultMessage="{count, plural, one {Remove the filter} other {Remove the # filters}}"
                        values={{ count: narrowing }}
                      />
                    </button>
                  </li>
                )}
                {form.dossierId && (
                  <li>
                    <button type="button" className="link" onClick={() => set({ dossierId: '' })}>
                      <FormattedMessage id="search.empty.everywhere" defaultMessage="Search all dossiers" />
                    </button>
                  </li>
                )}
              </ul>
            </div>
          ) : (
            <>
              <p className="search-summary" role="status">
                <FormattedMessage
                  id="search.summary"
                  defaultMessage="{total, plural, one {# result} other {# results}}"
                  values={{ total: pages.total }}
                />
                {SEARCH_KINDS.filter((k) => pages.totals[k] > 0).map((k) => (
                  <span key={k} className="search-summary-kind">
                    {' · '}
                    {intl.formatMessage(KIND_HEADINGS[k], { count: pages.totals[k] })}
                  </span>
                ))}
              </p>
              {pages.capped && (
                <p className="search-capped hint">
                  <CappedNote />
                </p>
              )}
              <section
                ref={scrollRef}
                className="search-results"
                aria-label={intl.formatMessage({ id: 'search.results', defaultMessage: 'Results' })}
                aria-busy={search.isFetching}
              >
                <div className="search-results-canvas" style={{ height: virtualizer.getTotalSize() }}>
                  {items.map((item) => {
                    const row = rows[item.index];
                    if (!row) return null;
                    return (
                      <div
                        key={row.type === 'heading' ? `#${row.kind}` : `${row.hit.kind}:${row.hit.id}:${item.index}`}
                        ref={virtualizer.measureElement}
                        data-index={item.index}
                        className="search-row"
                        style={{ transform: `translateY(${item.start}px)` }}
                      >
                        {row.type === 'heading' ? (
                          <KindHeading kind={row.kind} total={row.total} />
                        ) : (
                          <button type="button" className="hit" onClick={() => onOpen(row.hit)}>
                            <HitBody hit={row.hit} showDossier={!form.dossierId} />
                          </button>
                        )}
                      </div>
                    );
                  })}
                </div>
              </section>
              {search.isFetchingNextPage && (
                <p className="hint">
                  <FormattedMessage id="search.loadingMore" defaultMessage="Loading more results…" />
                </p>
              )}
            </>
          )}
        </div>
        {form.dossierId && (
          <SavedSearches
            dossierId={form.dossierId}
            query={query}
            filters={filters}
            onRun={(saved) => {
              setText(saved.query);
              setForm({ ...formOf(saved.filters), dossierId: saved.dossierId });
            }}
          />
        )}
      </div>
    </section>
  );
}

function KindHeading({ kind, total }: { kind: SearchKind; total: number }) {
  const intl = useIntl();
  return <h2 className="search-kind">{intl.formatMessage(KIND_HEADINGS[kind], { count: total })}</h2>;
}
