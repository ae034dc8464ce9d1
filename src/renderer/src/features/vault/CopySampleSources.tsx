import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Result } from '../../../../shared/api.ts';
import { UprightError } from '../../api/client.ts';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { ErrorText } from '../../i18n/Worded.tsx';
import { Modal } from '../drafts/Modal.tsx';

type Copied = Result<'sample.copySources'>;

const NEW = 'new';

/**
 * "Copy these sources into my vault": the passphrase of the person's own vault (it opens only for
 * this, and locks again), a dossier there or a new one, then the copy. The window stays on the sample.
 * Both calls are writes for the cache's sake: they carry the passphrase, which must never become a
 * cached query's key.
 */
export function CopySampleSources({ onClose, onLeave }: { onClose: () => void; onLeave: () => void }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [passphrase, setPassphrase] = useState('');
  const [target, setTarget] = useState<string>(NEW);
  const [title, setTitle] = useState(() =>
    intl.formatMessage({
      id: 'sample.copy.defaultTitle',
      defaultMessage: 'Kazakhstan — public reports (from the sample)',
    }),
  );
  const own = useApiMutation('sample.ownDossiers', {
    onSuccess: (dossiers) => setTarget(dossiers[0]?.id ?? NEW),
  });
  const copy = useApiMutation('sample.copySources', { onSuccess: () => setPassphrase('') });
  const dossiers = own.data ?? null;
  const copied = copy.data ?? null;
  const busy = own.isPending || copy.isPending;
  const failure = own.error ?? copy.error;
  const error =
    failure === null
      ? null
      : failure instanceof UprightError && failure.code === 'VAULT_NOT_FOUND'
        ? intl.formatMessage({
            id: 'sample.copy.noVault',
            defaultMessage:
              'You have no vault of your own yet. Leave the sample and create one; you can open the sample again from Help and copy its sources then.',
          })
        : errorText(failure);

  const choose = (event: FormEvent) => {
    event.preventDefault();
    copy.reset();
    own.mutate({ passphrase });
  };

  const copySources = (event: FormEvent) => {
    event.preventDefault();
    const into = target === NEW ? { kind: 'new' as const, title } : { kind: 'dossier' as const, id: target };
    copy.mutate({ passphrase, into });
  };

  const close = () => {
    setPassphrase('');
    onClose();
  };

  return (
    <Modal
      title={intl.formatMessage({ id: 'sample.copy.title', defaultMessage: 'Copy the sample’s sources into my vault' })}
      onClose={close}
    >
      {copied === null && (
        <p className="hint">
          <FormattedMessage
            id="sample.copy.what"
            defaultMessage="The three public documents — the Government’s information to the ILO (PDF), ICTUR’s UPR submission (Word) and the ITUC’s campaign page (web page) — are copied into a dossier of your own vault, as if you had imported them. The sample’s excerpts, codes, entities and draft stay here, and so does its fictional field note."
          />
        </p>
      )}
      {dossiers === null && (
        <form onSubmit={choose}>
          <PassphraseField
            label={intl.formatMessage({ id: 'sample.copy.passphrase', defaultMessage: 'Passphrase of your vault' })}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
          />
          <p className="hint">
            <FormattedMessage
              id="sample.copy.opensOnlyToCopy"
              defaultMessage="Your vault opens only to copy into it and locks again; you stay in the sample."
            />
          </p>
          <ErrorNote message={error} />
          <button type="submit" className="primary" disabled={busy || passphrase.length === 0}>
            {busy ? (
              <FormattedMessage id="sample.copy.opening" defaultMessage="Opening your vault…" />
            ) : (
              <FormattedMessage id="sample.copy.chooseDossier" defaultMessage="Choose a dossier in my vault" />
            )}
          </button>
        </form>
      )}
      {dossiers !== null && copied === null && (
        <form onSubmit={copySources}>
          <fieldset className="template-choice">
            <legend>
              <FormattedMessage id="sample.copy.into" defaultMessage="Copy into" />
            </legend>
            {dossiers.map((d) => (
              <label key={d.id} className="radio-line">
                <input
                  type="radio"
                  name="copy-target"
                  value={d.id}
                  checked={target === d.id}
                  onChange={() => setTarget(d.id)}
                />{' '}
                {d.title}{' '}
                <span className="hint">
                  <FormattedMessage
                    id="sample.copy.sourceCount"
                    defaultMessage="({count, plural, one {# source} other {# sources}})"
                    values={{ count: d.sourceCount }}
                  />
                </span>
              </label>
            ))}
            <label className="radio-line">
              <input
                type="radio"
                name="copy-target"
                value={NEW}
                checked={target === NEW}
                onChange={() => setTarget(NEW)}
              />{' '}
              <FormattedMessage id="sample.copy.newDossier" defaultMessage="A new dossier" />
            </label>
            {target === NEW && (
              <div className="field">
                <label htmlFor="copy-new-title">
                  <FormattedMessage id="sample.copy.newTitle" defaultMessage="Title of the new dossier" />
                </label>
                <input id="copy-new-title" value={title} onChange={(e) => setTitle(e.target.value)} />
              </div>
            )}
          </fieldset>
          <ErrorNote message={error} />
          <button
            type="submit"
            className="primary"
            disabled={busy || (target === NEW && title.trim() === '') || passphrase.length === 0}
          >
            {busy ? (
              <FormattedMessage id="sample.copy.copying" defaultMessage="Copying…" />
            ) : (
              <FormattedMessage
                id="sample.copy.run"
                defaultMessage="Copy {count, plural, one {# source} other {# sources}}"
                values={{ count: 3 }}
              />
            )}
          </button>
        </form>
      )}
      {copied !== null && <Done copied={copied} onLeave={onLeave} onStay={close} />}
    </Modal>
  );
}

function Done({ copied, onLeave, onStay }: { copied: Copied; onLeave: () => void; onStay: () => void }) {
  const imported = copied.outcomes.filter((o) => o.status === 'imported').length;
  const already = copied.outcomes.filter((o) => o.status === 'duplicate').length;
  const failed = copied.outcomes.filter((o) => o.status === 'failed');
  return (
    <div role="status">
      <p>
        {already > 0 ? (
          <FormattedMessage
            id="sample.copy.doneWithDuplicates"
            defaultMessage="{count, plural, one {# source} other {# sources}} copied into “{dossier}”; {already, plural, one {# was} other {# were}} already there."
            values={{ count: imported, dossier: copied.dossier.title, already }}
          />
        ) : (
          <FormattedMessage
            id="sample.copy.done"
            defaultMessage="{count, plural, one {# source} other {# sources}} copied into “{dossier}”."
            values={{ count: imported, dossier: copied.dossier.title }}
          />
        )}
      </p>
      {failed.map((o) => (
        <p key={o.name} className="hint warn">
          {o.name}: <ErrorText error={o.error} />
        </p>
      ))}
      <p className="hint">
        <FormattedMessage
          id="sample.copy.leaveToWork"
          defaultMessage="Leave the sample and unlock your vault to work with them."
        />
      </p>
      <div className="modal-actions sample-copy-actions">
        <button type="button" className="primary" onClick={onLeave}>
          <FormattedMessage id="shell.sample.leave" defaultMessage="Leave the sample" />
        </button>
        <button type="button" onClick={onStay}>
          <FormattedMessage id="sample.copy.stay" defaultMessage="Stay in the sample" />
        </button>
      </div>
    </div>
  );
}
