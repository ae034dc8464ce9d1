import { FormattedMessage } from 'react-intl';
import type { SourceSummary } from '../../../../shared/api.ts';
import { FormatBadge } from '../../components/FormatBadge.tsx';

/**
 * Where an excerpt sits, as lists show it: its source's title, the format it was imported from (the
 * same document imported as PDF and as Word otherwise reads the same), and its page — or, in a source
 * without pages, its paragraph when known: "Reply of the Government [PDF], p. 3".
 */
export function ExcerptPlace({
  excerpt,
}: {
  excerpt: {
    sourceTitle: string;
    sourceFormat?: SourceSummary['format'] | undefined;
    page: number | null;
    paragraph?: number | null | undefined;
  };
}) {
  return (
    <span className="excerpt-place">
      <span className="excerpt-source">{excerpt.sourceTitle}</span>
      <FormatBadge format={excerpt.sourceFormat ?? null} />
      {excerpt.page ? (
        <FormattedMessage id="excerpts.place.page" defaultMessage=", p. {page}" values={{ page: excerpt.page }} />
      ) : excerpt.paragraph ? (
        <FormattedMessage
          id="excerpts.place.paragraph"
          defaultMessage=", para. {paragraph}"
          values={{ paragraph: excerpt.paragraph }}
        />
      ) : null}
    </span>
  );
}
