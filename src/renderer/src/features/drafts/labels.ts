// Words the drafts screens share: the templates' names, the excerpts' confidentiality badges, and
// when something was saved. Looked up at render, in the interface language.
import type { IntlShape } from 'react-intl';
import type { Confidentiality } from '../../../../shared/domain.ts';
import type { DraftTemplate } from '../../../../shared/draft.ts';
import { defineMessage, defineMessages, type MessageDescriptor } from '../../../../shared/i18n/define.ts';

export const TEMPLATE_LABELS: Record<DraftTemplate, MessageDescriptor> = defineMessages({
  individual: { id: 'drafts.template.individual', defaultMessage: 'Individual submission' },
  joint: { id: 'drafts.template.joint', defaultMessage: 'Joint submission' },
});

export const CONFIDENTIALITY_BADGES: Record<Confidentiality, MessageDescriptor> = defineMessages({
  public: { id: 'drafts.confidentiality.public', defaultMessage: 'Public' },
  restricted: { id: 'drafts.confidentiality.restricted', defaultMessage: 'Restricted' },
  never_export: { id: 'drafts.confidentiality.neverExport', defaultMessage: 'Never export' },
});

/** A quotation as the interface language marks one: “…” in English, «…» in Russian. */
export const QUOTED: MessageDescriptor = defineMessage({
  id: 'drafts.quoted',
  defaultMessage: '“{text}”',
  description: 'An excerpt quoted in a list or a tooltip; only the quotation marks are translated',
});

/** When a draft or version was saved, as lists show it: "30 Nov 2026, 07:52" in English. */
export function savedAt(intl: IntlShape, iso: string): string {
  return intl.formatDate(iso, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
