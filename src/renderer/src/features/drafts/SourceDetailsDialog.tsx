import { useEffect, useState } from 'react';
import type { SourceDetail } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { type NoteField, SourceDetails } from '../reader/SourceDetails.tsx';
import { Modal } from './Modal.tsx';

/**
 * A cited source's details, opened from a check that says its note lacks something (a web page's
 * address, a report's date), so the person fills the gap without leaving the draft.
 */
export function SourceDetailsDialog({
  sourceId,
  focus,
  reason,
  onClose,
  onSaved,
}: {
  sourceId: string;
  /** What the check said is missing, shown above the form. */
  reason?: string;
  /** The first field the note lacks: the dialog starts there. */
  focus?: NoteField;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [source, setSource] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    invoke('source.get', { id: sourceId })
      .then(setSource)
      .catch((e: Error) => setError(e.message));
  }, [sourceId]);

  return (
    <Modal title={source ? `Source details: ${source.title}` : 'Source details'} onClose={onClose} wide>
      {reason && <p className="hint">{reason}</p>}
      <ErrorNote message={error} />
      {source ? (
        <SourceDetails
          key={version}
          source={source}
          focus={focus}
          onSaved={onSaved}
          onTextChanged={() => {
            void invoke('source.get', { id: sourceId }).then((s) => {
              setSource(s);
              setVersion((v) => v + 1);
            });
          }}
        />
      ) : (
        !error && <p className="hint">Loading…</p>
      )}
    </Modal>
  );
}
