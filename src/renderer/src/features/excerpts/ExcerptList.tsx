import { useId, useState } from 'react';
import type { ExcerptListItem, SourceSummary } from '../../../../shared/api.ts';
import {
  CONFIDENTIALITY,
  CONFIDENTIALITY_LABELS,
  type Confidentiality,
  ENTITY_KIND_LABELS,
  ENTITY_KIND_PLURALS,
  ENTITY_KINDS,
  SOURCE_KIND_LABELS,
  type SourceKind,
  STANCE_LABELS,
  STANCES,
  type Stance,
} from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { coOccurrence } from './cooccurrence.ts';
import { ExcerptPlace } from './ExcerptPlace.tsx';
import { ExportExcerpts } from './ExportExcerpts.tsx';

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
export function ExcerptList({
  dossierId,
  sources,
  onOpen,
}: {
  dossierId: string;
  sources: SourceSummary[];
  onOpen: (excerpt: ExcerptListItem) => void;
}) {
  const id = useId();
  const [filters, setFilters] = useState<Filters>(NONE);
  const codes = useAsync(() => invoke('code.list', {}), []);
  const entities = useAsync(() => invoke('entity.list', {}), []);
  // Words are sent once typing pauses; the other filters at once.
  const words = useDebounced(filters.text.trim(), 200);
  const { text: _typed, ...chosen } = filters;
  const excerpts = useAsync(
    () =>
      invoke('excerpt.list', {
        dossierId,
        ...(filters.sourceId ? { sourceId: filters.sourceId } : {}),
        ...(filters.sourceKind ? { sourceKind: filters.sourceKind } : {}),
        ...(filters.codeId ? { codeId: filters.codeId } : {}),
        ...(filters.entityId ? { entityId: filters.entityId } : {}),
        ...(filters.confidentiality ? { confidentiality: filters.confidentiality } : {}),
        ...(filters.stance ? { stance: filters.stance } : {}),
        ...(words ? { text: words } : {}),
      }),
    [dossierId, JSON.stringify(chosen), words],
  );
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const codeById = new Map((codes.data ?? []).map((c) => [c.id, c]));
  const entityById = new Map((entities.data ?? []).map((e) => [e.id, e]));
  // Only the kinds this dossier's sources have: a choice that can only ever match nothing is noise.
  const sourceKinds = [...new Set(sources.map((s) => s.kind))];
  const usedCodes = (codes.data ?? []).filter((c) => (excerpts.data ?? []).some((e) => e.codeIds.includes(c.id)));
  const table = coOccurrence(
    excerpts.data ?? [],
    usedCodes.map((c) => c.id),
  );

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Excerpts{excerpts.data ? ` (${excerpts.data.length})` : ''}</h2>
      <fieldset className="filters">
        <legend className="visually-hidden">Filter excerpts</legend>
        <div className="filter">
          <label htmlFor={`${id}-source`}>Source</label>
          <select id={`${id}-source`} value={filters.sourceId} onChange={(e) => set({ sourceId: e.target.value })}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title} ({s.fileName})
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-source-kind`}>Source kind</label>
          <VocabularySelect
            id={`${id}-source-kind`}
            value={filters.sourceKind}
            values={sourceKinds}
            labels={SOURCE_KIND_LABELS}
            blank="Any"
            onChange={(sourceKind) => set({ sourceKind })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-code`}>Code</label>
          <select id={`${id}-code`} value={filters.codeId} onChange={(e) => set({ codeId: e.target.value })}>
            <option value="">All codes</option>
            {(codes.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-entity`}>Entity</label>
          <select id={`${id}-entity`} value={filters.entityId} onChange={(e) => set({ entityId: e.target.value })}>
            <option value="">All entities</option>
            {ENTITY_KINDS.map((k) => {
              const ofKind = (entities.data ?? []).filter((e) => e.kind === k);
              return ofKind.length === 0 ? null : (
                <optgroup key={k} label={ENTITY_KIND_PLURALS[k]}>
                  {ofKind.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-confidentiality`}>Confidentiality</label>
          <VocabularySelect
            id={`${id}-confidentiality`}
            value={filters.confidentiality}
            values={CONFIDENTIALITY}
            labels={CONFIDENTIALITY_LABELS}
            blank="Any"
            onChange={(confidentiality) => set({ confidentiality })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-stance`}>Stance</label>
          <VocabularySelect
            id={`${id}-stance`}
            value={filters.stance}
            values={STANCES}
            labels={STANCE_LABELS}
            blank="Any"
            onChange={(stance) => set({ stance })}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-text`}>Text</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filters.text}
            onChange={(e) => set({ text: e.target.value })}
            placeholder="Words in quote or note"
          />
        </div>
        <button type="button" onClick={() => setFilters(NONE)}>
          Clear filters
        </button>
      </fieldset>
      <ErrorNote message={excerpts.error ?? codes.error ?? entities.error} />
      {excerpts.data?.length === 0 && (
        <p className="hint">No excerpts match. Mark excerpts in the reader: select text and press E.</p>
      )}
      {excerpts.data && excerpts.data.length > 0 && (
        <ul className="excerpt-list" data-testid="excerpt-list">
          {excerpts.data.map((e) => (
            <li key={e.id}>
              <button type="button" className="excerpt-item" onClick={() => onOpen(e)}>
                <span className="excerpt-quote">“{e.exact}”</span>
                <span className="excerpt-meta">
                  <ExcerptPlace excerpt={e} /> · {CONFIDENTIALITY_LABELS[e.confidentiality]}
                  {e.stance ? ` · ${STANCE_LABELS[e.stance]}` : ''}
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
                          {entity && <span className="visually-hidden"> ({ENTITY_KIND_LABELS[entity.kind]})</span>}
                        </span>
                      );
                    })}
                  </span>
                )}
                {e.note && <span className="excerpt-note">{e.note}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {usedCodes.length > 1 && (
        <details className="cooccurrence">
          <summary>Code co-occurrence</summary>
          <table>
            <caption className="visually-hidden">Excerpts carrying both codes</caption>
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
        </details>
      )}
      <ExportExcerpts dossierId={dossierId} />
    </section>
  );
}
