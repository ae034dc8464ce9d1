// "Import…" in the Recommendations tab: last cycle's recommendations from a CSV table (the UN
// database's export and the like; the columns it found can be changed) or pasted from the Working
// Group report's PDF. A preview shows every row or split, the problems by line and how many are new;
// Import writes them all or none, and adds nothing the dossier already holds.
import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { RecommendationImportPreview, RecommendationImportSource, Result } from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  IMPORT_PROBLEM_MESSAGES,
  type ImportField,
  problemParams,
} from '../../../../shared/recommendation-import.ts';
import { toBase64 } from '../../api/bytes.ts';
import { invoke } from '../../api/client.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { Modal } from '../drafts/Modal.tsx';
import { RESPONSE_MESSAGES } from './words.ts';

const FIELD_MESSAGES = defineMessages({
  text: { id: 'recImport.field.text', defaultMessage: 'Recommendation' },
  recommendingStates: { id: 'recImport.field.recommendingStates', defaultMessage: 'Recommending State(s)' },
  cycle: { id: 'recImport.field.cycle', defaultMessage: 'Cycle' },
  session: { id: 'recImport.field.session', defaultMessage: 'Session' },
  documentSymbol: { id: 'recImport.field.documentSymbol', defaultMessage: 'Report (document symbol)' },
  paragraph: { id: 'recImport.field.paragraph', defaultMessage: 'Number (paragraph)' },
  response: { id: 'recImport.field.response', defaultMessage: 'Response' },
  themes: { id: 'recImport.field.themes', defaultMessage: 'Themes (issues)' },
} satisfies Record<ImportField, unknown>);

/** How many rows of the preview are drawn; the counts always cover them all. */
const SHOWN_ROWS = 300;

type Kind = 'csv' | 'paste';

