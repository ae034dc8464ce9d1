import { type FormEvent, useId, useState } from 'react';
import type { Dossier } from '../../../../shared/api.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveFormBeforeLock } from '../../components/useSaveBeforeLock.ts';

export interface DossierDraft {
  title: string;
  country: string | null;
  themes: string[];
  summary: string;
  targetReview: { mechanism: string | null; cycle: number | null; session: string | null; deadline: string | null };
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Create or describe a dossier: title, country, themes, summary and the review it targets. */
export function DossierForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Dossier;
  submitLabel: string;
  onSubmit: (draft: DossierDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [country, setCountry] = useState(initial?.country ?? '');
  const [themes, setThemes] = useState(initial?.themes.join(', ') ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [mechanism, setMechanism] = useState(initial?.targetReview.mechanism ?? 'UPR');
  const [cycle, setCycle] = useState(initial?.targetReview.cycle ? String(initial.targetReview.cycle) : '');
  const [session, setSession] = useState(initial?.targetReview.session ?? '');
  const [deadline, setDeadline] = useState(initial?.targetReview.deadline ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Creating or editing: what the form would send, so a lock can save it as the button would.
  const markSaved = useSaveFormBeforeLock(
    [title, country, themes, summary, mechanism, cycle, session, deadline],
    () => save(),
    !busy && title.trim() !== '',
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function save(): Promise<void> {
    setError(null);
    const code = country.trim().toUpperCase();
    if (code && !/^[A-Z]{3}$/.test(code))
      return setError('Use the three-letter country code, e.g. KAZ for Kazakhstan.');
    const cycleNumber = cycle.trim() ? Number(cycle) : null;
    if (cycleNumber !== null && (!Number.isInteger(cycleNumber) || cycleNumber < 1))
      return setError('The cycle is a number, e.g. 5.');
    setBusy(true);
    try {
      await onSubmit({
        title: title.trim(),
        country: code || null,
        themes: themes
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        summary,
        targetReview: {
          mechanism: blankToNull(mechanism),
          cycle: cycleNumber,
          session: blankToNull(session),
          deadline: blankToNull(deadline),
        },
      });
      markSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-label={submitLabel}>
      <div className="field span-2">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={300}
          placeholder="e.g. Kazakhstan — freedom of association"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>Country (ISO code)</label>
        <input
          id={`${id}-country`}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          maxLength={3}
          placeholder="KAZ"
          className="mono short"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-themes`}>Themes (comma-separated)</label>
        <input
          id={`${id}-themes`}
          value={themes}
          onChange={(e) => setThemes(e.target.value)}
          placeholder="freedom of association, trade unions"
        />
      </div>
      <div className="field span-2">
        <label htmlFor={`${id}-summary`}>Summary</label>
        <textarea id={`${id}-summary`} value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} />
      </div>
      <fieldset className="span-2 review-fields">
        <legend>Target review</legend>
        <div className="field">
          <label htmlFor={`${id}-mechanism`}>Mechanism</label>
          <input
            id={`${id}-mechanism`}
            value={mechanism}
            onChange={(e) => setMechanism(e.target.value)}
            placeholder="UPR"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cycle`}>Cycle</label>
          <input
            id={`${id}-cycle`}
            value={cycle}
            onChange={(e) => setCycle(e.target.value)}
            inputMode="numeric"
            placeholder="5"
            className="short"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-session`}>Session</label>
          <input
            id={`${id}-session`}
            value={session}
            onChange={(e) => setSession(e.target.value)}
            placeholder="48"
            className="short"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>Submission deadline</label>
          <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </div>
      </fieldset>
      <ErrorNote message={error} />
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
