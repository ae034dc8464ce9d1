// "Insert recommendation…" in the draft editor: find one of the dossier's recommendations by its
// words, State or number and refer to it at the cursor. Arrows move, Enter picks, Escape goes back.
import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApiPages } from '../../api/queries.ts';
import { ComboboxInput } from '../../components/ComboboxInput.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';
import { RESPONSE_MESSAGES, referenceLabel } from './words.ts';

export function RecommendationPicker({
  dossierId,
  offerFollowUp = false,
  onPick,
  onClose,
}: {
  dossierId: string;
  /** Offer the whole follow-up paragraph (words, position, assessment, evidence) beside the bare reference. */
  offerFollowUp?: boolean;
  onPick: (recommendationId: string, options: { followUp: boolean }) => void;
  onClose: () => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [followUp, setFollowUp] = useState(false);
  const words = useDebounced(text.trim(), 150);
  const list = useApiPages('recommendation.list', { dossierId, ...(words ? { text: words } : {}) }, { pageSize: 50 });
  const found = list.items ?? [];
  const current = found[Math.min(active, found.length - 1)];
  const activeId = current ? `${id}-${current.id}` : undefined;
  const settled = words === text.trim() && !list.isPlaceholderData;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  return (
    <Modal
      wide
      title={<FormattedMessage id="recommendations.picker.title" defaultMessage="Refer to a recommendation" />}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <FormattedMessage
            id="recommendations.picker.search"
            defaultMessage="Words of the recommendation, a State or its number"
          />
        </label>
        <ComboboxInput
          id={`${id}-search`}
          listId={`${id}-list`}
          count={found.length}
          activeId={activeId}
          value={text}
          onChange={setText}
          setActive={setActive}
          onEnter={() => {
            if (current && settled) onPick(current.id, { followUp });
          }}
        />
      </div>
      {offerFollowUp && (
        <label className="check">
          <input type="checkbox" checked={followUp} onChange={(e) => setFollowUp(e.target.checked)} />{' '}
          <FormattedMessage
            id="recommendations.picker.followUp"
            defaultMessage="As a follow-up paragraph: its words, the State’s position and our assessment with its evidence"
          />
        </label>
      )}
      <ErrorNote message={list.error ? errorText(list.error) : null} />
      <div
        id={`${id}-list`}
        role="listbox"
        className="picker-list"
        aria-label={intl.formatMessage({ id: 'recommendations.picker.list', defaultMessage: 'Recommendations' })}
      >
        {found.map((r, index) => (
          // The input owns the keyboard (aria-activedescendant); a click picks directly.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input
          <div
            key={r.id}
            id={`${id}-${r.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            onClick={() => onPick(r.id, { followUp })}
          >
            <span className="excerpt-meta">
              <strong>{referenceLabel(intl, r)}</strong>{' '}
              {r.response && <span className="badge">{intl.formatMessage(RESPONSE_MESSAGES[r.response])}</span>}
            </span>
            <span className="excerpt-quote">{r.text}</span>
          </div>
        ))}
        {list.items?.length === 0 && (
          <p className="hint">
            {words ? (
              <FormattedMessage
                id="recommendations.picker.none"
                defaultMessage="No recommendation holds these words."
              />
            ) : (
              <FormattedMessage
                id="recommendations.picker.empty"
                defaultMessage="This dossier has no recommendations yet: add them in its Recommendations tab."
              />
            )}
          </p>
        )}
      </div>
      <p className="hint">
        <FormattedMessage
          id="recommendations.picker.keys"
          defaultMessage="↑ ↓ to choose · Enter to refer to it · Esc to return to the text"
        />
      </p>
    </Modal>
  );
}
