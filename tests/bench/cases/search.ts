// Search benchmark (issue 12), in two parts.
// 1. Words: the index of stems (src/main/search/words.ts, what Upright ships) against SQLite's
//    trigram index over the same passages — index size against the text, recall and precision on
//    Russian inflections (the Russian field note plus generated Russian text whose word forms are
//    known), and query p95. The trigram side searches a word as its first letters (the form minus
//    its ending), since a trigram index matches substrings and cannot know inflections.
// 2. Scale: search.query on the cached 10,000-source pair (tests/bench/cases/scale.ts), a fixed mix
//    of 50 queries (words, phrases, prefixes, Boolean, Cyrillic): p95 on the encrypted vault, and
//    encrypted / plain on the same queries, 5 alternated rounds, median and spread.
//   npm run bench -- search                    both parts (the pair is generated on first use)
//   npm run bench -- search --sources 500      a small pair to develop with
//   npm run bench -- search --words            part 1 only
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { fold, indexText, words } from '../../../src/main/search/words.ts';
import { passages } from '../../../src/main/store/search.ts';
import { alternate, type BenchCase, type BenchRow, medianRow, quantile, ratioRow, summarise } from '../harness.ts';
import { BIG_DOSSIER } from '../scale-vault.ts';
import { prng, syntheticSource } from '../synthetic-source.ts';
import { scaleSize, scaleStores } from './scale.ts';

const ROUNDS = 5;

/** Russian words with every form the generated text uses: the gold standard of "the same word". */
const PARADIGM_TEXT: Record<string, string> = {
  задержание: 'задержание задержания задержанию задержанием задержании задержаний задержаниям задержаниями задержаниях',
  суд: 'суд суда суду судом суде суды судов судам судами судах',
  полиция: 'полиция полиции полицию полицией',
  право: 'право права праву правом праве прав правам правами правах',
  свобода: 'свобода свободы свободе свободу свободой свобод свободам свободами свободах',
  профсоюз: 'профсоюз профсоюза профсоюзу профсоюзом профсоюзе профсоюзы профсоюзов профсоюзам профсоюзами профсоюзах',
  митинг: 'митинг митинга митингу митингом митинге митинги митингов митингам митингами митингах',
  рабочий: 'рабочий рабочего рабочему рабочим рабочем рабочие рабочих рабочими',
  забастовка: 'забастовка забастовки забастовке забастовку забастовкой забастовок забастовкам забастовками забастовках',
  регистрация: 'регистрация регистрации регистрацию регистрацией',
  журналист: 'журналист журналиста журналисту журналистом журналисте журналисты журналистов журналистам журналистами',
  адвокат: 'адвокат адвоката адвокату адвокатом адвокате адвокаты адвокатов адвокатам адвокатами адвокатах',
  приговор: 'приговор приговора приговору приговором приговоре приговоры приговоров',
  объединение: 'объединение объединения объединению объединением объединении объединений объединениям объединениями',
  организация: 'организация организации организацию организацией организаций организациям организациями',
  штраф: 'штраф штрафа штрафу штрафом штрафе штрафы штрафов штрафам штрафами штрафах',
};
const PARADIGMS = Object.fromEntries(Object.entries(PARADIGM_TEXT).map(([lemma, forms]) => [lemma, forms.split(' ')]));

/** Other words that begin like the ones above: they trap a prefix match, not a stem. */
const NEIGHBOURS =
  'правительство правительства правительству судья судьи судье судебный судебного полицейский полицейского организатор организатора организаторы свободный свободного рабочее штрафной митинговый журналистский адвокатура приговорённый объединённый регистрационный забастовщики'.split(
    ' ',
  );
const FILLER =
  'в на по после о с для против и но также сообщили заявили отметили в течение года в городе вновь несмотря на это по данным наблюдателей'.split(
    ' ',
  );

function generatedRussian(chars: number, seed: number): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const lemmas = Object.values(PARADIGMS);
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentence: string[] = [];
    const n = 8 + Math.floor(random() * 10);
    for (let i = 0; i < n; i++) {
      const roll = random();
      sentence.push(roll < 0.006 ? pick(pick(lemmas)) : roll < 0.012 ? pick(NEIGHBOURS) : pick(FILLER));
    }
    const text = `${sentence.join(' ')}.`;
    out.push(text.charAt(0).toUpperCase() + text.slice(1));
    length += text.length + 1;
    if (random() < 0.15) out.push('\n\n');
  }
  return out.join(' ');
}

