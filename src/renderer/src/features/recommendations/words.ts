// The tracker's words: the State's responses, our assessments, the mechanisms, the UPR themes in the
// interface language (a theme not on the UPR list, typed or imported, shows as stored), and a
// recommendation's short reference as the field writes it ("A/HRC/43/10, para. 140.12 (Germany)").
import { useCallback } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import type { AssessmentFilter, RecommendationListItem } from '../../../../shared/api.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import type { IloBody, RecommendationMechanism, RecommendationResponse } from '../../../../shared/recommendations.ts';
import { UPR_THEME_MESSAGES, uprThemeKey } from '../../../../shared/upr-themes.ts';

export const RESPONSE_MESSAGES = defineMessages({
  supported: { id: 'recommendations.response.supported', defaultMessage: 'Supported' },
  noted: { id: 'recommendations.response.noted', defaultMessage: 'Noted' },
  partially_supported: { id: 'recommendations.response.partially_supported', defaultMessage: 'Partially supported' },
  no_response: { id: 'recommendations.response.no_response', defaultMessage: 'No response' },
} satisfies Record<RecommendationResponse, unknown>);

export const ASSESSMENT_MESSAGES = defineMessages({
  implemented: { id: 'recommendations.assessment.implemented', defaultMessage: 'Implemented' },
  partially_implemented: {
    id: 'recommendations.assessment.partially_implemented',
    defaultMessage: 'Partially implemented',
  },
  not_implemented: { id: 'recommendations.assessment.not_implemented', defaultMessage: 'Not implemented' },
  no_information: { id: 'recommendations.assessment.no_information', defaultMessage: 'No information' },
  unassessed: { id: 'recommendations.assessment.unassessed', defaultMessage: 'Not assessed' },
} satisfies Record<AssessmentFilter, unknown>);

export const MECHANISM_MESSAGES = defineMessages({
  upr: { id: 'recommendations.mechanism.upr', defaultMessage: 'UPR recommendation' },
  ilo: { id: 'recommendations.mechanism.ilo', defaultMessage: 'ILO supervisory body' },
} satisfies Record<RecommendationMechanism, unknown>);

export const ILO_BODY_MESSAGES = defineMessages({
  CEACR: { id: 'recommendations.iloBody.CEACR', defaultMessage: 'CEACR (Committee of Experts)' },
  CAS: { id: 'recommendations.iloBody.CAS', defaultMessage: 'CAS (Conference Committee)' },
  CFA: { id: 'recommendations.iloBody.CFA', defaultMessage: 'CFA (Committee on Freedom of Association)' },
} satisfies Record<IloBody, unknown>);

/** A stored theme in the interface language. */
export function themeLabel(intl: IntlShape, theme: string): string {
  const key = uprThemeKey(theme);
  return key ? intl.formatMessage(UPR_THEME_MESSAGES[key]) : theme;
}

export function useThemeLabel(): (theme: string) => string {
  const intl = useIntl();
  return useCallback((theme) => themeLabel(intl, theme), [intl]);
}

type Referenced = Pick<
  RecommendationListItem,
  'mechanism' | 'documentSymbol' | 'paragraph' | 'recommendingStates' | 'iloBody' | 'iloYear' | 'iloConvention'
>;

/** "A/HRC/43/10, para. 140.12 (Germany)"; an ILO request: "CEACR (2023), C.87". */
export function referenceLabel(intl: IntlShape, rec: Referenced): string {
  if (rec.mechanism === 'ilo') {
    return [[rec.iloBody, rec.iloYear ? `(${rec.iloYear})` : ''].filter(Boolean).join(' '), rec.iloConvention ?? '']
      .filter(Boolean)
      .join(', ');
  }
  const where = [
    rec.documentSymbol ?? '',
    rec.paragraph
      ? intl.formatMessage(
          { id: 'recommendations.reference.paragraph', defaultMessage: 'para. {paragraph}' },
          { paragraph: rec.paragraph },
        )
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  const states = rec.recommendingStates.join(', ');
  return [where, states ? `(${states})` : ''].filter(Boolean).join(' ');
}
