// A lawyer puts the KNPRK's registration history into her UPR submission: on the Timeline tab she
// filters the events to the confederation and inserts them into her draft as a table (when, what
// happened, where, who, evidence as notes); from the Claims tab she adds the Government's account
// with the evidence that contradicts it. In the editor the table is there, its notes numbered with
// the rest; she adds a row and takes it away again, cites an excerpt in a cell; the Word file has a
// real table whose citations are footnotes.
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

const ICTUR = 'tests/fixtures/documents/ictur-upr-submission-kazakhstan.txt';
const CAMPAIGN = 'tests/fixtures/documents/campaign-page-kazakhstan-fundamental-rights.txt';
const ILO = 'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt';
const DENIED = 'Registration was denied due to the similarity of the name';
const LIQUIDATED = 'The Confederation of independent trade unions of Kazakhstan (KNPRK) was liquidated in March 2017';

interface Source {
  id: string;
  text: string;
}

/** Marks the words as a public excerpt (its note may be printed), as the reader's inspector would. */
async function mark(page: Page, source: Source, words: string, stance: string | null = null): Promise<string> {
  const start = source.text.indexOf(words);
  expect(start, words).toBeGreaterThanOrEqual(0);
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId: source.id,
    start,
    end: start + words.length,
  });
  await callFromPage(page, 'excerpt.update', { id: excerpt.id, confidentiality: 'public', stance });
  return excerpt.id;
}

