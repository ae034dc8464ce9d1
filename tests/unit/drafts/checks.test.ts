// Before export a lawyer runs the UPR submission checks: each problem is named, graded (OHCHR's
// confirmed rules are errors, unconfirmed ones and heuristics warnings) and points at the paragraph,
// note or cover field to fix. Each test starts from a submission that passes and breaks one thing.
import { describe, expect, it } from 'vitest';
import { type CheckOptions, runChecks } from '../../../src/main/drafts/checks.ts';
import { prepareDocument } from '../../../src/main/drafts/document.ts';
import type { DraftContext } from '../../../src/main/drafts/types.ts';
import type { CheckResult } from '../../../src/shared/api/drafts.ts';
import { printedCheck } from '../../../src/shared/i18n/printed.ts';
import {
  COVER,
  cite,
  doc,
  excerpt,
  GOOD_BODY,
  goodContext,
  heading,
  para,
  person,
  recommendation,
  recommendationRef,
  TODAY,
  unnumbered,
} from './support.ts';

function check(context: DraftContext, options: Partial<CheckOptions> = {}) {
  return runChecks(context, { today: TODAY, ...options }).map((r) => ({
    rule: r.rule,
    severity: r.severity,
    target: r.target,
  }));
}

/** A result as the CLI prints it for a draft in English (main gives only a code and values). */
const english = (result: CheckResult) => printedCheck('en', result).message;

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

/** The good body with more paragraphs among the new developments, before the recommendations. */
function withBody(...extra: ReturnType<typeof para>[]) {
  const blocks = GOOD_BODY.content as ReturnType<typeof para>[];
  return doc(...blocks.slice(0, -2), ...extra, ...blocks.slice(-2));
}

describe('a submission that meets every rule', () => {
  it('passes every check', () => {
    expect(runChecks(goodContext(), { today: TODAY })).toEqual([]);
  });
});

describe('length', () => {
  it('is an error one word over 2,815 in an individual submission, and fine at the limit', () => {
    const base = prepareDocument(goodContext(), { redact: false }).words.body;
    const over = goodContext({ body: withBody(unnumbered(words(2816 - base))) });
    const results = runChecks(over, { today: TODAY });
    expect(results.filter((r) => r.rule === 'word-limit')).toEqual([
      {
        rule: 'word-limit',
        severity: 'error',
        code: 'WORD_LIMIT_OVER',
        params: { words: 2816, over: 1, limit: 2815 },
        target: { kind: 'draft' },
      },
    ]);
    expect(english(results.find((r) => r.rule === 'word-limit') as CheckResult)).toBe(
      'The text has 2,816 words: 1 over the limit of 2,815.',
    );
    // The same text is within a joint submission's 5,630 words (which needs two organisations).
    const joint = goodContext({
      template: 'joint',
      body: withBody(unnumbered(words(2816 - base))),
      cover: {
        organisations: [
          ...COVER.organisations,
          {
            ...(COVER.organisations[0] as (typeof COVER.organisations)[0]),
            name: 'Second organisation',
            acronym: 'SO',
          },
        ],
      },
    });
    expect(check(joint).filter((r) => r.rule === 'word-limit')).toEqual([]);
    const exact = goodContext({ body: withBody(unnumbered(words(2815 - base))) });
    expect(check(exact).filter((r) => r.severity === 'error')).toEqual([]);
  });

  it('warns when the notes, or notes and cover, would take it over, since whether they count is unconfirmed', () => {
    const base = prepareDocument(goodContext(), { redact: false }).words;
    const withNotes = goodContext({ body: withBody(unnumbered(words(2815 - base.body - base.notes + 1))) });
    expect(check(withNotes).filter((r) => r.rule === 'word-limit')).toEqual([
      { rule: 'word-limit', severity: 'warning', target: { kind: 'draft' } },
    ]);
    const withCover = goodContext({ body: withBody(unnumbered(words(2815 - base.body - base.notes - 5))) });
    const [result] = runChecks(withCover, { today: TODAY }).filter((r) => r.rule === 'word-limit');
    expect(result).toMatchObject({ severity: 'warning', code: 'WORD_LIMIT_WITH_COVER' });
    expect(english(result as CheckResult)).toContain('cover page');
  });

  it('warns about a note long enough to carry an argument', () => {
    const context = goodContext({
      excerpts: new Map([
        ['e1', excerpt('e1', { sourceTitle: `A very long title ${words(60)}` })],
        ['e2', excerpt('e2')],
      ]),
    });
    expect(check(context)).toEqual([{ rule: 'note-length', severity: 'warning', target: { kind: 'note', number: 1 } }]);
  });
});

