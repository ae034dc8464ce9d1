import { useState } from 'react';
import type { CheckResult, DraftTarget } from '../../../../shared/api.ts';
import { checkMessage } from '../../../../shared/check-messages.ts';
import type { NoteField } from '../reader/SourceDetails.tsx';
import { SourceDetailsDialog } from './SourceDetailsDialog.tsx';
import { targetLabel } from './targets.ts';

/** A source whose details can fill what a check found missing: a note lacking its source's URL, date… */
interface SourceFix {
  sourceId: string;
  focus?: NoteField;
  reason: string;
}

function sourceFix(result: CheckResult): SourceFix | null {
  const sourceId = result.params?.sourceId;
  const fixable = result.code === 'NOTE_INCOMPLETE' || result.code === 'NOTE_ADDRESS_NAMES_PERSON';
  if (!fixable || typeof sourceId !== 'string') return null;
  const first = String(result.params?.missing ?? '').split(',')[0];
  const focus = (['organisation', 'date', 'url', 'accessed'] as const).find((f) => f === first);
  const reason = checkMessage(result);
  return focus ? { sourceId, focus, reason } : { sourceId, reason };
}

function CheckGroup({
  title,
  severity,
  results,
  onGoTo,
  onFix,
}: {
  title: string;
  severity: 'error' | 'warning';
  results: CheckResult[];
  onGoTo: (target: DraftTarget) => void;
  onFix: (fix: SourceFix) => void;
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
          {results.map((r, i) => {
            const fix = sourceFix(r);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: results have no id; the list is replaced whole
              <li key={i}>
                <button type="button" className="check-item" data-rule={r.rule} onClick={() => onGoTo(r.target)}>
                  <span className="check-target">{targetLabel(r.target)}</span>
                  <span className="check-message">{checkMessage(r)}</span>
                </button>
                {fix && (
                  <button type="button" className="check-fix" onClick={() => onFix(fix)}>
                    Fill in the source’s details
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
          <CheckGroup title="Errors" severity="error" results={errors} onGoTo={onGoTo} onFix={setFixing} />
          <CheckGroup title="Warnings" severity="warning" results={warnings} onGoTo={onGoTo} onFix={setFixing} />
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
