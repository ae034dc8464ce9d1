import { useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/** A first look without your own files: a throw-away vault with a dossier of public documents. */
export function ExploreSample({ onOpened }: { onOpened: (status: VaultStatus) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card gate-card sample-offer" aria-labelledby="sample-title">
      <h2 id="sample-title">New to Upright?</h2>
      <p className="hint">
        Look around a sample dossier first: public documents about freedom of association in Kazakhstan, already
        imported. It is kept apart from your own vault and deleted when you leave it.
      </p>
      <ErrorNote message={error} />
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            onOpened(await invoke('sample.explore', {}));
          } catch (e) {
            setError((e as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? 'Preparing the sample…' : 'Explore a sample dossier'}
      </button>
    </section>
  );
}
