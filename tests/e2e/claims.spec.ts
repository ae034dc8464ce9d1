// A lawyer sets what the State told the ILO beside what the campaign page reports: she links the
// Government's claim on union registration (the 2022 reply: the registering body "will not have the
// right to refuse state registration") to the campaign page's count of "at least 600 free and
// independent unions" prevented, sees the pair in the Claims view, puts it in her draft as one cited
// paragraph, and exports the Word file with both notes.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  snap,
  test,
} from './support/app.ts';
import { exportToWord, wordsOf } from './support/word.ts';

const DOSSIER = 'Kazakhstan — freedom of association';
const CLAIM = 'the registering body will not have the right to refuse state registration of the trade union';
const COUNT = 'at least 600 free and independent unions';

interface Source {
  id: string;
  title: string;
  format: string | null;
}

/** Marks `phrase` in the one source of this format as an excerpt, public, with the stance given. */
async function mark(page: Page, sources: Source[], format: string, phrase: string, stance: string | null) {
  const source = sources.find((s) => s.format === format);
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: source?.id });
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" in the ${format} source`).toBeGreaterThanOrEqual(0);
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId: source?.id,
    start,
    end: start + phrase.length,
  });
  await callFromPage(page, 'excerpt.update', { id: excerpt.id, stance, confidentiality: 'public' });
  return excerpt.id;
}

test.describe('claims against evidence', () => {
  test('links the State’s registration claim to the campaign page’s count, sees the pair in the Claims view, inserts it into a draft and exports both notes', async ({
    upright,
  }) => {
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, DOSSIER);
    await page
      .getByTestId('file-input')
      .setInputFiles([
        'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf',
        'tests/fixtures/documents/campaign-page-kazakhstan-fundamental-rights.html',
      ]);
    const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
    const dossierId = dossier?.id ?? '';
    await expect
      .poll(async () => (await listFromPage<Source[]>(page, 'source.list', { dossierId })).length, { timeout: 60_000 })
      .toBe(2);
    const sources = await listFromPage<Source[]>(page, 'source.list', { dossierId });
    await mark(page, sources, 'pdf', CLAIM, 'state_claim');
    await mark(page, sources, 'html', COUNT, 'allegation');

    // From the excerpt list, the campaign page's count opens in the reader; "Link to…" finds the claim.
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await page
      .getByRole('button', { name: new RegExp(COUNT) })
      .first()
      .click();
    const inspector = page.locator('.inspector');
    await expect(inspector.locator('.inspector-quote')).toHaveText(COUNT);
    await inspector.getByRole('button', { name: 'Link to…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link to another excerpt' });
    await dialog.getByLabel('This excerpt…').selectOption({ label: 'Contradicts' });
    await dialog.getByRole('searchbox').fill('refuse state registration');
    await dialog.getByRole('radio', { name: new RegExp(CLAIM) }).check();
    await dialog.getByLabel('Note (optional)').fill('ICTUR and ITUC: the law prevented 600 unions');
    await snap(page, 'claims-01-link-dialog');
    await expectAccessible(page, 'link dialog');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(dialog).toBeHidden();
    const links = inspector.getByRole('list', { name: 'Links of this excerpt' });
    await expect(links).toContainText('Contradicts');
    await expect(links).toContainText(CLAIM);
    await snap(page, 'claims-02-inspector-link');

    // The link shows on the other excerpt too, read from its side.
    await links.getByRole('button', { name: `“${CLAIM}”`, exact: true }).click();
    await expect(inspector.locator('.inspector-quote')).toHaveText(CLAIM);
    await expect(inspector.getByRole('list', { name: 'Links of this excerpt' })).toContainText('Contradicted by');
    await expect(inspector.getByRole('list', { name: 'Links of this excerpt' })).toContainText(COUNT);

    // The Claims view: the State's claim beside what contradicts it, with the source's kind.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();
    await page.getByRole('tab', { name: 'Claims' }).click();
    const answered = page.getByRole('list', { name: 'Claims with evidence' });
    await expect(answered).toContainText(CLAIM);
    await expect(answered).toContainText('Claim by the State');
    await expect(answered.locator('.evidence')).toContainText('Contradicted by');
    await expect(answered.locator('.evidence')).toContainText(COUNT);
    await expect(answered.locator('.evidence')).toContainText('NGO report');
    await expect(page.getByRole('list', { name: 'Unanswered claims' })).toHaveCount(0);
    await snap(page, 'claims-03-claims-view');
    await expectAccessible(page, 'claims view');

    // Into the draft: one paragraph with the claim and its evidence, each cited.
    await callFromPage(page, 'draft.create', { dossierId, title: 'UPR Kazakhstan', template: 'individual' });
    await answered.getByRole('button', { name: 'Insert into draft' }).click();
    await answered.getByRole('button', { name: 'Add at the end of the draft' }).click();
    await expect(answered.getByRole('status')).toContainText('Added as the last paragraph of “UPR Kazakhstan”');

    await page.getByRole('tab', { name: 'Drafts' }).click();
    await page
      .getByRole('button', { name: /UPR Kazakhstan/ })
      .first()
      .click();
    const body = page.getByRole('textbox', { name: 'Submission text' });
    await expect(body).toContainText(`The State says: “${CLAIM}”`);
    await expect(body).toContainText(`This is contradicted by the following: “${COUNT}”`);
    await body.getByText('The State says:').scrollIntoViewIfNeeded();
    await snap(page, 'claims-04-draft');

    const xml = await exportToWord(page);
    const text = (name: string) => wordsOf(xml(name));
    const notes = await callFromPage<{ footnotes: { text: string }[] }>(page, 'draft.notes', {
      id: (await callFromPage<{ id: string }[]>(page, 'draft.list', { dossierId }))[0]?.id,
    });
    expect(notes.footnotes).toHaveLength(2);
    const footnotes = text('word/footnotes.xml');
    for (const note of notes.footnotes) expect(footnotes).toContain(note.text.replace(/\s+$/, ''));
    expect(footnotes).toContain('Kazakhstan');
    const document = text('word/document.xml');
    expect(document).toContain(CLAIM);
    expect(document).toContain(COUNT);
  });
});
