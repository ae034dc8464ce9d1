// A first guess at what kind of document a source is, from what the file says about itself.
// Only a prefill: the person confirms or corrects it in the import results.
import type { SourceKind } from '../../shared/domain.ts';
import type { ImportedDocument } from '../ingest/types.ts';

const RULES: {
  kind: SourceKind;
  test: (d: { title: string; head: string; symbol: string; format: string }) => boolean;
}[] = [
  {
    kind: 'government_reply',
    test: ({ head }) =>
      /information (supplied|provided) by the government|the government has provided|reply of the government|national report/i.test(
        head,
      ),
  },
  {
    kind: 'testimony',
    test: ({ head }) =>
      /\b(interview|testimony|witness statement|field note)\b|интервью|полевая заметка|свидетел/i.test(head),
  },
  {
    kind: 'court_decision',
    test: ({ head }) =>
      /\b(judgment|judgement|court decision|verdict|ruling of the)\b|решение суда|приговор/i.test(head),
  },
  {
    kind: 'ilo_document',
    test: ({ head, symbol }) =>
      /^CAN\/|^ILC\.|^GB\.\d/.test(symbol) ||
      /\b(CEACR|Committee on the Application of Standards|Committee on Freedom of Association)\b/.test(head),
  },
  {
    kind: 'un_document',
    test: ({ symbol }) => /^(A\/HRC|A\/\d|CCPR\/|E\/C\.12|CERD\/|CEDAW\/|CAT\/|CRC\/)/.test(symbol),
  },
  {
    kind: 'ngo_report',
    test: ({ head }) =>
      /\b(stakeholder submission|shadow report|alternative report|submission to the universal periodic review)\b/i.test(
        head,
      ),
  },
  { kind: 'web_page', test: ({ format }) => format === 'html' },
];

export function guessKind(doc: ImportedDocument): SourceKind {
  const facts = {
    title: doc.metadata.title ?? '',
    head: `${doc.metadata.title ?? ''}\n${doc.text.slice(0, 3000)}`,
    symbol: doc.metadata.symbol ?? '',
    format: doc.format,
  };
  return RULES.find((rule) => rule.test(facts))?.kind ?? 'other';
}
