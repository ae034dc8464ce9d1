// Add or edit one recommendation: a UPR recommendation (its words, the recommending States, cycle,
// session, the Working Group report's symbol, its number, the State's response) or an ILO body's
// request (body, year, convention); filed under themes of the UPR issue list and the vault's codes.
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Recommendation } from '../../../../shared/api.ts';
import {
  ILO_BODIES,
  type IloBody,
  RECOMMENDATION_MECHANISMS,
  RECOMMENDATION_RESPONSES,
  type RecommendationMechanism,
  type RecommendationResponse,
} from '../../../../shared/recommendations.ts';
import { UPR_THEMES } from '../../../../shared/upr-themes.ts';
import { mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { RecordSelect } from '../../components/RecordSelect.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';
import { ILO_BODY_MESSAGES, MECHANISM_MESSAGES, RESPONSE_MESSAGES, useThemeLabel } from './words.ts';

/** "Norway; Sweden" or "Norway, Sweden" as a list of States. */
function statesIn(text: string): string[] {
  return text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function numberOrNull(text: string): number | null {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : null;
}

export function RecommendationForm({
  dossierId,
  recommendation: current,
  onClose,
  onSaved,
}: {
  dossierId: string;
  /** An existing recommendation: the form edits it. */
  recommendation?: Recommendation;
  onClose: () => void;
  onSaved?: (saved: Recommendation) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const themeLabel = useThemeLabel();
  const codes = useApi('code.list', {});
  const [mechanism, setMechanism] = useState<RecommendationMechanism>(current?.mechanism ?? 'upr');
  const [text, setText] = useState(current?.text ?? '');
  const [states, setStates] = useState(current?.recommendingStates.join(', ') ?? '');
  const [cycle, setCycle] = useState(current?.cycle?.toString() ?? '');
  const [session, setSession] = useState(current?.session ?? '');
  const [symbol, setSymbol] = useState(current?.documentSymbol ?? '');
  const [paragraph, setParagraph] = useState(current?.paragraph ?? '');
  const [response, setResponse] = useState<RecommendationResponse | ''>(current?.response ?? '');
  const [themes, setThemes] = useState<string[]>(current?.themes ?? []);
  const [codeIds, setCodeIds] = useState<string[]>(current?.codes.map((c) => c.id) ?? []);
  const [iloBody, setIloBody] = useState<IloBody | ''>(current?.iloBody ?? '');
  const [iloYear, setIloYear] = useState(current?.iloYear?.toString() ?? '');
  const [iloConvention, setIloConvention] = useState(current?.iloConvention ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const upr = mechanism === 'upr';

  async function save() {
    if (!text.trim()) return;
    setSaving(true);
    setError(null);
    try {
      const fields = {
        mechanism,
        text: text.trim(),
        recommendingStates: upr ? statesIn(states) : [],
        cycle: upr ? numberOrNull(cycle) : null,
        session: upr ? session.trim() || null : null,
        documentSymbol: upr ? symbol.trim() || null : null,
        paragraph: upr ? paragraph.trim() || null : null,
        response: upr ? response || null : null,
        themes,
        codeIds,
        iloBody: upr ? null : iloBody || null,
        iloYear: upr ? null : numberOrNull(iloYear),
        iloConvention: upr ? null : iloConvention.trim() || null,
      };
      const saved = current
        ? await mutate('recommendation.update', { id: current.id, ...fields })
        : await mutate('recommendation.create', { dossierId, ...fields });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  const field = (key: string, label: React.ReactNode, control: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {control}
    </div>
  );

  return (
    <Modal
      wide
      title={
        current ? (
          <FormattedMessage id="recommendations.form.editTitle" defaultMessage="Edit recommendation" />
        ) : (
          <FormattedMessage id="recommendations.form.title" defaultMessage="New recommendation" />
        )
      }
      onClose={onClose}
    >
      <form
        className="recommendation-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ErrorNote message={error} />
        <fieldset className="recommendation-mechanism">
          <legend>
            <FormattedMessage id="recommendations.form.mechanism" defaultMessage="Made by" />
          </legend>
          {RECOMMENDATION_MECHANISMS.map((m) => (
            <label key={m} className="check">
              <input type="radio" name={`${id}-mechanism`} checked={mechanism === m} onChange={() => setMechanism(m)} />{' '}
              {intl.formatMessage(MECHANISM_MESSAGES[m])}
            </label>
          ))}
        </fieldset>
        {field(
          'text',
          <FormattedMessage id="recommendations.form.text" defaultMessage="Recommendation (as the report prints it)" />,
          <textarea
            id={`${id}-text`}
            data-autofocus
            rows={4}
            required
            value={text}
            onChange={(e) => setText(e.target.value)}
          />,
        )}
        {upr ? (
          <div className="recommendation-form-grid">
            {field(
              'states',
              <FormattedMessage
                id="recommendations.form.states"
                defaultMessage="Recommending State(s), comma between"
              />,
              <input id={`${id}-states`} value={states} onChange={(e) => setStates(e.target.value)} />,
            )}
            {field(
              'cycle',
              <FormattedMessage id="recommendations.form.cycle" defaultMessage="Cycle" />,
              <input
                id={`${id}-cycle`}
                type="number"
                min={1}
                max={20}
                value={cycle}
                onChange={(e) => setCycle(e.target.value)}
              />,
            )}
            {field(
              'session',
              <FormattedMessage id="recommendations.form.session" defaultMessage="Working Group session" />,
              <input id={`${id}-session`} value={session} onChange={(e) => setSession(e.target.value)} />,
            )}
            {field(
              'symbol',
              <FormattedMessage id="recommendations.form.symbol" defaultMessage="Report symbol (A/HRC/43/10)" />,
              <input id={`${id}-symbol`} value={symbol} onChange={(e) => setSymbol(e.target.value)} />,
            )}
            {field(
              'paragraph',
              <FormattedMessage id="recommendations.form.paragraph" defaultMessage="Number (140.12)" />,
              <input id={`${id}-paragraph`} value={paragraph} onChange={(e) => setParagraph(e.target.value)} />,
            )}
            {field(
              'response',
              <FormattedMessage id="recommendations.form.response" defaultMessage="Response of the State" />,
              <VocabularySelect
                id={`${id}-response`}
                value={response}
                values={RECOMMENDATION_RESPONSES}
                labels={RESPONSE_MESSAGES}
                blank={intl.formatMessage({ id: 'recommendations.form.responseUnknown', defaultMessage: 'Not known' })}
                onChange={setResponse}
              />,
            )}
          </div>
        ) : (
          <div className="recommendation-form-grid">
            {field(
              'body',
              <FormattedMessage id="recommendations.form.iloBody" defaultMessage="Supervisory body" />,
              <VocabularySelect
                id={`${id}-body`}
                value={iloBody}
                values={ILO_BODIES}
                labels={ILO_BODY_MESSAGES}
                blank={intl.formatMessage({ id: 'recommendations.form.iloBodyUnknown', defaultMessage: 'Not known' })}
                onChange={setIloBody}
              />,
            )}
            {field(
              'year',
              <FormattedMessage id="recommendations.form.iloYear" defaultMessage="Year" />,
              <input
                id={`${id}-year`}
                type="number"
                min={1919}
                max={2100}
                value={iloYear}
                onChange={(e) => setIloYear(e.target.value)}
              />,
            )}
            {field(
              'convention',
              <FormattedMessage id="recommendations.form.iloConvention" defaultMessage="Convention (C.87)" />,
              <input
                id={`${id}-convention`}
                value={iloConvention}
                onChange={(e) => setIloConvention(e.target.value)}
              />,
            )}
          </div>
        )}
        <fieldset className="recommendation-themes">
          <legend>
            <FormattedMessage id="recommendations.form.themes" defaultMessage="Themes" />
          </legend>
          <ul className="code-chips inline" aria-live="polite">
            {themes.map((t) => (
              <li key={t} className="chip theme-chip">
                {themeLabel(t)}{' '}
                <button
                  type="button"
                  className="ghost small"
                  aria-label={intl.formatMessage(
                    { id: 'recommendations.form.removeTheme', defaultMessage: 'Remove {theme}' },
                    { theme: themeLabel(t) },
                  )}
                  onClick={() => setThemes((all) => all.filter((x) => x !== t))}
                >
                  ×
                </button>
              </li>
            ))}
            {codeIds.map((codeId) => {
              const name = codes.data?.find((c) => c.id === codeId)?.name ?? '';
              return (
                <li key={codeId} className="chip theme-chip code">
                  {name}{' '}
                  <button
                    type="button"
                    className="ghost small"
                    aria-label={intl.formatMessage(
                      { id: 'recommendations.form.removeTheme', defaultMessage: 'Remove {theme}' },
                      { theme: name },
                    )}
                    onClick={() => setCodeIds((all) => all.filter((x) => x !== codeId))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          <div className="recommendation-form-grid">
            <div className="field">
              <label htmlFor={`${id}-theme`}>
                <FormattedMessage id="recommendations.form.addTheme" defaultMessage="Add a theme of the UPR list" />
              </label>
              <select
                id={`${id}-theme`}
                value=""
                onChange={(e) => {
                  const theme = e.target.value;
                  if (theme) setThemes((all) => (all.includes(theme) ? all : [...all, theme]));
                }}
              >
                <option value="">
                  {intl.formatMessage({ id: 'recommendations.form.chooseTheme', defaultMessage: 'Choose…' })}
                </option>
                {UPR_THEMES.filter((t) => !themes.includes(t))
                  .map((t) => ({ t, label: themeLabel(t) }))
                  .sort((a, b) => a.label.localeCompare(b.label, intl.locale))
                  .map(({ t, label }) => (
                    <option key={t} value={t}>
                      {label}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-code`}>
                <FormattedMessage id="recommendations.form.addCode" defaultMessage="Add a code" />
              </label>
              <RecordSelect
                id={`${id}-code`}
                value=""
                records={codes.data?.filter((c) => !codeIds.includes(c.id))}
                blank={intl.formatMessage({ id: 'recommendations.form.chooseTheme', defaultMessage: 'Choose…' })}
                onChange={(codeId) => codeId && setCodeIds((all) => [...all, codeId])}
              />
            </div>
          </div>
        </fieldset>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={saving || !text.trim()}>
            <FormattedMessage id="recommendations.form.save" defaultMessage="Save recommendation" />
          </button>
          <button type="button" className="ghost" onClick={onClose}>
            <FormattedMessage id="recommendations.form.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      </form>
    </Modal>
  );
}
