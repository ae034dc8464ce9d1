import { useId, useState } from 'react';
import type { DraftSummary } from '../../../../shared/api.ts';
import { DRAFT_TEMPLATES, type DraftTemplate, WORD_LIMITS } from '../../../../shared/draft.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { savedAt } from './when.ts';

export const TEMPLATE_LABELS: Record<DraftTemplate, string> = {
  individual: 'Individual submission',
  joint: 'Joint submission',
};

const TEMPLATE_HINTS: Record<DraftTemplate, string> = {
  individual: `One organisation; up to ${WORD_LIMITS.individual.toLocaleString('en-GB')} words.`,
  joint: `Several organisations (a coalition); up to ${WORD_LIMITS.joint.toLocaleString('en-GB')} words.`,
};

function NewSubmission({ dossierId, onCreated }: { dossierId: string; onCreated: (draft: DraftSummary) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<DraftTemplate>('individual');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="new-draft"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) {
          setError('Give the submission a title, for example “UPR Kazakhstan 2027 — trade union rights”.');
          return;
        }
        setBusy(true);
        setError(null);
        invoke('draft.create', { dossierId, title: title.trim(), template })
          .then((d) => onCreated({ ...d, words: 0 }))
          .catch((err: Error) => setError(err.message))
          .finally(() => setBusy(false));
      }}
    >
      <h3 id={`${id}-title`}>New submission</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Title</label>
        <input
          id={`${id}-name`}
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="UPR Kazakhstan 2027 — trade union rights"
        />
      </div>
      <fieldset className="template-choice">
        <legend>Template</legend>
        {DRAFT_TEMPLATES.map((t) => (
          <label key={t} className="radio-line">
            <input
              type="radio"
              name={`${id}-template`}
              value={t}
              checked={template === t}
              onChange={() => setTemplate(t)}
            />
            <span>
              {TEMPLATE_LABELS[t]}
              <span className="hint"> {TEMPLATE_HINTS[t]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorNote message={error} />
      <button type="submit" className="primary" disabled={busy}>
        Create submission
      </button>
    </form>
  );
}

/** A dossier's submission drafts, and a way to start one. */
export function DraftList({ dossierId, onOpen }: { dossierId: string; onOpen: (draft: DraftSummary) => void }) {
  const id = useId();
  const drafts = useAsync(() => invoke('draft.list', { dossierId }), [dossierId]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(draftId: string) {
    setError(null);
    try {
      await invoke('draft.delete', { id: draftId });
      setConfirming(null);
      drafts.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="drafts-tab">
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Submissions{drafts.data ? ` (${drafts.data.length})` : ''}</h2>
        <ErrorNote message={drafts.error ?? error} />
        {drafts.data?.length === 0 && (
          <p className="hint">No submission yet. Start one from the individual or joint UPR template.</p>
        )}
        {drafts.data && drafts.data.length > 0 && (
          <table className="sources-table drafts-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Template</th>
                <th scope="col">Words</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {drafts.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(d)}>
                      {d.title}
                    </button>
                  </td>
                  <td>{TEMPLATE_LABELS[d.template]}</td>
                  <td className={d.words > WORD_LIMITS[d.template] ? 'over' : undefined}>
                    {d.words.toLocaleString('en-GB')} / {WORD_LIMITS[d.template].toLocaleString('en-GB')}
                  </td>
                  <td>{savedAt(d.updatedAt)}</td>
                  <td className="row-actions">
                    {confirming === d.id ? (
                      <>
                        <span>Delete this draft and its versions?</span>{' '}
                        <button type="button" className="danger" onClick={() => void remove(d.id)}>
                          Delete
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" className="ghost" onClick={() => setConfirming(d.id)}>
                        Delete…
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <NewSubmission dossierId={dossierId} onCreated={onOpen} />
      </section>
    </div>
  );
}
