import { useState } from 'react';
import type { Dossier } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { DossierForm } from './DossierForm.tsx';
import { reviewLabel } from './reviewLabel.ts';

/** The home screen after unlocking: every dossier, a way to start a new one. */
export function DossierList({ onOpen }: { onOpen: (dossier: Dossier) => void }) {
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const { data: dossiers, error } = useAsync(
    () => invoke('dossier.list', { includeArchived: showArchived }),
    [showArchived],
  );

  return (
    <section className="page" aria-labelledby="dossiers-title">
      <div className="page-head">
        <h1 id="dossiers-title">Dossiers</h1>
        <div className="actions">
          <label className="check inline-check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            Show archived
          </label>
          {!creating && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New dossier
            </button>
          )}
        </div>
      </div>
      <ErrorNote message={error} />
      {creating && (
        <DossierForm
          submitLabel="Create dossier"
          onCancel={() => setCreating(false)}
          onSubmit={async (draft) => {
            const dossier = await invoke('dossier.create', draft);
            setCreating(false);
            onOpen(dossier);
          }}
        />
      )}
      {dossiers && dossiers.length === 0 && !creating && (
        <div className="card empty">
          <h2>No dossiers yet</h2>
          <p>
            A dossier holds everything about one country's review: the documents you collect, the excerpts you mark and
            the submission you write. Start one, then import your documents into it.
          </p>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create your first dossier
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
                  {d.status === 'archived' && <span className="badge">Archived</span>}
                </span>
                <span className="dossier-meta">
                  {[
                    d.country,
                    `${d.sourceCount} ${d.sourceCount === 1 ? 'source' : 'sources'}`,
                    reviewLabel(d.targetReview),
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
