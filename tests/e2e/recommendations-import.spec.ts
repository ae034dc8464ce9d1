// A monitor brings last cycle's recommendations into the Kazakhstan dossier: first the UN database's
// CSV export (one row without words, one unknown response, one unknown cycle — named by line and left
// out), then the recommendations section copied from the Working Group report's PDF, running over a
// page break. The preview shows each row and split before anything is written; importing the same
// table again adds nothing.
import { readFileSync } from 'node:fs';
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

const CSV = 'tests/fixtures/recommendations/csv/upr-database-export.csv';
const BROKEN = 'tests/fixtures/recommendations/csv/broken-quotes.csv';
const SECTION = [
  'II. Conclusions and/or recommendations',
  '126. The recommendations formulated during the interactive dialogue and listed below have been examined by',
  'Kazakhstan and enjoy the support of Kazakhstan:',
  '126.1 Ratify the Optional Protocol to the Convention against Torture (Norway); (Sweden);',
  '126.2 Amend the Law on Trade Unions so that workers may form and join organizations of their own',
  'choosing without previous authorization, in line with ILO Convention No. 87',
  '',
  '14',
  'A/HRC/28/10',
  'GE.15-02491',
  'and release the leaders of the confederation (Denmark, Iceland, Norway);',
  '126.3 Guarantee the independence of lawyers (Iran (Islamic Republic of));',
  '127. The following recommendations did not enjoy the support of Kazakhstan and would thus be noted:',
  '127.1 Repeal the offence of “leading an unregistered association” (Germany, Netherlands);',
  '127.2 Abolish the death penalty in law (Uruguay).',
  '128. All conclusions and/or recommendations contained in the present report reflect the position of',
  'the submitting State(s) and/or the State under review.',
].join('\n');

test('import recommendations from a CSV export and from a pasted report section', async ({ upright }) => {
  test.setTimeout(120_000);
  const { page } = upright;
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, 'Kazakhstan — UPR follow-up');
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const dossierId = dossier?.id ?? '';

  await page.getByRole('tab', { name: 'Recommendations' }).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import recommendations' });
  // A file with an unclosed quote: its line is named and nothing can be imported.
  await dialog.getByLabel('CSV file (UTF-8 or Windows-1251)').setInputFiles(BROKEN);
  await expect(dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
    'Line 3 A quotation mark opened here is never closed: the rows after it cannot be read. Nothing is imported.',
  ]);
  await expect(dialog.getByRole('status')).toHaveText(
    'Nothing can be imported from this file until the problem below is fixed.',
  );
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await snap(page, 'recommendations-import-csv-broken');

  await dialog.getByLabel('CSV file (UTF-8 or Windows-1251)').setInputFiles(CSV);

  // The columns it found, in the file's own order; the State under review and the category left out.
  await expect(dialog.getByLabel('Recommending State')).toHaveValue('recommendingStates');
  await expect(dialog.getByLabel('State under Review')).toHaveValue('');
  await expect(dialog.getByLabel('Rec. No.')).toHaveValue('paragraph');
  await expect(dialog.getByRole('status')).toHaveText(
    '7 recommendations read: 4 new, 0 already in the dossier, 3 left out.',
  );
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('listitem')).toHaveText([
    'Line 8 No recommendation text: this row is left out.',
    'Line 9 “Maybe later” is not a response Upright knows (supported, noted, partially supported): this row is left out.',
    'Line 10 “Cycle Z” is not a UPR cycle (such as 3, 3rd or III): this row is left out.',
  ]);
  const shared = dialog.getByRole('row').filter({ hasText: 'Release the leaders' });
  await expect(shared.getByRole('listitem')).toHaveText(['Norway', 'Sweden']);
  await expect(shared).toContainText('Noted');
  await shared.scrollIntoViewIfNeeded();
  await snap(page, 'recommendations-import-csv-preview');
  await expectAccessible(page, 'import recommendations: CSV preview');

  // Mapping a column by hand changes the preview: the action category becomes the themes.
  await dialog.getByLabel('Action Category').selectOption('themes');
  await expect(dialog.getByLabel('Issues')).toHaveValue('');
  await dialog.getByLabel('Issues').selectOption('themes');
  await expect(dialog.getByLabel('Action Category')).toHaveValue('');

  await dialog.getByRole('button', { name: 'Import 4 recommendations' }).click();
  await expect(dialog.getByText('4 recommendations were added; none was there already.')).toBeVisible();
  await expect(dialog.getByRole('row').filter({ hasText: 'already in the dossier' })).toHaveCount(4);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await snap(page, 'recommendations-import-csv-done');

  // The same table again adds nothing.
  await dialog.getByLabel('CSV file (UTF-8 or Windows-1251)').setInputFiles({
    name: 'again.csv',
    mimeType: 'text/csv',
    buffer: readFileSync(CSV),
  });
  await expect(dialog.getByRole('status')).toHaveText(
    '7 recommendations read: 0 new, 4 already in the dossier, 3 left out.',
  );

  // A report section pasted from the PDF, over a page break with its running header.
  await dialog.getByLabel('Text pasted from a Working Group report’s recommendations section').check();
  await dialog.getByLabel(/The recommendations section of the report/).fill(SECTION);
  await dialog.getByLabel('Cycle of that review').fill('2');
  const sections = dialog.getByRole('list', { name: 'Sections of the report' });
  await expect(sections.getByRole('listitem')).toHaveText([
    '126: 3 recommendations, Supported',
    '127: 2 recommendations, Noted',
  ]);
  await expect(dialog.getByRole('status')).toHaveText(
    '5 recommendations read: 5 new, 0 already in the dossier, 0 left out.',
  );
  const overBreak = dialog.getByRole('row').filter({ hasText: '126.2' });
  await expect(overBreak).toContainText(
    'Amend the Law on Trade Unions so that workers may form and join organizations of their own choosing without previous authorization, in line with ILO Convention No. 87 and release the leaders of the confederation',
  );
  await expect(overBreak).toContainText('A/HRC/28/10, 126.2');
  await expect(overBreak.getByRole('listitem')).toHaveText(['Denmark', 'Iceland', 'Norway']);
  await expect(dialog.getByRole('row').filter({ hasText: '126.3' }).getByRole('listitem')).toHaveText([
    'Iran (Islamic Republic of)',
  ]);
  await snap(page, 'recommendations-import-paste-preview');
  await expectAccessible(page, 'import recommendations: pasted section');
  await dialog.getByRole('button', { name: 'Import 5 recommendations' }).click();
  await expect(dialog.getByText('5 recommendations were added; none was there already.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('heading', { name: 'Recommendations (9)' })).toBeVisible();
  const noted = await listFromPage<{ paragraph: string }[]>(page, 'recommendation.list', {
    dossierId,
    response: 'noted',
  });
  expect(noted.map((r) => r.paragraph)).toEqual(['121.2', '127.1', '127.2']);
  await snap(page, 'recommendations-import-list');
});