/** Bytes the index's own tables hold (segments and their b-tree), against the text's UTF-8 bytes. */
function indexBytes(db: Database.Database, table: string): number {
  return db
    .prepare(
      `SELECT coalesce((SELECT sum(length(block)) FROM ${table}_data), 0)
            + coalesce((SELECT sum(length(term)) + 16 * count(*) FROM ${table}_idx), 0)`,
    )
    .pluck()
    .get() as number;
}

function timed<T>(times: number[], fn: () => T): T {
  const start = performance.now();
  const value = fn();
  times.push(performance.now() - start);
  return value;
}

async function wordRows(): Promise<BenchRow[]> {
  const note = readFileSync(new URL('../../fixtures/documents/field-note-ru.txt', import.meta.url), 'utf8');
  const russian = `${note}\n\n${generatedRussian(1_500_000, 7)}`;
  const english = Array.from(
    { length: 12 },
    (_, i) => syntheticSource({ pages: 28, excerpts: 0, codes: 1, seed: i + 1 }).text,
  );
  const texts = [russian, ...english];
  const chunks = texts.flatMap((text) => passages(text, []).map((p) => text.slice(p.start, p.end)));
  const textBytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);

  const db = new Database(':memory:');
  db.exec(`
    CREATE VIRTUAL TABLE stems USING fts5(body, content = '', tokenize = 'unicode61 remove_diacritics 0');
    CREATE VIRTUAL TABLE grams USING fts5(body, content = '', tokenize = 'trigram remove_diacritics 1');
  `);
  const stemsInsert = db.prepare('INSERT INTO stems (rowid, body) VALUES (?, ?)');
  const gramsInsert = db.prepare('INSERT INTO grams (rowid, body) VALUES (?, ?)');
  const indexing = { stems: [] as number[], grams: [] as number[] };
  db.transaction(() => {
    chunks.forEach((chunk, i) => {
      timed(indexing.stems, () => stemsInsert.run(i + 1, indexText(chunk)));
      timed(indexing.grams, () => gramsInsert.run(i + 1, chunk));
    });
  })();

  // Gold: the passages holding any form of the word.
  const formsIn = chunks.map((chunk) => new Set(words(chunk).map((w) => fold(chunk.slice(w.start, w.end)))));
  const stemsQuery = db.prepare('SELECT rowid FROM stems WHERE stems MATCH ?').pluck();
  const gramsQuery = db.prepare('SELECT rowid FROM grams WHERE grams MATCH ?').pluck();
  const score = { stems: { hit: 0, found: 0, relevant: 0 }, grams: { hit: 0, found: 0, relevant: 0 } };
  const latency = { stems: [] as number[], grams: [] as number[] };
  for (const forms of Object.values(PARADIGMS)) {
    const relevant = new Set<number>();
    formsIn.forEach((set, i) => {
      if (forms.some((f) => set.has(f))) relevant.add(i + 1);
    });
    for (const form of forms) {
      const folded = fold(form);
      const typed = folded.length >= 6 ? folded.slice(0, -2) : folded.length === 5 ? folded.slice(0, -1) : folded;
      const results = {
        stems: timed(latency.stems, () => stemsQuery.all(`"${indexText(form)}"`) as number[]),
        grams: timed(latency.grams, () => gramsQuery.all(`"${typed}"`) as number[]),
      };
      for (const side of ['stems', 'grams'] as const) {
        const found = results[side];
        score[side].found += found.length;
        score[side].relevant += relevant.size;
        score[side].hit += found.filter((id) => relevant.has(id)).length;
      }
    }
  }
  const pct = (a: number, b: number) => (100 * a) / b;
  const rows: BenchRow[] = [
    { label: `text indexed: ${chunks.length} passages (Russian and English)`, value: textBytes / 2 ** 20, unit: 'MiB' },
  ];
  for (const [side, name] of [
    ['stems', 'stems (shipped)'],
    ['grams', 'trigram'],
  ] as const) {
    rows.push(
      { label: `${name}: index size / text`, value: indexBytes(db, side) / textBytes, unit: '×' },
      { label: `${name}: recall on Russian inflections`, value: pct(score[side].hit, score[side].relevant), unit: '%' },
      { label: `${name}: precision on Russian inflections`, value: pct(score[side].hit, score[side].found), unit: '%' },
      medianRow(`${name}: query p95 over ${latency[side].length} word forms`, {
        ...summarise(latency[side]),
        median: quantile(latency[side], 0.95),
      }),
      { label: `${name}: indexing, total`, value: indexing[side].reduce((a, b) => a + b, 0), unit: 'ms' },
    );
  }
  db.close();
  return rows;
}

