import type { WordCount } from '../../../../shared/api.ts';
import type { SaveState } from './useAutosave.ts';

const number = new Intl.NumberFormat('en-GB');

function SaveIndicator({ status, onRetry }: { status: SaveState; onRetry: () => void }) {
  if (status.state === 'error') {
    return (
      <span className="save-state error">
        Not saved: {status.message}{' '}
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      </span>
    );
  }
  const label = status.state === 'saved' ? 'Saved' : status.state === 'saving' ? 'Saving…' : 'Unsaved changes';
  return <span className={`save-state ${status.state}`}>{label}</span>;
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
  const over = words ? words.body - words.limit : 0;
  return (
    <div className="draft-statusbar" data-testid="draft-status">
      <span role="status" className="save-slot">
        <SaveIndicator status={status} onRetry={onRetry} />
      </span>
      {words && (
        <>
          <span className={over > 0 ? 'word-count over' : 'word-count'} data-testid="word-count">
            <strong>{number.format(words.body)}</strong> of {number.format(words.limit)} words
            {over > 0 && ` — ${number.format(over)} over the limit`}
          </span>
          <meter
            className="word-meter"
            min={0}
            max={words.limit}
            high={words.limit * 0.9}
            optimum={0}
            value={Math.min(words.body, words.limit)}
            aria-label="Words used of the limit"
          />
          <span className="word-extra">
            Notes {number.format(words.notes)} · cover {number.format(words.cover)}
          </span>
        </>
      )}
    </div>
  );
}
