import { useId, useState } from 'react';
import { SUGGESTION_KIND_LABELS, SUGGESTION_KINDS, type Suggestion } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';

interface Props {
  sourceId: string;
  /** Bring a mention into view in the text. */
  onShow: (suggestion: Suggestion) => void;
  /** After an acceptance: an excerpt (and maybe an entity) was made. */
  onAccepted: (excerptId: string) => void;
}

/**
 * What Upright found in the text — dates, legal references, persons, organisations, amounts —
 * for one-click acceptance or dismissal. Found offline by rules; nothing is applied until accepted.
 */
export function SuggestionsPanel({ sourceId, onShow, onAccepted }: Props) {
  const id = useId();
  const suggestions = useAsync(() => invoke('suggestion.list', { sourceId }), [sourceId]);
  const [kind, setKind] = useState<Suggestion['kind'] | 'all'>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const all = suggestions.data ?? [];
  const shown = kind === 'all' ? all : all.filter((s) => s.kind === kind);

  async function act(suggestion: Suggestion, action: 'accept' | 'dismiss') {
    setBusy(suggestion.key);
    setError(null);
    try {
      if (action === 'accept') {
        const { excerpt } = await invoke('suggestion.accept', { sourceId, key: suggestion.key });
        onAccepted(excerpt.id);
      } else {
        await invoke('suggestion.dismiss', { sourceId, key: suggestion.key });
      }
      suggestions.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="suggestions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Suggestions</h2>
      <p className="hint">
        Found in this text without any network. Accept to mark an excerpt (and link the person, organisation or law it
        names); dismiss to hide it.
      </p>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Show</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="all">Everything ({all.length})</option>
          {SUGGESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {SUGGESTION_KIND_LABELS[k]} ({all.filter((s) => s.kind === k).length})
            </option>
          ))}
        </select>
      </div>
      <ErrorNote message={error ?? suggestions.error} />
      {suggestions.data && shown.length === 0 && <p className="hint">Nothing left to review.</p>}
      <ul className="suggestion-list" aria-label="Suggestions to review">
        {shown.map((s) => (
          <li key={s.key} className={`suggestion kind-${s.kind}`}>
            <button type="button" className="suggestion-mention" onClick={() => onShow(s)}>
              <span className="suggestion-text">{s.text}</span>
              <span className="suggestion-meta">
                {SUGGESTION_KIND_LABELS[s.kind].replace(/s$/, '')}
                {s.value !== s.text ? ` · ${s.value}` : ''}
                {s.page ? ` · p. ${s.page}` : ''}
              </span>
            </button>
            <span className="suggestion-actions">
              <button
                type="button"
                className="primary small"
                disabled={busy !== null}
                onClick={() => void act(s, 'accept')}
                aria-label={`Accept ${s.text}`}
              >
                Accept
              </button>
              <button
                type="button"
                className="small"
                disabled={busy !== null}
                onClick={() => void act(s, 'dismiss')}
                aria-label={`Dismiss ${s.text}`}
              >
                Dismiss
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
