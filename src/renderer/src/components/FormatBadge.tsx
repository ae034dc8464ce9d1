// The file format a source was imported from, shown wherever a source is named: the same document
// imported as PDF, Word, web page and text otherwise looks identical in every list.
import { useIntl } from 'react-intl';
import type { SourceSummary } from '../../../shared/api.ts';
import { defineMessages } from '../../../shared/i18n/define.ts';

export const FORMAT_LABELS = defineMessages({
  pdf: { id: 'source.format.pdf', defaultMessage: 'PDF' },
  docx: { id: 'source.format.docx', defaultMessage: 'Word' },
  html: { id: 'source.format.html', defaultMessage: 'Web page' },
  text: { id: 'source.format.text', defaultMessage: 'Text' },
  markdown: { id: 'source.format.markdown', defaultMessage: 'Markdown' },
} satisfies Record<NonNullable<SourceSummary['format']>, unknown>);

export function FormatBadge({ format }: { format: SourceSummary['format'] }) {
  const intl = useIntl();
  if (!format) return null;
  const label = intl.formatMessage(FORMAT_LABELS[format]);
  return (
    <span
      className="format-badge"
      title={intl.formatMessage(
        { id: 'source.format.importedFrom', defaultMessage: 'Imported from a {format} file' },
        { format: label },
      )}
    >
      {label}
    </span>
  );
}