export function ImportRecommendations({ dossierId, onClose }: { dossierId: string; onClose: () => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const fieldLabels = useLabels(FIELD_MESSAGES);
  const responseLabels = useLabels(RESPONSE_MESSAGES);
  const [kind, setKind] = useState<Kind>('csv');
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [pasted, setPasted] = useState('');
  const [symbol, setSymbol] = useState('');
  const [cycle, setCycle] = useState('');
  const text = useDebounced(pasted, 300);
  const [preview, setPreview] = useState<RecommendationImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Result<'recommendation.import'> | null>(null);

  const source: RecommendationImportSource | null =
    kind === 'csv'
      ? file
        ? { kind: 'csv', name: file.name, data: file.data, ...(mapping ? { mapping } : {}) }
        : null
      : text.trim()
        ? {
            kind: 'paste',
            text,
            ...(symbol.trim() ? { documentSymbol: symbol.trim() } : {}),
            ...(cycle ? { cycle: Number(cycle) } : {}),
          }
        : null;
  const sourceKey = JSON.stringify(source);

  // What was imported last is forgotten as soon as the file, the text or the mapping changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each input's change is the trigger
  useEffect(() => setDone(null), [kind, file, mapping, pasted, symbol, cycle]);

  // The preview follows every change of the file, the mapping or the pasted text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: sourceKey stands for source
  useEffect(() => {
    let current = true;
    if (!source) {
      setPreview(null);
      return;
    }
    setError(null);
    invoke('recommendation.importPreview', { dossierId, source }).then(
      (result) => {
        if (current) setPreview(result);
      },
      (e: unknown) => {
        if (!current) return;
        setPreview(null);
        setError(errorText(e));
      },
    );
    return () => {
      current = false;
    };
  }, [sourceKey, dossierId, errorText]);

  async function choose(files: FileList | null) {
    const chosen = files?.[0];
    if (!chosen) return;
    setMapping(null);
    setFile({ name: chosen.name, data: toBase64(await chosen.arrayBuffer()) });
  }

  function remap(column: number, field: ImportField | '') {
    const base = mapping ?? preview?.mapping ?? [];
    setMapping(
      base.map((entry) => {
        if (entry.column === column) return { ...entry, field: field || null };
        // A field moved to this column leaves the one that had it.
        return field && entry.field === field ? { ...entry, field: null } : entry;
      }),
    );
  }

  async function runImport() {
    if (!source) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await mutate('recommendation.import', { dossierId, source }));
      setPreview(await invoke('recommendation.importPreview', { dossierId, source }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const shownMapping = mapping ?? preview?.mapping ?? [];
  const counts = preview?.counts;

  return (
    <Modal
      wide
      title={<FormattedMessage id="recImport.title" defaultMessage="Import recommendations" />}
      onClose={onClose}
    >
      <fieldset className="rec-import-kind">
        <legend>
          <FormattedMessage id="recImport.kind" defaultMessage="From" />
        </legend>
        <label className="rec-import-choice">
          <input type="radio" name={`${id}-kind`} checked={kind === 'csv'} onChange={() => setKind('csv')} />
          <FormattedMessage
            id="recImport.kind.csv"
            defaultMessage="A CSV table (the UN database’s export or similar)"
          />
        </label>
        <label className="rec-import-choice">
          <input type="radio" name={`${id}-kind`} checked={kind === 'paste'} onChange={() => setKind('paste')} />
          <FormattedMessage
            id="recImport.kind.paste"
            defaultMessage="Text pasted from a Working Group report’s recommendations section"
          />
        </label>
      </fieldset>

      {kind === 'csv' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>
            <FormattedMessage id="recImport.file" defaultMessage="CSV file (UTF-8 or Windows-1251)" />
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.txt,text/csv"
            data-autofocus
            onChange={(e) => void choose(e.target.files)}
          />
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-text`}>
              <FormattedMessage
                id="recImport.paste"
                defaultMessage="The recommendations section of the report, from its lead sentence (“The recommendations … enjoy the support of …”) to its last recommendation — or the UN’s thematic list of recommendations"
              />
            </label>
            <textarea
              id={`${id}-text`}
              rows={8}
              data-autofocus
              value={pasted}
              spellCheck={false}
              onChange={(e) => setPasted(e.target.value)}
            />
          </div>
          <div className="rec-import-paste-fields">
            <div className="field">
              <label htmlFor={`${id}-symbol`}>
                <FormattedMessage id="recImport.symbol" defaultMessage="Report symbol (if the text does not show it)" />
              </label>
              <input
                id={`${id}-symbol`}
                value={symbol}
                placeholder={preview?.documentSymbol ?? 'A/HRC/28/10'}
                onChange={(e) => setSymbol(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-cycle`}>
                <FormattedMessage id="recImport.cycle" defaultMessage="Cycle of that review" />
              </label>
              <input
                id={`${id}-cycle`}
                type="number"
                min={1}
                max={20}
                value={cycle}
                onChange={(e) => setCycle(e.target.value)}
              />
            </div>
          </div>
        </>
      )}

      {kind === 'csv' && shownMapping.length > 0 && (
        <fieldset className="rec-import-mapping">
          <legend>
            <FormattedMessage id="recImport.mapping" defaultMessage="What each column holds" />
          </legend>
          {shownMapping.map((entry) => (
            <div className="field" key={entry.column}>
              <label htmlFor={`${id}-col-${entry.column}`}>
                {entry.header ||
                  intl.formatMessage(
                    { id: 'recImport.mapping.unnamed', defaultMessage: 'Column {number}' },
                    { number: entry.column + 1 },
                  )}
              </label>
              <VocabularySelect
                id={`${id}-col-${entry.column}`}
                value={entry.field ?? ''}
                values={IMPORT_FIELDS}
                labels={fieldLabels}
                blank={intl.formatMessage({ id: 'recImport.mapping.ignore', defaultMessage: '— leave out —' })}
                onChange={(field) => remap(entry.column, field)}
              />
            </div>
          ))}
        </fieldset>
      )}

      {preview && kind === 'paste' && preview.sections.length > 0 && (
        <ul
          className="rec-import-sections"
          aria-label={intl.formatMessage({ id: 'recImport.sections', defaultMessage: 'Sections of the report' })}
        >
          {preview.sections.map((section) => (
            <li key={section.number}>
              <FormattedMessage
                id="recImport.section"
                defaultMessage="{number}: {count, plural, one {# recommendation} other {# recommendations}}, {response}"
                values={{
                  number: section.number,
                  count: section.count,
                  response: section.response
                    ? responseLabels[section.response]
                    : section.lead
                      ? intl.formatMessage({
                          id: 'recImport.section.noResponse',
                          defaultMessage: 'response not understood from the lead sentence',
                        })
                      : intl.formatMessage({
                          id: 'recImport.section.noLead',
                          defaultMessage: 'no lead sentence: each with the position printed under it, if any',
                        }),
                }}
              />
            </li>
          ))}
        </ul>
      )}

      {preview && !preview.importable && (
        <p className="rec-import-counts" role="status">
          <FormattedMessage
            id="recImport.blocked"
            defaultMessage="Nothing can be imported from this {kind, select, csv {file} other {text}} until the problem below is fixed."
            values={{ kind: preview.kind }}
          />
        </p>
      )}
      {counts && preview?.importable && (
        <p className="rec-import-counts" role="status">
          <FormattedMessage
            id="recImport.counts"
            defaultMessage="{read, plural, one {# recommendation read} other {# recommendations read}}: {new, plural, one {# new} other {# new}}, {present, plural, one {# already in the dossier} other {# already in the dossier}}, {skipped, plural, one {# left out} other {# left out}}."
            values={counts}
          />
          {counts.answered > 0 && (
            <>
              {' '}
              <FormattedMessage
                id="recImport.counts.answered"
                defaultMessage="{answered, plural, one {# of those already there gets the State’s response it lacked.} other {# of those already there get the State’s response they lacked.}}"
                values={{ answered: counts.answered }}
              />
            </>
          )}
        </p>
      )}

      {preview && preview.problems.length > 0 && (
        <ul
          className="rec-import-problems"
          aria-label={intl.formatMessage({ id: 'recImport.problems', defaultMessage: 'Problems' })}
        >
          {preview.problems.map((problem) => (
            <li
              key={`${problem.line}-${problem.code}-${problem.value ?? ''}`}
              className={`problem ${problem.severity}`}
            >
              <strong>
                {problem.line > 0 ? (
                  <FormattedMessage
                    id="recImport.problem.line"
                    defaultMessage="Line {line}"
                    values={{ line: problem.line }}
                  />
                ) : (
                  <FormattedMessage id="recImport.problem.file" defaultMessage="The file" />
                )}
              </strong>{' '}
              {intl.formatMessage(IMPORT_PROBLEM_MESSAGES[problem.code], problemParams(problem))}
            </li>
          ))}
        </ul>
      )}

      {preview && preview.rows.length > 0 && (
        <section
          className="rec-import-rows"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview scrolls on its own and must be reachable by keyboard (WCAG 2.1.1)
          tabIndex={0}
          aria-label={intl.formatMessage({ id: 'recImport.preview', defaultMessage: 'Recommendations to import' })}
        >
          <table>
            <thead>
              <tr>
                <th>
                  <FormattedMessage id="recImport.col.line" defaultMessage="Line" />
                </th>
                <th>{fieldLabels.paragraph}</th>
                <th>{fieldLabels.text}</th>
                <th>{fieldLabels.recommendingStates}</th>
                <th>{fieldLabels.response}</th>
                <th>{fieldLabels.cycle}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, SHOWN_ROWS).map((row) => (
                <tr key={row.line} className={row.present ? 'present' : undefined}>
                  <td>{row.line}</td>
                  <td>{[row.fields.documentSymbol, row.fields.paragraph].filter(Boolean).join(', ')}</td>
                  <td>
                    {row.fields.text}
                    {row.present && (
                      <span className="badge">
                        <FormattedMessage id="recImport.present" defaultMessage="already in the dossier" />
                      </span>
                    )}
                    {row.fields.themes.length > 0 && (
                      <span className="hint rec-import-themes">{row.fields.themes.join(' · ')}</span>
                    )}
                  </td>
                  <td>
                    <ul className="rec-import-states">
                      {row.fields.recommendingStates.map((state) => (
                        <li key={state}>{state}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{row.fields.response ? responseLabels[row.fields.response] : ''}</td>
                  <td>{row.fields.cycle ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.rows.length > SHOWN_ROWS && (
            <p className="hint">
              <FormattedMessage
                id="recImport.more"
                defaultMessage="…and {count, plural, one {# more} other {# more}}."
                values={{ count: preview.rows.length - SHOWN_ROWS }}
              />
            </p>
          )}
        </section>
      )}

      <ErrorNote message={error} />
      {done && (
        <p className="rec-import-done" role="status">
          <FormattedMessage
            id="recImport.done"
            defaultMessage="{added, plural, =0 {Nothing new was added} one {# recommendation was added} other {# recommendations were added}}; {present, plural, =0 {none was there already} one {# was there already} other {# were there already}}."
            values={{ added: done.added, present: done.present }}
          />
          {done.answered > 0 && (
            <>
              {' '}
              <FormattedMessage
                id="recImport.done.answered"
                defaultMessage="{answered, plural, one {# response was filled in.} other {# responses were filled in.}}"
                values={{ answered: done.answered }}
              />
            </>
          )}
        </p>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="primary"
          disabled={!preview?.importable || (preview.counts.new === 0 && preview.counts.answered === 0) || busy}
          onClick={() => void runImport()}
        >
          {preview && preview.counts.new > 0 ? (
            <FormattedMessage
              id="recImport.import"
              defaultMessage="Import {count, plural, one {# recommendation} other {# recommendations}}"
              values={{ count: preview.counts.new }}
            />
          ) : preview && preview.counts.answered > 0 ? (
            <FormattedMessage
              id="recImport.fillIn"
              defaultMessage="Fill in {count, plural, one {# response} other {# responses}}"
              values={{ count: preview.counts.answered }}
            />
          ) : (
            <FormattedMessage id="recImport.importNothing" defaultMessage="Import" />
          )}
        </button>
        <button type="button" className="ghost" onClick={onClose}>
          {done ? (
            <FormattedMessage id="recImport.close" defaultMessage="Done" />
          ) : (
            <FormattedMessage id="recImport.cancel" defaultMessage="Cancel" />
          )}
        </button>
      </div>
    </Modal>
  );
}
