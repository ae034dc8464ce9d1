import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { Code, Entity, Excerpt } from '../../../../shared/api.ts';
import {
  CONFIDENTIALITY,
  CONFIDENTIALITY_LABELS,
  type Confidentiality,
  STANCE_LABELS,
  STANCES,
  type Stance,
} from '../../../../shared/domain.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { EntityField } from '../entities/EntityField.tsx';

interface Props {
  excerpt: Excerpt;
  codes: Code[];
  entities: { data: Entity[] | null; error: string | null; reload: () => void };
  /** Called after any change, so highlights, counts and lists refresh. */
  onChanged: () => void;
  onDeleted: () => void;
  onClose: () => void;
  /** Focus the code field when the excerpt was just created (keyboard coding). */
  focusCodes: boolean;
}

/** What each level does, said where it is chosen: all three, so the choice is made knowing the others. */
const CONFIDENTIALITY_HELP: Record<Confidentiality, string> = {
  public: 'may be cited anywhere, in submissions and in excerpt exports.',
  restricted:
    'for the team. A submission cites it only if you confirm at export that its source may be named; excerpt exports leave it out unless you ask.',
  never_export: 'stays in the vault, left out of every submission and every export.',
};

/** Edits one excerpt: codes and entities (typed by name, created inline), note, confidentiality, stance. */
export function ExcerptInspector({ excerpt, codes, entities, onChanged, onDeleted, onClose, focusCodes }: Props) {
  const id = useId();
  const [note, setNote] = useState(excerpt.note);
  const [codeName, setCodeName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  // The note as last sent to the vault: it is saved on blur, and before a lock even without one.
  const sentNote = useRef(excerpt.note);
  useEffect(() => {
    sentNote.current = excerpt.note;
    setNote(excerpt.note);
  }, [excerpt.note]);
  useEffect(() => {
    if (focusCodes) codeInput.current?.focus();
  }, [focusCodes]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const update = (patch: {
    note?: string;
    codeIds?: string[];
    confidentiality?: Confidentiality;
    stance?: Stance | null;
  }) => run(() => invoke('excerpt.update', { id: excerpt.id, ...patch }));

  async function saveNote(): Promise<void> {
    if (note === sentNote.current) return;
    const before = sentNote.current;
    sentNote.current = note;
    setError(null);
    try {
      await invoke('excerpt.update', { id: excerpt.id, note });
      onChanged();
    } catch (e) {
      sentNote.current = before; // not saved: the next blur or lock tries again
      setError((e as Error).message);
    }
  }
  useSaveBeforeLock(saveNote);

  async function addCode() {
    const name = codeName.trim();
    if (!name) return;
    await run(async () => {
      const existing = codes.find((c) => c.name.toLowerCase() === name.toLowerCase());
      const code = existing ?? (await invoke('code.create', { name }));
      if (!excerpt.codeIds.includes(code.id))
        await invoke('excerpt.update', { id: excerpt.id, codeIds: [...excerpt.codeIds, code.id] });
      setCodeName('');
    });
  }

  function onCodeKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void addCode();
    }
  }

  const byId = new Map(codes.map((c) => [c.id, c]));
  return (
    <section className="inspector" aria-labelledby={`${id}-title`}>
      <div className="inspector-head">
        <h2 id={`${id}-title`}>Excerpt{excerpt.page ? `, p. ${excerpt.page}` : ''}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          Source details
        </button>
      </div>
      <blockquote className="inspector-quote">{excerpt.exact}</blockquote>
      <div className="field">
        <label htmlFor={`${id}-codes`}>Codes</label>
        <ul className="code-chips" aria-label="Codes of this excerpt">
          {excerpt.codeIds.map((codeId) => {
            const code = byId.get(codeId);
            return (
              <li key={codeId} style={{ backgroundColor: code?.colour }}>
                {code?.name ?? 'Unknown code'}
                <button
                  type="button"
                  aria-label={`Remove code ${code?.name ?? ''}`}
                  onClick={() => update({ codeIds: excerpt.codeIds.filter((c) => c !== codeId) })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <input
          id={`${id}-codes`}
          ref={codeInput}
          list={`${id}-code-names`}
          value={codeName}
          onChange={(e) => setCodeName(e.target.value)}
          onKeyDown={onCodeKey}
          placeholder="Type a code name, Enter to add"
          autoComplete="off"
        />
        <datalist id={`${id}-code-names`}>
          {codes.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
      </div>
      <EntityField excerpt={excerpt} entities={entities} onChanged={onChanged} />
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => void saveNote()}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confidentiality`}>Confidentiality</label>
        <VocabularySelect
          id={`${id}-confidentiality`}
          value={excerpt.confidentiality}
          values={CONFIDENTIALITY}
          labels={CONFIDENTIALITY_LABELS}
          describedBy={`${id}-confidentiality-help`}
          onChange={(confidentiality) => confidentiality && update({ confidentiality })}
        />
        <ul id={`${id}-confidentiality-help`} className="hint confidentiality-help">
          {CONFIDENTIALITY.map((level) => (
            <li key={level} className={level === excerpt.confidentiality ? 'current' : undefined}>
              <strong>{CONFIDENTIALITY_LABELS[level]}</strong>: {CONFIDENTIALITY_HELP[level]}
            </li>
          ))}
        </ul>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stance`}>Stance</label>
        <VocabularySelect
          id={`${id}-stance`}
          value={excerpt.stance ?? ''}
          values={STANCES}
          labels={STANCE_LABELS}
          blank="Not set"
          onChange={(stance) => update({ stance: stance || null })}
        />
      </div>
      <ErrorNote message={error} />
      <button
        type="button"
        className="danger"
        onClick={() =>
          void invoke('excerpt.delete', { id: excerpt.id })
            .then(onDeleted)
            .catch((e: Error) => setError(e.message))
        }
      >
        Delete excerpt
      </button>
    </section>
  );
}
