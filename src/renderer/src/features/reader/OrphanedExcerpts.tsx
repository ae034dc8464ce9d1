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
        {orphans.length === 1 ? '1 excerpt lost its place' : `${orphans.length} excerpts lost their place`}
      </h2>
      <p className="hint">
        The text was read again and these quotes are no longer in it word for word. Select the passage each belongs to,
        then place it.
      </p>
      <ul>
        {orphans.map((e) => (
          <li key={e.id}>
            <blockquote>{e.exact}</blockquote>
            <button type="button" className="primary small" disabled={!canPlace} onClick={() => onPlace(e)}>
              Place on selection
            </button>
            <button type="button" className="danger small" onClick={() => onDelete(e)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