describe('notes and what must not leave the vault', () => {
  it('is an error to cite an excerpt deleted from the vault, pointing at its note', () => {
    const context = goodContext({
      excerpts: new Map([
        ['e1', excerpt('e1')],
        ['e2', excerpt('e2', { status: 'deleted' })],
      ]),
    });
    expect(check(context)).toEqual([
      { rule: 'citation-resolves', severity: 'error', target: { kind: 'note', number: 2 } },
    ]);
    // Exported anyway, the note is left out and the others renumbered.
    expect(prepareDocument(context, { redact: false }).notes.map((n) => [n.number, n.draftNumber])).toEqual([[1, 1]]);
  });

  it('is an error to cite an excerpt marked never export, which is left out of every export', () => {
    const context = goodContext({
      excerpts: new Map([
        ['e1', excerpt('e1', { confidentiality: 'never_export' })],
        ['e2', excerpt('e2')],
      ]),
    });
    expect(check(context)).toEqual([{ rule: 'never-export', severity: 'error', target: { kind: 'note', number: 1 } }]);
    for (const redact of [false, true]) {
      const exported = prepareDocument(context, { redact });
      expect(exported.notes.map((n) => n.excerptId)).toEqual(['e2']);
      expect(exported.withheld).toEqual([expect.objectContaining({ excerptId: 'e1', problem: 'never_export' })]);
      expect(exported.blocks.flatMap((b) => b.inlines).filter((i) => i.kind === 'citation')).toEqual([
        { kind: 'citation', excerptId: 'e2', note: 1 },
      ]);
    }
  });

  it('warns at each citation of a restricted excerpt, withheld until its source is confirmed as nameable', () => {
    // Restricted is "for the team": cited twice here, from a source nobody has cleared yet.
    const context = goodContext({
      body: withBody(para('A union member confirmed it in an interview.', cite('e1'))),
      excerpts: new Map([
        ['e1', excerpt('e1', { confidentiality: 'restricted', sourceTitle: 'Interview notes, Almaty' })],
        ['e2', excerpt('e2')],
      ]),
    });
    const results = runChecks(context, { today: TODAY });
    expect(results).toEqual(
      [1, 3].map((note) => ({
        rule: 'restricted',
        severity: 'warning',
        code: 'RESTRICTED_CITATION_WITHHELD',
        params: { note, source: 'Interview notes, Almaty' },
        target: { kind: 'note', number: note },
      })),
    );
    // The main process gives a code; the words come from the shared catalogue.
    expect(english(results[0] as CheckResult)).toMatch(
      /^Cites a restricted excerpt of “Interview notes, Almaty”, meant for the team: left out/,
    );
    const withheld = prepareDocument(context, { redact: false });
    expect(withheld.notes.map((n) => n.excerptId)).toEqual(['e2']);
    expect(withheld.withheld.map((n) => [n.number, n.problem])).toEqual([
      [1, 'restricted'],
      [3, 'restricted'],
    ]);
    expect(withheld.restricted).toEqual([
      { sourceId: 'source-e1', title: 'Interview notes, Almaty', notes: [1, 3], named: false },
    ]);

    // Once the person confirms the source may be named, the notes go out, still with a warning each.
    const named = runChecks(context, { today: TODAY, nameSources: ['source-e1'] });
    expect(named.map((r) => [r.code, r.target])).toEqual([
      ['RESTRICTED_CITATION_NAMED', { kind: 'note', number: 1 }],
      ['RESTRICTED_CITATION_NAMED', { kind: 'note', number: 3 }],
    ]);
    const out = prepareDocument(context, { redact: false, nameSources: ['source-e1'] });
    expect(out.notes.map((n) => n.excerptId)).toEqual(['e1', 'e2', 'e1']);
    expect(out.withheld).toEqual([]);
    // Confirming another source does not name this one.
    expect(prepareDocument(context, { redact: false, nameSources: ['source-e2'] }).notes).toHaveLength(1);
  });

  it('is an error to paste the words of a never-export excerpt into the text without citing it', () => {
    const secret = 'the witness was beaten at the Zhanaozen police station on 17 December';
    const context = goodContext({
      body: withBody(para(`We were told that ${secret}.`)),
      protectedQuotes: () => [{ excerptId: 'x1', exact: secret }],
    });
    expect(check(context)).toEqual([
      { rule: 'never-export', severity: 'error', target: { kind: 'paragraph', number: 4 } },
    ]);
  });

  it('asks for redaction when a pseudonymised name is in the text, and an error for a protected name without pseudonym', () => {
    const body = withBody(para('Amin Eleusinov was sentenced in 2017.'), para('Larisa Kharkova was restricted.'));
    const context = goodContext({
      body,
      entities: [person('Amin Eleusinov'), person('Larisa Kharkova', { pseudonym: null, sensitivity: 'protected' })],
    });
    const withheld = { rule: 'pseudonym', severity: 'error', target: { kind: 'paragraph', number: 5 } };
    expect(check(context)).toEqual([
      withheld,
      { rule: 'pseudonym', severity: 'warning', target: { kind: 'paragraph', number: 4 } },
    ]);
    expect(check(context, { redact: false })).toEqual([
      { rule: 'pseudonym', severity: 'error', target: { kind: 'paragraph', number: 4 } },
      withheld,
    ]);
    expect(check(context, { redact: true })).toEqual([withheld]);
  });
});

