import { type FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import { dossiersApi } from '../../../../shared/api/dossiers.ts';
import type { Dossier } from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveFormBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { useErrorText } from '../../i18n/errors.ts';

/** What the form sends: the params of dossier.create, checked by the same schema the API uses. */
const DossierParams = dossiersApi['dossier.create'].params;
export type DossierDraft = z.infer<typeof DossierParams>;

/** The API schema's refusals, by the field they concern, in the person's words. */
const INVALID = defineMessages({
  title: { id: 'dossier.form.invalid.title', defaultMessage: 'Give the dossier a title of at most 300 characters.' },
  country: {
    id: 'dossier.form.invalid.country',
    defaultMessage: 'Use the three-letter country code, e.g. KAZ for Kazakhstan.',
  },
  themes: {
    id: 'dossier.form.invalid.themes',
    defaultMessage: 'Up to 30 themes, each at most 80 characters, separated by commas.',
  },
  summary: { id: 'dossier.form.invalid.summary', defaultMessage: 'The summary is too long.' },
  mechanism: { id: 'dossier.form.invalid.mechanism', defaultMessage: 'The mechanism is at most 80 characters.' },
  cycle: { id: 'dossier.form.invalid.cycle', defaultMessage: 'The cycle is a number from 1 to 20, e.g. 5.' },
  session: { id: 'dossier.form.invalid.session', defaultMessage: 'The session is at most 40 characters.' },
  deadline: { id: 'dossier.form.invalid.deadline', defaultMessage: 'Choose a full date for the deadline.' },
});

function invalidField(issue: z.core.$ZodIssue | undefined): keyof typeof INVALID {
  const path = issue?.path ?? [];
  const field = String(path[0] === 'targetReview' ? path[1] : path[0]);
  return field in INVALID ? (field as keyof typeof INVALID) : 'title';
}

/** Codes, not words: the same in every language. */
const EXAMPLE_COUNTRY = 'KAZ';

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
  const intl = useIntl();
  const errorText = useErrorText();
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
    const cycleText = cycle.trim();
    const parsed = DossierParams.safeParse({
      title: title.trim(),
      country: country.trim().toUpperCase() || null,
      themes: themes
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      summary,
      targetReview: {
        mechanism: blankToNull(mechanism),
        cycle: cycleText ? Number(cycleText) : null,
        session: blankToNull(session),
        deadline: blankToNull(deadline),
      },
    });
    if (!parsed.success) return setError(intl.formatMessage(INVALID[invalidField(parsed.error.issues[0])]));
    setBusy(true);
    try {
      await onSubmit(parsed.data);
      markSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} aria-label={submitLabel}>
      <div className="field span-2">
        <label htmlFor={`${id}-title`}>
          <FormattedMessage id="dossier.form.title" defaultMessage="Title" />
        </label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={300}
          placeholder={intl.formatMessage({
            id: 'dossier.form.title.example',
            defaultMessage: 'e.g. Kazakhstan — freedom of association',
          })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-country`}>
          <FormattedMessage id="dossier.form.country" defaultMessage="Country (ISO code)" />
        </label>
        <input
          id={`${id}-country`}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          maxLength={3}
          placeholder={EXAMPLE_COUNTRY}
          className="mono short"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-themes`}>
          <FormattedMessage id="dossier.form.themes" defaultMessage="Themes (comma-separated)" />
        </label>
        <input
          id={`${id}-themes`}
          value={themes}
          onChange={(e) => setThemes(e.target.value)}
          placeholder={intl.formatMessage({
            id: 'dossier.form.themes.example',
            defaultMessage: 'freedom of association, trade unions',
          })}
        />
      </div>
      <div className="field span-2">
        <label htmlFor={`${id}-summary`}>
          <FormattedMessage id="dossier.form.summary" defaultMessage="Summary" />
        </label>
        <textarea id={`${id}-summary`} value={summary} onChange={(e) => setSummary(e.target.value)} rows={3} />
      </div>
      <fieldset className="span-2 review-fields">
        <legend>
          <FormattedMessage id="dossier.form.targetReview" defaultMessage="Target review" />
        </legend>
        <div className="field">
          <label htmlFor={`${id}-mechanism`}>
            <FormattedMessage id="dossier.form.mechanism" defaultMessage="Mechanism" />
          </label>
          <input
            id={`${id}-mechanism`}
            value={mechanism}
            onChange={(e) => setMechanism(e.target.value)}
            placeholder="UPR"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cycle`}>
            <FormattedMessage id="dossier.form.cycle" defaultMessage="Cycle" />
          </label>
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
          <label htmlFor={`${id}-session`}>
            <FormattedMessage id="dossier.form.session" defaultMessage="Session" />
          </label>
          <input
            id={`${id}-session`}
            value={session}
            onChange={(e) => setSession(e.target.value)}
            placeholder="48"
            className="short"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`}>
            <FormattedMessage id="dossier.form.deadline" defaultMessage="Submission deadline" />
          </label>
          <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </div>
      </fieldset>
      <ErrorNote message={error} />
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="dossier.form.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </form>
  );
}
