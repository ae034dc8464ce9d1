// A dossier's Timeline tab: its events in order, zoomed from decades to days, filtered by entity,
// code, source kind and period, exported as CSV (a save dialog in main picks the file) or inserted
// into a draft as a table.
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Event, EventFilter, Result } from '../../../../shared/api.ts';
import { SOURCE_KINDS, type SourceKind } from '../../../../shared/domain.ts';
import { TIMELINE_ZOOMS, type TimelineZoom } from '../../../../shared/fuzzy-date.ts';
import { mutate, useApi, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FilterField, RecordSelect } from '../../components/RecordSelect.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { SOURCE_KIND_MESSAGES } from '../sources/sourceKinds.ts';
import { EventForm } from './EventForm.tsx';
import { InsertTimeline } from './InsertTimeline.tsx';
import { TimelineView } from './TimelineView.tsx';
import { ZOOM_MESSAGES } from './words.ts';

type Saved = Extract<Result<'event.export'>, { saved: true }>;

export function TimelinePage({ dossierId }: { dossierId: string }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [zoom, setZoom] = useState<TimelineZoom>('year');
  const [entityId, setEntityId] = useState('');
  const [codeId, setCodeId] = useState('');
  const [sourceKind, setSourceKind] = useState<SourceKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Event | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const filter: EventFilter & { dossierId: string } = {
    dossierId,
    ...(entityId ? { entityId } : {}),
    ...(codeId ? { codeId } : {}),
    ...(sourceKind ? { sourceKind } : {}),
    // A date field half typed reads as empty: only whole days filter.
    ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
  };
  const { dossierId: _dossier, ...shown } = filter;
  const events = useApi('event.list', filter);
  const entities = useApiAll('entity.list', {});
  const codes = useApi('code.list', {});
  const failure = events.error ?? entities.error ?? codes.error;

  async function exportCsv() {
    setSaved(null);
    setExportError(null);
    try {
      const result = await mutate('event.export', { ...filter, locale: intl.locale });
      if (result.saved) setSaved(result);
    } catch (e) {
      setExportError(errorText(e));
    }
  }

  return (
    <section className="card timeline-page" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {events.data ? (
          <FormattedMessage
            id="timeline.titleCount"
            defaultMessage="Timeline ({count, plural, one {# event} other {# events}})"
            values={{ count: events.data.length }}
          />
        ) : (
          <FormattedMessage id="timeline.title" defaultMessage="Timeline" />
        )}
      </h2>
      <ErrorNote message={failure ? errorText(failure) : null} />
      <div className="timeline-tools">
        <fieldset className="filters">
          <legend className="visually-hidden">
            <FormattedMessage id="timeline.filters" defaultMessage="Filter events" />
          </legend>
          <FilterField
            id={`${id}-entity`}
            label={<FormattedMessage id="timeline.filter.entity" defaultMessage="Entity" />}
          >
            <RecordSelect
              id={`${id}-entity`}
              value={entityId}
              records={entities.data}
              blank={intl.formatMessage({ id: 'timeline.filter.entity.all', defaultMessage: 'Anyone' })}
              onChange={setEntityId}
            />
          </FilterField>
          <FilterField id={`${id}-code`} label={<FormattedMessage id="timeline.filter.code" defaultMessage="Code" />}>
            <RecordSelect
              id={`${id}-code`}
              value={codeId}
              records={codes.data}
              blank={intl.formatMessage({ id: 'timeline.filter.code.all', defaultMessage: 'Any code' })}
              onChange={setCodeId}
            />
          </FilterField>
          <FilterField
            id={`${id}-kind`}
            label={<FormattedMessage id="timeline.filter.kind" defaultMessage="Source kind" />}
          >
            <VocabularySelect
              id={`${id}-kind`}
              value={sourceKind}
              values={SOURCE_KINDS}
              labels={SOURCE_KIND_MESSAGES}
              blank={intl.formatMessage({ id: 'timeline.filter.kind.all', defaultMessage: 'Any kind' })}
              onChange={setSourceKind}
            />
          </FilterField>
          <FilterField id={`${id}-from`} label={<FormattedMessage id="timeline.filter.from" defaultMessage="From" />}>
            <input
              id={`${id}-from`}
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
            />
          </FilterField>
          <FilterField id={`${id}-to`} label={<FormattedMessage id="timeline.filter.to" defaultMessage="To" />}>
            <input
              id={`${id}-to`}
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </FilterField>
        </fieldset>
        <fieldset className="zoom">
          <legend className="visually-hidden">
            <FormattedMessage id="timeline.zoom" defaultMessage="Zoom" />
          </legend>
          {TIMELINE_ZOOMS.map((z) => (
            <button key={z} type="button" className="small" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
              {intl.formatMessage(ZOOM_MESSAGES[z])}
            </button>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" className="small" onClick={() => setCreating(true)}>
            <FormattedMessage id="timeline.newEvent" defaultMessage="New event" />
          </button>
          <button type="button" className="small" onClick={() => void exportCsv()} disabled={!events.data?.length}>
            <FormattedMessage id="timeline.exportCsv" defaultMessage="Export as CSV" />
          </button>
        </div>
      </div>
      <InsertTimeline dossierId={dossierId} filter={shown} disabled={!events.data?.length} />
      <ErrorNote message={exportError} />
      {saved && (
        <p className="ok-note" role="status">
          <FormattedMessage
            id="timeline.exported"
            defaultMessage="{count, plural, one {# event} other {# events}} saved to {path}."
            values={{ count: saved.count, path: saved.path }}
          />
        </p>
      )}
      {events.data?.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="timeline.empty"
            defaultMessage="No events match. Make one from an excerpt (“New event from excerpt” in the excerpt list or the reader) or with “New event”."
          />
        </p>
      )}
      {events.data && events.data.length > 0 && (
        <TimelineView events={events.data} zoom={zoom} onOpenEvent={setEditing} />
      )}
      {editing && <EventForm key={editing.id} event={editing} onClose={() => setEditing(null)} />}
      {creating && (
        <EventForm
          prefill={{ dossierId, title: '', date: null, dateText: null, participants: [], excerptIds: [] }}
          onClose={() => setCreating(false)}
        />
      )}
    </section>
  );
}
