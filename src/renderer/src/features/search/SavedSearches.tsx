import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SavedSearch, SearchFilters } from '../../../../shared/api.ts';
import { useApi, useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';

/** A dossier's saved searches: save the current one under a name, run one again, forget one. */
export function SavedSearches({
  dossierId,
  query,
  filters,
  onRun,
}: {
  dossierId: string;
  /** The words being searched now ('' while the box is empty: nothing to save). */
  query: string;
  filters: SearchFilters;
  onRun: (saved: SavedSearch) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const saved = useApi('search.saved.list', { dossierId });
  const create = useApiMutation('search.saved.create', { onSuccess: () => setName('') });
  const remove = useApiMutation('search.saved.delete');
  const [name, setName] = useState('');
  const failure = saved.error ?? create.error ?? remove.error;
  const { dossierId: _scope, ...narrowing } = filters;

  return (
    <aside className="card saved-searches" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="search.saved.title" defaultMessage="Saved searches" />
      </h2>
      <ErrorNote message={failure ? errorText(failure) : null} />
      <form
        className="saved-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!query) return;
          create.mutate({ dossierId, name: name.trim() || query, query, filters: narrowing });
        }}
      >
        <label htmlFor={`${id}-name`}>
          <FormattedMessage id="search.saved.name" defaultMessage="Name for this search" />
        </label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          placeholder={query}
          disabled={!query}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!query || create.isPending}>
          <FormattedMessage id="search.saved.save" defaultMessage="Save this search" />
        </button>
      </form>
      {saved.data && saved.data.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="search.saved.none"
            defaultMessage="None yet. A saved search keeps its words and filters, to be run again as the dossier grows."
          />
        </p>
      )}
      {saved.data && saved.data.length > 0 && (
        <ul className="saved-search-list">
          {saved.data.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="link"
                onClick={() => onRun(s)}
                title={intl.formatMessage(
                  { id: 'search.saved.run.hint', defaultMessage: 'Search for {query} again' },
                  { query: s.query },
                )}
              >
                {s.name}
              </button>
              <button
                type="button"
                className="ghost"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: s.id })}
                aria-label={intl.formatMessage(
                  { id: 'search.saved.delete', defaultMessage: 'Forget the saved search “{name}”' },
                  { name: s.name },
                )}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
