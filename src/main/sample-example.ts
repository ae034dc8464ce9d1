// The sample dossier as a finished piece of work: coded excerpts with notes, a small code book,
// entities (one person protected by a pseudonym), and a UPR submission draft whose every numbered
// paragraph is cited, that passes the checks and exports with redaction. It is built through the
// API table, as the app builds a dossier, so it stays valid when the schema or the checks change
// (tests/integration/sample/worked-example.test.ts runs the checks and the export on it).
import { allPages, MAX_PAGE_SIZE } from '../shared/api/paging.ts';
import type { Method, Params, Result } from '../shared/api.ts';
import type { DraftNode } from '../shared/draft.ts';

/** Calls a method of the API table on the sample vault. */
export type SampleApi = <M extends Method>(method: M, params: Params<M>) => Promise<Result<M>>;

/** The public documents of the sample: these may be copied into the person's own vault. */
export const PUBLIC_SAMPLE_FILES = [
  'ilo-cas-kazakhstan-c87-2022.pdf',
  'ictur-upr-submission-kazakhstan.docx',
  'campaign-page-kazakhstan-fundamental-rights.html',
] as const;

/** Made up for the sample: it stays there, never copied into a real case file. */
export const FICTIONAL_SAMPLE_FILES = ['field-note-ru.txt'] as const;

/** The fictional organisation that "wrote" the field note and submits the sample draft. */
const ORGANISATION = {
  name: 'Labour Rights Monitor',
  acronym: 'LRM',
  city: 'Karaganda',
  country: 'Kazakhstan',
  activities:
    'A fictional organisation, made up for Upright’s sample dossier. It monitors trade union rights in Kazakhstan through interviews with union members and court records.',
  foundedYear: 2015,
  website: '',
};

/** The protected person of the sample (fictional): the draft names him, every export shows the pseudonym. */
export const SAMPLE_PERSON = { name: 'Serik Akhmetov', pseudonym: 'the chair of a local union' } as const;

export const SAMPLE_DRAFT_TITLE = 'Sample submission: registration of trade unions';

type Confidentiality = NonNullable<Params<'excerpt.update'>['confidentiality']>;
type Stance = NonNullable<Params<'excerpt.update'>['stance']>;

interface ExcerptPlan {
  file: string;
  /** The words as the importer reads them; the sample refuses to open if they are not found. */
  exact: string;
  note: string;
  codes: CodeKey[];
  confidentiality: Confidentiality;
  stance: Stance;
}

const CODES = {
  registration: {
    name: 'Registration of unions',
    colour: '#f6d365',
    description: 'Refusals, delays and conditions placed on registering a trade union.',
  },
  law: {
    name: 'Legislative reform',
    colour: '#a0c4ff',
    description: 'Laws on trade unions and their amendments, adopted or planned.',
  },
  prosecution: {
    name: 'Prosecution of union leaders',
    colour: '#ffadad',
    description: 'Criminal cases, bans and detention of union leaders.',
  },
  reprisals: {
    name: 'Reprisals against members',
    colour: '#caffbf',
    description: 'Dismissals and pressure on workers for joining a union.',
  },
  strike: {
    name: 'Right to strike',
    colour: '#bdb2ff',
    description: 'Conditions on strikes and collective labour disputes.',
  },
} as const;
type CodeKey = keyof typeof CODES;

