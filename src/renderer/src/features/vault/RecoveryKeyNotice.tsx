import { useState } from 'react';
import { FormattedMessage } from 'react-intl';

/** The recovery key in its groups of five, as it is to be copied onto paper. */
export function RecoveryKeyGroups({ recoveryKey }: { recoveryKey: string }) {
  return (
    <p className="recovery-key" data-testid="recovery-key">
      {recoveryKey.split('-').map((group, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups can repeat; their position is their identity
        <span key={i}>{group}</span>
      ))}
    </p>
  );
}

/** Shows the recovery key exactly once; the person confirms they wrote it down. */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  return (
    <main className="gate">
      <section className="card gate-card" aria-labelledby="recovery-title">
        <h1 id="recovery-title">
          <FormattedMessage id="vault.recoveryNotice.title" defaultMessage="Write down your recovery key" />
        </h1>
        <p className="lede">
          <FormattedMessage
            id="vault.recoveryNotice.lede"
            defaultMessage="This key opens the vault if the passphrase is forgotten. It is shown only now. Write it on paper and keep it apart from this computer — not in a file, a photo or a message."
          />
        </p>
        <RecoveryKeyGroups recoveryKey={recoveryKey} />
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <FormattedMessage
            id="vault.recoveryNotice.confirm"
            defaultMessage="I wrote the recovery key down and stored it safely"
          />
        </label>
        <button type="button" className="primary" disabled={!confirmed} onClick={onDone}>
          <FormattedMessage id="vault.recoveryNotice.continue" defaultMessage="Continue to Upright" />
        </button>
      </section>
    </main>
  );
}
