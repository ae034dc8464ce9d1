import { type FormEvent, useId, useState } from 'react';
import type { Entity } from '../../../../shared/api.ts';
import {
  ENTITY_KIND_LABELS,
  ENTITY_KINDS,
  ENTITY_SENSITIVITY,
  ENTITY_SENSITIVITY_LABELS,
  type EntityKind,
  type EntitySensitivity,
  PSEUDONYMOUS_KINDS,
} from '../../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveFormBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { parseAliases } from './names.ts';

/** Examples in the placeholders, so each kind shows what belongs in its fields. */
const EXAMPLES: Record<EntityKind, { name: string; aliases: string }> = {
  person: { name: 'e.g. Larisa Kharkova', aliases: 'Other spellings: L. Kharkova, Харькова' },
  organisation: {
    name: 'e.g. Ministry of Labour and Social Protection of the Population',
    aliases: 'Acronyms, other names: MLSPP, МТСЗН',
  },
  place: { name: 'e.g. Zhanaozen', aliases: 'Other spellings: Janaozen, Жанаозен' },
  legal_provision: { name: 'e.g. Article 402 of the Criminal Code', aliases: 'Short forms: Art. 402 CC' },
  instrument: { name: 'e.g. ILO Convention No. 87', aliases: 'Short forms: C87, Freedom of Association Convention' },
};

export interface EntityDraft {
  kind: EntityKind;
  name: string;
  aliases: string[];
  pseudonym: string | null;
  sensitivity: EntitySensitivity;
  description: string;
}

/**
 * An entity's fields, for adding one (kind, name, aliases, pseudonym, description) or editing it
 * (all of those and its sensitivity). The pseudonym is offered for persons and organisations.
 */
export function EntityForm({
  initial,
  title,
  label,
  submitLabel,
  onSubmit,
}: {
  initial: Entity | null;
  /** The heading shown on the form. */
  title: string;
  /** Names the form for assistive technology ("New entity", "Edit entity"). */
  label: string;
  submitLabel: string;
  /** Resolves when saved; a rejection's message is shown. Returns true to empty the form. */
  onSubmit: (draft: EntityDraft) => Promise<boolean>;
}) {
  const id = useId();
  const [kind, setKind] = useState<EntityKind>(initial?.kind ?? 'person');
  const [name, setName] = useState(initial?.name ?? '');
  const [aliases, setAliases] = useState(initial?.aliases.join(', ') ?? '');
  const [pseudonym, setPseudonym] = useState(initial?.pseudonym ?? '');
  const [sensitivity, setSensitivity] = useState<EntitySensitivity>(initial?.sensitivity ?? 'normal');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // A pseudonym typed before the kind changed to a place stays visible, so it is never dropped unseen.
  const offerPseudonym = PSEUDONYMOUS_KINDS.includes(kind) || pseudonym.trim() !== '';

  // Adding or editing: what the form would send, so a lock can save it as the button would.
  const markSaved = useSaveFormBeforeLock(
    [kind, name, aliases, pseudonym, sensitivity, description],
    () => save(),
    name.trim() !== '',
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function save(): Promise<void> {
    setError(null);
    setSaved(false);
    try {
      const clear = await onSubmit({
        kind,
        name,
        aliases: parseAliases(aliases),
        pseudonym: offerPseudonym && pseudonym.trim() ? pseudonym.trim() : null,
        sensitivity,
        description,
      });
      markSaved();
      if (clear) {
        setName('');
        setAliases('');
        setPseudonym('');
        setDescription('');
      } else setSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="card entity-form" onSubmit={submit} aria-label={label}>
      <h2 className="wide">{title}</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <VocabularySelect
          id={`${id}-kind`}
          value={kind}
          values={ENTITY_KINDS}
          labels={ENTITY_KIND_LABELS}
          onChange={(k) => k && setKind(k)}
        />
      </div>
      <div className="field cols-2">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={EXAMPLES[kind].name}
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-aliases`}>Aliases (comma-separated)</label>
        <input
          id={`${id}-aliases`}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
          placeholder={EXAMPLES[kind].aliases}
        />
      </div>
      {offerPseudonym && (
        <div className="field cols-2">
          <label htmlFor={`${id}-pseudonym`}>Pseudonym for exports</label>
          <input
            id={`${id}-pseudonym`}
            value={pseudonym}
            onChange={(e) => setPseudonym(e.target.value)}
            placeholder="e.g. a local union leader"
          />
        </div>
      )}
      {initial && (
        <div className="field">
          <label htmlFor={`${id}-sensitivity`}>Sensitivity</label>
          <VocabularySelect
            id={`${id}-sensitivity`}
            value={sensitivity}
            values={ENTITY_SENSITIVITY}
            labels={ENTITY_SENSITIVITY_LABELS}
            onChange={(s) => s && setSensitivity(s)}
          />
        </div>
      )}
      <div className="field wide">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          rows={initial ? 3 : 2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="wide form-end">
        <ErrorNote message={error} />
        {saved && (
          <p className="ok-note" role="status">
            Saved.
          </p>
        )}
        <button type="submit" className="primary" disabled={!name.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
