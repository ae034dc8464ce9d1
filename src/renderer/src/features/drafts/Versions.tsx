import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { draftsApi } from '../../../../shared/api/drafts.ts';
import type { DraftChange, DraftVersion } from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { savedAt } from './labels.ts';
import { Modal } from './Modal.tsx';
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
  const intl = useIntl();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // An example name: the field's placeholder, and the hint when the name is left blank.
  const example = intl.formatMessage({
    id: 'drafts.version.nameExample',
    defaultMessage: 'Sent to partners for comment',
  });
  return (
    <Modal title={<FormattedMessage id="drafts.version.title" defaultMessage="Save a version" />} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // The same rule as the API's: a name that is not blank once trimmed.
          const valid = draftsApi['draft.snapshot'].params.shape.name.safeParse(name);
          setInvalid(!valid.success);
          if (!valid.success) return;
          setBusy(true);
          setFailure(null);
          onSave(valid.data)
            .then(onClose)
            .catch(setFailure)
            .finally(() => setBusy(false));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>
            <FormattedMessage id="drafts.version.name" defaultMessage="Name of this version" />
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            data-autofocus
            onChange={(e) => setName(e.target.value)}
            placeholder={example}
          />
        </div>
        <ErrorNote
          message={
            invalid
              ? intl.formatMessage(
                  {
                    id: 'drafts.version.nameMissing',
                    defaultMessage: 'Name the version, for example “{example}”.',
                  },
                  { example },
                )
              : failure
                ? errorText(failure)
                : null
          }
        />
        <div className="actions modal-actions">
          <button type="submit" className="primary" disabled={busy}>
            <FormattedMessage id="drafts.version.save" defaultMessage="Save version" />
          </button>
          <button type="button" onClick={onClose}>
            <FormattedMessage id="drafts.version.cancel" defaultMessage="Cancel" />
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

const CHANGE_LABELS = defineMessages<DraftChange['change']>({
  same: { id: 'drafts.compare.kind.same', defaultMessage: 'Unchanged' },
  added: { id: 'drafts.compare.kind.added', defaultMessage: 'Added' },
  removed: { id: 'drafts.compare.kind.removed', defaultMessage: 'Removed' },
  changed: { id: 'drafts.compare.kind.changed', defaultMessage: 'Changed' },
});

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
  const errorText = useErrorText();
  // The draft was saved just before this opened, which marked any earlier comparison stale.
  const compared = useApi('draft.compare', { id: draftId, from: version.id, to: 'current' });
  const changes = compared.data ?? null;
  const [showSame, setShowSame] = useState(false);

  const count = (kind: DraftChange['change']) => changes?.filter((c) => c.change === kind).length ?? 0;
  const shown = changes?.filter((c) => showSame || c.change !== 'same') ?? [];
  return (
    <Modal
      title={
        <FormattedMessage
          id="drafts.compare.title"
          defaultMessage="Changes since “{name}”"
          values={{ name: version.name }}
        />
      }
      onClose={onClose}
      wide
    >
      <ErrorNote message={compared.error ? errorText(compared.error) : null} />
      {changes && (
        <>
          <p className="compare-summary">
            <FormattedMessage
              id="drafts.compare.summary"
              defaultMessage="{changed, number} changed · {added, number} added · {removed, number} removed · {same, number} unchanged"
              values={{
                changed: count('changed'),
                added: count('added'),
                removed: count('removed'),
                same: count('same'),
              }}
            />
          </p>
          <label className="radio-line">
            <input type="checkbox" checked={showSame} onChange={(e) => setShowSame(e.target.checked)} />
            <span>
              <FormattedMessage id="drafts.compare.showSame" defaultMessage="Show unchanged paragraphs" />
            </span>
          </label>
          {shown.length === 0 && (
            <p className="hint">
              <FormattedMessage id="drafts.compare.same" defaultMessage="The draft is the same as this version." />
            </p>
          )}
          <ol className="compare-list" data-testid="compare-list">
            {shown.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes are positions in document order
              <li key={i} className={`change ${c.change}`}>
                <span className="change-kind">
                  <FormattedMessage {...CHANGE_LABELS[c.change]} />
                </span>
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
          <FormattedMessage id="drafts.compare.close" defaultMessage="Close" />
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
  const intl = useIntl();
  return (
    <div className="versions-panel">
      <div className="panel-actions">
        <button type="button" onClick={onSaveVersion}>
          <FormattedMessage id="drafts.versions.save" defaultMessage="Save version…" />
        </button>
      </div>
      <ErrorNote message={error} />
      {versions?.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="drafts.versions.empty"
            defaultMessage="No saved versions yet. Save one before sending the draft to partners."
          />
        </p>
      )}
      {versions && versions.length > 0 && (
        <ul
          className="version-list"
          aria-label={intl.formatMessage({ id: 'drafts.versions.listLabel', defaultMessage: 'Saved versions' })}
        >
          {versions.map((v) => (
            <li key={v.id}>
              <span className="version-name" id={`version-${v.id}`}>
                {v.name}
              </span>
              <span className="excerpt-meta">
                <FormattedMessage
                  id="drafts.versions.meta"
                  defaultMessage="{saved} · {words, plural, one {# word} other {# words}}"
                  values={{ saved: savedAt(intl, v.createdAt), words: v.words }}
                />
              </span>
              <button type="button" onClick={() => onCompare(v)} aria-describedby={`version-${v.id}`}>
                <FormattedMessage id="drafts.versions.compare" defaultMessage="Compare with current" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
