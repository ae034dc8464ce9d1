import { type DragEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type { ImportOutcome } from '../../../../shared/api.ts';
import { ERROR_MESSAGES, isErrorCode } from '../../../../shared/errors.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { toBase64 } from '../../api/bytes.ts';
import { subscribe } from '../../api/client.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FormatBadge } from '../../components/FormatBadge.tsx';
import { useErrorText } from '../../i18n/errors.ts';

interface Progress {
  total: number;
  done: number;
  current: string | null;
}

const STATUS_LABEL = defineMessages({
  imported: { id: 'import.status.imported', defaultMessage: 'Imported' },
  duplicate: { id: 'import.status.duplicate', defaultMessage: 'Already imported' },
  failed: { id: 'import.status.failed', defaultMessage: 'Not imported' },
  cancelled: { id: 'import.status.cancelled', defaultMessage: 'Cancelled' },
} satisfies Record<ImportOutcome['status'], unknown>);

/** One file's result in words: its title and pages, or why it was not imported (from its code). */
function outcomeDetails(intl: IntlShape, r: ImportOutcome): string {
  if (r.status === 'imported') {
    return r.pages
      ? intl.formatMessage(
          { id: 'import.result.titlePages', defaultMessage: '{title} · {pages, plural, one {# page} other {# pages}}' },
          { title: r.title ?? r.name, pages: r.pages },
        )
      : (r.title ?? r.name);
  }
  if (r.status === 'duplicate' && r.duplicateOf) {
    return intl.formatMessage(
      { id: 'import.result.duplicateOf', defaultMessage: 'Already imported as “{title}”.' },
      { title: r.duplicateOf.title },
    );
  }
  if (!r.error) return '';
  return intl.formatMessage(
    ERROR_MESSAGES[isErrorCode(r.error.code) ? r.error.code : 'INTERNAL'],
    isErrorCode(r.error.code) ? (r.error.params ?? {}) : {},
  );
}

/** Reads dropped folders too: a DataTransfer entry may be a directory to walk. */
async function filesFromEntry(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const entries: FileSystemEntry[] = [];
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      entries.push(...batch);
    }
    const nested = await Promise.all(entries.filter((e) => !e.name.startsWith('.')).map(filesFromEntry));
    return nested.flat();
  }
  return [];
}

