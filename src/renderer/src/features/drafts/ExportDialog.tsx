import { useEffect, useId, useState } from 'react';
import type { CheckResult, ExportFormat, Footnote, Result, Substitution } from '../../../../shared/api.ts';
import { checkMessage } from '../../../../shared/check-messages.ts';
import { invoke, UprightError } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Modal } from './Modal.tsx';
import { printDraft } from './printDraft.ts';
import { targetLabel } from './targets.ts';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'docx', label: 'Word document (.docx)', hint: 'The format OHCHR accepts for submissions.' },
  { value: 'html', label: 'Web page (.html)', hint: 'To read in a browser or paste elsewhere.' },
  { value: 'md', label: 'Markdown (.md)', hint: 'Plain text with light formatting.' },
];

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface Review {
  checks: CheckResult[];
  substitutions: Substitution[];
  withheld: Footnote[];
}

function SubstitutionTable({ substitutions }: { substitutions: Substitution[] }) {
  return (
    <table className="review-table">
      <caption className="visually-hidden">Names replaced by pseudonyms</caption>
      <thead>
        <tr>
          <th scope="col">Name in the draft</th>
          <th scope="col">Printed as</th>
          <th scope="col">Where</th>
        </tr>
      </thead>
      <tbody>
        {substitutions.map((s) => (
          <tr key={s.entityId}>
            <td>{s.name}</td>
            <td>{s.pseudonym}</td>
            <td>{s.occurrences.map(targetLabel).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Export with a review first: every name that will be replaced, every note withheld, what the checks
 * found. Warnings do not stop an export; errors do until the person confirms they accept them.
 */
export function ExportDialog({ draftId, onClose }: { draftId: string; onClose: () => void }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [redact, setRedact] = useState(true);
  const [provenance, setProvenance] = useState(false);
  const [acceptErrors, setAcceptErrors] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Result<'draft.export'> | null>(null);
  // The export runs the checks again for exactly this file (format, redaction) and may refuse it.
  const [refused, setRefused] = useState(false);

  // The checks judge exactly the file these options make (redaction off puts names back, say).
  useEffect(() => {
    let current = true;
    Promise.all([
      invoke('draft.check', { id: draftId, export: { format, redact, provenance } }),
      invoke('draft.redactions', { id: draftId }),
    ])
      .then(([checks, redactions]) => current && setReview({ checks, ...redactions }))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [draftId, format, redact, provenance]);

  // Other options make another file, which the export judges afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are the trigger, not inputs
  useEffect(() => setRefused(false), [format, redact, provenance]);

  const errors = review?.checks.filter((c) => c.severity === 'error') ?? [];
  const warnings = review?.checks.filter((c) => c.severity === 'warning') ?? [];
  const unreplaced = !redact && (review?.substitutions.length ?? 0) > 0;
  const needsConsent = errors.length > 0 || refused || unreplaced;
  const blocked = !review || (needsConsent && !acceptErrors);

  async function exportDraft() {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      setOutcome(
        await invoke('draft.export', {
          id: draftId,
          format,
          redact,
          provenance,
          ...(needsConsent ? { acceptErrors } : {}),
        }),
      );
    } catch (e) {
      if (e instanceof UprightError && e.code === 'DRAFT_HAS_ERRORS') setRefused(true);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function print() {
    setError(null);
    try {
      const { text } = await invoke('draft.render', { id: draftId, format: 'html', redact });
      printDraft(text);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Modal title="Export the submission" onClose={onClose} wide>
      <div className="export-options">
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="radio-line">
              <input
                type="radio"
                name={`${id}-format`}
                value={f.value}
                checked={format === f.value}
                onChange={() => setFormat(f.value)}
              />
              <span>
                {f.label}
                <span className="hint"> {f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Protection</legend>
          <label className="radio-line">
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
            <span>Replace pseudonymised names</span>
          </label>
          {!redact && (
            <p className="hint warn">
              Real names of people who have a pseudonym will appear in the file
              {unreplaced ? ', which the checks count as an error' : ''}.
            </p>
          )}
          <label className="radio-line">
            <input type="checkbox" checked={provenance} onChange={(e) => setProvenance(e.target.checked)} />
            <span>
              Add a provenance annex
              <span className="hint">
                {' '}
                For your records: source, SHA-256 of the original, page and excerpt of every note.
              </span>
            </span>
          </label>
        </fieldset>
      </div>

      <section className="export-review" aria-labelledby={`${id}-review`}>
        <h3 id={`${id}-review`}>Before you export</h3>
        {!review && !error && <p className="hint">Reviewing the draft…</p>}
        {review && (
          <>
            <h4>
              {redact ? 'Names replaced' : 'Names that would be replaced'} ({review.substitutions.length})
            </h4>
            {review.substitutions.length === 0 ? (
              <p className="hint">No pseudonymised name appears in the draft.</p>
            ) : (
              <SubstitutionTable substitutions={review.substitutions} />
            )}
            <h4>Notes withheld ({review.withheld.length})</h4>
            {review.withheld.length === 0 ? (
              <p className="hint">Every note will be exported.</p>
            ) : (
              <ul className="withheld">
                {review.withheld.map((f) => (
                  <li key={f.number}>
                    <strong>Note {f.number}:</strong> {f.text}{' '}
                    <span className="hint">
                      ({f.problem === 'excerpt_deleted' ? 'the excerpt was deleted' : 'marked never export'})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h4>Checks</h4>
            {errors.length === 0 ? (
              <p className="ok-note">
                No errors
                {warnings.length > 0 &&
                  `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (export is allowed)`}
                .
              </p>
            ) : (
              <div className="error-note">
                {errors.length} error{errors.length === 1 ? '' : 's'}: the file would not meet OHCHR’s rules.
                <ul>
                  {errors.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: check results have no id
                    <li key={i}>
                      {targetLabel(c.target)}: {checkMessage(c)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {needsConsent && (
              <label className="check accept-errors">
                <input type="checkbox" checked={acceptErrors} onChange={(e) => setAcceptErrors(e.target.checked)} />
                <span>
                  {errors.length > 0
                    ? `Export anyway, with ${errors.length} error${errors.length === 1 ? '' : 's'}`
                    : 'Export anyway, with the errors this file would have'}
                </span>
              </label>
            )}
          </>
        )}
      </section>

      <ErrorNote message={error} />
      <div role="status">
        {outcome?.saved === true && (
          <p className="ok-note export-saved">
            Saved to <span className="mono">{outcome.path}</span> ({kilobytes(outcome.bytes)})
            {outcome.warnings > 0 && `, with ${outcome.warnings} warning${outcome.warnings === 1 ? '' : 's'}`}.
          </p>
        )}
        {outcome?.saved === false && <p className="hint">Export cancelled. Nothing was saved.</p>}
      </div>

      <div className="actions modal-actions">
        <button type="button" className="primary" disabled={blocked || busy} onClick={() => void exportDraft()}>
          {busy ? 'Exporting…' : 'Export…'}
        </button>
        <button type="button" disabled={!review} onClick={() => void print()}>
          Print / Save as PDF…
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
