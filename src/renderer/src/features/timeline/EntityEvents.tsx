// An entity's page lists the events it takes part in, in order, across dossiers.
import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import { useApi } from '../../api/queries.ts';
import { TimelineView } from './TimelineView.tsx';

export function EntityEvents({ entityId }: { entityId: string }) {
  const id = useId();
  const events = useApi('event.list', { entityId });
  if (!events.data || events.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${id}-events`}>
      <h2 id={`${id}-events`}>
        <FormattedMessage
          id="entity.events"
          defaultMessage="Events ({count, number})"
          values={{ count: events.data.length }}
        />
      </h2>
      <TimelineView events={events.data} zoom="year" />
    </section>
  );
}
