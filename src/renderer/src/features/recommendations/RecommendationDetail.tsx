// One recommendation's page: its words and numbers, the State's response, our assessment with its
// note, and the excerpts that show how far it was implemented (added through the excerpt picker,
// opened in their source with one click).
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { RECOMMENDATION_ASSESSMENTS, type RecommendationAssessment } from '../../../../shared/recommendations.ts';
import { mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { CitationPicker } from '../drafts/CitationPicker.tsx';
import { CONFIDENTIALITY_BADGES, QUOTED } from '../drafts/labels.ts';
import { RecommendationForm } from './RecommendationForm.tsx';
import { ASSESSMENT_MESSAGES, ILO_BODY_MESSAGES, RESPONSE_MESSAGES, referenceLabel, useThemeLabel } from './words.ts';

export function RecommendationDetail({
  dossierId,
  recommendationId,
  onBack,
  onOpenExcerpt,
}: {
  dossierId: string;
  recommendationId: string;
  onBack: () => void;
  onOpenExcerpt: (excerpt: { id: string; sourceId: string }) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const themeLabel = useThemeLabel();
  const query = useApi('recommendation.get', { id: recommendationId });
  const rec = query.data;
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [assessment, setAssessment] = useState<RecommendationAssessment | '' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const chosen = assessment ?? rec?.assessment ?? '';
  const noteNow = note ?? rec?.assessmentNote ?? '';

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const row = (label: React.ReactNode, value: React.ReactNode) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;

  return (
    <section className="card recommendation-page" aria-labelledby={`${id}-title`}>
      <p>
        <button type="button" className="link" onClick={onBack}>
          <FormattedMessage id="recommendations.back" defaultMessage="← All recommendations" />
        </button>
      </p>
      <ErrorNote message={query.error ? errorText(query.error) : error} />
      {rec && (
        <>
          <h2 id={`${id}-title`}>
            {referenceLabel(intl, rec) ||
              intl.formatMessage({
                id: 'recommendations.unnumbered',
                defaultMessage: 'Recommendation without a number',
              })}
          </h2>
          <blockquote className="recommendation-quote">{rec.text}</blockquote>
          <dl className="recommendation-fields">
            {row(
              <FormattedMessage id="recommendations.field.states" defaultMessage="Recommending State(s)" />,
              rec.recommendingStates.join(', '),
            )}
            {row(
              <FormattedMessage id="recommendations.field.cycle" defaultMessage="Cycle" />,
              rec.cycle !== null ? intl.formatNumber(rec.cycle) : '',
            )}
            {row(<FormattedMessage id="recommendations.field.session" defaultMessage="Session" />, rec.session)}
            {row(<FormattedMessage id="recommendations.field.symbol" defaultMessage="Report" />, rec.documentSymbol)}
            {row(<FormattedMessage id="recommendations.field.paragraph" defaultMessage="Number" />, rec.paragraph)}
            {row(
              <FormattedMessage id="recommendations.field.response" defaultMessage="Response of the State" />,
              rec.response ? intl.formatMessage(RESPONSE_MESSAGES[rec.response]) : '',
            )}
            {row(
              <FormattedMessage id="recommendations.field.iloBody" defaultMessage="Supervisory body" />,
              rec.iloBody ? intl.formatMessage(ILO_BODY_MESSAGES[rec.iloBody]) : '',
            )}
            {row(
              <FormattedMessage id="recommendations.field.iloYear" defaultMessage="Year" />,
              rec.iloYear ? String(rec.iloYear) : '',
            )}
            {row(
              <FormattedMessage id="recommendations.field.iloConvention" defaultMessage="Convention" />,
              rec.iloConvention,
            )}
            {row(
              <FormattedMessage id="recommendations.field.themes" defaultMessage="Themes" />,
              [...rec.themes.map(themeLabel), ...rec.codes.map((c) => c.name)].join(' · '),
            )}
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              <FormattedMessage id="recommendations.edit" defaultMessage="Edit…" />
            </button>
            {confirmDelete ? (
              <span className="confirm" role="alert">
                <FormattedMessage
                  id="recommendations.confirmDelete"
                  defaultMessage="Delete this recommendation? Its excerpts stay."
                />{' '}
                <button
                  type="button"
                  className="small danger"
                  onClick={() =>
                    void run(async () => {
                      await mutate('recommendation.delete', { id: rec.id });
                      onBack();
                    })
                  }
                >
                  <FormattedMessage id="recommendations.confirmDeleteYes" defaultMessage="Delete recommendation" />
                </button>{' '}
                <button type="button" className="small" onClick={() => setConfirmDelete(false)}>
                  <FormattedMessage id="recommendations.confirmDeleteNo" defaultMessage="Keep it" />
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirmDelete(true)}>
                <FormattedMessage id="recommendations.delete" defaultMessage="Delete…" />
              </button>
            )}
          </div>

          <section className="recommendation-assessment" aria-labelledby={`${id}-assessment-title`}>
            <h3 id={`${id}-assessment-title`}>
              <FormattedMessage id="recommendations.assessment.title" defaultMessage="Our assessment" />
            </h3>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await mutate('recommendation.assess', { id: rec.id, assessment: chosen || null, note: noteNow });
                  setAssessment(null);
                  setNote(null);
                  setSaved(true);
                });
              }}
            >
              <div className="field">
                <label htmlFor={`${id}-assessment`}>
                  <FormattedMessage id="recommendations.assessment.label" defaultMessage="Implementation" />
                </label>
                <VocabularySelect
                  id={`${id}-assessment`}
                  value={chosen}
                  values={RECOMMENDATION_ASSESSMENTS}
                  labels={ASSESSMENT_MESSAGES}
                  blank={intl.formatMessage(ASSESSMENT_MESSAGES.unassessed)}
                  onChange={(value) => {
                    setAssessment(value);
                    setSaved(false);
                  }}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-note`}>
                  <FormattedMessage id="recommendations.assessment.note" defaultMessage="Why (a note for the team)" />
                </label>
                <textarea
                  id={`${id}-note`}
                  rows={3}
                  value={noteNow}
                  onChange={(e) => {
                    setNote(e.target.value);
                    setSaved(false);
                  }}
                />
              </div>
              <button type="submit" className="primary">
                <FormattedMessage id="recommendations.assessment.save" defaultMessage="Save assessment" />
              </button>
              {saved && (
                <span className="ok-note" role="status">
                  {' '}
                  <FormattedMessage id="recommendations.assessment.saved" defaultMessage="Saved." />
                </span>
              )}
            </form>
          </section>

          <section className="recommendation-evidence" aria-labelledby={`${id}-evidence-title`}>
            <h3 id={`${id}-evidence-title`}>
              <FormattedMessage
                id="recommendations.evidence.title"
                defaultMessage="Evidence ({count, plural, one {# excerpt} other {# excerpts}})"
                values={{ count: rec.evidence.length }}
              />
            </h3>
            {rec.evidence.length === 0 && (
              <p className="hint">
                <FormattedMessage
                  id="recommendations.evidence.none"
                  defaultMessage="No excerpts yet. Add those that show what the State did, or did not do."
                />
              </p>
            )}
            <ul className="evidence-list">
              {rec.evidence.map((e) => (
                <li key={e.excerptId}>
                  <button
                    type="button"
                    className="link-other"
                    onClick={() => onOpenExcerpt({ id: e.excerptId, sourceId: e.sourceId })}
                  >
                    <FormattedMessage {...QUOTED} values={{ text: e.exact }} />
                  </button>{' '}
                  <span className="hint">{e.sourceTitle}</span>{' '}
                  {e.confidentiality !== 'public' && (
                    <span className={`badge ${e.confidentiality}`}>
                      <FormattedMessage {...CONFIDENTIALITY_BADGES[e.confidentiality]} />
                    </span>
                  )}{' '}
                  <button
                    type="button"
                    className="small"
                    onClick={() =>
                      void run(() => mutate('recommendation.removeEvidence', { id: rec.id, excerptId: e.excerptId }))
                    }
                  >
                    <FormattedMessage id="recommendations.evidence.remove" defaultMessage="Remove" />
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => setPicking(true)}>
              <FormattedMessage id="recommendations.evidence.add" defaultMessage="Add evidence…" />
            </button>
          </section>
          {picking && (
            <CitationPicker
              dossierId={dossierId}
              title={
                <FormattedMessage
                  id="recommendations.evidence.pickerTitle"
                  defaultMessage="Add an excerpt as evidence"
                />
              }
              onClose={() => setPicking(false)}
              onPick={(excerptId) => {
                setPicking(false);
                void run(() => mutate('recommendation.addEvidence', { id: rec.id, excerptId }));
              }}
            />
          )}
          {editing && (
            <RecommendationForm dossierId={dossierId} recommendation={rec} onClose={() => setEditing(false)} />
          )}
        </>
      )}
    </section>
  );
}