test('the State’s later positions, pasted from the UN’s thematic list, fill in the responses', async ({ upright }) => {
  test.setTimeout(120_000);
  const { page } = upright;
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, 'Slovenia — fourth cycle');
  await page.getByRole('tab', { name: 'Recommendations' }).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import recommendations' });
  await dialog.getByLabel('Text pasted from a Working Group report’s recommendations section').check();
  const field = dialog.getByLabel(/The recommendations section of the report/);
  await field.fill(
    [
      'A/HRC/59/15',
      '140. The following recommendations will be examined by Slovenia, which will provide responses in due time:',
      '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
      '140.229 Legalize same-sex marriage (Iceland);',
    ].join('\n'),
  );
  await expect(dialog.getByRole('list', { name: 'Sections of the report' })).toHaveText(
    '140: 2 recommendations, No response',
  );
  await dialog.getByRole('button', { name: 'Import 2 recommendations' }).click();
  await expect(dialog.getByText('2 recommendations were added; none was there already.')).toBeVisible();

  await field.fill(
    [
      'Theme: Ratification & accession to international instruments',
      '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
      'Source of Position: A/HRC/59/15/Add.1 - Para.3',
      'Supported',
      '- Ratification & accession to international instruments',
      'Groups of Persons:',
      '- Public officials',
      'Theme: Equality & non-discrimination',
      '140.229 Legalize same-sex marriage (Iceland);',
      'Source of Position: A/HRC/59/15/Add.1 - Para.5',
      'Noted',
      '- Equality & non-discrimination',
    ].join('\n'),
  );
  await expect(dialog.getByRole('status')).toHaveText(
    '2 recommendations read: 0 new, 2 already in the dossier, 0 left out. 2 of those already there get the State’s response they lacked.',
  );
  await expect(dialog.getByRole('row').filter({ hasText: '140.229' })).toContainText('Noted');
  await snap(page, 'recommendations-import-positions-preview');
  await dialog.getByRole('button', { name: 'Fill in 2 responses' }).click();
  await expect(
    dialog.getByText('Nothing new was added; 2 were there already. 2 responses were filled in.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendations (2)' })).toBeVisible();
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const listed = await listFromPage<{ paragraph: string; response: string }[]>(page, 'recommendation.list', {
    dossierId: dossier?.id,
  });
  expect(listed.map((r) => [r.paragraph, r.response])).toEqual([
    ['140.7', 'supported'],
    ['140.229', 'noted'],
  ]);
  await snap(page, 'recommendations-import-positions-list');
});
