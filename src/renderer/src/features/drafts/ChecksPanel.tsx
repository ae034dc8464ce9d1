import { FormattedMessage, useIntl } from 'react-intl';
import type { CheckResult, DraftTarget } from '../../../../shared/api.ts';
import { useCheckText } from './checkText.ts';
import { targetLabel } from './targets.ts';

function CheckGroup({
  severity,
  results,
  onGoTo,
}: {
  severity: 'error' | 'warning';
  results: CheckResult[];
  onGoTo: (target: DraftTarget) => void;
}) {
  const intl = useIntl();
  const checkText = useCheckText();
  const headingId = `checks-${severity}`;
  return (
    <section className={`check-group ${severity}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {severity === 'error' ? (
          <FormattedMessage
            id="drafts.checks.errors"
            defaultMessage="Errors ({count, number})"
            values={{ count: results.length }}
          />
        ) : (
          <FormattedMessage
            id="drafts.checks.warnings"
            defaultMessage="Warnings ({count, number})"
            values={{ count: results.length }}
          />
        )}
      </h3>
      {results.length === 0 ? (
        <p className="hint">
          <FormattedMessage id="drafts.checks.none" defaultMessage="None." />
        </p>
      ) : (
        <ul>
          {results.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: results have no id; the list is replaced whole
            <li key={i}>
              <button type="button" className="check-item" data-rule={r.rule} onClick={() => onGoTo(r.target)}>
                <span className="check-target">{targetLabel(intl, r.target)}</span>
                <span className="check-message">{checkText(r)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The UPR checks, errors apart from warnings; each result takes you to what it concerns. */
export function ChecksPanel({
  results,
  running,
  onRun,
  onGoTo,
}: {
  results: CheckResult[] | null;
  running: boolean;
  onRun: () => void;
  onGoTo: (target: DraftTarget) => void;
}) {
  const errors = results?.filter((r) => r.severity === 'error') ?? [];
  const warnings = results?.filter((r) => r.severity === 'warning') ?? [];
  return (
    <div className="checks-panel">
      <div className="panel-actions">
        <button type="button" onClick={onRun} disabled={running}>
          {running ? (
            <FormattedMessage id="drafts.checks.running" defaultMessage="Checking…" />
          ) : (
            <FormattedMessage id="drafts.checks.run" defaultMessage="Run checks again" />
          )}
        </button>
      </div>
      {results && (
        <p role="status" className={errors.length ? 'check-summary has-errors' : 'check-summary ok'}>
          {errors.length === 0 ? (
            <FormattedMessage
              id="drafts.checks.ready"
              defaultMessage="Ready to export: no errors{warnings, plural, =0 {} one {, # warning to review} other {, # warnings to review}}."
              values={{ warnings: warnings.length }}
            />
          ) : (
            <FormattedMessage
              id="drafts.checks.toFix"
              defaultMessage="{errors, plural, one {# error} other {# errors}} to fix before export{warnings, plural, =0 {} one {, # warning} other {, # warnings}}."
              values={{ errors: errors.length, warnings: warnings.length }}
            />
          )}
        </p>
      )}
      {results && (
        <>
          <CheckGroup severity="error" results={errors} onGoTo={onGoTo} />
          <CheckGroup severity="warning" results={warnings} onGoTo={onGoTo} />
        </>
      )}
    </div>
  );
}