const EXCERPTS = {
  notification: {
    file: 'ilo-cas-kazakhstan-c87-2022.pdf',
    exact:
      'The first is modification of the procedure for state registration of trade unions to the notification procedure.',
    note: 'The Government’s own plan: registration by notification. Compare with the refusals reported since.',
    codes: ['registration', 'law'],
    confidentiality: 'public',
    stance: 'state_claim',
  },
  negotiation: {
    file: 'ilo-cas-kazakhstan-c87-2022.pdf',
    exact: 'The proposed amendments are currently in the process of negotiation.',
    note: 'No date for adoption: ask in the recommendation for one.',
    codes: ['law'],
    confidentiality: 'public',
    stance: 'state_claim',
  },
  warningStrikes: {
    file: 'ilo-cas-kazakhstan-c87-2022.pdf',
    exact: 'The third is holding short-term (one-hour) warning strikes.',
    note: 'Planned, not adopted. Not used in the draft: kept for the section on strikes.',
    codes: ['strike', 'law'],
    confidentiality: 'public',
    stance: 'state_claim',
  },
  law2014: {
    file: 'ictur-upr-submission-kazakhstan.docx',
    exact:
      'In response to the Zhanaozen strikes, in 2014, the 1993 trade union law was abolished and replaced with Laws No. 211-V and 212-V.',
    note: 'The starting point of the period covered.',
    codes: ['law'],
    confidentiality: 'public',
    stance: 'allegation',
  },
  reRegistration: {
    file: 'ictur-upr-submission-kazakhstan.docx',
    exact:
      'requiring their re-registration and mandatory integration of all unions into mass national structures, on penalty of dissolution and loss of legal status',
    note: 'What the 2014 law demands of every union.',
    codes: ['registration', 'law'],
    confidentiality: 'public',
    stance: 'allegation',
  },
  sixHundred: {
    file: 'campaign-page-kazakhstan-fundamental-rights.html',
    exact:
      'the registration procedures have been used to prevent the creation of at least 600 free and independent unions at various levels',
    note: 'The ITUC’s figure; no breakdown by year or region is given.',
    codes: ['registration'],
    confidentiality: 'public',
    stance: 'allegation',
  },
  knprk: {
    file: 'campaign-page-kazakhstan-fundamental-rights.html',
    exact:
      'The Confederation of independent trade unions of Kazakhstan (KNPRK) was liquidated in March 2017 and has since then made three unsuccessful attempts to re-register.',
    note: 'Confirmed by the ILO Committee’s conclusions of 2021 (not in this sample).',
    codes: ['registration'],
    confidentiality: 'public',
    stance: 'allegation',
  },
  leaders: {
    file: 'campaign-page-kazakhstan-fundamental-rights.html',
    exact:
      'Union leaders Erlan Baltabay and Larisa Kharkova, who were found guilty of bogus charges, have been imprisoned and placed in house arrest.',
    note: 'Public figures, named in many public reports: no pseudonym needed.',
    codes: ['prosecution'],
    confidentiality: 'public',
    stance: 'allegation',
  },
  refusals: {
    file: 'field-note-ru.txt',
    exact:
      'управление юстиции трижды отказало организации в государственной регистрации: 10 января, 7 февраля и 2 марта 2023 года',
    note: 'Three refusals in three months. The interviewee agreed that the facts may be published, without his name.',
    codes: ['registration'],
    confidentiality: 'public',
    stance: 'allegation',
  },
  dismissals: {
    file: 'field-note-ru.txt',
    exact:
      'после подачи третьего заявления руководству предприятия стало известно о списке членов профсоюза, и двое членов были уволены',
    note: 'The two dismissed members could be identified from this: for follow-up only, never in a submission.',
    codes: ['reprisals'],
    confidentiality: 'never_export',
    stance: 'allegation',
  },
} satisfies Record<string, ExcerptPlan>;
type ExcerptKey = keyof typeof EXCERPTS;

const text = (value: string): DraftNode => ({ type: 'text', text: value });
const heading = (level: number, value: string): DraftNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});

/** A numbered paragraph: sentences, each followed by the excerpts that support it. */
function paragraph(ids: Record<ExcerptKey, string>, ...parts: (string | ExcerptKey[])[]): DraftNode {
  const content: DraftNode[] = [];
  for (const part of parts) {
    if (typeof part === 'string') content.push(text(part));
    else for (const key of part) content.push({ type: 'citation', attrs: { excerptId: ids[key] } });
  }
  return { type: 'paragraph', attrs: { numbered: true }, content };
}

function draftBody(ids: Record<ExcerptKey, string>): { type: 'doc'; content: DraftNode[] } {
  const p = (...parts: (string | ExcerptKey[])[]) => paragraph(ids, ...parts);
  return {
    type: 'doc',
    content: [
      heading(1, 'Introduction and summary'),
      p(
        'This submission covers the registration of trade unions in Kazakhstan since the trade union law of 2014, from the Government’s reports to the International Labour Organization, reports of trade union organisations and an interview in Karaganda.',
        ['law2014'],
      ),
      heading(1, 'Follow-up to the previous review'),
      heading(2, 'Registration of unions'),
      p(
        'The 2014 law required every union to register again and to join a national structure, on pain of dissolution.',
        ['reRegistration'],
        ' The registration procedure has since been used to prevent the creation of at least 600 independent unions.',
        ['sixHundred'],
      ),
      p(
        'The Confederation of Independent Trade Unions of Kazakhstan was dissolved in March 2017 and has tried three times, without success, to register again.',
        ['knprk'],
      ),
      heading(2, 'Union leaders'),
      p(
        'Union leaders Erlan Baltabay and Larisa Kharkova were convicted, imprisoned or placed under house arrest, and banned from union activity.',
        ['leaders'],
      ),
      heading(1, 'New developments and issues not raised before'),
      p(
        'In 2022 the Government told the ILO that it would replace registration with a simple notification.',
        ['notification'],
        ' The amendments were still being negotiated.',
        ['negotiation'],
      ),
      p(
        `${SAMPLE_PERSON.name} reports that the justice department refused to register his union three times between January and March 2023.`,
        ['refusals'],
      ),
      heading(1, 'Recommendations'),
      p(
        'Amend the Law on Trade Unions by the end of 2027 so that a union is registered on notification alone, as the Government proposed in 2022.',
        ['notification'],
      ),
      p(
        'Register the Confederation of Independent Trade Unions of Kazakhstan, or its successor, within six months of the review.',
        ['knprk'],
      ),
    ],
  };
}

