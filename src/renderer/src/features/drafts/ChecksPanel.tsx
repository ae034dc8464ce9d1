import type { CheckResult, DraftTarget } from '../../../../shared/api.ts';
import { checkMessage } from '../../../../shared/check-messages.ts';
import { targetLabel } from './targets.ts';

function CheckGroup({
  title,
  severity,
  results,
  onGoTo,
}: {
  title: string;
  severity: 'error' | 'warning';
  results: CheckResult[];
  onGoTo: (target: DraftTarget) => void;
}) {
  const headingId = `checks-${severity}`;
  return (
    <section className={`check-group ${severity}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} ({results.length})
      </h3>
      {results.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ul>
          {results.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: results have no id; the list is replaced whole
            <li key={i}>
              <button type="button" className="check-item" data-rule={r.rule} onClick={() => onGoTo(r.target)}>
                <span className="check-target">{targetLabel(r.target)}</span>
                <span className="check-message">{checkMessage(r)}</span>
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
          {running ? 'Checking…' : 'Run checks again'}
        </button>
      </div>
      {results && (
        <p role="status" className={errors.length ? 'check-summary has-errors' : 'check-summary ok'}>
          {errors.length === 0
            ? `Ready to export: no errors${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} to review` : ''}.`
            : `${errors.length} error${errors.length === 1 ? '' : 's'} to fix before export${warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}.`}
        </p>
      )}
      {results && (
        <>
          <CheckGroup title="Errors" severity="error" results={errors} onGoTo={onGoTo} />
          <CheckGroup title="Warnings" severity="warning" results={warnings} onGoTo={onGoTo} />
        </>
      )}
    </div>
  );
}
