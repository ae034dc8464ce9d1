import { type FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { z } from 'zod';
import { api, type Entity } from '../../../../shared/api.ts';
import {
  ENTITY_KIND_MESSAGES,
  ENTITY_KINDS,
  ENTITY_SENSITIVITY,
  ENTITY_SENSITIVITY_MESSAGES,
  type EntityKind,
  type EntitySensitivity,
  PSEUDONYMOUS_KINDS,
} from '../../../../shared/domain.ts';
import { defineMessages, type MessageDescriptor } from '../../../../shared/i18n/define.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveFormBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { parseAliases } from './names.ts';

/** Examples in the placeholders, so each kind shows what belongs in its fields. */
const EXAMPLES: Record<EntityKind, { name: MessageDescriptor; aliases: MessageDescriptor }> = {
  person: defineMessages({
    name: { id: 'entities.form.example.person.name', defaultMessage: 'e.g. Larisa Kharkova' },
    aliases: { id: 'entities.form.example.person.aliases', defaultMessage: 'Other spellings: L. Kharkova, Харькова' },
  }),
  organisation: defineMessages({
    name: {
      id: 'entities.form.example.organisation.name',
      defaultMessage: 'e.g. Ministry of Labour and Social Protection of the Population',
    },
    aliases: {
      id: 'entities.form.example.organisation.aliases',
      defaultMessage: 'Acronyms, other names: MLSPP, МТСЗН',
    },
  }),
  place: defineMessages({
    name: { id: 'entities.form.example.place.name', defaultMessage: 'e.g. Zhanaozen' },
    aliases: { id: 'entities.form.example.place.aliases', defaultMessage: 'Other spellings: Janaozen, Жанаозен' },
  }),
  legal_provision: defineMessages({
    name: { id: 'entities.form.example.legal_provision.name', defaultMessage: 'e.g. Article 402 of the Criminal Code' },
    aliases: { id: 'entities.form.example.legal_provision.aliases', defaultMessage: 'Short forms: Art. 402 CC' },
  }),
  instrument: defineMessages({
    name: { id: 'entities.form.example.instrument.name', defaultMessage: 'e.g. ILO Convention No. 87' },
    aliases: {
      id: 'entities.form.example.instrument.aliases',
      defaultMessage: 'Short forms: C87, Freedom of Association Convention',
    },
  }),
};

/** The API schema's refusals, by the field they concern, in the person's words. */
const INVALID = defineMessages({
  name: { id: 'entities.form.invalid.name', defaultMessage: 'Keep the name under 300 characters.' },
  aliases: {
    id: 'entities.form.invalid.aliases',
    defaultMessage: 'At most 100 other names, each under 300 characters, separated by commas.',
  },
  pseudonym: { id: 'entities.form.invalid.pseudonym', defaultMessage: 'Keep the pseudonym under 300 characters.' },
  description: {
    id: 'entities.form.invalid.description',
    defaultMessage: 'Keep the description under 20,000 characters.',
  },
});
type Field = keyof typeof INVALID;

function invalidField(issue: z.core.$ZodIssue | undefined): Field {
  const field = String(issue?.path[0] ?? '');
  return field in INVALID ? (field as Field) : 'name';
}

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
 * What it sends is checked first by the schema the API checks with (entity.create / entity.update).
 */
export function EntityForm({
  initial,
  onSubmit,
}: {
  /** The entity to edit; null for the form that adds one. */
  initial: Entity | null;
  /** Resolves when saved; a rejection is worded and shown. Returns true to empty the form. */
  onSubmit: (draft: EntityDraft) => Promise<boolean>;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [kind, setKind] = useState<EntityKind>(initial?.kind ?? 'person');
  const [name, setName] = useState(initial?.name ?? '');
  const [aliases, setAliases] = useState(initial?.aliases.join(', ') ?? '');
  const [pseudonym, setPseudonym] = useState(initial?.pseudonym ?? '');
  const [sensitivity, setSensitivity] = useState<EntitySensitivity>(initial?.sensitivity ?? 'normal');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Field | null>(null);
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
    setInvalid(null);
    setSaved(false);
    const draft: EntityDraft = {
      kind,
      name,
      aliases: parseAliases(aliases),
      pseudonym: offerPseudonym && pseudonym.trim() ? pseudonym.trim() : null,
      sensitivity,
      description,
    };
    // The same schema main checks with: a field too long is named here, not as a refused request.
    const checked = initial
      ? api['entity.update'].params.safeParse({ id: initial.id, ...draft })
      : api['entity.create'].params.safeParse(draft);
    if (!checked.success) {
      const field = invalidField(checked.error.issues[0]);
      setInvalid(field);
      setError(intl.formatMessage(INVALID[field]));
      return;
    }
    try {
      const clear = await onSubmit(draft);
      markSaved();
      if (clear) {
        setName('');
        setAliases('');
        setPseudonym('');
        setDescription('');
      } else setSaved(true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const label = initial
    ? intl.formatMessage({ id: 'entities.form.edit.label', defaultMessage: 'Edit entity' })
    : intl.formatMessage({ id: 'entities.form.add.label', defaultMessage: 'New entity' });
  return (
    <form className="card entity-form" onSubmit={submit} aria-label={label}>
      <h2 className="wide">
        {initial ? (
          <FormattedMessage id="entities.form.edit.title" defaultMessage="Details" />
        ) : (
          <FormattedMessage id="entities.form.add.title" defaultMessage="Add an entity" />
        )}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>
          <FormattedMessage id="entities.form.kind" defaultMessage="Kind" />
        </label>
        <VocabularySelect
          id={`${id}-kind`}
          value={kind}
          values={ENTITY_KINDS}
          labels={ENTITY_KIND_MESSAGES}
          onChange={(k) => k && setKind(k)}
        />
      </div>
      <div className="field cols-2">
        <label htmlFor={`${id}-name`}>
          <FormattedMessage id="entities.form.name" defaultMessage="Name" />
        </label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={intl.formatMessage(EXAMPLES[kind].name)}
          aria-invalid={invalid === 'name' || undefined}
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-aliases`}>
          <FormattedMessage id="entities.form.aliases" defaultMessage="Aliases (comma-separated)" />
        </label>
        <input
          id={`${id}-aliases`}
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
          placeholder={intl.formatMessage(EXAMPLES[kind].aliases)}
          aria-invalid={invalid === 'aliases' || undefined}
        />
      </div>
      {offerPseudonym && (
        <div className="field cols-2">
          <label htmlFor={`${id}-pseudonym`}>
            <FormattedMessage id="entities.form.pseudonym" defaultMessage="Pseudonym for exports" />
          </label>
          <input
            id={`${id}-pseudonym`}
            value={pseudonym}
            onChange={(e) => setPseudonym(e.target.value)}
            placeholder={intl.formatMessage({
              id: 'entities.form.pseudonym.example',
              defaultMessage: 'e.g. a local union leader',
            })}
            aria-invalid={invalid === 'pseudonym' || undefined}
          />
        </div>
      )}
      {initial && (
        <div className="field">
          <label htmlFor={`${id}-sensitivity`}>
            <FormattedMessage id="entities.form.sensitivity" defaultMessage="Sensitivity" />
          </label>
          <VocabularySelect
            id={`${id}-sensitivity`}
            value={sensitivity}
            values={ENTITY_SENSITIVITY}
            labels={ENTITY_SENSITIVITY_MESSAGES}
            onChange={(s) => s && setSensitivity(s)}
          />
        </div>
      )}
      <div className="field wide">
        <label htmlFor={`${id}-description`}>
          <FormattedMessage id="entities.form.description" defaultMessage="Description" />
        </label>
        <textarea
          id={`${id}-description`}
          rows={initial ? 3 : 2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={invalid === 'description' || undefined}
        />
      </div>
      <div className="wide form-end">
        <ErrorNote message={error} />
        {saved && (
          <p className="ok-note" role="status">
            <FormattedMessage id="entities.form.saved" defaultMessage="Saved." />
          </p>
        )}
        <button type="submit" className="primary" disabled={!name.trim()}>
          {initial ? (
            <FormattedMessage id="entities.form.edit.submit" defaultMessage="Save changes" />
          ) : (
            <FormattedMessage id="entities.form.add.submit" defaultMessage="Add entity" />
          )}
        </button>
      </div>
    </form>
  );
}
