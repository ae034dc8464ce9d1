// Records an event: a title, when (typed as a person says it — "July to December 2011", «с 2018
// года» — and shown back as understood), where, what happened, who took part in which role, and the
// excerpts that support it. Opened empty from the timeline, or prefilled from an excerpt.
import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { EVENT_ROLES, type Event, type EventRole, type Result } from '../../../../shared/api.ts';
import { parseFuzzyDate } from '../../../../shared/fuzzy-date.ts';
import { mutate, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';
import { ROLE_MESSAGES, useFuzzyDate } from './words.ts';

export type EventPrefill = Result<'event.prefill'>;

/** What an existing event holds, in the form's terms (editing opens the form with it). */
function prefillOf(event: Event): EventPrefill {
  return {
    dossierId: event.dossierId,
    title: event.title,
    date: event.date,
    dateText: event.dateText,
    participants: event.participants.map(({ entityId, name, kind, role }) => ({ entityId, name, kind, role })),
    excerptIds: event.evidence.map((e) => e.excerptId),
  };
}

export function EventForm({
  prefill: given,
  event,
  onClose,
  onSaved,
}: {
  prefill?: EventPrefill;
  /** An existing event: the form edits it, and offers to delete it. */
  event?: Event;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const prefill = useMemo(() => (event ? prefillOf(event) : (given as EventPrefill)), [event, given]);
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const printDate = useFuzzyDate();
  const [title, setTitle] = useState(prefill.title);
  const [initialWhen] = useState(prefill.dateText ?? (prefill.date ? printDate(prefill.date) : ''));
  const [when, setWhen] = useState(initialWhen);
  const [place, setPlace] = useState(event?.place ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [participants, setParticipants] = useState(prefill.participants);
  const [evidence, setEvidence] = useState(event?.evidence ?? []);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const entities = useApiAll('entity.list', {});
  const [adding, setAdding] = useState('');
  const [addingRole, setAddingRole] = useState<EventRole>('victim');
  const addable = entities.data?.filter((e) => !participants.some((p) => p.entityId === e.id)) ?? [];
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The prefilled date stands until the words are changed; then the words are read again.
  const date = useMemo(
    () => (when === initialWhen && prefill.date ? prefill.date : parseFuzzyDate(when)),
    [when, initialWhen, prefill],
  );
  const unreadable = when.trim() !== '' && date === null;

  async function save() {
    if (!title.trim() || unreadable) return;
    setSaving(true);
    setError(null);
    try {
      const fields = {
        title: title.trim(),
        description,
        date,
        when: when.trim() || null,
        place: place.trim() || null,
        participants: participants.map(({ entityId, role }) => ({ entityId, role })),
      };
      if (event) {
        await mutate('event.update', { id: event.id, ...fields, excerptIds: evidence.map((e) => e.excerptId) });
      } else {
        await mutate('event.create', { dossierId: prefill.dossierId, ...fields, excerptIds: prefill.excerptIds });
      }
      onSaved?.();
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!event) return;
    setSaving(true);
    setError(null);
    try {
      await mutate('event.delete', { id: event.id });
      onSaved?.();
      onClose();
    } catch (e) {
      setError(errorText(e));
      setSaving(false);
    }
  }

  return (
    <Modal
      title={
        event ? (
          <FormattedMessage id="event.form.editTitle" defaultMessage="Edit event" />
        ) : (
          <FormattedMessage id="event.form.title" defaultMessage="New event" />
        )
      }
      onClose={onClose}
    >
      <form
        className="event-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorNote message={error} />
        <label htmlFor={`${id}-title`}>
          <FormattedMessage id="event.form.name" defaultMessage="What happened (in a few words)" />
        </label>
        <input id={`${id}-title`} data-autofocus value={title} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor={`${id}-when`}>
          <FormattedMessage id="event.form.when" defaultMessage="When" />
        </label>
        <input
          id={`${id}-when`}
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          aria-describedby={`${id}-when-hint`}
          aria-invalid={unreadable}
        />
        <p id={`${id}-when-hint`} className="hint" role="status">
          {date ? (
            <FormattedMessage
              id="event.form.whenRead"
              defaultMessage="Read as: {date}"
              values={{ date: printDate(date) }}
            />
          ) : unreadable ? (
            <FormattedMessage
              id="event.form.whenUnreadable"
              defaultMessage="Not a date Upright can read. Try “3 July 2011”, “July 2011”, “July to December 2011”, “2009–15” or “since 2018”."
            />
          ) : (
            <FormattedMessage
              id="event.form.whenHint"
              defaultMessage="A day, a month, a year, a range or “since …”; leave empty if unknown."
            />
          )}
        </p>
        <label htmlFor={`${id}-place`}>
          <FormattedMessage id="event.form.place" defaultMessage="Where" />
        </label>
        <input id={`${id}-place`} value={place} onChange={(e) => setPlace(e.target.value)} />
        <label htmlFor={`${id}-description`}>
          <FormattedMessage id="event.form.description" defaultMessage="Details" />
        </label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset className="event-participants">
          <legend>
            <FormattedMessage id="event.form.participants" defaultMessage="Who took part" />
          </legend>
          {participants.length === 0 && (
            <p className="hint">
              <FormattedMessage
                id="event.form.noParticipants"
                defaultMessage="No one yet: choose an entity and its role below."
              />
            </p>
          )}
          {participants.map((p, index) => (
            <div key={p.entityId} className="event-participant">
              <label htmlFor={`${id}-role-${index}`}>{p.name}</label>
              <select
                id={`${id}-role-${index}`}
                value={p.role}
                onChange={(e) =>
                  setParticipants((all) =>
                    all.map((q, i) => (i === index ? { ...q, role: e.target.value as EventRole } : q)),
                  )
                }
              >
                {EVENT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {intl.formatMessage(ROLE_MESSAGES[role])}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="small"
                onClick={() => setParticipants((all) => all.filter((_, i) => i !== index))}
              >
                <FormattedMessage id="event.form.removeParticipant" defaultMessage="Remove" />
              </button>
            </div>
          ))}
          <div className="event-participant add">
            <label htmlFor={`${id}-add`}>
              <FormattedMessage id="event.form.addEntity" defaultMessage="Add" />
            </label>
            <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">
                {intl.formatMessage({ id: 'event.form.pickEntity', defaultMessage: 'Pick an entity…' })}
              </option>
              {addable.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            <select
              aria-label={intl.formatMessage({ id: 'event.form.addRole', defaultMessage: 'Role' })}
              value={addingRole}
              onChange={(e) => setAddingRole(e.target.value as EventRole)}
            >
              {EVENT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {intl.formatMessage(ROLE_MESSAGES[role])}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="small"
              disabled={!adding}
              onClick={() => {
                const entity = addable.find((e) => e.id === adding);
                if (!entity) return;
                setParticipants((all) => [
                  ...all,
                  { entityId: entity.id, name: entity.name, kind: entity.kind, role: addingRole },
                ]);
                setAdding('');
              }}
            >
              <FormattedMessage id="event.form.addParticipant" defaultMessage="Add to the event" />
            </button>
          </div>
        </fieldset>
        {event ? (
          <fieldset className="event-evidence">
            <legend>
              <FormattedMessage id="event.form.evidenceList" defaultMessage="Evidence" />
            </legend>
            {evidence.length === 0 && (
              <p className="hint">
                <FormattedMessage id="event.form.noEvidence" defaultMessage="No excerpts as evidence." />
              </p>
            )}
            <ul>
              {evidence.map((e) => (
                <li key={e.excerptId} className="event-evidence-item">
                  <q>{e.exact}</q> — {e.sourceTitle}{' '}
                  <button
                    type="button"
                    className="small"
                    onClick={() => setEvidence((all) => all.filter((x) => x.excerptId !== e.excerptId))}
                  >
                    <FormattedMessage id="event.form.removeEvidence" defaultMessage="Remove" />
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
          <p className="hint">
            <FormattedMessage
              id="event.form.evidence"
              defaultMessage="{count, plural, =0 {No excerpts as evidence yet.} one {# excerpt as evidence.} other {# excerpts as evidence.}}"
              values={{ count: prefill.excerptIds.length }}
            />
          </p>
        )}
        {event &&
          (confirmDelete ? (
            <div className="confirm" role="alert">
              <FormattedMessage
                id="event.form.confirmDelete"
                defaultMessage="Delete this event? Its excerpts and entities stay."
              />{' '}
              <button type="button" className="small danger" onClick={() => void remove()} disabled={saving}>
                <FormattedMessage id="event.form.confirmDeleteYes" defaultMessage="Delete event" />
              </button>
              <button type="button" className="small" onClick={() => setConfirmDelete(false)}>
                <FormattedMessage id="event.form.confirmDeleteNo" defaultMessage="Keep it" />
              </button>
            </div>
          ) : (
            <button type="button" className="small" onClick={() => setConfirmDelete(true)}>
              <FormattedMessage id="event.form.delete" defaultMessage="Delete…" />
            </button>
          ))}
        <div className="actions">
          <button type="button" onClick={onClose}>
            <FormattedMessage id="event.form.cancel" defaultMessage="Cancel" />
          </button>
          <button type="submit" className="primary" disabled={saving || !title.trim() || unreadable}>
            <FormattedMessage id="event.form.save" defaultMessage="Save event" />
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** "New event from excerpt": asks main what the excerpt suggests, then opens the form with it. */
export function NewEventFromExcerpt({ excerptId, className }: { excerptId: string; className?: string }) {
  const errorText = useErrorText();
  const [prefill, setPrefill] = useState<EventPrefill | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={className ?? 'small'}
        onClick={async () => {
          setError(null);
          try {
            setPrefill(await mutate('event.prefill', { excerptId }));
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        <FormattedMessage id="event.fromExcerpt" defaultMessage="New event from excerpt" />
      </button>
      {error && <ErrorNote message={error} />}
      {prefill && <EventForm prefill={prefill} onClose={() => setPrefill(null)} />}
    </>
  );
}
