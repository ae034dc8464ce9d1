// "Recommendations table…": the previous cycle's recommendations as a table — number, text,
// recommending State(s), the State's position and our assessment, headed in the draft's language,
// each assessment followed by notes for its evidence. In the editor it goes in at the cursor; from
// the Recommendations tab, at the end of a chosen draft.
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { RecordSelect } from '../../components/RecordSelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';

export function RecommendationTableDialog({
  dossierId,
  draftId: fixedDraft,
  ownCycle,
  onInsert,
  onClose,
}: {
  dossierId: string;
  /** The draft being edited; without it, the dialog asks which of the dossier's drafts. */
  draftId?: string;
  /** The cycle of the review the draft is for: the table offers the one before by default. */
  ownCycle?: number | null;
  onInsert: (choice: { draftId: string; cycle: number | undefined }) => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const facets = useApi('recommendation.facets', { dossierId });
  const drafts = useApi('draft.list', { dossierId }, { enabled: !fixedDraft });
  const [draftId, setDraftId] = useState('');
  const [cycle, setCycle] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cycles = facets.data?.cycles ?? [];
  const earlier = cycles.filter((c) => !ownCycle || c < ownCycle);
  const fallback = earlier.length > 0 ? String(Math.max(...earlier)) : '';
  const chosenCycle = cycle ?? fallback;
  const chosenDraft = fixedDraft ?? (draftId || drafts.data?.[0]?.id || '');

  async function insert() {
    setBusy(true);
    setError(null);
    try {
      await onInsert({ draftId: chosenDraft, cycle: chosenCycle ? Number(chosenCycle) : undefined });
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={<FormattedMessage id="recommendations.table.title" defaultMessage="Table of recommendations" />}
      onClose={onClose}
    >
      <p className="hint">
        <FormattedMessage
          id="recommendations.table.hint"
          defaultMessage="Number, recommendation, recommending State(s), the State’s position and our assessment with its evidence as notes — headed in the draft’s language."
        />
      </p>
      {!fixedDraft && drafts.data?.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="recommendations.table.noDrafts"
            defaultMessage="This dossier has no draft yet: start one in the Drafts tab."
          />
        </p>
      )}
      {!fixedDraft && drafts.data && drafts.data.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-draft`}>
            <FormattedMessage id="recommendations.table.draft" defaultMessage="Draft" />
          </label>
          <RecordSelect
            id={`${id}-draft`}
            value={chosenDraft}
            records={drafts.data.map((d) => ({ id: d.id, name: d.title }))}
            blank={intl.formatMessage({ id: 'recommendations.table.chooseDraft', defaultMessage: 'Choose a draft' })}
            onChange={setDraftId}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-cycle`}>
          <FormattedMessage id="recommendations.table.cycle" defaultMessage="Recommendations of" />
        </label>
        <RecordSelect
          id={`${id}-cycle`}
          value={chosenCycle}
          records={cycles.map((c) => ({
            id: String(c),
            name: intl.formatMessage(
              {
                id: 'recommendations.filter.cycleName',
                defaultMessage: '{cycle, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle',
              },
              { cycle: c },
            ),
          }))}
          blank={intl.formatMessage({ id: 'recommendations.table.allCycles', defaultMessage: 'Every cycle' })}
          onChange={setCycle}
        />
      </div>
      <ErrorNote message={error ?? (facets.error ? errorText(facets.error) : null)} />
      <div className="modal-actions">
        <button type="button" className="primary" disabled={busy || !chosenDraft} onClick={() => void insert()}>
          <FormattedMessage id="recommendations.table.insert" defaultMessage="Insert table" />
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          <FormattedMessage id="recommendations.table.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </Modal>
  );
}
