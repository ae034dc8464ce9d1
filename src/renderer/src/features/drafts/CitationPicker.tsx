import { type ReactNode, useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ComboboxInput } from '../../components/ComboboxInput.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { LoadMore } from '../../components/VirtualList.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { ExcerptPlace } from '../excerpts/ExcerptPlace.tsx';
import { CONFIDENTIALITY_BADGES, QUOTED } from './labels.ts';
import { Modal } from './Modal.tsx';
import { useExcerptSearch } from './useExcerptSearch.ts';

/**
 * Finds an excerpt by its words and cites it at the cursor. Type to filter, arrows to move, Enter to
 * cite, Escape to go back to the text. Matches in the quote come before matches in a note or a source
 * title, and each row names its source, format and place, so the first row is the one meant.
 */
export function CitationPicker({
  dossierId,
  title,
  onPick,
  onClose,
}: {
  dossierId: string;
  /** What the picker is for, when not citing (evidence of a recommendation). */
  title?: ReactNode;
  onPick: (excerptId: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  // Enter pressed before the rows for the words just typed arrived: cite once they are here, never
  // the first row of the previous words.
  const [enterPending, setEnterPending] = useState(false);
  const { excerpts, settled, error, hasMore, loadingMore, loadMore } = useExcerptSearch(dossierId, text);
  const found = excerpts ?? [];
  const current = found[Math.min(active, found.length - 1)];
  const activeId = current ? `${id}-${current.id}` : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  useEffect(() => {
    if (!enterPending || !settled) return;
    setEnterPending(false);
    if (current) onPick(current.id);
  }, [enterPending, settled, current, onPick]);

  return (
    <Modal
      title={title ?? <FormattedMessage id="drafts.picker.title" defaultMessage="Cite an excerpt" />}
      onClose={onClose}
      wide
    >
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <FormattedMessage id="drafts.picker.search" defaultMessage="Words in the excerpt or its note" />
        </label>
        <ComboboxInput
          id={`${id}-search`}
          listId={`${id}-list`}
          count={found.length}
          activeId={activeId}
          value={text}
          onChange={setText}
          setActive={setActive}
          onWalkDown={() => {
            // Walking onto the last rows loaded: the next page comes before the end is reached.
            if (active >= found.length - 5 && hasMore && !loadingMore) void loadMore();
          }}
          onEnter={() => {
            if (!settled) setEnterPending(true);
            else if (current) onPick(current.id);
          }}
        />
      </div>
      <ErrorNote message={error ? errorText(error) : null} />
      {settled && excerpts?.length === 0 && (
        <p className="hint">
          <FormattedMessage id="drafts.picker.noMatch" defaultMessage="No excerpt in this dossier matches." />
        </p>
      )}
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={intl.formatMessage({ id: 'drafts.picker.listLabel', defaultMessage: 'Matching excerpts' })}
        className="picker-list"
      >
        {found.map((e) => (
          // The input owns the keyboard (aria-activedescendant); a click picks directly.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input
          <div
            key={e.id}
            id={`${id}-${e.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={e.id === current?.id}
            onClick={() => onPick(e.id)}
          >
            <span className="excerpt-quote">
              <FormattedMessage {...QUOTED} values={{ text: e.exact }} />
            </span>
            {'matchedIn' in e && e.matchedIn !== 'quote' && e.note && (
              <span className="excerpt-note">
                <span className="visually-hidden">
                  <FormattedMessage id="drafts.picker.noteLabel" defaultMessage="Note:" />{' '}
                </span>
                {e.note}
              </span>
            )}
            <span className="excerpt-meta">
              <ExcerptPlace excerpt={e} />
              {e.confidentiality !== 'public' && (
                <span className={`badge ${e.confidentiality}`}>
                  <FormattedMessage {...CONFIDENTIALITY_BADGES[e.confidentiality]} />
                </span>
              )}
            </span>
          </div>
        ))}
        <LoadMore hasMore={hasMore} loadingMore={loadingMore} onLoadMore={loadMore} />
      </div>
      <p className="hint">
        <FormattedMessage
          id="drafts.picker.keys"
          defaultMessage="↑ ↓ to choose · Enter to cite · Esc to return to the text"
        />
      </p>
    </Modal>
  );
}