describe('numbering, format and structure', () => {
  it('is an error to have no numbered paragraph, and a warning to type numbers by hand or leave a long paragraph unnumbered', () => {
    expect(check(goodContext({ body: doc(heading(1, 'Introduction'), unnumbered('Only a quotation.')) }))).toEqual(
      expect.arrayContaining([{ rule: 'paragraph-numbering', severity: 'error', target: { kind: 'draft' } }]),
    );
    const notTyped = withBody(
      para('12.5 million workers are not in a union.'),
      para('2019 was the year of the strike.'),
    );
    expect(check(goodContext({ body: notTyped }))).toEqual([]);
    expect(check(goodContext({ body: withBody(para('5. A number typed by hand.'), unnumbered(words(61))) }))).toEqual([
      { rule: 'paragraph-numbering', severity: 'warning', target: { kind: 'paragraph', number: 4 } },
      { rule: 'paragraph-numbering', severity: 'warning', target: { kind: 'paragraph', number: 4 } },
    ]);
  });

  it('warns that HTML or Markdown is not what OHCHR accepts, and that the provenance annex is not for submitting', () => {
    expect(check(goodContext(), { format: 'docx' })).toEqual([]);
    expect(check(goodContext(), { format: 'html' })).toEqual([
      { rule: 'file-format', severity: 'warning', target: { kind: 'draft' } },
    ]);
    expect(check(goodContext(), { format: 'docx', provenance: true })).toEqual([
      { rule: 'provenance-annex', severity: 'warning', target: { kind: 'draft' } },
    ]);
  });

  it('is an error to open with the follow-up before any summary paragraph', () => {
    const body = doc(heading(1, 'Follow-up to the previous review'), para('Kazakhstan noted it.', cite('e1')));
    expect(check(goodContext({ body }))).toEqual([
      { rule: 'summary', severity: 'error', target: { kind: 'paragraph', number: 1 } },
    ]);
    const noFollowUp = doc(heading(1, 'Introduction'), para('A summary of the submission.', cite('e1')));
    expect(check(goodContext({ body: noFollowUp }))).toEqual([
      { rule: 'structure', severity: 'warning', target: { kind: 'draft' } },
    ]);
  });
});

