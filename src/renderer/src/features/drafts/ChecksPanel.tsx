import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CheckResult, DraftTarget } from '../../../../shared/api.ts';
import type { NoteField } from '../reader/SourceDetails.tsx';
import { useCheckText } from './checkText.ts';
import { SourceDetailsDialog } from './SourceDetailsDialog.tsx';
import { targetLabel } from './targets.ts';

/** A source whose details can fill what a check found missing: a note lacking its source's URL, date… */
interface SourceFix {
  sourceId: string;
  focus?: NoteField;
  reason: string;
}

function sourceFix(result: CheckResult, reason: string): SourceFix | null {
  const sourceId = result.params?.sourceId;
  const fixable = result.code === 'NOTE_INCOMPLETE' || result.code === 'NOTE_ADDRESS_NAMES_PERSON';
  if (!fixable || typeof sourceId !== 'string') return null;
  const first = String(result.params?.missing ?? '').split(',')[0];
  const focus = (['organisation', 'date', 'url', 'accessed'] as const).find((f) => f === first);
  return focus ? { sourceId, focus, reason } : { sourceId, reason };
}

function CheckGroup({
  severity,
  results,
  onGoTo,
  onFix,
}: {
  severity: 'error' | 'warning';
  results: CheckResult[];
  onGoTo: (target: DraftTarget) => void;
  onFix: (fix: SourceFix) => void;
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
          {results.map((r, i) => {
            const message = checkText(r);
            const fix = sourceFix(r, message);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: results have no id; the list is replaced whole
              <li key={i}>
                <button type="button" className="check-item" data-rule={r.rule} onClick={() => onGoTo(r.target)}>
                  <span className="check-target">{targetLabel(intl, r.target)}</span>
                  <span className="check-message">{message}</span>
                </button>
                {fix && (
                  <button type="button" className="check-fix" onClick={() => onFix(fix)}>
                    <FormattedMessage id="drafts.checks.fixSource" defaultMessage="Fill in the source’s details" />
                  </button>
                )}
              </li>
            );
          })}
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
  const [fixing, setFixing] = useState<SourceFix | null>(null);
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
          <CheckGroup severity="error" results={errors} onGoTo={onGoTo} onFix={setFixing} />
          <CheckGroup severity="warning" results={warnings} onGoTo={onGoTo} onFix={setFixing} />
        </>
      )}
      {fixing && (
        <SourceDetailsDialog
          sourceId={fixing.sourceId}
          reason={fixing.reason}
          {...(fixing.focus ? { focus: fixing.focus } : {})}
          onClose={() => setFixing(null)}
          onSaved={() => {
            // The notes and the checks change with the source: show the result at once.
            setFixing(null);
            onRun();
          }}
        />
      )}
    </div>
  );
}
