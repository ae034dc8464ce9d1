// "Insert as table into a draft": the timeline as the tab shows it (the same filters) goes to the end
// of one of the dossier's drafts, or of a new one, as a table worded in the draft's language
// (draft.appendTimeline: When · What happened · Where · Who · Evidence, each event's evidence cited).
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { EventFilter } from '../../../../shared/api.ts';
import { UN_LANGUAGES, type UnLanguage } from '../../../../shared/draft.ts';
import { mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { languageName } from '../drafts/CoverForm.tsx';
import { defaultSubmissionLanguage } from '../drafts/DraftList.tsx';

const NEW = 'new';

export function InsertTimeline({
  dossierId,
  filter,
  disabled,
}: {
  dossierId: string;
  filter: Omit<EventFilter, 'dossierId'>;
  disabled: boolean;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const drafts = useApi('draft.list', { dossierId }, { enabled: open });
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<UnLanguage>(() => defaultSubmissionLanguage(intl.locale));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ title: string; events: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The most recently edited draft first; a dossier without drafts starts a new one.
  const chosen = choice || drafts.data?.[0]?.id || NEW;
  const example = intl.formatMessage({ id: 'timeline.insert.newTitleExample', defaultMessage: 'UPR submission' });

  async function insert() {
    setError(null);
    setBusy(true);
    try {
      let draftId = chosen;
      if (chosen === NEW) {
        const created = await mutate('draft.create', {
          dossierId,
          title: title.trim() || example,
          template: 'individual',
          language,
        });
        draftId = created.id;
      }
      const result = await mutate('draft.appendTimeline', { id: draftId, ...filter });
      setDone({ title: result.draft.title, events: result.events });
      setOpen(false);
      setChoice('');
      setTitle('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className="timeline-insert">
        <button
          type="button"
          className="small"
          disabled={disabled}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          <FormattedMessage id="timeline.insert" defaultMessage="Insert as table into a draft…" />
        </button>
        {done && (
          <p className="ok-note" role="status">
            <FormattedMessage
              id="timeline.insert.done"
              defaultMessage="{count, plural, one {# event} other {# events}} added as a table at the end of “{title}”, with a note for each piece of evidence."
              values={{ count: done.events, title: done.title }}
            />
          </p>
        )}
      </div>
    );
  }

  return (
    <form
      className="timeline-insert timeline-insert-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void insert();
      }}
    >
      <h3 id={`${id}-heading`}>
        <FormattedMessage id="timeline.insert.heading" defaultMessage="Insert the timeline into a draft" />
      </h3>
      <p className="hint">
        <FormattedMessage
          id="timeline.insert.hint"
          defaultMessage="The events shown, with these filters, become a table at the end of the draft: when, what happened, where, who, and the evidence as notes. Its headings are in the draft’s language."
        />
      </p>
      <div className="field">
        <label htmlFor={`${id}-draft`}>
          <FormattedMessage id="timeline.insert.draft" defaultMessage="Draft" />
        </label>
        <select id={`${id}-draft`} value={chosen} onChange={(e) => setChoice(e.target.value)}>
          {(drafts.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
          <option value={NEW}>
            {intl.formatMessage({ id: 'timeline.insert.newDraft', defaultMessage: 'A new draft…' })}
          </option>
        </select>
      </div>
      {chosen === NEW && (
        <>
          <div className="field">
            <label htmlFor={`${id}-title`}>
              <FormattedMessage id="timeline.insert.newTitle" defaultMessage="Title of the new draft" />
            </label>
            <input
              id={`${id}-title`}
              value={title}
              maxLength={300}
              placeholder={example}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>
              <FormattedMessage id="timeline.insert.language" defaultMessage="Language of the submission" />
            </label>
            <select id={`${id}-language`} value={language} onChange={(e) => setLanguage(e.target.value as UnLanguage)}>
              {UN_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(intl.locale, code) ?? code}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <ErrorNote message={error ?? (drafts.error ? errorText(drafts.error) : null)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || drafts.isLoading}>
          <FormattedMessage id="timeline.insert.add" defaultMessage="Add at the end of the draft" />
        </button>
        <button type="button" className="ghost" onClick={() => setOpen(false)}>
          <FormattedMessage id="timeline.insert.cancel" defaultMessage="Cancel" />
        </button>
      </div>
    </form>
  );
}