describe('the cover page', () => {
  it('needs exactly one organisation for an individual submission and at least two for a joint one', () => {
    const org = COVER.organisations[0] as (typeof COVER.organisations)[0];
    expect(check(goodContext({ cover: { organisations: [org, { ...org, acronym: 'KSPK' }] } }))).toEqual([
      { rule: 'submitter', severity: 'error', target: { kind: 'cover', field: 'organisations' } },
    ]);
    expect(check(goodContext({ template: 'joint' }))).toEqual([
      { rule: 'submitter', severity: 'error', target: { kind: 'cover', field: 'organisations' } },
    ]);
    expect(check(goodContext({ cover: { organisations: [] } }))).toEqual([
      { rule: 'submitter', severity: 'error', target: { kind: 'cover', field: 'organisations' } },
    ]);
  });

  it('needs each organisation’s activities and founding year', () => {
    const org = COVER.organisations[0] as (typeof COVER.organisations)[0];
    const results = runChecks(
      goodContext({ cover: { organisations: [{ ...org, foundedYear: null, activities: ' ' }] } }),
      { today: TODAY },
    );
    expect(results.map((r) => [r.rule, r.severity, english(r)])).toEqual([
      ['organisation-paragraph', 'error', 'ICTUR: add a paragraph on what the organisation does.'],
      ['organisation-paragraph', 'error', 'ICTUR: add the year the organisation was founded.'],
    ]);
  });

  it('needs the session and cycle, month, contact with a valid e-mail, and keywords', () => {
    const results = check(
      goodContext({
        cover: {
          session: null,
          cycle: null,
          monthYear: '',
          contactName: '',
          contactEmail: 'not an address',
          keywords: [],
        },
      }),
    );
    expect(results).toEqual(
      ['session', 'cycle', 'monthYear', 'contactName', 'contactEmail', 'keywords'].map((field) => ({
        rule: field === 'keywords' ? 'keywords' : 'front-matter',
        severity: 'error',
        target: { kind: 'cover', field },
      })),
    );
  });

  it('checks the session against the cycle: an error up to the 4th cycle, a warning for the 5th whose sessions are unconfirmed', () => {
    const atForty = { ...goodContext().dossier, session: '40' };
    expect(check(goodContext({ cover: { session: 40, cycle: 4 }, dossier: atForty }))).toEqual([
      { rule: 'front-matter', severity: 'error', target: { kind: 'cover', field: 'session' } },
    ]);
    const fifth = { ...goodContext().dossier, cycle: 5 };
    expect(check(goodContext({ cover: { session: 48, cycle: 5 }, dossier: fifth }))).toEqual([
      { rule: 'front-matter', severity: 'warning', target: { kind: 'cover', field: 'session' } },
    ]);
  });

  it('warns when the cover and the dossier name different reviews, saying which says what', () => {
    // The dossier was moved to the 5th cycle (session 62) after the draft's cover was filled from it.
    const moved = { ...goodContext().dossier, cycle: 5, session: '62nd session' };
    const results = runChecks(goodContext({ dossier: moved }), { today: TODAY });
    expect(results.map((r) => [r.rule, r.severity, r.target, english(r)])).toEqual([
      [
        'dossier-review',
        'warning',
        { kind: 'cover', field: 'cycle' },
        'The cover names the 4th cycle, the dossier the 5th. Correct the one that is out of date.',
      ],
      [
        'dossier-review',
        'warning',
        { kind: 'cover', field: 'session' },
        'The cover names session 48, the dossier session 62. Correct the one that is out of date.',
      ],
    ]);
    // A dossier that does not say which review it targets has nothing to disagree with.
    const unknown = { ...goodContext().dossier, cycle: null, session: null };
    expect(runChecks(goodContext({ dossier: unknown }), { today: TODAY })).toEqual([]);
  });

  it('needs one State under review, the dossier’s', () => {
    const results = runChecks(goodContext({ cover: { state: 'Kazakhstan, Kyrgyzstan' } }), { today: TODAY });
    expect(results.map((r) => [r.rule, r.severity, english(r)])).toEqual([
      ['one-state', 'error', 'A submission covers one State under review; the cover names 2: Kazakhstan, Kyrgyzstan.'],
    ]);
    expect(check(goodContext({ cover: { state: '' } }))).toEqual([
      { rule: 'one-state', severity: 'error', target: { kind: 'cover', field: 'state' } },
    ]);
    expect(check(goodContext({ cover: { state: 'Uzbekistan' } }))).toEqual([
      { rule: 'one-state', severity: 'warning', target: { kind: 'cover', field: 'state' } },
    ]);
    const bosnia = goodContext({ cover: { state: 'Bosnia and Herzegovina' } });
    bosnia.dossier.country = 'BIH';
    expect(check(bosnia)).toEqual([]);
  });

  it('needs a UN official language, and warns outside English, French and Spanish or when the text is in another', () => {
    expect(check(goodContext({ cover: { language: 'de' } }))).toEqual([
      { rule: 'language', severity: 'error', target: { kind: 'cover', field: 'language' } },
    ]);
    expect(check(goodContext({ cover: { language: 'ru' } }))).toEqual(
      expect.arrayContaining([{ rule: 'language', severity: 'warning', target: { kind: 'cover', field: 'language' } }]),
    );
    expect(check(goodContext({ cover: { language: 'fr' } }))).toEqual([
      { rule: 'language', severity: 'warning', target: { kind: 'cover', field: 'language' } },
    ]);
  });
});

