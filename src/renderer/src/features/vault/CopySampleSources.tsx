import { type FormEvent, useState } from 'react';
import type { OwnDossier, Result } from '../../../../shared/api.ts';
import { invoke, UprightError } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';

type Copied = Result<'sample.copySources'>;

const NEW = 'new';

function message(error: unknown, errorText: (e: unknown) => string): string {
  if (error instanceof UprightError && error.code === 'VAULT_NOT_FOUND') {
    return 'You have no vault of your own yet. Leave the sample and create one; you can open the sample again from Help and copy its sources then.';
  }
  return errorText(error);
}

/**
 * "Copy these sources into my vault": the passphrase of the person's own vault (it opens only for
 * this, and locks again), a dossier there or a new one, then the copy. The window stays on the sample.
 */
export function CopySampleSources({ onClose, onLeave }: { onClose: () => void; onLeave: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [dossiers, setDossiers] = useState<OwnDossier[] | null>(null);
  const [target, setTarget] = useState<string>(NEW);
  const [title, setTitle] = useState('Kazakhstan — public reports (from the sample)');
  const [copied, setCopied] = useState<Copied | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(message(e, errorText));
    } finally {
      setBusy(false);
    }
  }

  const choose = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const own = await invoke('sample.ownDossiers', { passphrase });
      setDossiers(own);
      setTarget(own[0]?.id ?? NEW);
    });
  };

  const copy = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const into = target === NEW ? { kind: 'new' as const, title } : { kind: 'dossier' as const, id: target };
      setCopied(await invoke('sample.copySources', { passphrase, into }));
      setPassphrase('');
    });
  };

  const close = () => {
    setPassphrase('');
    onClose();
  };

  return (
    <Modal title="Copy the sample’s sources into my vault" onClose={close}>
      {copied === null && (
        <p className="hint">
          The three public documents — the Government’s information to the ILO (PDF), ICTUR’s UPR submission (Word) and
          the ITUC’s campaign page (web page) — are copied into a dossier of your own vault, as if you had imported
          them. The sample’s excerpts, codes, entities and draft stay here, and so does its fictional field note.
        </p>
      )}
      {dossiers === null && (
        <form onSubmit={choose}>
          <PassphraseField
            label="Passphrase of your vault"
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
          />
          <p className="hint">Your vault opens only to copy into it and locks again; you stay in the sample.</p>
          <ErrorNote message={error} />
          <button type="submit" className="primary" disabled={busy || passphrase.length === 0}>
            {busy ? 'Opening your vault…' : 'Choose a dossier in my vault'}
          </button>
        </form>
      )}
      {dossiers !== null && copied === null && (
        <form onSubmit={copy}>
          <fieldset className="template-choice">
            <legend>Copy into</legend>
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
                <span className="hint">({d.sourceCount === 1 ? '1 source' : `${d.sourceCount} sources`})</span>
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
              A new dossier
            </label>
            {target === NEW && (
              <div className="field">
                <label htmlFor="copy-new-title">Title of the new dossier</label>
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
            {busy ? 'Copying…' : 'Copy 3 sources'}
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
        {imported === 1 ? '1 source' : `${imported} sources`} copied into “{copied.dossier.title}”
        {already > 0 ? `; ${already} ${already === 1 ? 'was' : 'were'} already there` : ''}.
      </p>
      {failed.map((o) => (
        <p key={o.name} className="hint warn">
          {o.name}: {o.error?.message}
        </p>
      ))}
      <p className="hint">Leave the sample and unlock your vault to work with them.</p>
      <div className="modal-actions sample-copy-actions">
        <button type="button" className="primary" onClick={onLeave}>
          Leave the sample
        </button>
        <button type="button" onClick={onStay}>
          Stay in the sample
        </button>
      </div>
    </div>
  );
}