/** The fixed mix: words, phrases, prefixes, Boolean and Cyrillic (the pair's text is English). */
export const QUERY_MIX = [
  'police',
  'strike',
  'union',
  'registration',
  'court',
  'detention',
  'journalists',
  'inspectorate',
  'amendments',
  'witnesses',
  'prosecutor',
  'lawyer',
  'threats',
  'hazardous',
  'federation',
  'assembly',
  'investigation',
  'recommendations',
  'explanation',
  'courtroom',
  '"peaceful assembly"',
  '"right to strike"',
  '"trade unions"',
  '"pre-trial detention"',
  '"labour inspectorate"',
  '"freedom of association"',
  '"Special Rapporteur"',
  '"court records"',
  '"anonymous threats"',
  '"national federation"',
  'regist*',
  'detain*',
  'prosecut*',
  'journal*',
  'recommend*',
  'investig*',
  'hazard*',
  'amend*',
  'threat*',
  'assem*',
  'strike AND police',
  'union NOT federation',
  'court OR trial',
  '(lawyer OR journalists) AND court',
  'задержание',
  'профсоюз*',
  '"свобода объединений"',
  'суда',
  'полиция ИЛИ забастовка',
  'Әділет',
] as const;

async function scaleRows(): Promise<BenchRow[]> {
  const size = scaleSize();
  const stores = await scaleStores(size, (line) => console.log(line));
  try {
    const big = (store: typeof stores.encrypted) =>
      store.dossiers.list().find((d) => d.title === BIG_DOSSIER)?.id as string;
    const p95s = { encrypted: [] as number[], plain: [] as number[] };
    let hits = 0;
    const run = (side: 'encrypted' | 'plain') => () => {
      const store = stores[side];
      const dossierId = big(store);
      const times: number[] = [];
      for (const [i, query] of QUERY_MIX.entries()) {
        // Half the mix in the big dossier (the search screen), half everywhere (the palette).
        const filters = i % 2 === 0 ? { dossierId } : undefined;
        hits += timed(times, () => store.search.query({ query, ...(filters ? { filters } : {}), limit: 20 })).total;
      }
      p95s[side].push(quantile(times, 0.95));
    };
    const sides = await alternate({ encrypted: run('encrypted'), plain: run('plain') }, ROUNDS);
    // The warm-up round of each side is in p95s too: drop it.
    p95s.encrypted.shift();
    p95s.plain.shift();
    console.log(`  ${QUERY_MIX.length} queries a round, ${hits} hits counted in all`);
    return [
      medianRow(
        `search p95 of ${QUERY_MIX.length} queries (encrypted), per round`,
        summarise(p95s.encrypted),
        'ms',
        30,
      ),
      medianRow(`search p95 of ${QUERY_MIX.length} queries (plain), per round`, summarise(p95s.plain)),
      medianRow(`search, the ${QUERY_MIX.length} queries (encrypted)`, sides.encrypted),
      ratioRow('search: encrypted / plain (same queries)', sides.encrypted.median, sides.plain.median, 1.15),
    ];
  } finally {
    stores.close();
  }
}

export const searchBench: BenchCase = {
  name: 'search: stems against trigrams, and query p95 on the 10,000-source pair',
  async run(): Promise<BenchRow[]> {
    const rows = await wordRows();
    if (!process.argv.includes('--words')) rows.push(...(await scaleRows()));
    return rows;
  },
};
