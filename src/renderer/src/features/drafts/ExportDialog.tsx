import { useEffect, useId, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type {
  ChangedSentence,
  ExportFormat,
  Footnote,
  RestrictedSource,
  Result,
  Substitution,
} from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { invoke, UprightError } from '../../api/client.ts';
import { queryClient, queryKey, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useCheckText } from './checkText.ts';
import { Modal } from './Modal.tsx';
import { printDraft } from './printDraft.ts';
import { targetLabel } from './targets.ts';
import { wordDiff } from './wordDiff.ts';

const FORMATS: ExportFormat[] = ['docx', 'html', 'md'];

const FORMAT_WORDS = defineMessages({
  docx: { id: 'drafts.export.format.docx', defaultMessage: 'Word document (.docx)' },
  docxHint: { id: 'drafts.export.format.docxHint', defaultMessage: 'The format OHCHR accepts for submissions.' },
  html: { id: 'drafts.export.format.html', defaultMessage: 'Web page (.html)' },
  htmlHint: { id: 'drafts.export.format.htmlHint', defaultMessage: 'To read in a browser or paste elsewhere.' },
  md: { id: 'drafts.export.format.md', defaultMessage: 'Markdown (.md)' },
  mdHint: { id: 'drafts.export.format.mdHint', defaultMessage: 'Plain text with light formatting.' },
});

const kilobytes = (intl: IntlShape, bytes: number) =>
  intl.formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });

const WITHHELD_BECAUSE = defineMessages<NonNullable<Footnote['problem']>>({
  excerpt_deleted: { id: 'drafts.export.withheldBecause.excerptDeleted', defaultMessage: '(the excerpt was deleted)' },
  never_export: { id: 'drafts.export.withheldBecause.neverExport', defaultMessage: '(marked never export)' },
  restricted: { id: 'drafts.export.withheldBecause.restricted', defaultMessage: '(restricted, source not confirmed)' },
});

