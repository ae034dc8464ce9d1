import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Result } from '../../../../shared/api.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';

type Saved = Extract<Result<'annotation.export'>, { saved: true }>;

/**
 * Exports a dossier's excerpts for other tools: W3C Web Annotation JSON (annotation tools, archives)
 * or CSV (a coalition's spreadsheet). Excerpts marked "never export" are always left out.
 */
export function ExportExcerpts({ dossierId }: { dossierId: string }) {
  const errorText = useErrorText();
  const [status, setStatus] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(format: 'w3c' | 'csv') {
    setStatus(null);
    setError(null);
    try {
      const result = await mutate('annotation.export', { dossierId, format });
      if (result.saved) setStatus(result);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="export-excerpts">
      <span className="export-label">
        <FormattedMessage id="excerpts.export" defaultMessage="Export excerpts:" />
      </span>
      <button type="button" className="small" onClick={() => void save('w3c')}>
        <FormattedMessage id="excerpts.export.w3c" defaultMessage="Web Annotation JSON" />
      </button>
      <button type="button" className="small" onClick={() => void save('csv')}>
        CSV
      </button>
      {status && (
        <p className="ok-note" role="status">
          <FormattedMessage
            id="excerpts.export.saved"
            defaultMessage="Saved {count, plural, one {# excerpt} other {# excerpts}} to {path}{withheld, plural, =0 {.} one {; # marked “never export” was left out.} other {; # marked “never export” were left out.}}"
            values={{ count: status.count, path: status.path, withheld: status.withheld }}
          />
        </p>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
