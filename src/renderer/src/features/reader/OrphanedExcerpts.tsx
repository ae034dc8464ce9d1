import { FormattedMessage } from 'react-intl';
import type { Excerpt } from '../../../../shared/api.ts';

interface Props {
  orphans: Excerpt[];
  /** The current selection in the text, if any: where an orphan can be placed. */
  canPlace: boolean;
  onPlace: (excerpt: Excerpt) => void;
  onDelete: (excerpt: Excerpt) => void;
}

/**
 * Excerpts whose words were not found when the source's text was read again. They keep their quote,
 * codes and note; the lawyer selects the passage they belong to and places them — or deletes them.
 */
export function OrphanedExcerpts({ orphans, canPlace, onPlace, onDelete }: Props) {
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-labelledby="orphans-title">
      <h2 id="orphans-title">
        <FormattedMessage
          id="reader.orphans.title"
          defaultMessage="{count, plural, one {# excerpt lost its place} other {# excerpts lost their place}}"
          values={{ count: orphans.length }}
        />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="reader.orphans.hint"
          defaultMessage="The text was read again and these quotes are no longer in it word for word. Select the passage each belongs to, then place it."
        />
      </p>
      <ul>
        {orphans.map((e) => (
          <li key={e.id}>
            <blockquote>{e.exact}</blockquote>
            <button type="button" className="primary small" disabled={!canPlace} onClick={() => onPlace(e)}>
              <FormattedMessage id="reader.orphans.place" defaultMessage="Place on selection" />
            </button>
            <button type="button" className="danger small" onClick={() => onDelete(e)}>
              <FormattedMessage id="reader.orphans.delete" defaultMessage="Delete" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
