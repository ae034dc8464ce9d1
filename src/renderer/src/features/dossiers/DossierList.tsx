import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Dossier } from '../../../../shared/api.ts';
import { useApi, useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { ImportBundleDialog } from '../bundles/ImportBundleDialog.tsx';
import { InboxNotice } from '../bundles/InboxNotice.tsx';
import { DossierForm } from './DossierForm.tsx';
import { reviewLabel } from './reviewLabel.ts';

/** The home screen after unlocking: every dossier, a way to start a new one. */
export function DossierList({ onOpen }: { onOpen: (dossier: Dossier) => void }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useApi('dossier.list', { includeArchived: showArchived }, { placeholderData: (previous) => previous });
  const create = useApiMutation('dossier.create');
  const dossiers = list.data;

  return (
    <section className="page" aria-labelledby="dossiers-title">
      <div className="page-head">
        <h1 id="dossiers-title">
          <FormattedMessage id="shell.area.dossiers" defaultMessage="Dossiers" />
        </h1>
        <div className="actions">
          <label className="check inline-check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            <FormattedMessage id="dossier.list.showArchived" defaultMessage="Show archived" />
          </label>
          <button type="button" onClick={() => setImporting(true)}>
            <FormattedMessage id="dossier.list.importBundle" defaultMessage="Import bundle…" />
          </button>
          {!creating && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              <FormattedMessage id="dossier.list.new" defaultMessage="New dossier" />
            </button>
          )}
        </div>
      </div>
      <ErrorNote message={list.error ? errorText(list.error) : null} />
      {importing && <ImportBundleDialog onClose={() => setImporting(false)} />}
      <InboxNotice />
      {creating && (
        <DossierForm
          submitLabel={intl.formatMessage({ id: 'dossier.list.create', defaultMessage: 'Create dossier' })}
          onCancel={() => setCreating(false)}
          onSubmit={async (draft) => {
            const dossier = await create.mutateAsync(draft);
            setCreating(false);
            onOpen(dossier);
          }}
        />
      )}
      {dossiers && dossiers.length === 0 && !creating && (
        <div className="card empty">
          <h2>
            <FormattedMessage id="dossier.list.empty.title" defaultMessage="No dossiers yet" />
          </h2>
          <p>
            <FormattedMessage
              id="dossier.list.empty.body"
              defaultMessage="A dossier holds everything about one country's review: the documents you collect, the excerpts you mark and the submission you write. Start one, then import your documents into it."
            />
          </p>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            <FormattedMessage id="dossier.list.empty.create" defaultMessage="Create your first dossier" />
          </button>
        </div>
      )}
      {dossiers && dossiers.length > 0 && (
        <ul className="dossier-list">
          {dossiers.map((d) => (
            <li key={d.id}>
              <button type="button" className="dossier-card" onClick={() => onOpen(d)}>
                <span className="dossier-title">
                  {d.title}
                  {d.status === 'archived' && (
                    <span className="badge">
                      <FormattedMessage id="dossier.archived" defaultMessage="Archived" />
                    </span>
                  )}
                </span>
                <span className="dossier-meta">
                  {[
                    d.country,
                    intl.formatMessage(
                      {
                        id: 'dossier.list.sourceCount',
                        defaultMessage: '{count, plural, one {# source} other {# sources}}',
                      },
                      { count: d.sourceCount },
                    ),
                    reviewLabel(intl, d.targetReview),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {d.themes.length > 0 && <span className="dossier-themes">{d.themes.join(', ')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