/** Offsets of `exact` in a source's text; a sample whose words moved is a bug, not something to hide. */
function locate(sourceText: string, exact: string, file: string): { start: number; end: number } {
  const start = sourceText.indexOf(exact);
  if (start < 0) throw new Error(`The sample excerpt "${exact.slice(0, 40)}…" is no longer in ${file}.`);
  return { start, end: start + exact.length };
}

/** Turns the imported sample dossier into the worked example. */
export async function fillWorkedExample(api: SampleApi, dossierId: string): Promise<void> {
  const listed = await allPages((cursor) => api('source.list', { dossierId, limit: MAX_PAGE_SIZE, cursor }));
  const sources = new Map(listed.items.map((s) => [s.fileName ?? '', s]));
  const source = (file: string) => {
    const found = sources.get(file);
    if (!found) throw new Error(`The sample document ${file} was not imported.`);
    return found;
  };
  // The field note is the fictional organisation's own.
  await api('source.update', { id: source('field-note-ru.txt').id, authorOrganisation: ORGANISATION.name });

  const codeIds = {} as Record<CodeKey, string>;
  for (const [key, code] of Object.entries(CODES) as [CodeKey, (typeof CODES)[CodeKey]][]) {
    codeIds[key] = (await api('code.create', code)).id;
  }

  const texts = new Map<string, string>();
  const excerptIds = {} as Record<ExcerptKey, string>;
  for (const [key, plan] of Object.entries(EXCERPTS) as [ExcerptKey, ExcerptPlan][]) {
    const { id: sourceId } = source(plan.file);
    if (!texts.has(sourceId)) texts.set(sourceId, (await api('source.get', { id: sourceId })).text);
    const excerpt = await api('excerpt.create', {
      sourceId,
      ...locate(texts.get(sourceId) ?? '', plan.exact, plan.file),
      note: plan.note,
      codeIds: plan.codes.map((c) => codeIds[c]),
    });
    await api('excerpt.update', { id: excerpt.id, confidentiality: plan.confidentiality, stance: plan.stance });
    excerptIds[key] = excerpt.id;
  }

  const entities: (Params<'entity.create'> & { excerpts: ExcerptKey[] })[] = [
    {
      kind: 'person',
      name: SAMPLE_PERSON.name,
      aliases: ['Серик Ахметов'],
      pseudonym: SAMPLE_PERSON.pseudonym,
      sensitivity: 'protected',
      description:
        'Fictional interviewee of the sample field note: chair of a union refused registration in 2023. He asked not to be named, so every export with redaction replaces his name with the pseudonym.',
      excerpts: ['refusals', 'dismissals'],
    },
    {
      kind: 'person',
      name: 'Larisa Kharkova',
      aliases: ['L. Kharkova', 'Ms Kharkova'],
      sensitivity: 'normal',
      description: 'Union leader, named in public reports.',
      excerpts: ['leaders'],
    },
    {
      kind: 'organisation',
      name: 'Confederation of Independent Trade Unions of Kazakhstan',
      aliases: ['KNPRK'],
      sensitivity: 'normal',
      description: 'Dissolved in 2017; refused registration since.',
      excerpts: ['knprk'],
    },
  ];
  const linked = new Map<ExcerptKey, string[]>();
  for (const { excerpts, ...fields } of entities) {
    const entity = await api('entity.create', fields);
    for (const key of excerpts) linked.set(key, [...(linked.get(key) ?? []), entity.id]);
  }
  for (const [key, entityIds] of linked) await api('excerpt.update', { id: excerptIds[key], entityIds });

  const draft = await api('draft.create', { dossierId, title: SAMPLE_DRAFT_TITLE, template: 'individual' });
  await api('draft.update', {
    id: draft.id,
    cover: {
      ...draft.cover,
      // The 5th cycle's sessions are 55–68; the sample assumes Kazakhstan's review in the 62nd.
      session: 62,
      cycle: 5,
      organisations: [ORGANISATION],
      contactName: 'Dana Example',
      contactEmail: 'contact@lrm.example',
      keywords: ['freedom of association', 'trade unions', 'registration of unions'],
      language: 'en',
    },
    body: draftBody(excerptIds),
  });
}
