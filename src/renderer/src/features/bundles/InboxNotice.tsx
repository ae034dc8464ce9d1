// On the Dossiers screen (the first after unlocking): bundles for this vault waiting in the shared
// inbox folder, each with an Import button, and "Check inbox" to look again.
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { ImportBundleDialog } from './ImportBundleDialog.tsx';

export function InboxNotice() {
  const intl = useIntl();
  const errorText = useErrorText();
  const inbox = useApi('inbox.list', {});
  const [importing, setImporting] = useState<string | null>(null);
  const data = inbox.data;
  if (!data?.folder) return null;
  return (
    <section className="card inbox-notice" aria-labelledby="inbox-title" data-testid="inbox">
      <div className="page-head">
        <h2 id="inbox-title">
          <FormattedMessage
            id="inbox.title"
            defaultMessage="{count, plural, =0 {No new bundles for you} one {# bundle for you} other {# bundles for you}} in the shared folder"
            values={{ count: data.bundles.length }}
          />
        </h2>
        <button type="button" onClick={() => void inbox.refetch()} disabled={inbox.isFetching}>
          <FormattedMessage id="inbox.check" defaultMessage="Check inbox" />
        </button>
      </div>
      <ErrorNote message={inbox.error ? errorText(inbox.error) : null} />
      {data.bundles.length > 0 && (
        <ul className="inbox-bundles">
          {data.bundles.map((b) => (
            <li key={b.name}>
              <span>
                <FormattedMessage
                  id="inbox.bundle"
                  defaultMessage="Arrived {when} · {size}{locked, select, passphrase { · locked with a passphrase} other {}}"
                  values={{
                    when: intl.formatDate(b.modifiedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    size: intl.formatNumber(Math.max(1, Math.round(b.size / 1024)), {
                      style: 'unit',
                      unit: 'kilobyte',
                    }),
                    locked: b.locked,
                  }}
                />
              </span>
              <button type="button" onClick={() => setImporting(b.name)}>
                <FormattedMessage id="inbox.import" defaultMessage="Import…" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {importing && (
        <ImportBundleDialog
          inboxName={importing}
          onClose={() => {
            setImporting(null);
            void inbox.refetch();
          }}
        />
      )}
    </section>
  );
}
