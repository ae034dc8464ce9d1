import type { Params } from '../../shared/api.ts';
import { UprightError } from '../../shared/errors.ts';
import { appendParagraph, appendTable, type TableCell } from '../drafts/append.ts';
import { wording } from '../drafts/wording.ts';
import type { Store } from '../store/index.ts';
import type { Handlers } from './registry.ts';

/**
 * The cycle a draft's table of "the previous cycle's recommendations" shows when none is asked for:
 * the latest cycle among the dossier's UPR recommendations before the draft's own (when it names one).
 */
function previousCycle(store: Store, dossierId: string, ownCycle: number | null): number | undefined {
  const cycles = store.recommendations.facets(dossierId).cycles.filter((c) => ownCycle === null || c < ownCycle);
  return cycles.length > 0 ? Math.max(...cycles) : undefined;
}

/** The title line and the table, in the draft's language, as body nodes. */
function tableNodes(store: Store, { draftId, everyCycle, ...filter }: Params<'recommendation.table'>) {
  const draft = store.drafts.require(draftId);
  const w = wording(draft.cover.language);
  const cycle = filter.cycle ?? (everyCycle ? undefined : previousCycle(store, draft.dossierId, draft.cover.cycle));
  const recommendations = store.recommendations.all({
    ...filter,
    dossierId: draft.dossierId,
    mechanism: 'upr',
    ...(cycle !== undefined ? { cycle } : {}),
  });
  // The report's symbol goes in the title when every row shares it, else beside each number.
  const symbols = new Set(recommendations.map((r) => r.documentSymbol?.trim() ?? ''));
  const oneSymbol = symbols.size === 1 ? ([...symbols][0] ?? '') : '';
  const rows = recommendations.map((r): TableCell[] => [
    [
      {
        text: [r.paragraph ?? '', !oneSymbol && r.documentSymbol ? `(${r.documentSymbol})` : '']
          .filter(Boolean)
          .join(' '),
      },
    ],
    [{ text: r.text }],
    [{ text: r.recommendingStates.join(', ') }],
    [{ text: w.t('recTable.responseValue', { response: r.response ?? 'none' }) }],
    // The assessment, then each excerpt that shows it as a note ("never export" ones stay out).
    [
      { text: w.t('recTable.assessmentValue', { assessment: r.assessment ?? 'none' }) },
      ...r.evidence.filter((e) => e.confidentiality !== 'never_export').map((e) => ({ excerptId: e.excerptId })),
    ],
  ]);
  const { content } = appendTable(
    store,
    draft.dossierId,
    { type: 'doc', content: [] },
    {
      title: oneSymbol ? `${w.t('recTable.title')} (${oneSymbol})` : w.t('recTable.title'),
      columns: [
        w.t('recTable.number'),
        w.t('recTable.text'),
        w.t('recTable.states'),
        w.t('recTable.response'),
        w.t('recTable.assessment'),
      ],
      rows,
    },
  );
  return { draft, nodes: content, count: rows.length };
}

function insertTable(store: Store, params: Params<'recommendation.insertTable'>) {
  const { draft, nodes } = tableNodes(store, params);
  return store.drafts.update(draft.id, { body: { ...draft.body, content: [...draft.body.content, ...nodes] } });
}

/**
 * One recommendation as a follow-up paragraph (UPR-SUBMISSION.md, "Follow-up to the previous review"):
 * the reference (with the State's position), its words, our assessment and its evidence as notes.
 */
function followUpNodes(store: Store, { id, draftId }: Params<'recommendation.followUp'>) {
  const draft = store.drafts.require(draftId);
  const rec = store.recommendations.require(id);
  if (rec.dossierId !== draft.dossierId) throw new UprightError('RECOMMENDATION_NOT_FOUND');
  const w = wording(draft.cover.language);
  // The reference already says the State's position ("…, supported"); the words follow it, quoted.
  const words = rec.text.trim().replace(/[.;]+$/, '');
  const evidence = rec.evidence.filter((e) => e.confidentiality !== 'never_export');
  const { content } = appendParagraph(store, draft.dossierId, { type: 'doc', content: [] }, [
    { text: `: ${w.t('recFollowUp.quote', { text: words })}.` },
    {
      text: ` ${w.t('recTable.assessment')}: ${w.t('recTable.assessmentValue', { assessment: rec.assessment ?? 'none' }).toLocaleLowerCase(w.locale)}`,
    },
    ...evidence.map((e) => ({ excerptId: e.excerptId })),
    { text: '.' },
  ]);
  // The paragraph opens with the cross-reference itself, which follows the tracker's corrections.
  const paragraph = content[0];
  if (paragraph)
    paragraph.content = [
      { type: 'recommendationRef', attrs: { recommendationId: rec.id } },
      ...(paragraph.content ?? []),
    ];
  return content;
}

export const recommendationHandlers = {
  'recommendation.list': ({ limit, cursor, ...filter }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(filter.dossierId);
    return store.recommendations.page(filter, limit, cursor);
  },
  'recommendation.get': ({ id }, { services }) => services.vault.store().recommendations.require(id),
  'recommendation.create': ({ dossierId, ...fields }, { services }) =>
    services.vault.store().recommendations.create(dossierId, fields).recommendation,
  'recommendation.update': ({ id, ...patch }, { services }) => services.vault.store().recommendations.update(id, patch),
  'recommendation.delete': ({ id }, { services }) => ({ deleted: services.vault.store().recommendations.remove(id) }),
  'recommendation.assess': ({ id, assessment, note }, { services }) =>
    services.vault.store().recommendations.assess(id, assessment, note),
  'recommendation.addEvidence': ({ id, excerptId }, { services }) =>
    services.vault.store().recommendations.addEvidence(id, excerptId),
  'recommendation.removeEvidence': ({ id, excerptId }, { services }) =>
    services.vault.store().recommendations.removeEvidence(id, excerptId),
  'recommendation.matrix': ({ dossierId, mechanism }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.recommendations.matrix(dossierId, mechanism);
  },
  'recommendation.facets': ({ dossierId }, { services }) => {
    const store = services.vault.store();
    store.dossiers.require(dossierId);
    return store.recommendations.facets(dossierId);
  },
  'recommendation.table': (params, { services }) => {
    const { nodes, count } = tableNodes(services.vault.store(), params);
    return { nodes, count };
  },
  'recommendation.followUp': (params, { services }) => ({ nodes: followUpNodes(services.vault.store(), params) }),
  'recommendation.insertTable': (params, { services }) => insertTable(services.vault.store(), params),
} satisfies Partial<Handlers>;
