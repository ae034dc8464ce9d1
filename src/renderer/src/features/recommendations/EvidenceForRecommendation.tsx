// "Evidence for a recommendation…" beside an excerpt (the reader's inspector): pick one of the
// dossier's recommendations and add the excerpt to what shows how far it was implemented.
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { mutate, useApiPages } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { RecommendationPicker } from './RecommendationPicker.tsx';
import { referenceLabel } from './words.ts';

export function EvidenceForRecommendation({
  dossierId,
  excerptId,
  className,
}: {
  dossierId: string;
  excerptId: string;
  className?: string;
}) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [picking, setPicking] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useApiPages('recommendation.list', { dossierId, excerptId }, { pageSize: 20 });
  return (
    <>
      {shown.items && shown.items.length > 0 && (
        <p className="hint excerpt-recommendations">
          <FormattedMessage
            id="recommendations.evidenceOf"
            defaultMessage="Evidence of {recommendations}"
            values={{
              recommendations: intl.formatList(
                shown.items.map((r) => referenceLabel(intl, r)),
                { type: 'conjunction' },
              ),
            }}
          />
        </p>
      )}
      <button
        type="button"
        className={className ?? 'small'}
        onClick={() => {
          setAdded(null);
          setError(null);
          setPicking(true);
        }}
      >
        <FormattedMessage id="recommendations.evidenceFor" defaultMessage="Evidence for a recommendation…" />
      </button>
      {added && (
        <p className="ok-note" role="status">
          <FormattedMessage
            id="recommendations.evidenceFor.added"
            defaultMessage="Added as evidence of {recommendation}."
            values={{ recommendation: added }}
          />
        </p>
      )}
      <ErrorNote message={error} />
      {picking && (
        <RecommendationPicker
          dossierId={dossierId}
          onClose={() => setPicking(false)}
          onPick={(recommendationId) => {
            setPicking(false);
            mutate('recommendation.addEvidence', { id: recommendationId, excerptId }).then(
              (rec) => setAdded(referenceLabel(intl, rec)),
              (e: unknown) => setError(errorText(e)),
            );
          }}
        />
      )}
    </>
  );
}
