import { useEffect, useId, useState } from 'react';
import type { DraftChange, DraftVersion } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Modal } from './Modal.tsx';
import { savedAt } from './when.ts';
import { wordDiff } from './wordDiff.ts';

/** Names the draft as it is now ("Sent to partners for comment") and keeps it. */
export function SaveVersionDialog({
  onSave,
  onClose,
}: {
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="Save a version" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) {
            setError('Name the version, for example “Sent to partners for comment”.');
            return;
          }
          setBusy(true);
          setError(null);
          onSave(name.trim())
            .then(onClose)
            .catch((err: Error) => setError(err.message))
            .finally(() => setBusy(false));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Name of this version</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            data-autofocus
            onChange={(e) => setName(e.target.value)}
            placeholder="Sent to partners for comment"
          />
        </div>
        <ErrorNote message={error} />
        <div className="actions modal-actions">
          <button type="submit" className="primary" disabled={busy}>
            Save version
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ChangedParagraph({ before, after }: { before: string; after: string }) {
  return (
    <p className="diff-text">
      {wordDiff(before, after).map((part, i) =>
        part.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed rendering of two strings
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <ins key={i}>{part.text}</ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <del key={i}>{part.text}</del>
        ),
      )}
    </p>
  );
}

const CHANGE_LABELS: Record<DraftChange['change'], string> = {
  same: 'Unchanged',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** The paragraph-by-paragraph difference between a saved version and the draft as it is now. */
export function CompareDialog({
  draftId,
  version,
  onClose,
}: {
  draftId: string;
  version: DraftVersion;
  onClose: () => void;
}) {
  const [changes, setChanges] = useState<DraftChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showSame, setShowSame] = useState(false);
  useEffect(() => {
    let current = true;
    invoke('draft.compare', { id: draftId, from: version.id, to: 'current' })
      .then((c) => current && setChanges(c))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [draftId, version.id]);

  const count = (kind: DraftChange['change']) => changes?.filter((c) => c.change === kind).length ?? 0;
  const shown = changes?.filter((c) => showSame || c.change !== 'same') ?? [];
  return (
    <Modal title={`Changes since “${version.name}”`} onClose={onClose} wide>
      <ErrorNote message={error} />
      {changes && (
        <>
          <p className="compare-summary">
            {count('changed')} changed · {count('added')} added · {count('removed')} removed · {count('same')} unchanged
          </p>
          <label className="radio-line">
            <input type="checkbox" checked={showSame} onChange={(e) => setShowSame(e.target.checked)} />
            <span>Show unchanged paragraphs</span>
          </label>
          {shown.length === 0 && <p className="hint">The draft is the same as this version.</p>}
          <ol className="compare-list" data-testid="compare-list">
            {shown.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes are positions in document order
              <li key={i} className={`change ${c.change}`}>
                <span className="change-kind">{CHANGE_LABELS[c.change]}</span>
                {c.change === 'changed' && c.before !== null && c.after !== null ? (
                  <ChangedParagraph before={c.before} after={c.after} />
                ) : c.change === 'removed' ? (
                  <p className="diff-text">
                    <del>{c.before}</del>
                  </p>
                ) : c.change === 'added' ? (
                  <p className="diff-text">
                    <ins>{c.after}</ins>
                  </p>
                ) : (
                  <p className="diff-text">{c.after ?? c.before}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="actions modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** The named versions of the draft, newest first, each comparable with the draft as it is now. */
export function VersionsPanel({
  versions,
  error,
  onSaveVersion,
  onCompare,
}: {
  versions: DraftVersion[] | null;
  error: string | null;
  onSaveVersion: () => void;
  onCompare: (version: DraftVersion) => void;
}) {
  return (
    <div className="versions-panel">
      <div className="panel-actions">
        <button type="button" onClick={onSaveVersion}>
          Save version…
        </button>
      </div>
      <ErrorNote message={error} />
      {versions?.length === 0 && (
        <p className="hint">No saved versions yet. Save one before sending the draft to partners.</p>
      )}
      {versions && versions.length > 0 && (
        <ul className="version-list" aria-label="Saved versions">
          {versions.map((v) => (
            <li key={v.id}>
              <span className="version-name" id={`version-${v.id}`}>
                {v.name}
              </span>
              <span className="excerpt-meta">
                {savedAt(v.createdAt)} · {v.words} words
              </span>
              <button type="button" onClick={() => onCompare(v)} aria-describedby={`version-${v.id}`}>
                Compare with current
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