/** Drag and drop, a file picker or a whole folder; progress, per-file results, cancel. */
export function Importer({ dossierId }: { dossierId: string }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [results, setResults] = useState<ImportOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const taskRef = useRef<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      subscribe('import.progress', (p) => {
        if (p.taskId !== taskRef.current) return;
        setProgress({ total: p.total, done: p.done, current: p.current });
        if (p.outcome) setResults((r) => [...r, p.outcome as ImportOutcome]);
      }),
    [],
  );

  async function run(start: (taskId: string) => Promise<{ results: ImportOutcome[] }>) {
    const taskId = crypto.randomUUID();
    taskRef.current = taskId;
    setError(null);
    setResults([]);
    setProgress({ total: 0, done: 0, current: null });
    try {
      const { results: final } = await start(taskId);
      setResults(final);
    } catch (e) {
      setError(errorText(e));
    } finally {
      taskRef.current = null;
      setProgress(null);
    }
  }

  async function importFiles(files: File[]) {
    if (files.length === 0) return;
    await run(async (taskId) => {
      const payload = [];
      for (const file of files) {
        // The modification time dates a saved web page that records no "saved" date of its own.
        payload.push({ name: file.name, data: toBase64(await file.arrayBuffer()), modifiedAt: file.lastModified });
      }
      return mutate('import.files', { taskId, dossierId, files: payload });
    });
  }

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const entries = [...event.dataTransfer.items]
      .map((item) => item.webkitGetAsEntry())
      .filter((e): e is FileSystemEntry => e !== null);
    const files =
      entries.length > 0 ? (await Promise.all(entries.map(filesFromEntry))).flat() : [...event.dataTransfer.files];
    await importFiles(files);
  }

  const busy = progress !== null;
  const counts = {
    imported: results.filter((r) => r.status === 'imported').length,
    problems: results.filter((r) => r.status !== 'imported').length,
  };

  return (
    <section className="card importer" aria-labelledby="import-title">
      <h2 id="import-title">
        <FormattedMessage id="import.title" defaultMessage="Import documents" />
      </h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone mirrors the buttons below, which are the keyboard path */}
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <FormattedMessage
            id="import.dropHint"
            defaultMessage="Drop files or a folder here — PDF, Word (.docx), saved web pages (.html) and text files."
          />
        </p>
        <div className="actions">
          <button type="button" onClick={() => inputRef.current?.click()} disabled={busy}>
            <FormattedMessage id="import.addFiles" defaultMessage="Add files…" />
          </button>
          <button
            type="button"
            onClick={() => run((taskId) => mutate('import.pick', { taskId, dossierId, what: 'folder' }))}
            disabled={busy}
          >
            <FormattedMessage id="import.folder" defaultMessage="Import a folder…" />
          </button>
        </div>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          accept=".pdf,.docx,.html,.htm,.txt,.md,.markdown"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
      </div>
      {busy && (
        <div className="progress" role="status" aria-live="polite">
          <progress
            max={Math.max(progress.total, 1)}
            value={progress.done}
            aria-label={intl.formatMessage({ id: 'import.progress', defaultMessage: 'Import progress' })}
          />
          <span>
            {progress.total === 0 ? (
              <FormattedMessage id="import.preparing" defaultMessage="Preparing…" />
            ) : progress.current ? (
              <FormattedMessage
                id="import.progress.reading"
                defaultMessage="{done, number} of {total, number} — reading {file}"
                values={{ done: progress.done, total: progress.total, file: progress.current }}
              />
            ) : (
              <FormattedMessage
                id="import.progress.count"
                defaultMessage="{done, number} of {total, number}"
                values={{ done: progress.done, total: progress.total }}
              />
            )}
          </span>
          <button
            type="button"
            onClick={() => taskRef.current && void mutate('import.cancel', { taskId: taskRef.current })}
          >
            <FormattedMessage id="import.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      )}
      <ErrorNote message={error} />
      {!busy && results.length > 0 && (
        <div className="import-results" data-testid="import-results">
          <p role="status">
            <FormattedMessage
              id="import.summary"
              defaultMessage="{imported, number} imported{problems, plural, =0 {} one {, # needs attention} other {, # need attention}}."
              values={counts}
            />
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="import.col.file" defaultMessage="File" />
                </th>
                <th scope="col">
                  <FormattedMessage id="import.col.result" defaultMessage="Result" />
                </th>
                <th scope="col">
                  <FormattedMessage id="import.col.details" defaultMessage="Details" />
                </th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two files in a batch may share a name
                <tr key={`${r.name}-${i}`} className={`result-${r.status}`}>
                  <td className="mono">{r.name}</td>
                  <td>{intl.formatMessage(STATUS_LABEL[r.status])}</td>
                  <td>
                    {outcomeDetails(intl, r)}
                    {r.status === 'imported' && r.sourceId && r.sameTextAs.length > 0 && (
                      <SameTextPrompt sourceId={r.sourceId} matches={r.sameTextAs} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "Same text as … (PDF)": offers to link a new source with the sources it is another format of. */
function SameTextPrompt({ sourceId, matches }: { sourceId: string; matches: ImportOutcome['sameTextAs'] }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [linked, setLinked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="same-text">
      {matches.map((m) => (
        <p key={m.sourceId}>
          <FormattedMessage
            id="import.sameText"
            defaultMessage="Same text as “{title}” {format} ({share, number, ::percent} of paragraphs)."
            values={{ title: m.title, format: <FormatBadge format={m.format} />, share: m.similarity }}
          />{' '}
          {linked.includes(m.sourceId) ? (
            <>
              <strong>
                <FormattedMessage id="import.linked" defaultMessage="Linked as renditions of one document." />
              </strong>{' '}
              <button
                type="button"
                className="link"
                onClick={async () => {
                  setError(null);
                  try {
                    await mutate('source.unlinkRendition', { id: sourceId });
                    setLinked([]);
                  } catch (e) {
                    setError(errorText(e));
                  }
                }}
              >
                <FormattedMessage id="import.unlinkRenditions" defaultMessage="Undo" />
              </button>
            </>
          ) : (
            <button
              type="button"
              onClick={async () => {
                setError(null);
                try {
                  await mutate('source.linkRendition', { id: sourceId, otherId: m.sourceId });
                  setLinked((l) => [...l, m.sourceId]);
                } catch (e) {
                  setError(errorText(e));
                }
              }}
            >
              <FormattedMessage id="import.linkRenditions" defaultMessage="Link as renditions" />
            </button>
          )}
        </p>
      ))}
      {linked.length < matches.length && (
        <p className="hint">
          <FormattedMessage
            id="import.sameTextHint"
            defaultMessage="Probably the same document in another format. Linking keeps both files and their excerpts, and marks them as one document in the sources list."
          />
        </p>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