/** One sentence as written and as exported, the replaced words marked. */
function SentenceChange({ change }: { change: ChangedSentence }) {
  const intl = useIntl();
  const parts = wordDiff(change.before, change.after);
  return (
    <li className="sentence-change">
      <span className="check-target">{targetLabel(intl, change.target)}</span>
      <span className="sentence-before">
        <span className="sentence-label">
          <FormattedMessage id="drafts.export.sentenceBefore" defaultMessage="Before:" />{' '}
        </span>
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
        <span className="sentence-label">
          <FormattedMessage id="drafts.export.sentenceAfter" defaultMessage="After:" />{' '}
        </span>
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
  const intl = useIntl();
  return (
    <>
      <h4>
        <FormattedMessage
          id="drafts.export.restricted"
          defaultMessage="Restricted sources ({count, number})"
          values={{ count: sources.length }}
        />
      </h4>
      {sources.length === 0 ? (
        <p className="hint">
          <FormattedMessage
            id="drafts.export.noRestricted"
            defaultMessage="No note cites an excerpt marked restricted."
          />
        </p>
      ) : (
        <>
          <p className="hint">
            <FormattedMessage
              id="drafts.export.restrictedHint"
              defaultMessage="These excerpts are marked <b>restricted</b>: for the team. Their notes are left out unless you confirm that the source may be named in this submission."
              values={{ b: (chunks) => <strong>{chunks}</strong> }}
            />
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
                    <FormattedMessage
                      id="drafts.export.mayBeNamed"
                      defaultMessage="“{title}” may be named in this submission"
                      values={{ title: s.title }}
                    />
                    <span className="hint">
                      {' '}
                      <FormattedMessage
                        id="drafts.export.restrictedNotes"
                        defaultMessage="({count, plural, one {note} other {notes}} {notes})"
                        values={{
                          count: s.notes.length,
                          notes: intl.formatList(s.notes.map(String), { type: 'unit', style: 'short' }),
                        }}
                      />
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
  const intl = useIntl();
  return (
    <table className="review-table">
      <caption className="visually-hidden">
        <FormattedMessage id="drafts.export.substitutions.caption" defaultMessage="Names replaced by pseudonyms" />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage id="drafts.export.substitutions.name" defaultMessage="Name in the draft" />
          </th>
          <th scope="col">
            <FormattedMessage id="drafts.export.substitutions.pseudonym" defaultMessage="Printed as" />
          </th>
          <th scope="col">
            <FormattedMessage id="drafts.export.substitutions.where" defaultMessage="Where" />
          </th>
        </tr>
      </thead>
      <tbody>
        {substitutions.map((s) => (
          <tr key={s.entityId}>
            <td>{s.name}</td>
            <td>{s.pseudonym}</td>
            <td>{s.occurrences.map((target) => targetLabel(intl, target)).join('; ')}</td>
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
  const intl = useIntl();
  const errorText = useErrorText();
  const checkText = useCheckText();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [redact, setRedact] = useState(true);
  const [provenance, setProvenance] = useState(false);
  // Sources of restricted excerpts the person confirmed may be named: none until they say so.
  const [nameSources, setNameSources] = useState<string[]>([]);
  const [acceptErrors, setAcceptErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Result<'draft.export'> | null>(null);
  // The export runs the checks again for exactly this file (format, redaction) and may refuse it.
  const [refused, setRefused] = useState(false);

  // The checks judge exactly the file these options make (redaction off puts names back, say).
  const checks = useApi('draft.check', { id: draftId, export: { format, redact, provenance, nameSources } });
  const redactions = useApi('draft.redactions', { id: draftId, nameSources });
  const review = checks.data && redactions.data ? { checks: checks.data, ...redactions.data } : null;
  const reviewError = checks.error ?? redactions.error;

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
  const shownError = failure ?? reviewError;

  async function exportDraft() {
    setBusy(true);
    setFailure(null);
    setOutcome(null);
    try {
      // Writes a file outside the vault: nothing cached changes (see invalidation.ts).
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
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  async function print() {
    setFailure(null);
    try {
      const params = { id: draftId, format: 'html' as const, redact, nameSources };
      const { text } = await queryClient.fetchQuery({
        queryKey: queryKey('draft.render', params),
        queryFn: () => invoke('draft.render', params),
      });
      printDraft(
        text,
        intl.formatMessage({ id: 'drafts.export.printFrame', defaultMessage: 'Draft prepared for printing' }),
      );
    } catch (e) {
      setFailure(e);
    }
  }

  return (
    <Modal
      title={<FormattedMessage id="drafts.export.title" defaultMessage="Export the submission" />}
      onClose={onClose}
      wide
    >
      <div className="export-options">
        <fieldset>
          <legend>
            <FormattedMessage id="drafts.export.format" defaultMessage="Format" />
          </legend>
          {FORMATS.map((f) => (
            <label key={f} className="radio-line">
              <input
                type="radio"
                name={`${id}-format`}
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              <span>
                <FormattedMessage {...FORMAT_WORDS[f]} />
                <span className="hint">
                  {' '}
                  <FormattedMessage {...FORMAT_WORDS[`${f}Hint`]} />
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            <FormattedMessage id="drafts.export.protection" defaultMessage="Protection" />
          </legend>
          <label className="radio-line">
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
            <span>
              <FormattedMessage id="drafts.export.redact" defaultMessage="Replace pseudonymised names" />
            </span>
          </label>
          {!redact && (
            <p className="hint warn">
              {unreplaced ? (
                <FormattedMessage
                  id="drafts.export.realNamesError"
                  defaultMessage="Real names of people who have a pseudonym will appear in the file, which the checks count as an error."
                />
              ) : (
                <FormattedMessage
                  id="drafts.export.realNames"
                  defaultMessage="Real names of people who have a pseudonym will appear in the file."
                />
              )}
            </p>
          )}
          <label className="radio-line">
            <input type="checkbox" checked={provenance} onChange={(e) => setProvenance(e.target.checked)} />
            <span>
              <FormattedMessage id="drafts.export.provenance" defaultMessage="Add a provenance annex" />
              <span className="hint">
                {' '}
                <FormattedMessage
                  id="drafts.export.provenanceHint"
                  defaultMessage="For your records: source, SHA-256 of the original, page and excerpt of every note."
                />
              </span>
            </span>
          </label>
        </fieldset>
      </div>

      <section className="export-review" aria-labelledby={`${id}-review`}>
        <h3 id={`${id}-review`}>
          <FormattedMessage id="drafts.export.review" defaultMessage="Before you export" />
        </h3>
        {!review && !shownError && (
          <p className="hint">
            <FormattedMessage id="drafts.export.reviewing" defaultMessage="Reviewing the draft…" />
          </p>
        )}
        {review && (
          <>
            <h4>
              {redact ? (
                <FormattedMessage
                  id="drafts.export.replaced"
                  defaultMessage="Names replaced ({count, number})"
                  values={{ count: review.substitutions.length }}
                />
              ) : (
                <FormattedMessage
                  id="drafts.export.wouldReplace"
                  defaultMessage="Names that would be replaced ({count, number})"
                  values={{ count: review.substitutions.length }}
                />
              )}
            </h4>
            {review.substitutions.length === 0 ? (
              <p className="hint">
                <FormattedMessage
                  id="drafts.export.noSubstitutions"
                  defaultMessage="No pseudonymised name appears in the draft."
                />
              </p>
            ) : (
              <SubstitutionTable substitutions={review.substitutions} />
            )}
            {review.sentences.length > 0 && (
              <>
                <h4>
                  {redact ? (
                    <FormattedMessage
                      id="drafts.export.sentencesChanged"
                      defaultMessage="Sentences changed ({count, number})"
                      values={{ count: review.sentences.length }}
                    />
                  ) : (
                    <FormattedMessage
                      id="drafts.export.sentencesWouldChange"
                      defaultMessage="Sentences that would change ({count, number})"
                      values={{ count: review.sentences.length }}
                    />
                  )}
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
            <h4>
              <FormattedMessage
                id="drafts.export.withheld"
                defaultMessage="Notes withheld ({count, number})"
                values={{ count: review.withheld.length }}
              />
            </h4>
            {review.withheld.length === 0 ? (
              <p className="hint">
                <FormattedMessage id="drafts.export.noneWithheld" defaultMessage="Every note will be exported." />
              </p>
            ) : (
              <ul className="withheld">
                {review.withheld.map((f) => (
                  <li key={f.number}>
                    <strong>
                      <FormattedMessage
                        id="drafts.export.withheldNote"
                        defaultMessage="Note {number}:"
                        values={{ number: f.number }}
                      />
                    </strong>{' '}
                    {f.text}{' '}
                    {f.problem && (
                      <span className="hint">
                        <FormattedMessage {...WITHHELD_BECAUSE[f.problem]} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <h4>
              <FormattedMessage id="drafts.export.checks" defaultMessage="Checks" />
            </h4>
            {errors.length === 0 ? (
              <p className="ok-note">
                <FormattedMessage
                  id="drafts.export.noErrors"
                  defaultMessage="No errors{warnings, plural, =0 {} one {; # warning (export is allowed)} other {; # warnings (export is allowed)}}."
                  values={{ warnings: warnings.length }}
                />
              </p>
            ) : (
              <div className="error-note">
                <FormattedMessage
                  id="drafts.export.errors"
                  defaultMessage="{count, plural, one {# error} other {# errors}}: the file would not meet OHCHR’s rules."
                  values={{ count: errors.length }}
                />
                <ul>
                  {errors.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: check results have no id
                    <li key={i}>
                      <FormattedMessage
                        id="drafts.export.checkLine"
                        defaultMessage="{where}: {message}"
                        values={{ where: targetLabel(intl, c.target), message: checkText(c) }}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {warnings.length > 0 && (
              <details className="export-warnings">
                <summary>
                  <FormattedMessage
                    id="drafts.export.warnings"
                    defaultMessage="{count, plural, one {# warning} other {# warnings}}"
                    values={{ count: warnings.length }}
                  />
                </summary>
                <ul>
                  {warnings.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: check results have no id
                    <li key={i} data-rule={c.rule}>
                      <FormattedMessage
                        id="drafts.export.checkLine"
                        defaultMessage="{where}: {message}"
                        values={{ where: targetLabel(intl, c.target), message: checkText(c) }}
                      />
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {needsConsent && (
              <label className="check accept-errors">
                <input type="checkbox" checked={acceptErrors} onChange={(e) => setAcceptErrors(e.target.checked)} />
                <span>
                  {errors.length > 0 ? (
                    <FormattedMessage
                      id="drafts.export.acceptErrors"
                      defaultMessage="Export anyway, with {count, plural, one {# error} other {# errors}}"
                      values={{ count: errors.length }}
                    />
                  ) : (
                    <FormattedMessage
                      id="drafts.export.acceptFileErrors"
                      defaultMessage="Export anyway, with the errors this file would have"
                    />
                  )}
                </span>
              </label>
            )}
          </>
        )}
      </section>

      <ErrorNote message={shownError ? errorText(shownError) : null} />
      <div role="status">
        {outcome?.saved === true && (
          <p className="ok-note export-saved">
            <FormattedMessage
              id="drafts.export.saved"
              defaultMessage="Saved to <mono>{path}</mono> ({size}){warnings, plural, =0 {} one {, with # warning} other {, with # warnings}}."
              values={{
                path: outcome.path,
                size: kilobytes(intl, outcome.bytes),
                warnings: outcome.warnings,
                mono: (chunks) => <span className="mono">{chunks}</span>,
              }}
            />
          </p>
        )}
        {outcome?.saved === false && (
          <p className="hint">
            <FormattedMessage id="drafts.export.cancelled" defaultMessage="Export cancelled. Nothing was saved." />
          </p>
        )}
      </div>

      <div className="actions modal-actions">
        <button type="button" className="primary" disabled={blocked || busy} onClick={() => void exportDraft()}>
          {busy ? (
            <FormattedMessage id="drafts.export.exporting" defaultMessage="Exporting…" />
          ) : (
            <FormattedMessage id="drafts.export.export" defaultMessage="Export…" />
          )}
        </button>
        <button type="button" disabled={!review} onClick={() => void print()}>
          <FormattedMessage id="drafts.export.print" defaultMessage="Print / Save as PDF…" />
        </button>
        <button type="button" onClick={onClose}>
          <FormattedMessage id="drafts.export.close" defaultMessage="Close" />
        </button>
      </div>
    </Modal>
  );
}
