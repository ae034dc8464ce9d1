import { useEffect, useRef, useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { takeSampleRequest } from './sampleRequest.ts';

/**
 * A first look without your own files: a throw-away vault with a worked example made from public
 * documents. Offered before a vault exists and on the unlock screen (where Help's "Open the sample"
 * lands after locking, and opens it at once).
 */
export function ExploreSample({
  onOpened,
  vaultExists = false,
}: {
  onOpened: (status: VaultStatus) => void;
  vaultExists?: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(false);
  const errorText = useErrorText();

  async function open() {
    setBusy(true);
    setError(null);
    try {
      onOpened(await mutate('sample.explore', {}));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (vaultExists && !asked.current && takeSampleRequest()) {
      asked.current = true;
      void open();
    }
  });

  return (
    <section className="card gate-card sample-offer" aria-labelledby="sample-title">
      <h2 id="sample-title">{vaultExists ? 'See a finished example' : 'New to Upright?'}</h2>
      <p className="hint">
        Look around a sample dossier: public documents about freedom of association in Kazakhstan, already read, coded
        and drafted into a UPR submission. It opens in its own temporary vault,{' '}
        {vaultExists ? 'while yours stays locked and untouched' : 'kept apart from your own vault'}, and is deleted when
        you leave it.
      </p>
      <ErrorNote message={error} />
      <button type="button" disabled={busy} onClick={() => void open()}>
        {busy ? 'Preparing the sample…' : 'Explore a sample dossier'}
      </button>
    </section>
  );
}
