import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SourceDetail } from '../../../../shared/api.ts';
import {
  ACCESSED_SOURCE_LABELS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type SourceKind,
} from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveFormBeforeLock } from '../../components/useSaveBeforeLock.ts';

function nullIfBlank(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** A field a note needs, to start in when the details are opened to fill it (a check's "missing"). */
export type NoteField = 'organisation' | 'date' | 'url' | 'accessed';
const FIELD_INPUTS: Record<NoteField, string> = {
  organisation: 'author',
  date: 'date',
  url: 'url',
  accessed: 'accessed',
};

/** The source's metadata, prefilled from the file, for the person to confirm or correct. */
export function SourceDetails({
  source,
  onSaved,
  onTextChanged,
  focus,
}: {
  source: SourceDetail;
  onSaved: () => void;
  /** After the original was read again: the text and the excerpts' places changed. */
  onTextChanged: () => void;
  focus?: NoteField;
}) {
  const id = useId();
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
  const [saved, setSaved] = useState(false);
  const [reread, setReread] = useState<string | null>(null);
  const [rereading, setRereading] = useState(false);

  async function readAgain() {
    setError(null);
    setReread(null);
    setRereading(true);
    try {
      const result = await invoke('source.renormalise', { id: source.id });
      const lost = result.orphans.length;
      setReread(
        `Text read again: ${result.unchanged} excerpts in place, ${result.moved} moved with their words` +
          (lost ? `, ${lost} lost ${lost === 1 ? 'its' : 'their'} place (listed above).` : '.'),
      );
      onTextChanged();
    } catch (e) {
      setError((e as Error).message);
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
    setSaved(false);
    try {
      await invoke('source.update', {
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
      });
      markSaved();
      setSaved(true);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="source-details" onSubmit={submit} aria-label="Source details">
      <h2>Details</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SourceKind)}>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {SOURCE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-author`}>Author organisation</label>
        <input id={`${id}-author`} value={author} onChange={(e) => setAuthor(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Date (2021, 2021-06 or 2021-06-30)</label>
        <input id={`${id}-date`} value={date} onChange={(e) => setDate(e.target.value)} className="mono" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>Web address it was read at</label>
        <input
          id={`${id}-url`}
          inputMode="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          className="mono"
          placeholder="https://…"
          aria-describedby={`${id}-url-hint`}
        />
        <p className="hint" id={`${id}-url-hint`}>
          For a web page or an article read online: notes print it. Upright never opens it.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-accessed`}>Accessed on (2024-06-30)</label>
        <input
          id={`${id}-accessed`}
          value={accessed}
          onChange={(e) => setAccessed(e.target.value)}
          className="mono"
          aria-describedby={`${id}-accessed-hint`}
        />
        <p className="hint" id={`${id}-accessed-hint`}>
          {source.accessed && source.accessedSource && source.accessed === nullIfBlank(accessed)
            ? ACCESSED_SOURCE_LABELS[source.accessedSource]
            : 'The day the page was read online; notes print “accessed” with it.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-symbol`}>Document symbol</label>
        <input id={`${id}-symbol`} value={symbol} onChange={(e) => setSymbol(e.target.value)} className="mono" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>Language code</label>
        <input
          id={`${id}-language`}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          className="mono short"
          maxLength={3}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Reliability note</label>
        <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      </div>
      <ErrorNote message={error} />
      {saved && (
        <p className="ok-note" role="status">
          Saved.
        </p>
      )}
      <button type="submit" className="primary">
        Save details
      </button>
      <dl className="facts file-facts">
        <dt>File</dt>
        <dd className="mono">{source.fileName ?? '—'}</dd>
        <dt>Size</dt>
        <dd>{source.size !== null ? `${Math.max(1, Math.round(source.size / 1024))} KiB` : '—'}</dd>
        <dt>SHA-256</dt>
        <dd className="mono hash">{source.sha256 ?? '—'}</dd>
        <dt>Imported</dt>
        <dd>{source.importedAt ? new Date(source.importedAt).toLocaleString() : '—'}</dd>
      </dl>
      {source.fileName && (
        <div className="reread">
          <button type="button" onClick={() => void readAgain()} disabled={rereading}>
            {rereading ? 'Reading…' : 'Read the original again'}
          </button>
          <p className="hint">
            After an Upright update improves its importers: excerpts follow their words; any that cannot are listed for
            you to place.
          </p>
          {reread && (
            <p className="ok-note" role="status">
              {reread}
            </p>
          )}
        </div>
      )}
      {source.warnings.length > 0 && (
        <ul className="hint">
          {source.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
