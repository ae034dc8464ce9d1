import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type Code } from '../../../../shared/api.ts';
import { defineMessage } from '../../../../shared/i18n/define.ts';
import { mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { useErrorText } from '../../i18n/errors.ts';

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

/** What the API's schema refuses in a code's name or description, said before anything is sent. */
const INVALID_CODE = defineMessage({
  id: 'codeBook.invalid',
  defaultMessage: 'A code’s name is at most 120 characters, its description at most 2,000.',
});

/**
 * One code of the book. Every write goes through the query cache, so the reader's chips, the
 * excerpt lists and the counts follow a rename, a move, a merge or a delete without a reload.
 */
function CodeRow({ code, depth, codes }: { code: Code; depth: number; codes: Code[] }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [name, setName] = useState(code.name);
  const [description, setDescription] = useState(code.description);
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const others = codes.filter((c) => c.id !== code.id);
  const targetName = others.find((c) => c.id === target)?.name ?? '';
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
    const params = { id: code.id, ...patch };
    // The schema main checks with: a name too long is named here, and the field keeps what was typed.
    if (!api['code.update'].params.safeParse(params).success) {
      setError(intl.formatMessage(INVALID_CODE));
      return;
    }
    const before = sent.current;
    sent.current = { ...before, ...patch };
    return run(async () => {
      try {
        await mutate('code.update', params);
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
    } catch (e) {
      setError(errorText(e));
    }
  }

  const values = { name: code.name };
  return (
    <li className="code-row" style={{ paddingLeft: `${depth * 1.5}rem` }}>
      <div className="code-line">
        <input
          type="color"
          aria-label={intl.formatMessage({ id: 'codeBook.code.colour', defaultMessage: 'Colour of {name}' }, values)}
          value={code.colour}
          onChange={(e) => run(() => mutate('code.update', { id: code.id, colour: e.target.value }))}
        />
        <input
          aria-label={intl.formatMessage({ id: 'codeBook.code.name', defaultMessage: 'Name of {name}' }, values)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => void saveText()}
        />
        <span className="hint code-count">
          <FormattedMessage
            id="codeBook.code.excerptCount"
            defaultMessage="{count, plural, one {# excerpt} other {# excerpts}}"
            values={{ count: code.excerptCount }}
          />
        </span>
        <input
          className="code-description"
          aria-label={intl.formatMessage(
            { id: 'codeBook.code.description', defaultMessage: 'Description of {name}' },
            values,
          )}
          placeholder={intl.formatMessage({
            id: 'codeBook.code.description.placeholder',
            defaultMessage: 'What this code covers (helps colleagues code alike)',
          })}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          onBlur={() => void saveText()}
        />
      </div>
      <div className="code-actions">
        <select
          aria-label={intl.formatMessage(
            { id: 'codeBook.code.other', defaultMessage: 'Another code for {name}' },
            values,
          )}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        >
          <option value="">
            {intl.formatMessage({ id: 'codeBook.code.other.choose', defaultMessage: 'Choose another code…' })}
          </option>
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
          onClick={() => run(() => mutate('code.merge', { fromId: code.id, intoId: target }))}
        >
          <FormattedMessage id="codeBook.code.merge" defaultMessage="Merge into it" />
        </button>
        <button
          type="button"
          className="small"
          disabled={!target}
          onClick={() => run(() => mutate('code.update', { id: code.id, parentId: target }))}
        >
          <FormattedMessage id="codeBook.code.moveUnder" defaultMessage="Move under it" />
        </button>
        {code.parentId && (
          <button
            type="button"
            className="small"
            onClick={() => run(() => mutate('code.update', { id: code.id, parentId: null }))}
          >
            <FormattedMessage id="codeBook.code.toTop" defaultMessage="To top level" />
          </button>
        )}
        <button type="button" className="danger small" onClick={() => setConfirming(true)} disabled={confirming}>
          <FormattedMessage id="codeBook.code.deleteAsk" defaultMessage="Delete…" />
        </button>
      </div>
      {confirming && (
        <fieldset className="confirm">
          <legend className="visually-hidden">
            <FormattedMessage id="codeBook.delete.legend" defaultMessage="Delete {name}" values={values} />
          </legend>
          <p>
            <FormattedMessage id="codeBook.delete.question" defaultMessage="Delete “{name}”?" values={values} />{' '}
            {code.excerptCount === 0 ? (
              <FormattedMessage id="codeBook.delete.noExcerpts" defaultMessage="No excerpt carries it." />
            ) : target ? (
              <FormattedMessage
                id="codeBook.delete.moveTo"
                defaultMessage="{count, plural, one {Its # excerpt moves} other {Its # excerpts move}} to “{target}”."
                values={{ count: code.excerptCount, target: targetName }}
              />
            ) : (
              <FormattedMessage
                id="codeBook.delete.keep"
                defaultMessage="{count, plural, one {Its # excerpt keeps its other codes; choose another code above to move it there instead.} other {Its # excerpts keep their other codes; choose another code above to move them there instead.}}"
                values={{ count: code.excerptCount }}
              />
            )}
          </p>
          <button
            type="button"
            className="danger"
            onClick={() => run(() => mutate('code.delete', { id: code.id, moveTo: target || null }))}
          >
            <FormattedMessage id="codeBook.delete.confirm" defaultMessage="Delete code" />
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            <FormattedMessage id="codeBook.delete.cancel" defaultMessage="Cancel" />
          </button>
        </fieldset>
      )}
      <ErrorNote message={error} />
    </li>
  );
}

/** The code book: create, rename, recolour, move, merge and delete codes. */
export function CodeBook() {
  const intl = useIntl();
  const errorText = useErrorText();
  const codes = useApi('code.list', {});
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const params = api['code.create'].params.safeParse({ name, ...(parentId ? { parentId } : {}) });
    if (!params.success) return setError(intl.formatMessage(INVALID_CODE));
    try {
      await mutate('code.create', params.data);
      setName('');
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function starter() {
    setError(null);
    try {
      await mutate('code.starter', {});
    } catch (e) {
      setError(errorText(e));
    }
  }

  const list = codes.data ?? [];
  return (
    <section className="page" aria-labelledby="codebook-title">
      <h1 id="codebook-title">
        <FormattedMessage id="codeBook.title" defaultMessage="Code book" />
      </h1>
      <p className="hint">
        <FormattedMessage
          id="codeBook.intro"
          defaultMessage="Codes tag excerpts across all dossiers. Merging moves a code’s excerpts and sub-codes into another; deleting asks where its excerpts go (choose a code first), or just removes the code from them."
        />
      </p>
      <form
        className="card inline-form"
        onSubmit={create}
        aria-label={intl.formatMessage({ id: 'codeBook.new.label', defaultMessage: 'New code' })}
      >
        <label>
          <FormattedMessage id="codeBook.new.name" defaultMessage="New code" />
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={intl.formatMessage({
              id: 'codeBook.new.name.placeholder',
              defaultMessage: 'e.g. Union registration',
            })}
          />
        </label>
        <label>
          <FormattedMessage id="codeBook.new.parent" defaultMessage="Under" />
          <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">
              {intl.formatMessage({ id: 'codeBook.new.parent.top', defaultMessage: '(top level)' })}
            </option>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!name.trim()}>
          <FormattedMessage id="codeBook.new.add" defaultMessage="Add code" />
        </button>
      </form>
      <ErrorNote message={error ?? (codes.error ? errorText(codes.error) : null)} />
      {codes.data && list.length === 0 ? (
        <div className="card empty-codes">
          <p>
            <FormattedMessage
              id="codeBook.empty"
              defaultMessage="No codes yet. Create them here, or by typing a name when you code an excerpt."
            />
          </p>
          <p className="hint">
            <FormattedMessage
              id="codeBook.starter.hint"
              defaultMessage="Or start from a code book for freedom-of-association cases (right to organise, registration, strikes, civil liberties, collective bargaining…), built on the ILO supervisory bodies’ headings. Rename, merge or delete any of it afterwards."
            />
          </p>
          <button type="button" onClick={() => void starter()}>
            <FormattedMessage id="codeBook.starter.use" defaultMessage="Use the freedom-of-association starter codes" />
          </button>
        </div>
      ) : (
        list.length > 0 && (
          <ul className="card code-tree" data-testid="code-tree">
            {codeTree(list).map(({ code, depth }) => (
              <CodeRow key={`${code.id}-${code.name}-${code.parentId}`} code={code} depth={depth} codes={list} />
            ))}
          </ul>
        )
      )}
    </section>
  );
}
