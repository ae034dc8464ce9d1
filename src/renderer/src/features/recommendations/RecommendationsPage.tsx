// A dossier's Recommendations tab: what earlier reviews recommended, what the State answered and how
// far it has done it. Filters (cycle, response, theme, assessment, State, words), a theme ×
// assessment matrix whose counts filter the list, the paged list, and one recommendation's page.
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { UNASSESSED } from '../../../../shared/api/recommendations.ts';
import type { AssessmentFilter, RecommendationFilter, RecommendationListItem } from '../../../../shared/api.ts';
import {
  RECOMMENDATION_ASSESSMENTS,
  RECOMMENDATION_MECHANISMS,
  RECOMMENDATION_RESPONSES,
  type RecommendationMechanism,
  type RecommendationResponse,
} from '../../../../shared/recommendations.ts';
import { mutate, useApi, useApiPages } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FilterField, RecordSelect } from '../../components/RecordSelect.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { VirtualList } from '../../components/VirtualList.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { ImportRecommendations } from './ImportRecommendations.tsx';
import { RecommendationDetail } from './RecommendationDetail.tsx';
import { RecommendationForm } from './RecommendationForm.tsx';
import { RecommendationTableDialog } from './RecommendationTableDialog.tsx';
import { ASSESSMENT_MESSAGES, MECHANISM_MESSAGES, RESPONSE_MESSAGES, referenceLabel, useThemeLabel } from './words.ts';

const COLUMNS: readonly AssessmentFilter[] = [...RECOMMENDATION_ASSESSMENTS, UNASSESSED];

/** A theme filter: a UPR theme as stored, or a code ("code:<id>"), as one select's value. */
function themeValue(filter: { theme?: string; codeId?: string }): string {
  if (filter.codeId) return `code:${filter.codeId}`;
  return filter.theme ? `theme:${filter.theme}` : '';
}

function themeFilter(value: string): { theme?: string; codeId?: string } {
  if (value.startsWith('code:')) return { codeId: value.slice(5) };
  if (value.startsWith('theme:')) return { theme: value.slice(6) };
  return {};
}

