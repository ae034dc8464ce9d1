import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { Result } from '../../../../shared/api.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';

type Saved = Extract<Result<'annotation.export'>, { saved: true }>;

/**
 * Exports a dossier's excerpts for other tools: W3C Web Annotation JSON (annotation tools, archives)
 * or CSV (a coalition's spreadsheet). Only public excerpts by default: "restricted" ones (for the team)
 * go when asked for, "never export" ones never; the result says how many were left out.
 */
export function ExportExcerpts({ dossierId }: { dossierId: string }) {
  const id = useId();
  const errorText = useErrorText();
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [status, setStatus] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(format: 'w3c' | 'csv') {
    setStatus(null);
    setError(null);
    try {
      const result = await mutate('annotation.export', { dossierId, format, includeRestricted });
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
      <label className="check" htmlFor={`${id}-restricted`}>
        <input
          id={`${id}-restricted`}
          type="checkbox"
          checked={includeRestricted}
          onChange={(e) => setIncludeRestricted(e.target.checked)}
        />
        <span>
          <FormattedMessage
            id="excerpts.export.includeRestricted"
            defaultMessage="Include restricted excerpts (for the team only)"
          />
        </span>
      </label>
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
            defaultMessage="Saved {count, plural, one {# excerpt} other {# excerpts}} to {path}."
            values={{ count: status.count, path: status.path }}
          />
          {status.withheld + status.restrictedWithheld > 0 && (
            <>
              {' '}
              <FormattedMessage
                id="excerpts.export.leftOut"
                defaultMessage="Left out: {never, plural, =0 {} one {# excerpt marked “never export”} other {# excerpts marked “never export”}}{both, select, yes { and } other {}}{restricted, plural, =0 {} one {# excerpt marked “restricted” (tick “Include restricted excerpts” to include it)} other {# excerpts marked “restricted” (tick “Include restricted excerpts” to include them)}}."
                values={{
                  never: status.withheld,
                  restricted: status.restrictedWithheld,
                  both: status.withheld > 0 && status.restrictedWithheld > 0 ? 'yes' : 'no',
                }}
              />
            </>
          )}
        </p>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
