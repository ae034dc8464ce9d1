import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Code } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { useSaveBeforeLock } from '../../components/useSaveBeforeLock.ts';

/** Codes in tree order with their depth (children under their parent, alphabetical). */
export function codeTree(codes: Code[]): { code: Code; depth: number }[] {
  const children = new Map<string | null, Code[]>();
  for (const c of codes) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: { code: Code; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ code: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function CodeRow({
  code,
  depth,
  codes,
  onChanged,
}: {
  code: Code;
  depth: number;
  codes: Code[];
  onChanged: () => void;
}) {
  const [name, setName] = useState(code.name);
  const [description, setDescription] = useState(code.description);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const others = codes.filter((c) => c.id !== code.id);
  // Name and description save on blur, and before a lock even without one; `sent` avoids sending twice.
  const sent = useRef({ name: code.name, description: code.description });
  useEffect(() => {
    sent.current = { name: code.name, description: code.description };
  }, [code.name, code.description]);

  function saveText(): Promise<void> | undefined {
    const patch: { name?: string; description?: string } = {};
    if (name.trim() && name !== sent.current.name) patch.name = name;
    if (description !== sent.current.description) patch.description = description;
    if (Object.keys(patch).length === 0) return;
    const before = sent.current;
    sent.current = { ...before, ...patch };
    return run(async () => {
      try {
        await invoke('code.update', { id: code.id, ...patch });
      } catch (e) {
        sent.current = before; // not saved: the next blur or lock tries again
        throw e;
      }
    });
  }
  useSaveBeforeLock(async () => saveText());

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <li className="code-row" style={{ paddingLeft: `${depth * 1.5}rem` }}>
      <div className="code-line">
        <input
          type="color"
          aria-label={`Colour of ${code.name}`}
          value={code.colour}
          onChange={(e) => run(() => invoke('code.update', { id: code.id, colour: e.target.value }))}
        />
        <input
          aria-label={`Name of ${code.name}`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => void saveText()}
        />
        <span className="hint code-count">
          {code.excerptCount} {code.excerptCount === 1 ? 'excerpt' : 'excerpts'}
        </span>
        <input
          className="code-description"
          aria-label={`Description of ${code.name}`}
          placeholder="What this code covers (helps colleagues code alike)"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onBlur={() => void saveText()}
        />
      </div>
      <div className="code-actions">
        <select aria-label={`Another code for ${code.name}`} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose another code…</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="small"
          disabled={!target}
          onClick={() => run(() => invoke('code.merge', { fromId: code.id, intoId: target }))}
        >
          Merge into it
        </button>
        <button
          type="button"
          className="small"
          disabled={!target}
          onClick={() => run(() => invoke('code.update', { id: code.id, parentId: target }))}
        >
          Move under it
        </button>
        {code.parentId && (
          <button
            type="button"
            className="small"
            onClick={() => run(() => invoke('code.update', { id: code.id, parentId: null }))}
          >
            To top level
          </button>
        )}
        <button type="button" className="danger small" onClick={() => setConfirming(true)} disabled={confirming}>
          Delete…
        </button>
      </div>
      {confirming && (
        <fieldset className="confirm">
          <legend className="visually-hidden">Delete {code.name}</legend>
          <p>
            Delete “{code.name}”?{' '}
            {code.excerptCount === 0
              ? 'No excerpt carries it.'
              : target
                ? `Its ${code.excerptCount} ${code.excerptCount === 1 ? 'excerpt moves' : 'excerpts move'} to “${others.find((c) => c.id === target)?.name}”.`
                : `Its ${code.excerptCount} ${code.excerptCount === 1 ? 'excerpt keeps' : 'excerpts keep'} their other codes; choose another code above to move them there instead.`}
          </p>
          <button
            type="button"
            className="danger"
            onClick={() => run(() => invoke('code.delete', { id: code.id, moveTo: target || null }))}
          >
            Delete code
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      )}
      <ErrorNote message={error} />
    </li>
  );
}

/** The code book: create, rename, recolour, move, merge and delete codes. */
export function CodeBook() {
  const codes = useAsync(() => invoke('code.list', {}), []);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await invoke('code.create', { name, ...(parentId ? { parentId } : {}) });
      setName('');
      codes.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const list = codes.data ?? [];
  return (
    <section className="page" aria-labelledby="codebook-title">
      <h1 id="codebook-title">Code book</h1>
      <p className="hint">
        Codes tag excerpts across all dossiers. Merging moves a code’s excerpts and sub-codes into another; deleting
        asks where its excerpts go (choose a code first), or just removes the code from them.
      </p>
      <form className="card inline-form" onSubmit={create} aria-label="New code">
        <label>
          New code
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Union registration" />
        </label>
        <label>
          Under
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">(top level)</option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!name.trim()}>
          Add code
        </button>
      </form>
      <ErrorNote message={error ?? codes.error} />
      {list.length === 0 ? (
        <div className="card empty-codes">
          <p>No codes yet. Create them here, or by typing a name when you code an excerpt.</p>
          <p className="hint">
            Or start from a code book for freedom-of-association cases (right to organise, registration, strikes, civil
            liberties, collective bargaining…), built on the ILO supervisory bodies’ headings. Rename, merge or delete
            any of it afterwards.
          </p>
          <button
            type="button"
            onClick={() =>
              void invoke('code.starter', {})
                .then(codes.reload)
                .catch((e: Error) => setError(e.message))
            }
          >
            Use the freedom-of-association starter codes
          </button>
        </div>
      ) : (
        <ul className="card code-tree" data-testid="code-tree">
          {codeTree(list).map(({ code, depth }) => (
            <CodeRow
              key={`${code.id}-${code.name}-${code.parentId}`}
              code={code}
              depth={depth}
              codes={list}
              onChanged={codes.reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
