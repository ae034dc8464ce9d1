import { FormattedMessage } from 'react-intl';
import type { Footnote } from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { FormatBadge } from '../../components/FormatBadge.tsx';

const PROBLEMS = defineMessages<NonNullable<Footnote['problem']>>({
  excerpt_deleted: {
    id: 'drafts.notes.problem.excerptDeleted',
    defaultMessage: 'The cited excerpt is no longer in the vault. Remove this citation or cite another excerpt.',
  },
  never_export: {
    id: 'drafts.notes.problem.neverExport',
    defaultMessage: 'The excerpt is marked “never export”: this note is withheld from exported files.',
  },
  restricted: {
    id: 'drafts.notes.problem.restricted',
    defaultMessage:
      'The excerpt is marked “restricted”: this note is exported only if you confirm its source may be named.',
  },
});

export function footnoteElementId(number: number): string {
  return `draft-note-${number}`;
}

/** The notes as they will be printed, generated from the citations: never typed here. */
export function Footnotes({
  footnotes,
  onShowCitation,
}: {
  footnotes: Footnote[] | null;
  onShowCitation: (footnote: Footnote) => void;
}) {
  if (!footnotes) return null;
  if (footnotes.length === 0) {
    return (
      <p className="hint">
        <FormattedMessage
          id="drafts.notes.empty"
          defaultMessage="No notes yet. Cite an excerpt (Ctrl+Shift+C) and its note appears here."
        />
      </p>
    );
  }
  return (
    <ol className="footnotes" data-testid="footnotes">
      {footnotes.map((f) => (
        <li
          key={f.number}
          id={footnoteElementId(f.number)}
          tabIndex={-1}
          className={f.problem ? 'footnote has-problem' : 'footnote'}
        >
          <span className="footnote-number" aria-hidden="true">
            {f.number}
          </span>
          <span className="footnote-text">{f.text}</span>
          {/* Two renditions of one document print the same note: the format tells them apart here. */}
          <FormatBadge format={f.sourceFormat ?? null} />
          {f.problem && (
            <span className="footnote-problem">
              <FormattedMessage {...PROBLEMS[f.problem]} />
            </span>
          )}
          <button type="button" className="link" onClick={() => onShowCitation(f)}>
            <FormattedMessage id="drafts.notes.show" defaultMessage="Show in text" />
          </button>
        </li>
      ))}
    </ol>
  );
}
