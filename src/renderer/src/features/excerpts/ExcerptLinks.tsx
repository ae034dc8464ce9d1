import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ExcerptLinkView, LinkEnd } from '../../../../shared/api.ts';
import { LINK_KIND_MESSAGES } from '../../../../shared/domain.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { LinkDialog } from './LinkDialog.tsx';

/** How a link reads from the excerpt it was drawn to: "Contradicted by". */
const INCOMING = defineMessages({
  contradicts: { id: 'links.incoming.contradicts', defaultMessage: 'Contradicted by' },
  corroborates: { id: 'links.incoming.corroborates', defaultMessage: 'Corroborated by' },
  responds_to: { id: 'links.incoming.responds_to', defaultMessage: 'Responded to by' },
  same_fact_as: { id: 'links.incoming.same_fact_as', defaultMessage: 'Same fact as' },
});

/** One link's wording from this excerpt's side: "Contradicts" or "Contradicted by". */
export function useLinkWording(): (link: ExcerptLinkView) => string {
  const outgoing = useLabels(LINK_KIND_MESSAGES);
  const incoming = useLabels(INCOMING);
  return (link) => (link.direction === 'outgoing' ? outgoing[link.kind] : incoming[link.kind]);
}

/** An excerpt's links in the inspector: each opens the other excerpt, each can be removed; "Link to…" adds one. */
export function ExcerptLinks({
  dossierId,
  excerpt,
  onOpen,
}: {
  dossierId: string;
  excerpt: { id: string; exact: string };
  onOpen: (other: LinkEnd) => void;
}) {
  const intl = useIntl();
  const errorText = useErrorText();
  const wording = useLinkWording();
  const links = useApi('excerpt.links', { excerptId: excerpt.id });
  const [linking, setLinking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="field excerpt-links">
      <h3>
        <FormattedMessage id="links.title" defaultMessage="Links" />
      </h3>
      {links.data && links.data.length > 0 && (
        <ul aria-label={intl.formatMessage({ id: 'links.list', defaultMessage: 'Links of this excerpt' })}>
          {links.data.map((link) => (
            <li key={link.id}>
              <span className="link-kind">{wording(link)}</span>{' '}
              <button type="button" className="link-other" onClick={() => onOpen(link.other)}>
                “{link.other.exact}”
              </button>
              <span className="hint"> — {link.other.sourceTitle}</span>
              {link.note && <span className="link-note"> ({link.note})</span>}
              <button
                type="button"
                className="ghost"
                aria-label={intl.formatMessage(
                  { id: 'links.remove', defaultMessage: 'Remove link to “{quote}”' },
                  { quote: link.other.exact },
                )}
                onClick={() =>
                  void mutate('excerpt.unlink', { id: link.id })
                    .then(() => setError(null))
                    .catch((e: unknown) => setError(errorText(e)))
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote message={error ?? (links.error ? errorText(links.error) : null)} />
      <button type="button" onClick={() => setLinking(true)}>
        <FormattedMessage id="links.add" defaultMessage="Link to…" />
      </button>
      {linking && <LinkDialog dossierId={dossierId} from={excerpt} onClose={() => setLinking(false)} />}
    </div>
  );
}

/** What the person is told when an excerpt went with its links: "2 links removed". */
export const LINKS_REMOVED = defineMessages({
  notice: {
    id: 'links.removedWithExcerpt',
    defaultMessage: 'Excerpt deleted; {count, plural, one {# link} other {# links}} removed.',
  },
});
