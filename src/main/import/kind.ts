// A first guess at what kind of document a source is, from what its text says about itself, so that
// the same document gets the same kind whether it arrived as PDF, Word, a web page or plain text.
// Only a prefill: the person confirms or corrects it in the import results. The file's format
// decides nothing, except that a real saved web page with no better kind is a "web page".
import type { SourceKind } from '../../shared/domain.ts';
import type { ImportedDocument } from '../ingest/types.ts';

interface Facts {
  /** The title and the first few short blocks: letterheads, headings, subject lines. */
  top: string;
  /** Title and the text's opening (3,000 characters). */
  head: string;
  /** The text's first 20,000 characters, for cues a document repeats (closing formulas, statements). */
  body: string;
  symbol: string;
  savedPage: boolean;
}

const count = (text: string, pattern: RegExp) =>
  text.match(new RegExp(pattern.source, `${pattern.flags}g`))?.length ?? 0;

// A letter opens with a salutation and ends with a closing formula; a reference number or a subject
// line is the third sign. Two signs make a letter (a report quoting "Dear colleagues" is not one).
const SALUTATION =
  /(?:^|\n)\s*(?:Dear\s+(?:Sir|Madam|Mr|Ms|Mrs|Dr|Professor|Colleagues?|Director|Minister|Chair|Members|[A-Z][\p{L}-]+)|Excellency|Your Excellency|Уважаем(?:ый|ая|ые)|Monsieur|Madame)(?!\p{L})/u;
// JavaScript's \b knows only Latin letters: Cyrillic words are bounded with \p{L} look-arounds.
const CLOSING =
  /(?<!\p{L})(?:Yours (?:sincerely|faithfully|truly)|Sincerely(?: yours)?|Respectfully(?: yours)?|Kind regards|Best regards|(?:Please )?accept[^.]{0,80}assurances? of (?:my|our) (?:highest|high|distinguished) consideration|avails? (?:itself|himself|herself) of this opportunity to renew|С уважением|Примите уверения)(?!\p{L})/iu;
const REFERENCE =
  /(?:^|\n)\s*(?:Our ref(?:erence)?\.?|Your ref(?:erence)?\.?|Ref(?:erence)?\.?\s*(?:No\.?|№)|Outgoing No\.?|Исх\.?\s*№|Вх\.?\s*№|№\s*\d[\d/-]*\s+от)|(?:^|\n)\s*(?:Subject|Re|Тема|О\s+рассмотрении)\s*:/iu;

const RULES: { kind: SourceKind; test: (f: Facts) => boolean }[] = [
  {
    kind: 'un_document',
    test: ({ symbol, top }) =>
      /^(A\/HRC|A\/\d|CCPR\/|E\/C\.12|CERD\/|CEDAW\/|CAT\/|CRC\/|CRPD\/|CMW\/|CED\/)/.test(symbol) ||
      /\bDistr\.?:?\s*(?:General|Restricted)\b/i.test(top),
  },
  {
    kind: 'letter',
    test: ({ head, body }) => {
      const signs = [SALUTATION.test(head), CLOSING.test(body), REFERENCE.test(head)];
      return signs.filter(Boolean).length >= 2;
    },
  },
  {
    kind: 'court_decision',
    test: ({ top, head }) =>
      /\b(judgment|judgement|court decision|verdict|ruling of the|decision of the [\p{L} -]{0,60}court|in the name of the republic)\b|решение\s+(?:[\p{L}-]+\s+){0,3}суда|приговор|постановление\s+(?:[\p{L}-]+\s+){0,3}суда|именем республики/iu.test(
        top,
      ) ||
      count(
        head,
        /\bthe [\p{L} -]{0,40}court(?:,[^.]{0,120},)?\s+(?:finds|found|held|holds|rules|ruled|decided|decides|dismissed|dismisses)\b/iu,
      ) >= 1,
  },
  {
    kind: 'law',
    // Its title names the act ("Law of the Republic of Kazakhstan On Trade Unions", "Labour Code",
    // "Закон Республики …", "Кодекс …") and its body is numbered articles.
    test: ({ top, head }) =>
      /(?:^|\n)\s*(?:(?:the\s+)?(?:law|act|code|constitution|decree|resolution|regulation|ordinance)\s+(?:of|on)\b|[\p{L} ]{0,40}\b(?:code|act)\s+of\s+(?:the\s+)?republic|закон\b|кодекс\b|конституция\b|указ\b|постановление правительства)/iu.test(
        top,
      ) && count(head, /(?:^|\n)\s*(?:Article|Статья)\s+\d+/iu) >= 2,
  },
  {
    kind: 'government_reply',
    test: ({ head }) =>
      /information (supplied|provided|submitted) by the government|the government (?:has )?provided the following|reply of the government|replies of the government|(?:comments|observations|response) of the government|national report|government report|report of the government|state party(?:'s|’s)? report|информация,? представленная правительством|ответ правительства|национальный доклад/i.test(
        head,
      ),
  },
  {
    kind: 'ilo_document',
    test: ({ head, symbol }) =>
      /^CAN\/|^ILC\.|^GB\.\d/.test(symbol) ||
      /\b(CEACR|Committee on the Application of Standards|Committee on Freedom of Association)\b/.test(head),
  },
  {
    kind: 'testimony',
    test: ({ head }) =>
      /\b(interview|testimony|witness statement|field note)\b|интервью|полевая заметка|свидетел/i.test(head),
  },
  {
    kind: 'ngo_report',
    test: ({ head, body }) =>
      /\b(stakeholder submission|shadow report|alternative report|joint submission|submission to the universal periodic review|submitting organi[sz]ation)\b|альтернативный доклад/i.test(
        head,
      ) ||
      // A statement an organisation makes in its own name: "The ITUC condemns…", "… calls on the authorities to".
      count(
        body,
        /\b(?:condemns|deplores|denounces|calls (?:on|upon|for)|urges|demands that|we call|мы призываем|осуждает|призывает)\b/iu,
      ) >= 3,
  },
  { kind: 'web_page', test: ({ savedPage }) => savedPage },
];

export function guessKind(doc: ImportedDocument): SourceKind {
  const title = doc.metadata.title ?? '';
  const shortBlocks = doc.blocks
    .slice(0, 8)
    .map((b) => doc.text.slice(b.start, b.end))
    .filter((t) => t.length <= 200);
  const facts: Facts = {
    top: [title, ...shortBlocks].join('\n'),
    head: `${title}\n${doc.text.slice(0, 3000)}`,
    body: doc.text.slice(0, 20_000),
    symbol: doc.metadata.symbol ?? '',
    savedPage: doc.savedPage === true,
  };
  return RULES.find((rule) => rule.test(facts))?.kind ?? 'other';
}
