import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ExcerptListItem } from '../../../../shared/api.ts';
import { LINK_KIND_MESSAGES, LINK_KINDS, type LinkKind } from '../../../../shared/domain.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { Modal } from '../drafts/Modal.tsx';
import { useExcerptSearch } from '../drafts/useExcerptSearch.ts';

/**
 * "Link to…": pick the other excerpt from anywhere in the dossier (found by words of its quote, its
 * note or its source's title, as the citation picker finds them), say how this one bears on it, and
 * add a short note.
 */
export function LinkDialog({
  dossierId,
  from,
  onClose,
}: {
  dossierId: string;
  from: { id: string; exact: string };
  onClose: () => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const kindLabels = useLabels(LINK_KIND_MESSAGES);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<ExcerptListItem | null>(null);
  const [kind, setKind] = useState<LinkKind>('contradicts');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const found = useExcerptSearch(dossierId, text);
  const candidates = (found.excerpts ?? []).filter((e) => e.id !== from.id).slice(0, 30);

  async function save() {
    if (!picked) return;
    setSaving(true);
    setError(null);
    try {
      await mutate('excerpt.link', {
        fromExcerptId: from.id,
        toExcerptId: picked.id,
        kind,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      wide
      title={<FormattedMessage id="links.dialog.title" defaultMessage="Link to another excerpt" />}
      onClose={onClose}
    >
      <p className="link-from">
        <FormattedMessage
          id="links.dialog.from"
          defaultMessage="This excerpt: “{quote}”"
          values={{ quote: from.exact }}
        />
      </p>
      <div className="field">
        <label htmlFor={`${id}-kind`}>
          <FormattedMessage id="links.dialog.kind" defaultMessage="This excerpt…" />
        </label>
        <VocabularySelect
          id={`${id}-kind`}
          value={kind}
          values={LINK_KINDS}
          labels={kindLabels}
          onChange={(value) => value && setKind(value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-search`}>
          <FormattedMessage
            id="links.dialog.search"
            defaultMessage="…the excerpt: find it by words of its quote, note or source"
          />
        </label>
        <input
          id={`${id}-search`}
          type="search"
          data-autofocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
      </div>
      <ul
        className="link-candidates"
        aria-label={intl.formatMessage({ id: 'links.dialog.candidates', defaultMessage: 'Excerpts to link to' })}
      >
        {candidates.map((e) => (
          <li key={e.id}>
            <label>
              <input type="radio" name={`${id}-other`} checked={picked?.id === e.id} onChange={() => setPicked(e)} />
              <span className="link-quote">“{e.exact}”</span>
              <span className="hint">{e.sourceTitle}</span>
            </label>
          </li>
        ))}
        {found.excerpts !== null && candidates.length === 0 && (
          <li className="hint">
            <FormattedMessage id="links.dialog.none" defaultMessage="No other excerpt holds these words." />
          </li>
        )}
      </ul>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          <FormattedMessage id="links.dialog.note" defaultMessage="Note (optional)" />
        </label>
        <input id={`${id}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorNote message={error} />
      <div className="modal-actions">
        <button type="button" className="primary" disabled={!picked || saving} onClick={() => void save()}>
          <FormattedMessage id="links.dialog.save" defaultMessage="Link" />
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          <FormattedMessage id="links.dialog.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </Modal>
  );
}
