import { type FormEvent, useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type SourceDetail } from '../../../../shared/api.ts';
import {
  ACCESSED_SOURCE_MESSAGES,
  SOURCE_KIND_MESSAGES,
  SOURCE_KINDS,
  type SourceKind,
} from '../../../../shared/domain.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveFormBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { useErrorText } from '../../i18n/errors.ts';
import { WarningText } from '../../i18n/Worded.tsx';

function nullIfBlank(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** Why the API's own schema refuses a field, in the person's words (checked before anything is sent). */
const FIELD_PROBLEMS = defineMessages({
  title: { id: 'reader.details.invalid.title', defaultMessage: 'A source needs a title (up to 500 characters).' },
  date: { id: 'reader.details.invalid.date', defaultMessage: 'Write the date as 2021, 2021-06 or 2021-06-30.' },
  language: { id: 'reader.details.invalid.language', defaultMessage: 'Use a language code such as en or ru.' },
  url: { id: 'reader.details.invalid.url', defaultMessage: 'Use a web address starting with https:// or http://.' },
  accessed: {
    id: 'reader.details.invalid.accessed',
    defaultMessage: 'Write the access date as 2024-06-30 (or 2024-06, 2024).',
  },
  other: { id: 'reader.details.invalid.other', defaultMessage: 'A field is too long; shorten it and save again.' },
});
type Field = keyof typeof FIELD_PROBLEMS;
const CHECKED_FIELDS: readonly string[] = ['title', 'date', 'language', 'url', 'accessed'];

/** A field a note needs, to start in when the details are opened to fill it (a check's "missing"). */
export type NoteField = 'organisation' | 'date' | 'url' | 'accessed';
const FIELD_INPUTS: Record<NoteField, string> = {
  organisation: 'author',
  date: 'date',
  url: 'url',
  accessed: 'accessed',
};

/**
 * The source's metadata, prefilled from the file, for the person to confirm or correct. Saving, or
 * reading the original again, goes through the query cache: the reader, titles and lists follow;
 * a screen holding its own copy (the draft's details dialog) is told through the callbacks.
 */
export function SourceDetails({
  source,
  onSaved,
  onTextChanged,
  focus,
}: {
  source: SourceDetail;
  onSaved?: () => void;
  /** After the original was read again: the text and the excerpts' places changed. */
  onTextChanged?: () => void;
  focus?: NoteField | undefined;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  // Opened to fill what a note lacks: start in that field.
  useEffect(() => {
    if (focus) document.getElementById(`${id}-${FIELD_INPUTS[focus]}`)?.focus();
  }, [focus, id]);
  const [title, setTitle] = useState(source.title);
  const [kind, setKind] = useState<SourceKind>(source.kind);
  const [author, setAuthor] = useState(source.authorOrganisation ?? '');
  const [date, setDate] = useState(source.date ?? '');
  const [symbol, setSymbol] = useState(source.symbol ?? '');
  const [language, setLanguage] = useState(source.language ?? '');
  const [note, setNote] = useState(source.reliabilityNote);
  const [url, setUrl] = useState(source.url ?? '');
  const [accessed, setAccessed] = useState(source.accessed ?? '');
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [saved, setSaved] = useState(false);
  const [reread, setReread] = useState<{ unchanged: number; moved: number; lost: number } | null>(null);
  const [rereading, setRereading] = useState(false);

  async function readAgain() {
    setError(null);
    setReread(null);
    setRereading(true);
    try {
      const result = await mutate('source.renormalise', { id: source.id });
      setReread({ unchanged: result.unchanged, moved: result.moved, lost: result.orphans.length });
      onTextChanged?.();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRereading(false);
    }
  }

  // Details typed but not yet saved are saved by a lock, as the Save button would.
  const markSaved = useSaveFormBeforeLock(
    [title, kind, author, date, symbol, language, note, url, accessed],
    () => save(),
    title.trim() !== '',
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function save(): Promise<void> {
    setError(null);
    setInvalid(null);
    setSaved(false);
    const params = {
      id: source.id,
      title,
      kind,
      authorOrganisation: nullIfBlank(author),
      date: nullIfBlank(date),
      symbol: nullIfBlank(symbol),
      language: nullIfBlank(language.toLowerCase()),
      reliabilityNote: note,
      url: nullIfBlank(url),
      // Sent only when changed: a date sent is recorded as given by a person.
      ...(nullIfBlank(accessed) !== source.accessed ? { accessed: nullIfBlank(accessed) } : {}),
    };
    // The same schema main checks with: a wrong date is named here, not as a refused request.
    const checked = api['source.update'].params.safeParse(params);
    if (!checked.success) {
      const path = String(checked.error.issues[0]?.path[0] ?? '');
      const field = (CHECKED_FIELDS.includes(path) ? path : 'other') as Field;
      setInvalid(field);
      setError(intl.formatMessage(FIELD_PROBLEMS[field]));
      return;
    }
    try {
      await mutate('source.update', params);
      markSaved();
      setSaved(true);
      onSaved?.();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <form
      className="source-details"
      onSubmit={submit}
      aria-label={intl.formatMessage({ id: 'reader.details.label', defaultMessage: 'Source details' })}
    >
      <h2>
        <FormattedMessage id="reader.details.title" defaultMessage="Details" />
      </h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>
          <FormattedMessage id="reader.details.titleField" defaultMessage="Title" />
        </label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          aria-invalid={invalid === 'title' || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>
          <FormattedMessage id="reader.details.kind" defaultMessage="Kind" />
        </label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {intl.formatMessage(SOURCE_KIND_MESSAGES[k])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-author`}>
          <FormattedMessage id="reader.details.author" defaultMessage="Author organisation" />
        </label>
        <input id={`${id}-author`} value={author} onChange={(e) => setAuthor(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>
          <FormattedMessage id="reader.details.date" defaultMessage="Date (2021, 2021-06 or 2021-06-30)" />
        </label>
        <input
          id={`${id}-date`}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          className="mono"
          aria-invalid={invalid === 'date' || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>
          <FormattedMessage id="reader.details.url" defaultMessage="Web address it was read at" />
        </label>
        <input
          id={`${id}-url`}
          inputMode="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          className="mono"
          placeholder={intl.formatMessage({ id: 'reader.details.url.placeholder', defaultMessage: 'https://…' })}
          aria-describedby={`${id}-url-hint`}
          aria-invalid={invalid === 'url' || undefined}
        />
        <p className="hint" id={`${id}-url-hint`}>
          <FormattedMessage
            id="reader.details.url.hint"
            defaultMessage="For a web page or an article read online: notes print it. Upright never opens it."
          />
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-accessed`}>
          <FormattedMessage id="reader.details.accessed" defaultMessage="Accessed on (2024-06-30)" />
        </label>
        <input
          id={`${id}-accessed`}
          value={accessed}
          onChange={(e) => setAccessed(e.target.value)}
          className="mono"
          aria-describedby={`${id}-accessed-hint`}
          aria-invalid={invalid === 'accessed' || undefined}
        />
        <p className="hint" id={`${id}-accessed-hint`}>
          {source.accessed && source.accessedSource && source.accessed === nullIfBlank(accessed) ? (
            <FormattedMessage {...ACCESSED_SOURCE_MESSAGES[source.accessedSource]} />
          ) : (
            <FormattedMessage
              id="reader.details.accessed.hint"
              defaultMessage="The day the page was read online; notes print “accessed” with it."
            />
          )}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-symbol`}>
          <FormattedMessage id="reader.details.symbol" defaultMessage="Document symbol" />
        </label>
        <input id={`${id}-symbol`} value={symbol} onChange={(e) => setSymbol(e.target.value)} className="mono" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>
          <FormattedMessage id="reader.details.language" defaultMessage="Language code" />
        </label>
        <input
          id={`${id}-language`}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          className="mono short"
          maxLength={3}
          aria-invalid={invalid === 'language' || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          <FormattedMessage id="reader.details.reliability" defaultMessage="Reliability note" />
        </label>
        <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      </div>
      <ErrorNote message={error} />
      {saved && (
        <p className="ok-note" role="status">
          <FormattedMessage id="reader.details.saved" defaultMessage="Saved." />
        </p>
      )}
      <button type="submit" className="primary">
        <FormattedMessage id="reader.details.save" defaultMessage="Save details" />
      </button>
      <dl className="facts file-facts">
        <dt>
          <FormattedMessage id="reader.details.file" defaultMessage="File" />
        </dt>
        <dd className="mono">{source.fileName ?? '—'}</dd>
        <dt>
          <FormattedMessage id="reader.details.size" defaultMessage="Size" />
        </dt>
        <dd>
          {source.size !== null ? (
            <FormattedMessage
              id="reader.details.sizeKiB"
              defaultMessage="{size, number} KiB"
              values={{ size: Math.max(1, Math.round(source.size / 1024)) }}
            />
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <FormattedMessage id="reader.details.sha256" defaultMessage="SHA-256" />
        </dt>
        <dd className="mono hash">{source.sha256 ?? '—'}</dd>
        <dt>
          <FormattedMessage id="reader.details.imported" defaultMessage="Imported" />
        </dt>
        <dd>
          {source.importedAt ? intl.formatDate(source.importedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}
        </dd>
      </dl>
      {source.fileName && (
        <div className="reread">
          <button type="button" onClick={() => void readAgain()} disabled={rereading}>
            {rereading ? (
              <FormattedMessage id="reader.details.rereading" defaultMessage="Reading…" />
            ) : (
              <FormattedMessage id="reader.details.reread" defaultMessage="Read the original again" />
            )}
          </button>
          <p className="hint">
            <FormattedMessage
              id="reader.details.reread.hint"
              defaultMessage="After an Upright update improves its importers: excerpts follow their words; any that cannot are listed for you to place."
            />
          </p>
          {reread && (
            <p className="ok-note" role="status">
              <FormattedMessage
                id="reader.details.reread.done"
                defaultMessage="Text read again: {unchanged, plural, one {# excerpt} other {# excerpts}} in place, {moved, number} moved with their words{lost, plural, =0 {.} one {, # lost its place (listed above).} other {, # lost their place (listed above).}}"
                values={reread}
              />
            </p>
          )}
        </div>
      )}
      {source.warnings.length > 0 && (
        <ul className="hint">
          {source.warnings.map((w) => (
            <li key={`${w.code}-${JSON.stringify(w.params)}`}>
              <WarningText warning={w} />
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
