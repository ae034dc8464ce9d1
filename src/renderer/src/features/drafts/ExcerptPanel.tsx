import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { LoadMore } from '../../components/VirtualList.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { ExcerptPlace } from '../excerpts/ExcerptPlace.tsx';
import { CONFIDENTIALITY_BADGES, QUOTED } from './labels.ts';
import { EXCERPT_DRAG_TYPE } from './schema.ts';
import { useExcerptSearch } from './useExcerptSearch.ts';

/** The dossier's excerpts beside the text: drag one into a sentence, or cite it at the cursor. */
export function ExcerptPanel({ dossierId, onCite }: { dossierId: string; onCite: (excerptId: string) => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const { excerpts, error, hasMore, loadingMore, loadMore } = useExcerptSearch(dossierId, text);
  return (
    <div className="excerpt-panel">
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <FormattedMessage id="drafts.excerpts.find" defaultMessage="Find an excerpt" />
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder={intl.formatMessage({
            id: 'drafts.excerpts.findPlaceholder',
            defaultMessage: 'Words in quote or note',
          })}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <p className="hint">
        <FormattedMessage
          id="drafts.excerpts.hint"
          defaultMessage="Drag an excerpt into the text, or place the cursor and press Cite."
        />
      </p>
      <ErrorNote message={error ? errorText(error) : null} />
      {excerpts?.length === 0 && (
        <p className="hint">
          {text.trim() ? (
            <FormattedMessage id="drafts.excerpts.noMatch" defaultMessage="No excerpt matches." />
          ) : (
            <FormattedMessage id="drafts.excerpts.none" defaultMessage="This dossier has no excerpts yet." />
          )}
        </p>
      )}
      <ul
        className="panel-excerpts"
        aria-label={intl.formatMessage({ id: 'drafts.excerpts.listLabel', defaultMessage: 'Excerpts to cite' })}
      >
        {excerpts?.map((e) => (
          <li
            key={e.id}
            draggable
            data-excerpt-id={e.id}
            onDragStart={(event) => {
              event.dataTransfer.setData(EXCERPT_DRAG_TYPE, e.id);
              event.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span id={`${id}-${e.id}`} className="excerpt-quote">
              <FormattedMessage {...QUOTED} values={{ text: e.exact }} />
            </span>
            <span className="excerpt-meta">
              <ExcerptPlace excerpt={e} />
              {e.confidentiality !== 'public' && (
                <span className={`badge ${e.confidentiality}`}>
                  <FormattedMessage {...CONFIDENTIALITY_BADGES[e.confidentiality]} />
                </span>
              )}
            </span>
            <button type="button" onClick={() => onCite(e.id)} aria-describedby={`${id}-${e.id}`}>
              <FormattedMessage id="drafts.excerpts.cite" defaultMessage="Cite" />
            </button>
          </li>
        ))}
      </ul>
      <LoadMore hasMore={hasMore} loadingMore={loadingMore} onLoadMore={loadMore} />
    </div>
  );
}
