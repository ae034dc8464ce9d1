// Lists that page (issue 12), on the scale benchmark's big dossier: the first page of the excerpt list,
// a page filtered by words (the full-text index), a later page (keyset cursor), the source list's
// first page, and the code book and entities with their kept counts — each what its API handler runs,
// both sides of the pair alternated over 5 rounds, median and spread. Registered from scale.ts.
import type { Store } from '../../../src/main/store/index.ts';
import { alternate, type BenchRow, medianRow, ratioRow } from '../harness.ts';
import { BIG_DOSSIER } from '../scale-vault.ts';
import type { ScaleStores } from './scale.ts';

/** Rows per page, as the renderer asks for them. */
const PAGE = 100;

function dossierId(store: Store): string {
  const dossier = store.dossiers.list().find((d) => d.title === BIG_DOSSIER);
  if (!dossier) throw new Error(`no dossier "${BIG_DOSSIER}" in the benchmark vault`);
  return dossier.id;
}

/** A name the generated text holds in thousands of sources (an organisation a monitor would track). */
const COMMON_NAME = 'Trade unions';

/** The entity named COMMON_NAME, made on first use (one row on each side, kept for later runs). */
function commonEntity(store: Store): string {
  const found = store.entities.list().find((e) => e.name === COMMON_NAME);
  return found ? found.id : store.entities.create({ kind: 'organisation', name: COMMON_NAME, aliases: [] }).id;
}

/**
 * The dossier's State claims: every 100th excerpt marked one, on first use (the generator marks none;
 * the same excerpts on each side, as both list in the same order). Returns how many there are.
 */
function withClaims(store: Store, dossierId: string): number {
  const present = store.excerpts.claims({ dossierId }).length;
  if (present > 0) return present;
  const every = store.excerpts.list({ dossierId }).filter((_, i) => i % 100 === 0);
  store.transaction(() => {
    for (const excerpt of every) store.excerpts.update(excerpt.id, { stance: 'state_claim' });
  });
  return every.length;
}

export async function listRows(stores: ScaleStores): Promise<BenchRow[]> {
  const big = { encrypted: dossierId(stores.encrypted), plain: dossierId(stores.plain) };
  // A cursor deep in the list (the 50th page), taken once per side: scrolling far costs what the first page does.
  const deepCursor = (store: Store, id: string) => {
    let cursor: string | undefined;
    for (let i = 0; i < 50; i++) cursor = store.excerpts.page({ dossierId: id }, PAGE, cursor).nextCursor ?? undefined;
    return cursor;
  };
  const deep = { encrypted: deepCursor(stores.encrypted, big.encrypted), plain: deepCursor(stores.plain, big.plain) };
  const compare = async (
    label: string,
    run: (store: Store, dossierId: string, side: 'encrypted' | 'plain') => unknown,
    target?: number,
  ): Promise<BenchRow[]> => {
    const sides = await alternate({
      encrypted: () => run(stores.encrypted, big.encrypted, 'encrypted'),
      plain: () => run(stores.plain, big.plain, 'plain'),
    });
    return [
      medianRow(`${label}, encrypted`, sides.encrypted, 'ms', target),
      medianRow(`${label}, plain`, sides.plain),
      ratioRow(`${label}: encrypted / plain`, sides.encrypted.median, sides.plain.median),
    ];
  };
  const common = { encrypted: commonEntity(stores.encrypted), plain: commonEntity(stores.plain) };
  const claims = Math.min(withClaims(stores.encrypted, big.encrypted), withClaims(stores.plain, big.plain));
  const total = stores.encrypted.excerpts.page({ dossierId: big.encrypted }, 1).total;
  const filtered = (text: string) => stores.encrypted.excerpts.page({ dossierId: big.encrypted, text }, 1).total;
  return [
    ...(await compare(
      `excerpt.list first page (${PAGE} of ${total.toLocaleString('en')}, with total)`,
      (store, id) => store.excerpts.page({ dossierId: id }, PAGE),
      100,
    )),
    ...(await compare(
      `excerpt.list 51st page (keyset cursor)`,
      (store, id, side) => store.excerpts.page({ dossierId: id }, PAGE, deep[side]),
      100,
    )),
    ...(await compare(
      `excerpt.list filtered "courtroom" (${filtered('courtroom').toLocaleString('en')} match, first page + total)`,
      (store, id) => store.excerpts.page({ dossierId: id, text: 'courtroom' }, PAGE),
      100,
    )),
    ...(await compare(
      `excerpt.list filtered "threats meeting" (${filtered('threats meeting').toLocaleString('en')} match)`,
      (store, id) => store.excerpts.page({ dossierId: id, text: 'threats meeting' }, PAGE),
      100,
    )),
    ...(await compare(
      `excerpt.list filtered by code (first page + total)`,
      (store, id) => {
        const code = store.codes.list()[0];
        return store.excerpts.page({ dossierId: id, ...(code ? { codeId: code.id } : {}) }, PAGE);
      },
      100,
    )),
    ...(await compare(`source.list first page (${PAGE}, with total)`, (store, id) => store.sources.page(id, PAGE))),
    ...(await compare('code.list (kept counts)', (store) => store.codes.list())),
    ...(await compare(`entity.list first page (${PAGE}, kept counts)`, (store) => store.entities.page({}, PAGE))),
    ...(await compare('entity.list, all (kept counts)', (store) => store.entities.list())),
    // The entity page lists the sources naming the entity: a name in thousands of sources is read
    // newest first on the index alone past the ranking cap (it ranked every page: 450 ms).
    ...(await compare(
      `entity page of "${COMMON_NAME}" (its linked excerpts, and the sources naming it: 200 shown)`,
      (store, _id, side) => store.entities.mentions(common[side]),
      100,
    )),
    ...(await compare(
      `Claims view of the big dossier (${claims.toLocaleString('en')} claims among its excerpts)`,
      (store, id) => store.excerpts.claims({ dossierId: id }),
      100,
    )),
  ];
}