test('the timeline as a table and a claim with its evidence go into a draft, the editor and the Word file', async ({
  upright,
}) => {
  test.setTimeout(240_000);
  const { page } = upright;
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, 'Kazakhstan — freedom of association');
  await page.getByTestId('file-input').setInputFiles([ICTUR, CAMPAIGN, ILO]);
  await expect(page.getByTestId('import-results')).toContainText('Imported');
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const dossierId = dossier?.id ?? '';
  await expect
    .poll(async () => (await listFromPage<unknown[]>(page, 'source.list', { dossierId })).length, { timeout: 60_000 })
    .toBe(3);
  const list = await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId });
  const all = await Promise.all(
    list.map(async (s) => ({
      id: s.id,
      text: (await callFromPage<{ text: string }>(page, 'source.get', { id: s.id })).text,
    })),
  );
  const ictur = all.find((s) => s.text.includes('on 8 June 2015 it submitted')) as Source;
  const campaign = all.find((s) => s.text.includes('was liquidated in March 2017')) as Source;
  const ilo = all.find((s) => s.text.includes(DENIED)) as Source;

  const knprk = await callFromPage<{ id: string }>(page, 'entity.create', { kind: 'organisation', name: 'KNPRK' });
  const ministry = await callFromPage<{ id: string }>(page, 'entity.create', {
    kind: 'organisation',
    name: 'Ministry of Justice',
  });
  const applied = await mark(page, ictur, 'on 8 June 2015 it submitted another application for registration');
  const returned = await mark(page, ictur, 'which was returned on 22 June 2015');
  const courtCase = await mark(page, ictur, 'the Justice Ministry brought a case against the confederation');
  const liquidated = await mark(page, campaign, LIQUIDATED, 'allegation');
  const denied = await mark(page, ilo, DENIED, 'state_claim');
  await callFromPage(page, 'excerpt.link', { fromExcerptId: liquidated, toExcerptId: denied, kind: 'contradicts' });
  const event = (params: Record<string, unknown>) => callFromPage(page, 'event.create', { dossierId, ...params });
  await event({
    title: 'KNPRK applies for registration again',
    when: '8 June 2015',
    place: 'Astana',
    participants: [{ entityId: knprk.id, role: 'complainant' }],
    excerptIds: [applied],
  });
  await event({
    title: 'Application returned by the Ministry',
    when: '22 June 2015',
    participants: [
      { entityId: knprk.id, role: 'complainant' },
      { entityId: ministry.id, role: 'authority' },
    ],
    excerptIds: [returned],
  });
  // Not the confederation's own: the filter leaves it out of the table.
  await event({
    title: 'The Ministry brings proceedings',
    when: '5 December 2016',
    participants: [{ entityId: ministry.id, role: 'authority' }],
    excerptIds: [courtCase],
  });
  await event({
    title: 'KNPRK liquidated',
    description: 'The Economic Court in Shymkent ordered the confederation’s liquidation.',
    when: 'March 2017',
    place: 'Shymkent',
    participants: [{ entityId: knprk.id, role: 'victim' }],
    excerptIds: [liquidated, denied],
  });
  await callFromPage(page, 'draft.create', { dossierId, title: 'UPR Kazakhstan', template: 'individual' });

  // The Timeline tab, filtered to the confederation: three events, inserted as a table.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByLabel('Entity').selectOption({ label: 'KNPRK' });
  await expect(page.getByRole('heading', { name: 'Timeline (3 events)' })).toBeVisible();
  await page.getByRole('button', { name: 'Insert as table into a draft…' }).click();
  const form = page.getByRole('form', { name: 'Insert the timeline into a draft' });
  await expect(form.getByLabel('Draft', { exact: true })).toHaveValue(/.+/);
  await expect(form.getByLabel('Draft', { exact: true }).locator('option:checked')).toHaveText('UPR Kazakhstan');
  await snap(page, 'draft-tables-01-timeline-insert');
  await expectAccessible(page, 'timeline insert form');
  await form.getByRole('button', { name: 'Add at the end of the draft' }).click();
  await expect(page.getByRole('status')).toContainText(
    '3 events added as a table at the end of “UPR Kazakhstan”, with a note for each piece of evidence.',
  );

  // The Claims tab: the Government's account with the campaign page against it, one cited paragraph.
  await page.getByRole('tab', { name: 'Claims' }).click();
  const answered = page.getByRole('list', { name: 'Claims with evidence' });
  await answered.getByRole('button', { name: 'Insert into draft' }).click();
  await answered.getByRole('button', { name: 'Add at the end of the draft' }).click();
  await expect(answered.getByRole('status')).toContainText('Added as the last paragraph of “UPR Kazakhstan”');

  // The editor: the table with its header row, the events in order, their evidence as note calls.
  await page.getByRole('tab', { name: 'Drafts' }).click();
  await page
    .getByRole('button', { name: /UPR Kazakhstan/ })
    .first()
    .click();
  const body = page.getByRole('textbox', { name: 'Submission text' });
  const table = body.locator('table');
  await expect(table).toHaveCount(1);
  await expect(table.locator('th')).toHaveText(['When', 'What happened', 'Where', 'Who', 'Evidence']);
  const rows = table.locator('tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).locator('td')).toHaveText([
    '8 June 2015',
    'KNPRK applies for registration again',
    'Astana',
    'KNPRK (complainant)',
    /^\s*$/,
  ]);
  await expect(rows.nth(3)).toContainText('KNPRK liquidated. The Economic Court in Shymkent');
  await expect(rows.nth(3)).toContainText('KNPRK (victim)');
  await expect(table.locator('.citation')).toHaveCount(4);
  await expect(body).toContainText(`The State says: “${DENIED}”`);
  await expect(body).toContainText(`This is contradicted by the following: “${LIQUIDATED}”`);
  // Every citation is a note: four in the table, two in the claim's paragraph.
  await expect(body.locator('.citation')).toHaveCount(6);
  await table.scrollIntoViewIfNeeded();
  await snap(page, 'draft-tables-02-editor-table');
  await expectAccessible(page, 'draft with a table');

  // In a cell, the toolbar offers the table's tools: a row added below, then taken away again.
  await rows.nth(1).locator('td').nth(2).click();
  const tools = page.getByRole('group', { name: 'Table' });
  await tools.getByRole('button', { name: '+ Row' }).click();
  await expect(rows).toHaveCount(5);
  await rows.nth(2).locator('td').first().click();
  await page.keyboard.type('June 2015');
  await expect(rows.nth(2).locator('td').first()).toHaveText('June 2015');
  await snap(page, 'draft-tables-03-row-added');
  await tools.getByRole('button', { name: '− Row' }).click();
  await expect(rows).toHaveCount(4);
  await expect(body).not.toContainText('June 2015June');

  // A citation typed into a cell is a note like any other, numbered where it stands: the second.
  // The empty "Where" cell, on its first line (the row is taller than one line).
  await rows
    .nth(2)
    .locator('td')
    .nth(2)
    .click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+Shift+KeyC');
  const picker = page.getByRole('dialog', { name: 'Cite an excerpt' });
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('Justice Ministry brought a case');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(rows.nth(2).locator('td').nth(2).getByLabel('Note 2', { exact: true })).toHaveClass(/citation/);
  await expect(body.locator('.citation')).toHaveCount(7);

  // The Word file: one real table, header row marked, its notes real footnotes in document order.
  const xml = await exportToWord(page);
  await snap(page, 'draft-tables-04-exported');
  const document = xml('word/document.xml');
  const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  expect(tables).toHaveLength(1);
  const tableXml = tables[0] ?? '';
  expect(tableXml).toContain('<w:tblHeader/>');
  expect(wordsOf(tableXml)).toContain('KNPRK applies for registration again');
  const ids = (text: string) => [...text.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
  expect(ids(document)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  expect(ids(tableXml)).toEqual(['1', '2', '3', '4', '5']);
  const footnotes = wordsOf(xml('word/footnotes.xml'));
  expect(footnotes).toContain('Kazakhstan');

  // A new draft in Russian from the Timeline tab: the table's headings and roles are in Russian,
  // whatever the interface speaks.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export the submission' })).toBeHidden();
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('button', { name: /Kazakhstan/ })
    .click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Insert as table into a draft…' }).click();
  const again = page.getByRole('form', { name: 'Insert the timeline into a draft' });
  await again.getByLabel('Draft', { exact: true }).selectOption({ label: 'A new draft…' });
  await again.getByLabel('Title of the new draft').fill('УПО Казахстан');
  await again.getByLabel('Language of the submission').selectOption('ru');
  await snap(page, 'draft-tables-05-new-russian-draft');
  await again.getByRole('button', { name: 'Add at the end of the draft' }).click();
  await expect(page.getByRole('status')).toContainText('4 events added as a table at the end of “УПО Казахстан”');
  const drafts = await callFromPage<{ id: string; title: string }[]>(page, 'draft.list', { dossierId });
  const russian = await callFromPage<{ body: { content: { type: string; content?: unknown[] }[] } }>(
    page,
    'draft.get',
    { id: drafts.find((d) => d.title === 'УПО Казахстан')?.id },
  );
  const inserted = JSON.stringify(russian.body.content.at(-1));
  for (const words of ['Когда', 'Что произошло', 'Где', 'Кто', 'Доказательства', 'KNPRK (пострадавший)']) {
    expect(inserted).toContain(words);
  }

  // Deleted from the editor, the table and its notes are gone from the saved draft.
  await page.getByRole('tab', { name: 'Drafts' }).click();
  await page
    .getByRole('button', { name: /УПО Казахстан/ })
    .first()
    .click();
  const russianBody = page.getByRole('textbox', { name: 'Submission text' });
  await expect(russianBody.locator('table th')).toHaveText(['Когда', 'Что произошло', 'Где', 'Кто', 'Доказательства']);
  await russianBody.locator('table td').first().click();
  await page.getByRole('group', { name: 'Table' }).getByRole('button', { name: 'Delete table' }).click();
  await expect(russianBody.locator('table')).toHaveCount(0);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect
    .poll(async () => {
      const saved = await callFromPage<{ body: { content: { type: string }[] } }>(page, 'draft.get', {
        id: drafts.find((d) => d.title === 'УПО Казахстан')?.id,
      });
      return saved.body.content.some((node) => node.type === 'table');
    })
    .toBe(false);
});
