// The kinds of source in the users' words, from the catalog (the shared SOURCE_KIND_LABELS stay
// English for the CLI and exports). Other screens that name a source's kind can use these too.
import type { SourceKind } from '../../../../shared/domain.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';

export const SOURCE_KIND_MESSAGES = defineMessages({
  government_reply: { id: 'source.kind.government_reply', defaultMessage: 'Government reply' },
  ngo_report: { id: 'source.kind.ngo_report', defaultMessage: 'NGO report' },
  un_document: { id: 'source.kind.un_document', defaultMessage: 'UN document' },
  ilo_document: { id: 'source.kind.ilo_document', defaultMessage: 'ILO document' },
  media: { id: 'source.kind.media', defaultMessage: 'Media' },
  web_page: { id: 'source.kind.web_page', defaultMessage: 'Web page' },
  testimony: { id: 'source.kind.testimony', defaultMessage: 'Interview / testimony' },
  court_decision: { id: 'source.kind.court_decision', defaultMessage: 'Court decision' },
  letter: { id: 'source.kind.letter', defaultMessage: 'Letter' },
  law: { id: 'source.kind.law', defaultMessage: 'Law or regulation' },
  other: { id: 'source.kind.other', defaultMessage: 'Other' },
} satisfies Record<SourceKind, unknown>);