describe('recommendations', () => {
  it('is an error to refer to a recommendation no longer in the vault, or one without number or State', () => {
    const gone = check(
      goodContext({ recommendations: new Map([['r1', recommendation('r1', { status: 'deleted' })]]) }),
    );
    expect(gone).toEqual([
      { rule: 'recommendation-ref', severity: 'error', target: { kind: 'paragraph', number: 2 } },
      { rule: 'recommendation-ref', severity: 'error', target: { kind: 'paragraph', number: 4 } },
    ]);
    const incomplete = check(
      goodContext({
        recommendations: new Map([['r1', recommendation('r1', { paragraph: 'para. twelve', recommendingStates: [] })]]),
      }),
    );
    expect(incomplete.filter((r) => r.target.kind === 'paragraph' && r.target.number === 2)).toEqual([
      { rule: 'recommendation-ref', severity: 'error', target: { kind: 'paragraph', number: 2 } },
      { rule: 'recommendation-ref', severity: 'error', target: { kind: 'paragraph', number: 2 } },
    ]);
  });

  it('warns when the position, the report symbol or the cycle does not fit', () => {
    const results = runChecks(
      goodContext({
        recommendations: new Map([
          ['r1', recommendation('r1', { response: null, documentSymbol: null, session: '41', cycle: 3 })],
        ]),
      }),
      { today: TODAY },
    ).filter((r) => r.target.kind === 'paragraph' && r.target.number === 2);
    expect(results.map((r) => [r.severity, english(r)])).toEqual([
      ['warning', 'Recommendation 140.12 lacks the symbol of the Working Group report, such as A/HRC/43/10.'],
      ['warning', 'Recommendation 140.12 does not say whether it was supported or noted.'],
      ['warning', 'Recommendation 140.12 is from session 41, which is not in the 3rd cycle it is filed under.'],
    ]);
    const current = check(
      goodContext({ recommendations: new Map([['r1', recommendation('r1', { cycle: 4, session: '48' })]]) }),
    );
    expect(current).toEqual([
      { rule: 'recommendation-ref', severity: 'warning', target: { kind: 'paragraph', number: 2 } },
      { rule: 'recommendation-ref', severity: 'warning', target: { kind: 'paragraph', number: 4 } },
    ]);
  });

  it('is an error to refer to a recommendation tracked in another dossier; an ILO request is not held to the UPR report’s form', () => {
    const elsewhere = runChecks(
      goodContext({ recommendations: new Map([['r1', recommendation('r1', { inOtherDossier: true })]]) }),
      { today: TODAY },
    ).filter((r) => r.rule === 'recommendation-ref');
    expect(elsewhere.map((r) => [r.severity, english(r)])).toEqual([
      ['error', 'Refers to a recommendation tracked in another dossier, not in this review’s list of recommendations.'],
      ['error', 'Refers to a recommendation tracked in another dossier, not in this review’s list of recommendations.'],
    ]);
    const ilo = check(
      goodContext({
        recommendations: new Map([
          [
            'r1',
            recommendation('r1', {
              mechanism: 'ilo',
              paragraph: null,
              recommendingStates: [],
              documentSymbol: null,
              response: null,
              iloBody: 'CEACR',
              iloYear: 2023,
              iloConvention: 'C.87',
            }),
          ],
        ]),
      }),
    );
    expect(ilo.filter((r) => r.rule === 'recommendation-ref')).toEqual([]);
  });

  it('warns about proposed recommendations that are vague, open-ended, double, or repeat one without naming it', () => {
    const body = doc(
      ...(GOOD_BODY.content.slice(0, -1) as ReturnType<typeof para>[]),
      para('We recommend that the Government of Kazakhstan:'),
      para('Consider reforming the trade union law by 2026.'),
      para('Repeal Article 14 of the Law on Trade Unions.'),
      para('Ratify ILO Convention No. 151 and amend the Labour Code by 2026.'),
      para('Release all detained union leaders immediately, as recommended previously.'),
      para('Investigate the Zhanaozen killings by 2026 ', recommendationRef('r1'), '.'),
    );
    const results = runChecks(goodContext({ body }), { today: TODAY }).filter((r) => r.rule === 'smart');
    expect(results.map((r) => [(r.target as { number: number }).number, r.code, english(r)])).toEqual([
      [
        5,
        'SMART_VAGUE_VERB',
        '“Consider” is hard to measure; name the concrete action (amend, repeal, establish, investigate…).',
      ],
      [6, 'SMART_NO_TIME', 'Say by when (a year, “within 12 months”, “before the next review”).'],
      [7, 'SMART_SEVERAL_ACTIONS', 'One action per recommendation; split this one.'],
      [
        8,
        'SMART_PREVIOUSLY_UNREFERENCED',
        'It says it was recommended previously; refer to the earlier recommendation itself.',
      ],
      [9, 'SMART_REPEAT_UNSAID', 'It repeats an earlier recommendation; say “as recommended previously”.'],
    ]);
  });
});

describe('the deadline of the review', () => {
  it('warns within 7 days and is an error once it has passed', () => {
    const context = goodContext();
    expect(check(context, { today: '2027-03-07' })).toEqual([]);
    expect(runChecks(context, { today: '2027-03-08' }).map((r) => [r.rule, r.severity, english(r)])).toEqual([
      ['deadline', 'warning', 'The submission is due in 7 days (15 March 2027).'],
    ]);
    expect(english(runChecks(context, { today: '2027-03-15' })[0] as CheckResult)).toBe(
      'The submission is due today (15 March 2027).',
    );
    expect(check(context, { today: '2027-03-16' })).toEqual([
      { rule: 'deadline', severity: 'error', target: { kind: 'draft' } },
    ]);
  });
});