export function RecommendationsPage({
  dossierId,
  openId,
  onOpen,
  onOpenExcerpt,
}: {
  dossierId: string;
  /** The recommendation whose page is shown instead of the list (the address holds it). */
  openId: string | null;
  /** Open a recommendation's page; null goes back to the list. */
  onOpen: (recommendationId: string | null) => void;
  onOpenExcerpt: (excerpt: { id: string; sourceId: string }) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const themeLabel = useThemeLabel();
  const [mechanism, setMechanism] = useState<RecommendationMechanism | ''>('');
  const [cycle, setCycle] = useState('');
  const [response, setResponse] = useState<RecommendationResponse | ''>('');
  const [theme, setTheme] = useState('');
  const [assessment, setAssessment] = useState<AssessmentFilter | ''>('');
  const [state, setState] = useState('');
  const [words, setWords] = useState('');
  const text = useDebounced(words.trim(), 200);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [tabling, setTabling] = useState(false);
  const [inserted, setInserted] = useState<string | null>(null);
  const filter: RecommendationFilter = {
    dossierId,
    ...(mechanism ? { mechanism } : {}),
    ...(cycle ? { cycle: Number(cycle) } : {}),
    ...(response ? { response } : {}),
    ...themeFilter(theme),
    ...(assessment ? { assessment } : {}),
    ...(state ? { state } : {}),
    ...(text ? { text } : {}),
  };
  const list = useApiPages('recommendation.list', filter, { pageSize: 50 });
  const facets = useApi('recommendation.facets', { dossierId });
  const matrix = useApi('recommendation.matrix', { dossierId, ...(mechanism ? { mechanism } : {}) });
  const failure = list.error ?? facets.error ?? matrix.error;
  const filtered = mechanism || cycle || response || theme || assessment || state || text;

  if (openId) {
    return (
      <RecommendationDetail
        dossierId={dossierId}
        recommendationId={openId}
        onBack={() => onOpen(null)}
        onOpenExcerpt={onOpenExcerpt}
      />
    );
  }

  const themes = [
    ...(facets.data?.themes ?? []).map((t) => ({ id: `theme:${t}`, name: themeLabel(t) })),
    ...(facets.data?.codes ?? []).map((c) => ({ id: `code:${c.id}`, name: c.name })),
  ];

  return (
    <section className="card recommendations" aria-labelledby={`${id}-title`}>
      <div className="recommendations-head">
        <h2 id={`${id}-title`}>
          {matrix.data ? (
            <FormattedMessage
              id="recommendations.titleCount"
              defaultMessage="Recommendations ({count, number})"
              values={{ count: matrix.data.total }}
            />
          ) : (
            <FormattedMessage id="recommendations.title" defaultMessage="Recommendations" />
          )}
        </h2>
        <div className="actions recommendations-actions">
          <button type="button" onClick={() => setTabling(true)} disabled={!matrix.data?.total}>
            <FormattedMessage id="recommendations.insertTable" defaultMessage="Table into a draft…" />
          </button>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            <FormattedMessage id="recommendations.add" defaultMessage="Add recommendation" />
          </button>
          <button type="button" onClick={() => setImporting(true)}>
            <FormattedMessage id="recommendations.import" defaultMessage="Import…" />
          </button>
        </div>
      </div>
      <ErrorNote message={failure ? errorText(failure) : null} />
      {inserted && (
        <p className="ok-note" role="status">
          <FormattedMessage
            id="recommendations.tableInserted"
            defaultMessage="The table was added at the end of “{title}”."
            values={{ title: inserted }}
          />
        </p>
      )}
      {matrix.data && matrix.data.total > 0 && (
        <Matrix
          data={matrix.data}
          chosen={{ theme, assessment }}
          onChoose={(row, column) => {
            setTheme(row);
            setAssessment(column);
          }}
        />
      )}
      <fieldset className="filters">
        <legend className="visually-hidden">
          <FormattedMessage id="recommendations.filters" defaultMessage="Filter recommendations" />
        </legend>
        <FilterField
          id={`${id}-mechanism`}
          label={<FormattedMessage id="recommendations.filter.mechanism" defaultMessage="Made by" />}
        >
          <VocabularySelect
            id={`${id}-mechanism`}
            value={mechanism}
            values={RECOMMENDATION_MECHANISMS}
            labels={MECHANISM_MESSAGES}
            blank={intl.formatMessage({ id: 'recommendations.filter.anyMechanism', defaultMessage: 'UPR and ILO' })}
            onChange={setMechanism}
          />
        </FilterField>
        <FilterField
          id={`${id}-cycle`}
          label={<FormattedMessage id="recommendations.filter.cycle" defaultMessage="Cycle" />}
        >
          <RecordSelect
            id={`${id}-cycle`}
            value={cycle}
            records={facets.data?.cycles.map((c) => ({
              id: String(c),
              name: intl.formatMessage(
                {
                  id: 'recommendations.filter.cycleName',
                  defaultMessage: '{cycle, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle',
                },
                { cycle: c },
              ),
            }))}
            blank={intl.formatMessage({ id: 'recommendations.filter.anyCycle', defaultMessage: 'Any cycle' })}
            onChange={setCycle}
          />
        </FilterField>
        <FilterField
          id={`${id}-response`}
          label={<FormattedMessage id="recommendations.filter.response" defaultMessage="Response" />}
        >
          <VocabularySelect
            id={`${id}-response`}
            value={response}
            values={RECOMMENDATION_RESPONSES}
            labels={RESPONSE_MESSAGES}
            blank={intl.formatMessage({ id: 'recommendations.filter.anyResponse', defaultMessage: 'Any response' })}
            onChange={setResponse}
          />
        </FilterField>
        <FilterField
          id={`${id}-theme`}
          label={<FormattedMessage id="recommendations.filter.theme" defaultMessage="Theme" />}
        >
          <RecordSelect
            id={`${id}-theme`}
            value={theme}
            records={themes}
            blank={intl.formatMessage({ id: 'recommendations.filter.anyTheme', defaultMessage: 'Any theme' })}
            onChange={setTheme}
          />
        </FilterField>
        <FilterField
          id={`${id}-assessment`}
          label={<FormattedMessage id="recommendations.filter.assessment" defaultMessage="Assessment" />}
        >
          <VocabularySelect
            id={`${id}-assessment`}
            value={assessment}
            values={COLUMNS}
            labels={ASSESSMENT_MESSAGES}
            blank={intl.formatMessage({
              id: 'recommendations.filter.anyAssessment',
              defaultMessage: 'Any assessment',
            })}
            onChange={setAssessment}
          />
        </FilterField>
        <FilterField
          id={`${id}-state`}
          label={<FormattedMessage id="recommendations.filter.state" defaultMessage="Recommending State" />}
        >
          <RecordSelect
            id={`${id}-state`}
            value={state}
            records={facets.data?.states.map((s) => ({ id: s, name: s }))}
            blank={intl.formatMessage({ id: 'recommendations.filter.anyState', defaultMessage: 'Any State' })}
            onChange={setState}
          />
        </FilterField>
        <FilterField
          id={`${id}-words`}
          label={<FormattedMessage id="recommendations.filter.words" defaultMessage="Words" />}
        >
          <input id={`${id}-words`} type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        </FilterField>
      </fieldset>
      {list.total !== undefined && filtered && (
        <p className="hint" role="status">
          <FormattedMessage
            id="recommendations.filteredCount"
            defaultMessage="{count, plural, =0 {No recommendation matches.} one {# recommendation matches.} other {# recommendations match.}}"
            values={{ count: list.total }}
          />
        </p>
      )}
      {list.items?.length === 0 && !filtered && (
        <p className="hint">
          <FormattedMessage
            id="recommendations.empty"
            defaultMessage="No recommendations yet. Add those of the last review from its Working Group report (A/HRC/…), with the State’s response, then assess each with the excerpts that show it."
          />
        </p>
      )}
      {list.items && list.items.length > 0 && (
        <VirtualList
          items={list.items}
          keyOf={(r) => r.id}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          estimateSize={88}
          className="recommendation-list"
          testId="recommendation-list"
          label={intl.formatMessage({ id: 'recommendations.list', defaultMessage: 'Recommendations' })}
          renderItem={(r) => <RecommendationRow rec={r} onOpen={() => onOpen(r.id)} />}
        />
      )}
      {tabling && (
        <RecommendationTableDialog
          dossierId={dossierId}
          onClose={() => setTabling(false)}
          onInsert={async ({ draftId, cycle }) => {
            const draft = await mutate('recommendation.insertTable', {
              draftId,
              ...(cycle !== undefined ? { cycle } : { everyCycle: true }),
            });
            setInserted(draft.title);
          }}
        />
      )}
      {importing && <ImportRecommendations dossierId={dossierId} onClose={() => setImporting(false)} />}
      {creating && (
        <RecommendationForm dossierId={dossierId} onClose={() => setCreating(false)} onSaved={(r) => onOpen(r.id)} />
      )}
    </section>
  );
}

function RecommendationRow({ rec, onOpen }: { rec: RecommendationListItem; onOpen: () => void }) {
  const intl = useIntl();
  const themeLabel = useThemeLabel();
  return (
    <article className="recommendation-row">
      <div className="recommendation-row-head">
        <button type="button" className="link recommendation-ref-label" onClick={onOpen}>
          {referenceLabel(intl, rec) ||
            intl.formatMessage({ id: 'recommendations.unnumbered', defaultMessage: 'Recommendation without a number' })}
        </button>
        {rec.response && <span className="badge">{intl.formatMessage(RESPONSE_MESSAGES[rec.response])}</span>}
        <span className={`badge assessment ${rec.assessment ?? UNASSESSED}`}>
          {intl.formatMessage(ASSESSMENT_MESSAGES[rec.assessment ?? UNASSESSED])}
        </span>
        {rec.evidenceCount > 0 && (
          <span className="hint">
            <FormattedMessage
              id="recommendations.evidenceCount"
              defaultMessage="{count, plural, one {# excerpt} other {# excerpts}}"
              values={{ count: rec.evidenceCount }}
            />
          </span>
        )}
      </div>
      <p className="recommendation-text">{rec.text}</p>
      {(rec.themes.length > 0 || rec.codes.length > 0) && (
        <p className="recommendation-themes-line hint">
          {[...rec.themes.map(themeLabel), ...rec.codes.map((c) => c.name)].join(' · ')}
        </p>
      )}
    </article>
  );
}

function Matrix({
  data,
  chosen,
  onChoose,
}: {
  data: {
    rows: {
      theme: string | null;
      codeId: string | null;
      label: string;
      counts: Record<AssessmentFilter, number>;
      total: number;
    }[];
    unthemed: Record<AssessmentFilter, number>;
    total: number;
  };
  chosen: { theme: string; assessment: AssessmentFilter | '' };
  onChoose: (theme: string, assessment: AssessmentFilter | '') => void;
}) {
  const intl = useIntl();
  const themeLabel = useThemeLabel();
  const cell = (rowValue: string, column: AssessmentFilter | '', count: number, name: string) => {
    const pressed = chosen.theme === rowValue && chosen.assessment === column;
    return count === 0 ? (
      <span className="matrix-zero">0</span>
    ) : (
      <button
        type="button"
        className="link matrix-count"
        aria-pressed={pressed}
        aria-label={intl.formatMessage(
          {
            id: 'recommendations.matrix.cell',
            defaultMessage: '{count, plural, one {# recommendation} other {# recommendations}}: {name}',
          },
          { count, name },
        )}
        onClick={() => (pressed ? onChoose('', '') : onChoose(rowValue, column))}
      >
        {intl.formatNumber(count)}
      </button>
    );
  };
  return (
    <details className="recommendation-matrix" open>
      <summary>
        <FormattedMessage id="recommendations.matrix.title" defaultMessage="Themes by assessment" />
      </summary>
      <div className="matrix-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="recommendations.matrix.theme" defaultMessage="Theme" />
              </th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {intl.formatMessage(ASSESSMENT_MESSAGES[c])}
                </th>
              ))}
              <th scope="col">
                <FormattedMessage id="recommendations.matrix.total" defaultMessage="All" />
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => {
              const value = themeValue(row.codeId ? { codeId: row.codeId } : { theme: row.theme ?? '' });
              const label = row.codeId ? row.label : themeLabel(row.label);
              return (
                <tr key={value}>
                  <th scope="row">{label}</th>
                  {COLUMNS.map((c) => (
                    <td key={c}>
                      {cell(value, c, row.counts[c], `${label} · ${intl.formatMessage(ASSESSMENT_MESSAGES[c])}`)}
                    </td>
                  ))}
                  <td>{cell(value, '', row.total, label)}</td>
                </tr>
              );
            })}
            {COLUMNS.some((c) => data.unthemed[c] > 0) && (
              <tr className="matrix-unthemed">
                <th scope="row">
                  <FormattedMessage id="recommendations.matrix.noTheme" defaultMessage="No theme yet" />
                </th>
                {COLUMNS.map((c) => (
                  <td key={c}>{intl.formatNumber(data.unthemed[c])}</td>
                ))}
                <td>{intl.formatNumber(COLUMNS.reduce((sum, c) => sum + data.unthemed[c], 0))}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
