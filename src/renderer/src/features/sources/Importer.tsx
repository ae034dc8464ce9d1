import { type DragEvent, useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../../shared/api.ts';
import { toBase64 } from '../../api/bytes.ts';
import { invoke, subscribe } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FormatBadge } from '../../components/FormatBadge.tsx';

interface Progress {
  total: number;
  done: number;
  current: string | null;
}

const STATUS_LABEL: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Already imported',
  failed: 'Not imported',
  cancelled: 'Cancelled',
};

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
export function Importer({ dossierId, onImported }: { dossierId: string; onImported: () => void }) {
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
      if (final.some((r) => r.status === 'imported')) onImported();
    } catch (e) {
      setError((e as Error).message);
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
      return invoke('import.files', { taskId, dossierId, files: payload });
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
      <h2 id="import-title">Import documents</h2>
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
        <p>Drop files or a folder here — PDF, Word (.docx), saved web pages (.html) and text files.</p>
        <div className="actions">
          <button type="button" onClick={() => inputRef.current?.click()} disabled={busy}>
            Add files…
          </button>
          <button
            type="button"
            onClick={() => run((taskId) => invoke('import.pick', { taskId, dossierId, what: 'folder' }))}
            disabled={busy}
          >
            Import a folder…
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
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Import progress" />
          <span>
            {progress.total > 0 ? `${progress.done} of ${progress.total}` : 'Preparing…'}
            {progress.current ? ` — reading ${progress.current}` : ''}
          </span>
          <button type="button" onClick={() => taskRef.current && invoke('import.cancel', { taskId: taskRef.current })}>
            Cancel
          </button>
        </div>
      )}
      <ErrorNote message={error} />
      {!busy && results.length > 0 && (
        <div className="import-results" data-testid="import-results">
          <p role="status">
            {counts.imported} imported{counts.problems > 0 ? `, ${counts.problems} need attention` : ''}.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Result</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two files in a batch may share a name
                <tr key={`${r.name}-${i}`} className={`result-${r.status}`}>
                  <td className="mono">{r.name}</td>
                  <td>{STATUS_LABEL[r.status]}</td>
                  <td>
                    {r.status === 'imported'
                      ? `${r.title}${r.pages ? ` · ${r.pages} ${r.pages === 1 ? 'page' : 'pages'}` : ''}`
                      : (r.error?.message ?? '')}
                    {r.status === 'imported' && r.sourceId && r.sameTextAs.length > 0 && (
                      <SameTextPrompt sourceId={r.sourceId} matches={r.sameTextAs} onLinked={onImported} />
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
function SameTextPrompt({
  sourceId,
  matches,
  onLinked,
}: {
  sourceId: string;
  matches: ImportOutcome['sameTextAs'];
  onLinked: () => void;
}) {
  const [linked, setLinked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="same-text">
      {matches.map((m) => (
        <p key={m.sourceId}>
          Same text as “{m.title}” <FormatBadge format={m.format} /> ({Math.round(m.similarity * 100)}% of paragraphs).{' '}
          {linked.includes(m.sourceId) ? (
            <strong>Linked as renditions of one document.</strong>
          ) : (
            <button
              type="button"
              onClick={async () => {
                setError(null);
                try {
                  await invoke('source.linkRendition', { id: sourceId, otherId: m.sourceId });
                  setLinked((l) => [...l, m.sourceId]);
                  onLinked();
                } catch (e) {
                  setError((e as Error).message);
                }
              }}
            >
              Link as renditions
            </button>
          )}
        </p>
      ))}
      <ErrorNote message={error} />
    </div>
  );
}
