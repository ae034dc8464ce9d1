// A lawyer drafts the dossier's UPR submission through the API, as the app does: starts from the
// template, writes and cites, runs the checks, reviews what redaction will do, exports a Word file,
// keeps versions and compares them. The vault is real; only the save dialog is scripted.
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { localToday } from '../../../src/main/drafts/context.ts';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import { createServices, type Services } from '../../../src/main/services.ts';
import { UprightError } from '../../../src/shared/errors.ts';
import { COVER, cite, doc, heading, para } from '../../unit/drafts/support.ts';

const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const open: Services[] = [];

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localToday(date);
}

async function setup() {
  const home = mkdtempSync(join(tmpdir(), 'upright-drafts-'));
  const dialog = {
    answer: null as string | null,
    asked: [] as { name: string; extensions: string[]; suggested: string }[],
  };
  const services = createServices({
    vaultLocation: join(home, 'vault'),
    runtime: { runtime: 'node', electron: null },
    dialogs: {
      chooseBackupFolder: async () => null,
      chooseImportPaths: async () => [],
      chooseSavePath: async (suggested, filter) => {
        dialog.asked.push({ ...filter, suggested });
        return dialog.answer;
      },
    },
    kdf: KDF,
  });
  open.push(services);
  const ctx = { services, transport: 'test' as const };
  await call(handlers, 'vault.create', { passphrase: 'a long enough passphrase' }, ctx);
  const dossier = await call(
    handlers,
    'dossier.create',
    {
      title: 'Kazakhstan — freedom of association',
      country: 'KAZ',
      themes: ['Freedom of association', 'Right to strike'],
      summary: '',
      targetReview: { mechanism: 'UPR', cycle: 4, session: '48', deadline: inDays(60) },
    },
    ctx,
  );
  const store = services.vault.store();
  const text =
    'The Government states that trade unions register by simple notification. In 2023 three independent unions were refused registration.';
  const source = store.sources.add({
    dossierId: dossier.id,
    title: 'Information supplied by the Government (2022)',
    kind: 'government_reply',
    text,
    authorOrganisation: 'Government of Kazakhstan',
    documentSymbol: 'CAN/D/Kazakhstan-C.87',
    dateText: '2022',
    original: { bytes: new TextEncoder().encode(text), filename: 'cas.txt' },
  });
  const claim = await call(handlers, 'excerpt.create', { sourceId: source.id, start: 0, end: 73 }, ctx);
  const refusal = await call(handlers, 'excerpt.create', { sourceId: source.id, start: 74, end: text.length }, ctx);
  // Both come from a published government reply: public, so they may be cited anywhere. (New excerpts
  // are restricted, for the team, until someone says otherwise — that case has tests of its own.)
  for (const id of [claim.id, refusal.id])
    await call(handlers, 'excerpt.update', { id, confidentiality: 'public' }, ctx);
  return { home, services, ctx, dossier, claim, refusal, dialog };
}

const body = (claimId: string, refusalId: string) =>
  doc(
    heading(1, 'Introduction and summary'),
    para(
      'This submission covers freedom of association in Kazakhstan between 2019 and 2024, from court records and interviews.',
    ),
    heading(1, 'Follow-up to the previous review'),
    para('The Government says unions register by simple notification.', cite(claimId)),
    heading(1, 'New developments and issues not raised before'),
    para('Amin Eleusinov reports that three independent unions were refused registration in 2023.', cite(refusalId)),
    heading(1, 'Recommendations'),
    para('Amend Article 12 of the Law on Trade Unions by December 2027 to remove compulsory affiliation.'),
  );

