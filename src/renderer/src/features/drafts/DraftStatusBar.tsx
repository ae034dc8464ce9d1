import { FormattedMessage, useIntl } from 'react-intl';
import type { WordCount } from '../../../../shared/api.ts';
import { useErrorText } from '../../i18n/errors.ts';
import type { SaveState } from './useAutosave.ts';

function SaveIndicator({ status, onRetry }: { status: SaveState; onRetry: () => void }) {
  const errorText = useErrorText();
  if (status.state === 'error') {
    return (
      <span className="save-state error">
        <FormattedMessage
          id="drafts.save.failed"
          defaultMessage="Not saved: {reason}"
          values={{ reason: errorText(status.error) }}
        />{' '}
        <button type="button" className="link" onClick={onRetry}>
          <FormattedMessage id="drafts.save.retry" defaultMessage="Try again" />
        </button>
      </span>
    );
  }
  return (
    <span className={`save-state ${status.state}`}>
      {status.state === 'saved' ? (
        <FormattedMessage id="drafts.save.saved" defaultMessage="Saved" />
      ) : status.state === 'saving' ? (
        <FormattedMessage id="drafts.save.saving" defaultMessage="Saving…" />
      ) : (
        <FormattedMessage id="drafts.save.pending" defaultMessage="Unsaved changes" />
      )}
    </span>
  );
}

/** Always in view under the editor: the body's words against OHCHR's limit, and whether it is saved. */
export function DraftStatusBar({
  words,
  status,
  onRetry,
}: {
  words: WordCount | null;
  status: SaveState;
  onRetry: () => void;
}) {
  const intl = useIntl();
  const over = words ? words.body - words.limit : 0;
  return (
    <div className="draft-statusbar" data-testid="draft-status">
      <span role="status" className="save-slot">
        <SaveIndicator status={status} onRetry={onRetry} />
      </span>
      {words && (
        <>
          <span className={over > 0 ? 'word-count over' : 'word-count'} data-testid="word-count">
            <FormattedMessage
              id="drafts.status.words"
              defaultMessage="<b>{body, number}</b> of {limit, plural, one {# word} other {# words}}"
              values={{ body: words.body, limit: words.limit, b: (chunks) => <strong>{chunks}</strong> }}
            />
            {over > 0 && (
              <>
                {' '}
                <FormattedMessage
                  id="drafts.status.over"
                  defaultMessage="— {over, number} over the limit"
                  values={{ over }}
                />
              </>
            )}
          </span>
          <meter
            className="word-meter"
            min={0}
            max={words.limit}
            high={words.limit * 0.9}
            optimum={0}
            value={Math.min(words.body, words.limit)}
            aria-label={intl.formatMessage({ id: 'drafts.status.meter', defaultMessage: 'Words used of the limit' })}
          />
          <span className="word-extra">
            <FormattedMessage
              id="drafts.status.extra"
              defaultMessage="Notes {notes, number} · cover {cover, number}"
              values={{ notes: words.notes, cover: words.cover }}
            />
          </span>
        </>
      )}
    </div>
  );
}
