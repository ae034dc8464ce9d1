import { useEffect, useId, useState } from 'react';
import type {
  ChangedSentence,
  CheckResult,
  ExportFormat,
  Footnote,
  RestrictedSource,
  Result,
  Substitution,
} from '../../../../shared/api.ts';
import { checkMessage } from '../../../../shared/check-messages.ts';
import { invoke, UprightError } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { Modal } from './Modal.tsx';
import { printDraft } from './printDraft.ts';
import { targetLabel } from './targets.ts';
import { wordDiff } from './wordDiff.ts';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'docx', label: 'Word document (.docx)', hint: 'The format OHCHR accepts for submissions.' },
  { value: 'html', label: 'Web page (.html)', hint: 'To read in a browser or paste elsewhere.' },
  { value: 'md', label: 'Markdown (.md)', hint: 'Plain text with light formatting.' },
];

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface Review {
  checks: CheckResult[];
  substitutions: Substitution[];
  sentences: ChangedSentence[];
  withheld: Footnote[];
  restricted: RestrictedSource[];
}

const WITHHELD_BECAUSE: Record<NonNullable<Footnote['problem']>, string> = {
  excerpt_deleted: 'the excerpt was deleted',
  never_export: 'marked never export',
  restricted: 'restricted, source not confirmed',
};

/** One sentence as written and as exported, the replaced words marked. */
function SentenceChange({ change }: { change: ChangedSentence }) {
  const parts = wordDiff(change.before, change.after);
  return (
    <li className="sentence-change">
      <span className="check-target">{targetLabel(change.target)}</span>
      <span className="sentence-before">
        <span className="sentence-label">Before: </span>
        {parts.map((p, i) =>
          p.kind === 'added' ? null : p.kind === 'removed' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed sentence
            <del key={i}>{p.text}</del>
          ) : (
            p.text
          ),
        )}
      </span>
      <span className="sentence-after">
        <span className="sentence-label">After: </span>
        {parts.map((p, i) =>
          p.kind === 'removed' ? null : p.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed sentence
            <ins key={i}>{p.text}</ins>
          ) : (
            p.text
          ),
        )}
      </span>
    </li>
  );
}

/** Restricted sources cited: withheld unless the person confirms, one by one, that each may be named. */
function RestrictedSources({
  sources,
  named,
  onChange,
}: {
  sources: RestrictedSource[];
  named: string[];
  onChange: (sourceId: string, allowed: boolean) => void;
}) {
  return (
    <>
      <h4>Restricted sources ({sources.length})</h4>
      {sources.length === 0 ? (
        <p className="hint">No note cites an excerpt marked restricted.</p>
      ) : (
        <>
          <p className="hint">
            These excerpts are marked <strong>restricted</strong>: for the team. Their notes are left out unless you
            confirm that the source may be named in this submission.
          </p>
          <ul className="restricted-sources">
            {sources.map((s) => (
              <li key={s.sourceId}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={named.includes(s.sourceId)}
                    onChange={(e) => onChange(s.sourceId, e.target.checked)}
                  />
                  <span>
                    “{s.title}” may be named in this submission
                    <span className="hint">
                      {' '}
                      (note{s.notes.length === 1 ? '' : 's'} {s.notes.join(', ')})
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
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
  // Sources of restricted excerpts the person confirmed may be named: none until they say so.
  const [nameSources, setNameSources] = useState<string[]>([]);
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
      invoke('draft.check', { id: draftId, export: { format, redact, provenance, nameSources } }),
      invoke('draft.redactions', { id: draftId, nameSources }),
    ])
      .then(([checks, redactions]) => current && setReview({ checks, ...redactions }))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [draftId, format, redact, provenance, nameSources]);

  // Other options make another file, which the export judges afresh.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are the trigger, not inputs
  useEffect(() => setRefused(false), [format, redact, provenance, nameSources]);

  const allowSource = (sourceId: string, allowed: boolean) =>
    setNameSources((list) => (allowed ? [...list, sourceId] : list.filter((s) => s !== sourceId)));

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
          nameSources,
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
      const { text } = await invoke('draft.render', { id: draftId, format: 'html', redact, nameSources });
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
            {review.sentences.length > 0 && (
              <>
                <h4>
                  {redact ? 'Sentences changed' : 'Sentences that would change'} ({review.sentences.length})
                </h4>
                <ul className="sentence-changes">
                  {review.sentences.map((change, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole
                    <SentenceChange key={i} change={change} />
                  ))}
                </ul>
              </>
            )}
            <RestrictedSources sources={review.restricted} named={nameSources} onChange={allowSource} />
            <h4>Notes withheld ({review.withheld.length})</h4>
            {review.withheld.length === 0 ? (
              <p className="hint">Every note will be exported.</p>
            ) : (
              <ul className="withheld">
                {review.withheld.map((f) => (
                  <li key={f.number}>
                    <strong>Note {f.number}:</strong> {f.text}{' '}
                    <span className="hint">({f.problem ? WITHHELD_BECAUSE[f.problem] : ''})</span>
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
            {warnings.length > 0 && (
              <details className="export-warnings">
                <summary>
                  {warnings.length} warning{warnings.length === 1 ? '' : 's'}
                </summary>
                <ul>
                  {warnings.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: check results have no id
                    <li key={i} data-rule={c.rule}>
                      {targetLabel(c.target)}: {checkMessage(c)}
                    </li>
                  ))}
                </ul>
              </details>
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