describe('a lawyer drafts the UPR submission', () => {
  it('starts a submission in Russian from the template in Russian, with the cover in Russian', async () => {
    const { ctx, dossier } = await setup();
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'УПО 2027', template: 'individual', language: 'ru' },
      ctx,
    );
    expect(draft.cover.language).toBe('ru');
    // The month of the dossier's deadline as Russian writes it ("март 2027 г.").
    expect(draft.cover.monthYear).toMatch(/^[а-я]+ \d{4} г\.$/);
    expect(
      draft.body.content.filter((n) => n.type === 'heading' && n.attrs?.level === 1).map((n) => n.content?.[0]?.text),
    ).toEqual([
      'Введение и резюме',
      'Последующие меры по итогам предыдущего обзора',
      'Новые события и вопросы, не поднимавшиеся ранее',
      'Рекомендации',
    ]);
    // The checks find its sections: what is missing is the summary paragraph, not the follow-up section.
    const codes = (await call(handlers, 'draft.check', { id: draft.id }, ctx)).map((r) => r.code);
    expect(codes).toContain('SUMMARY_MISSING');
    expect(codes).not.toContain('FOLLOW_UP_MISSING');
    // A language outside the UN's six is refused by the API table.
    await expect(
      call(
        handlers,
        'draft.create',
        { dossierId: dossier.id, title: 'UPR', template: 'individual', language: 'de' as never },
        ctx,
      ),
    ).rejects.toThrow();
  });

  it('starts from the template with the cover filled from the dossier', async () => {
    const { ctx, dossier } = await setup();
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: '  UPR 2027 ', template: 'individual' },
      ctx,
    );
    expect(draft.title).toBe('UPR 2027');
    expect(draft.cover).toMatchObject({
      state: 'Kazakhstan',
      session: 48,
      cycle: 4,
      keywords: ['Freedom of association', 'Right to strike'],
      language: 'en',
      organisations: [],
    });
    expect(draft.cover.monthYear).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    expect(
      draft.body.content.filter((n) => n.type === 'heading').map((n) => [n.attrs?.level, n.content?.[0]?.text]),
    ).toEqual([
      [1, 'Introduction and summary'],
      [1, 'Follow-up to the previous review'],
      [2, 'Freedom of association'],
      [2, 'Right to strike'],
      [1, 'New developments and issues not raised before'],
      [1, 'Recommendations'],
    ]);
    // A fresh template counts only its headings' 22 words, and the checks say what is missing.
    expect((await call(handlers, 'draft.list', { dossierId: dossier.id }, ctx)).map((d) => [d.title, d.words])).toEqual(
      [['UPR 2027', 22]],
    );
    const rules = (await call(handlers, 'draft.check', { id: draft.id }, ctx)).map((r) => `${r.severity} ${r.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining(['error paragraph-numbering', 'error submitter', 'error front-matter', 'error summary']),
    );
  });

  it('writes, checks, reviews redaction and exports a Word file where the dialog says', async () => {
    const { ctx, services, dossier, claim, refusal, dialog, home } = await setup();
    const store = services.vault.store();
    const leader = store.entities.create({ kind: 'person', name: 'Amin Eleusinov', pseudonym: 'a union leader' });
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'UPR 2027', template: 'individual' },
      ctx,
    );
    await call(
      handlers,
      'draft.update',
      {
        id: draft.id,
        body: body(claim.id, refusal.id),
        cover: { ...COVER, session: 48, cycle: 4 },
      },
      ctx,
    );

    const notes = await call(handlers, 'draft.notes', { id: draft.id }, ctx);
    expect(notes.footnotes).toEqual([
      {
        number: 1,
        excerptId: claim.id,
        text: 'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87.',
        sourceFormat: null,
        problem: null,
      },
      {
        number: 2,
        excerptId: refusal.id,
        text: 'Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87.',
        sourceFormat: null,
        problem: null,
      },
    ]);
    // Headings 16 words, paragraphs 17 + 8 + 12 + 16.
    expect(notes.words).toMatchObject({ body: 69, limit: 2815 });

    const checks = await call(handlers, 'draft.check', { id: draft.id }, ctx);
    expect(checks.map((r) => [r.rule, r.severity, r.target])).toEqual([
      ['pseudonym', 'warning', { kind: 'paragraph', number: 3 }],
    ]);
    const review = await call(handlers, 'draft.redactions', { id: draft.id }, ctx);
    expect(review).toMatchObject({
      substitutions: [
        {
          entityId: leader.id,
          name: 'Amin Eleusinov',
          pseudonym: 'a union leader',
          occurrences: [{ kind: 'paragraph', number: 3 }],
        },
      ],
      withheld: [],
    });

    // The export dialog asks what the file without redaction would be judged: the name is an error there.
    const planned = await call(
      handlers,
      'draft.check',
      { id: draft.id, export: { format: 'docx', redact: false, provenance: false } },
      ctx,
    );
    expect(planned.map((r) => [r.rule, r.severity])).toEqual([['pseudonym', 'error']]);

    // Without redaction the name would leave: refused, and nothing asked or written.
    await expect(
      call(handlers, 'draft.export', { id: draft.id, format: 'docx', redact: false }, ctx),
    ).rejects.toMatchObject({
      // The checks panel says which; the refusal says how many errors stand in the way.
      code: 'DRAFT_HAS_ERRORS',
      params: { count: expect.any(Number) },
    });
    expect(dialog.asked).toEqual([]);

    dialog.answer = join(home, 'Kazakhstan submission');
    const saved = await call(handlers, 'draft.export', { id: draft.id, format: 'docx', redact: true }, ctx);
    expect(dialog.asked).toEqual([{ name: 'Word document', extensions: ['docx'], suggested: 'UPR 2027.docx' }]);
    expect(saved).toEqual({
      saved: true,
      path: join(home, 'Kazakhstan submission.docx'),
      bytes: expect.any(Number),
      warnings: 0,
    });
    // Readable by its owner only: another account on a shared laptop cannot open the submission.
    expect(statSync(join(home, 'Kazakhstan submission.docx')).mode & 0o777).toBe(0o600);
    const bytes = new Uint8Array(readFileSync(join(home, 'Kazakhstan submission.docx')));
    expect(bytes.byteLength).toBe(saved.saved ? saved.bytes : -1);
    const entries = listZip(bytes) ?? [];
    const documentXml =
      readZipText(
        bytes,
        entries.find((e) => e.name === 'word/document.xml'),
      ) ?? '';
    expect(documentXml).toContain('A union leader reports that three independent unions');
    expect(documentXml).not.toContain('Eleusinov');

    const exports = store.audit.list().filter((e) => e.action === 'draft.export');
    expect(exports.map((e) => [e.entityId, e.summary])).toEqual([[draft.id, 'Exported as DOCX, redacted']]);
    const log = JSON.stringify(store.audit.list());
    for (const secret of ['Eleusinov', 'refused registration', 'Kazakhstan submission'])
      expect(log).not.toContain(secret);
  });

  it('exports anyway when asked, leaving never-export notes out, and saves nothing when the dialog is cancelled', async () => {
    const { ctx, services, dossier, claim, refusal, dialog, home } = await setup();
    await call(handlers, 'excerpt.update', { id: refusal.id, confidentiality: 'never_export' }, ctx);
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'UPR 2027', template: 'individual' },
      ctx,
    );
    await call(handlers, 'draft.update', { id: draft.id, body: body(claim.id, refusal.id), cover: COVER }, ctx);

    const checks = await call(handlers, 'draft.check', { id: draft.id }, ctx);
    expect(checks.filter((r) => r.severity === 'error').map((r) => [r.rule, r.target])).toEqual([
      ['never-export', { kind: 'note', number: 2 }],
    ]);
    const review = await call(handlers, 'draft.redactions', { id: draft.id }, ctx);
    expect(review.withheld.map((n) => [n.number, n.problem])).toEqual([[2, 'never_export']]);

    dialog.answer = null;
    expect(
      await call(handlers, 'draft.export', { id: draft.id, format: 'html', redact: false, acceptErrors: true }, ctx),
    ).toEqual({
      saved: false,
    });
    expect(
      services.vault
        .store()
        .audit.list()
        .filter((e) => e.action === 'draft.export'),
    ).toEqual([]);

    const path = join(home, 'for-the-team.html');
    // An older export readable by everyone is replaced when asked, and narrowed to its owner.
    writeFileSync(path, 'an older export');
    chmodSync(path, 0o644);
    const saved = await call(
      handlers,
      'draft.export',
      { id: draft.id, format: 'html', redact: false, acceptErrors: true, path, overwrite: true },
      ctx,
    );
    expect(saved).toMatchObject({ saved: true, path, warnings: 1 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('Amin Eleusinov reports');
    expect(html).not.toContain('href="#note-2"');
    expect(
      services.vault
        .store()
        .audit.list()
        .filter((e) => e.action === 'draft.export')
        .map((e) => e.summary),
    ).toEqual(['Exported as HTML, not redacted, 1 check error(s) accepted, 1 warning(s)']);

    // The renderer names no path: a page that could would write files anywhere.
    const fromPage = { ...ctx, transport: 'ipc' as const };
    await expect(
      call(
        handlers,
        'draft.export',
        { id: draft.id, format: 'md', redact: true, acceptErrors: true, path: join(home, 'x.md') },
        fromPage,
      ),
    ).rejects.toMatchObject({ code: 'SAVE_PATH_FROM_DIALOG' });
    expect(existsSync(join(home, 'x.md'))).toBe(false);

    await expect(
      call(
        handlers,
        'draft.export',
        { id: draft.id, format: 'md', redact: true, acceptErrors: true, path: join(home, 'no', 'such', 'x.md') },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'EXPORT_FAILED' });

    // A second export to the same named file keeps the first, unless replacing it was asked for.
    const first = readFileSync(path, 'utf8');
    await expect(
      call(handlers, 'draft.export', { id: draft.id, format: 'html', redact: false, acceptErrors: true, path }, ctx),
    ).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(path, 'utf8')).toBe(first);
    await call(
      handlers,
      'draft.export',
      { id: draft.id, format: 'html', redact: false, acceptErrors: true, path, overwrite: true, provenance: true },
      ctx,
    );
    expect(readFileSync(path, 'utf8')).not.toBe(first);
    expect(readFileSync(path, 'utf8')).toContain('Annex: provenance of the notes');
  });

  it('renders HTML and Markdown for the print preview, redacted on request', async () => {
    const { ctx, services, dossier, claim, refusal } = await setup();
    services.vault.store().entities.create({ kind: 'person', name: 'Amin Eleusinov', pseudonym: 'a union leader' });
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'UPR 2027', template: 'joint' },
      ctx,
    );
    await call(handlers, 'draft.update', { id: draft.id, body: body(claim.id, refusal.id), cover: COVER }, ctx);
    const html = (await call(handlers, 'draft.render', { id: draft.id, format: 'html', redact: true }, ctx)).text;
    expect(html).toContain('<h1>Joint submission to the Universal Periodic Review of Kazakhstan</h1>');
    expect(html).toContain('A union leader reports');
    const md = (await call(handlers, 'draft.render', { id: draft.id, format: 'md', redact: false }, ctx)).text;
    expect(md).toContain('3\\. Amin Eleusinov reports');
    expect(md).toContain('[^1]: Government of Kazakhstan');
    // Both excerpts come from the Government's reply: the second note says so as lawyers write it.
    expect(md).toMatch(/\[\^2\]: Ibid\.(, p\. \d+\.)?\n/);
  });

  it('keeps named versions and compares them with the draft as it is now; deleting takes the versions along', async () => {
    const { ctx, dossier, claim, refusal } = await setup();
    const draft = await call(
      handlers,
      'draft.create',
      { dossierId: dossier.id, title: 'UPR 2027', template: 'individual' },
      ctx,
    );
    await call(handlers, 'draft.update', { id: draft.id, body: body(claim.id, refusal.id) }, ctx);
    const v1 = await call(handlers, 'draft.snapshot', { id: draft.id, name: 'Sent to the coalition' }, ctx);
    expect(v1).toMatchObject({ draftId: draft.id, name: 'Sent to the coalition', words: 69 });

    const edited = body(claim.id, refusal.id);
    edited.content[3] = para('The Government claims that unions register by simple notification.', cite(refusal.id));
    await call(handlers, 'draft.update', { id: draft.id, body: edited }, ctx);
    const v2 = await call(handlers, 'draft.snapshot', { id: draft.id, name: 'After comments' }, ctx);
    expect((await call(handlers, 'draft.versions', { id: draft.id }, ctx)).map((v) => v.id)).toEqual([v2.id, v1.id]);

    const changes = await call(handlers, 'draft.compare', { id: draft.id, from: v1.id, to: 'current' }, ctx);
    expect(changes.filter((c) => c.change !== 'same')).toEqual([
      {
        change: 'changed',
        before:
          'The Government says unions register by simple notification. [Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87]',
        after:
          'The Government claims that unions register by simple notification. [Government of Kazakhstan, Information supplied by the Government (2022), CAN/D/Kazakhstan-C.87]',
      },
    ]);
    expect(changes).toHaveLength(8);

    await expect(
      call(handlers, 'draft.compare', { id: draft.id, from: 'no-such-version', to: 'current' }, ctx),
    ).rejects.toMatchObject({
      code: 'DRAFT_VERSION_NOT_FOUND',
    });
    expect(await call(handlers, 'draft.delete', { id: draft.id }, ctx)).toEqual({ deleted: true });
    for (const method of ['draft.get', 'draft.versions', 'draft.delete'] as const) {
      const error = await call(handlers, method, { id: draft.id }, ctx).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UprightError);
      expect(error).toMatchObject({ code: 'DRAFT_NOT_FOUND' });
    }
    expect(await call(handlers, 'draft.list', { dossierId: dossier.id }, ctx)).toEqual([]);
  });
});
