import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
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
  const errorText = useErrorText();
  // Read afresh on opening: the details may have changed since the source was last shown. The form
  // appears only once that read is back, after the dialog has opened, so its first field takes focus
  // (a form drawn from the cache in the dialog's first frame would lose it to showModal()).
  const source = useApi('source.get', { id: sourceId }, { refetchOnMount: 'always' });
  const loaded = source.isFetchedAfterMount && source.data;
  const [version, setVersion] = useState(0);

  return (
    <Modal
      title={
        source.data ? (
          <FormattedMessage
            id="drafts.sourceDetails.titleNamed"
            defaultMessage="Source details: {title}"
            values={{ title: source.data.title }}
          />
        ) : (
          <FormattedMessage id="drafts.sourceDetails.title" defaultMessage="Source details" />
        )
      }
      onClose={onClose}
      wide
    >
      {reason && <p className="hint">{reason}</p>}
      <ErrorNote message={source.error ? errorText(source.error) : null} />
      {loaded ? (
        <SourceDetails
          key={version}
          source={loaded}
          focus={focus}
          onSaved={onSaved}
          onTextChanged={() => {
            void source.refetch().then(() => setVersion((v) => v + 1));
          }}
        />
      ) : (
        !source.error && (
          <p className="hint">
            <FormattedMessage id="drafts.sourceDetails.loading" defaultMessage="Loading…" />
          </p>
        )
      )}
    </Modal>
  );
}
