import { openPlainDatabase, plainStore } from '/work/wt/paged-lists/tests/bench/scale-vault.ts';
import { matchingExcerptSeqs } from '/work/wt/paged-lists/src/main/store/excerpt-text-match.ts';
const db = openPlainDatabase('/tmp/bench-paged-lists/scale-g1-s10000-e10-c83800/plain.db');
const store = plainStore(db);
const d = store.dossiers.list().find((x) => x.title.startsWith('Big'))!.id;
const t = (label: string, fn: () => unknown) => { const s = performance.now(); fn(); console.log(label, (performance.now() - s).toFixed(1)); };
for (let i = 0; i < 3; i++) {
  t('fts', () => matchingExcerptSeqs(db, 'courtroom'));
  t('page', () => store.excerpts.page({ dossierId: d, text: 'courtroom' }, 100));
}
const seqs = JSON.stringify(matchingExcerptSeqs(db, 'courtroom'));
const where = `s.dossier_id = @d AND e.deleted_at IS NULL AND s.deleted_at IS NULL AND +e.seq IN (SELECT value FROM json_each(@seqs))`;
for (let i = 0; i < 3; i++) {
  t('count', () => db.prepare(`SELECT count(*) FROM source s CROSS JOIN excerpt e INDEXED BY excerpt_reading_order ON e.source_id = s.id WHERE ${where}`).pluck().get({ d, seqs }));
  t('count no filter', () => db.prepare(`SELECT count(*) FROM source s CROSS JOIN excerpt e INDEXED BY excerpt_reading_order ON e.source_id = s.id WHERE s.dossier_id = @d AND e.deleted_at IS NULL AND s.deleted_at IS NULL`).pluck().get({ d }));
  t('rows', () => db.prepare(`SELECT e.*, s.title, s.kind, s.format, s.seq FROM source s JOIN excerpt e ON e.source_id = s.id WHERE ${where} ORDER BY s.seq, e.start_offset, e.seq LIMIT 101`).all({ d, seqs }));
}
