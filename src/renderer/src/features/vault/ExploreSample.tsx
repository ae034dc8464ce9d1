import { FormattedMessage } from 'react-intl';
import type { VaultStatus } from '../../../../shared/api.ts';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';

/** A first look without your own files: a throw-away vault with a dossier of public documents. */
export function ExploreSample({ onOpened }: { onOpened: (status: VaultStatus) => void }) {
  const errorText = useErrorText();
  const explore = useApiMutation('sample.explore', { onSuccess: onOpened });
  return (
    <section className="card gate-card sample-offer" aria-labelledby="sample-title">
      <h2 id="sample-title">
        <FormattedMessage id="vault.sample.title" defaultMessage="New to Upright?" />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="vault.sample.body"
          defaultMessage="Look around a sample dossier first: public documents about freedom of association in Kazakhstan, already imported. It is kept apart from your own vault and deleted when you leave it."
        />
      </p>
      <ErrorNote message={explore.error ? errorText(explore.error) : null} />
      <button type="button" disabled={explore.isPending} onClick={() => explore.mutate({})}>
        {explore.isPending ? (
          <FormattedMessage id="vault.sample.busy" defaultMessage="Preparing the sample…" />
        ) : (
          <FormattedMessage id="vault.sample.open" defaultMessage="Explore a sample dossier" />
        )}
      </button>
    </section>
  );
}
