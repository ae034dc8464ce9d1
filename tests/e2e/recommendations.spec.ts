// A monitor preparing Kazakhstan's next review tracks what the last one recommended: she types two
// recommendations from the Working Group report, assesses each with the excerpts of the ILO
// committee's record that show it, reads the theme × assessment matrix and filters by it, refers to
// a recommendation in her draft ("A/HRC/43/10, para. 140.12 (Germany)"), inserts the table of the
// last cycle's recommendations, and exports the Word file.
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
const NO_DOCUMENTS = 'To date, no state registration documents have been received.';
const DENIED = 'which was denied on all five occasions';

/** Marks `phrase` in the source as a public excerpt. */
async function mark(page: Page, sourceId: string, phrase: string): Promise<string> {
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: sourceId });
  const start = text.indexOf(phrase);
  expect(start, `"${phrase}" in the source`).toBeGreaterThanOrEqual(0);
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId,
    start,
    end: start + phrase.length,
  });
  await callFromPage(page, 'excerpt.update', { id: excerpt.id, confidentiality: 'public' });
  return excerpt.id;
}

async function addRecommendation(
  page: Page,
  fields: {
    text: string;
    states: string;
    cycle: string;
    session: string;
    symbol: string;
    number: string;
    response: string;
    theme: string;
  },
) {
  await page.getByRole('button', { name: 'Add recommendation' }).click();
  const form = page.getByRole('dialog', { name: 'New recommendation' });
  await form.getByLabel('Recommendation (as the report prints it)').fill(fields.text);
  await form.getByLabel('Recommending State(s), comma between').fill(fields.states);
  await form.getByLabel('Cycle').fill(fields.cycle);
  await form.getByLabel('Working Group session').fill(fields.session);
  await form.getByLabel('Report symbol (A/HRC/43/10)').fill(fields.symbol);
  await form.getByLabel('Number (140.12)').fill(fields.number);
  await form.getByLabel('Response of the State').selectOption({ label: fields.response });
  await form.getByLabel('Add a theme of the UPR list').selectOption({ label: fields.theme });
  return form;
}

/** On a recommendation's page: the assessment with a note, and one excerpt found by its words as evidence. */
async function assess(page: Page, assessment: string, note: string, words: string, quote: string) {
  await page.getByLabel('Implementation').selectOption({ label: assessment });
  await page.getByLabel('Why (a note for the team)').fill(note);
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Add evidence…' }).click();
  const picker = page.getByRole('dialog', { name: 'Add an excerpt as evidence' });
  await picker.getByRole('combobox').fill(words);
  await expect(picker.getByRole('option').first()).toContainText(words);
  await picker.getByRole('combobox').press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.locator('.evidence-list')).toContainText(quote);
}

test.describe('the recommendations tracker', () => {
  test('adds two recommendations, assesses them with evidence, reads the matrix, refers to one in a draft, inserts the table and exports it', async ({
    upright,
  }) => {
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, DOSSIER);
    await page.getByTestId('file-input').setInputFiles(['tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt']);
    const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
    const dossierId = dossier?.id ?? '';
    await expect
      .poll(async () => (await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId })).length, {
        timeout: 60_000,
      })
      .toBe(1);
    const [source] = await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId });
    await mark(page, source?.id ?? '', NO_DOCUMENTS);
    await mark(page, source?.id ?? '', DENIED);

    await page.getByRole('tab', { name: 'Recommendations' }).click();
    await expect(page.getByText(/No recommendations yet/)).toBeVisible();
    await snap(page, 'recommendations-01-empty');
    await expectAccessible(page, 'recommendations tab, empty');

    // The first: Germany's on registering unions, supported.
    const form = await addRecommendation(page, {
      text: 'Ensure that trade unions can register freely and without undue delay',
      states: 'Germany',
      cycle: '3',
      session: '34',
      symbol: 'A/HRC/43/10',
      number: '140.12',
      response: 'Supported',
      theme: 'Freedom of association and peaceful assembly',
    });
    await form.getByLabel('Add a theme of the UPR list').selectOption({ label: 'Labour' });
    await snap(page, 'recommendations-02-form');
    await expectAccessible(page, 'recommendation form');
    await form.getByRole('button', { name: 'Save recommendation' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('heading', { name: 'A/HRC/43/10, para. 140.12 (Germany)' })).toBeVisible();
    await assess(
      page,
      'Not implemented',
      'The confederation is still refused registration.',
      'no state registration documents',
      NO_DOCUMENTS,
    );
    await snap(page, 'recommendations-03-page');
    await expectAccessible(page, 'recommendation page');
    // The evidence opens in its source; Back returns to the recommendation's page.
    await page
      .locator('.evidence-list')
      .getByRole('button', { name: `“${NO_DOCUMENTS}”` })
      .click();
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'A/HRC/43/10, para. 140.12 (Germany)' })).toBeVisible();
    await page.getByRole('button', { name: '← All recommendations' }).click();

    // The second: Norway's and Sweden's on affiliates, noted.
    const second = await addRecommendation(page, {
      text: 'Remove obstacles to the registration of trade union affiliates',
      states: 'Norway, Sweden',
      cycle: '3',
      session: '34',
      symbol: 'A/HRC/43/10',
      number: '140.45',
      response: 'Noted',
      theme: 'Labour',
    });
    await second.getByRole('button', { name: 'Save recommendation' }).click();
    await expect(page.getByRole('heading', { name: 'A/HRC/43/10, para. 140.45 (Norway, Sweden)' })).toBeVisible();
    await assess(page, 'Partially implemented', 'Some affiliates registered later.', 'denied on all five', DENIED);
    await page.getByRole('button', { name: '← All recommendations' }).click();

    // The matrix: Labour holds both, one not implemented and one partly; a click filters the list.
    const matrix = page.locator('.recommendation-matrix');
    const labour = matrix.getByRole('row', { name: /^Labour/ });
    await expect(labour.getByRole('cell')).toHaveText(['0', '1', '1', '0', '0', '2']);
    const list = page.getByTestId('recommendation-list');
    await expect(list.locator('.recommendation-row')).toHaveCount(2);
    await labour.getByRole('button', { name: /1 recommendation: Labour · Not implemented/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '1 recommendation matches.' })).toBeVisible();
    await expect(list.locator('.recommendation-row')).toHaveCount(1);
    await expect(list).toContainText('140.12');
    await snap(page, 'recommendations-04-matrix-filtered');
    await expectAccessible(page, 'recommendations tab with the matrix');

    // From the reader, an excerpt becomes evidence of a recommendation too.
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await page
      .getByRole('button', { name: new RegExp(DENIED) })
      .first()
      .click();
    const inspector = page.locator('.inspector');
    await expect(inspector.locator('.inspector-quote')).toHaveText(DENIED);
    await inspector.getByRole('button', { name: 'Evidence for a recommendation…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Refer to a recommendation' });
    await chooser.getByRole('combobox').fill('Germany');
    await expect(chooser.getByRole('option')).toHaveCount(1);
    await chooser.getByRole('combobox').press('Enter');
    await expect(inspector.getByRole('status')).toHaveText('Added as evidence of A/HRC/43/10, para. 140.12 (Germany).');
    await expect(inspector.locator('.excerpt-recommendations')).toHaveText(
      'Evidence of A/HRC/43/10, para. 140.12 (Germany) and A/HRC/43/10, para. 140.45 (Norway, Sweden)',
    );
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();

    // In the draft, "Insert recommendation…" refers to Germany's as the field writes it.
    await callFromPage(page, 'draft.create', { dossierId, title: 'UPR Kazakhstan', template: 'individual' });
    await page.getByRole('tab', { name: 'Drafts' }).click();
    await page
      .getByRole('button', { name: /UPR Kazakhstan/ })
      .first()
      .click();
    const body = page.getByRole('textbox', { name: 'Submission text' });
    await body.locator('p').first().click();
    await page.keyboard.type('The State has not acted on the recommendation ');
    await page.getByRole('button', { name: 'Insert recommendation…' }).click();
    const picker = page.getByRole('dialog', { name: 'Refer to a recommendation' });
    await picker.getByRole('combobox').fill('140.12');
    await expect(picker.getByRole('option')).toHaveCount(1);
    await expect(picker.getByRole('option')).toContainText('Germany');
    await snap(page, 'recommendations-05-picker');
    await expectAccessible(page, 'recommendation picker');
    await picker.getByRole('combobox').press('Enter');
    await expect(picker).toBeHidden();
    const reference = body.locator('.recommendation-ref');
    await expect(reference).toHaveText('A/HRC/43/10, para. 140.12 (Germany)');
    await page.keyboard.type('.');
    await snap(page, 'recommendations-06-draft-reference');
    const [draft] = await callFromPage<{ id: string }[]>(page, 'draft.list', { dossierId });
    const draftId = draft?.id ?? '';
    await expect
      .poll(async () => JSON.stringify(await callFromPage(page, 'draft.get', { id: draftId })))
      .toMatch(/recommendationRef.*"text":"\."/);
    await expect(page.getByTestId('draft-status')).toContainText('Saved');
    const checks = await callFromPage<{ code: string }[]>(page, 'draft.check', { id: draftId });
    expect(checks.map((c) => c.code)).not.toContain('RECOMMENDATION_MISSING');

    // The other as a follow-up paragraph: the reference, its words, our assessment and its evidence.
    await body.locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Insert recommendation…' }).click();
    const again = page.getByRole('dialog', { name: 'Refer to a recommendation' });
    await again.getByRole('checkbox', { name: /^As a follow-up paragraph/ }).check();
    await again.getByRole('combobox').fill('affiliates');
    await expect(again.getByRole('option')).toHaveCount(1);
    await again.getByRole('combobox').press('Enter');
    await expect(again).toBeHidden();
    await expect(body).toContainText(
      'A/HRC/43/10, para. 140.45 (Norway, Sweden): “Remove obstacles to the registration of trade union affiliates”. Our assessment: partially implemented',
    );
    await snap(page, 'recommendations-07-follow-up');

    // "Recommendations table…" puts the 3rd cycle's recommendations in at the cursor, headed in the draft's language.
    await body.locator('p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Recommendations table…' }).click();
    const tableDialog = page.getByRole('dialog', { name: 'Table of recommendations' });
    await expect(tableDialog.getByLabel('Recommendations of')).toHaveValue('3');
    await snap(page, 'recommendations-08-table-dialog');
    await expectAccessible(page, 'recommendations table dialog');
    await tableDialog.getByRole('button', { name: 'Insert table' }).click();
    await expect(tableDialog).toBeHidden();
    const table = body.locator('table');
    await expect(table.locator('tr')).toHaveCount(3);
    await expect(table.locator('th')).toHaveText([
      'No.',
      'Recommendation',
      'Recommending State(s)',
      'Position of the State',
      'Our assessment',
    ]);
    await expect(table.locator('tr').nth(1)).toContainText('Not implemented');
    await expect(table.locator('tr').nth(2)).toContainText('Norway, Sweden');
    await table.scrollIntoViewIfNeeded();
    await snap(page, 'recommendations-09-draft-table');
    await expect
      .poll(async () => JSON.stringify(await callFromPage(page, 'draft.get', { id: draftId })))
      .toContain('Recommendations of the previous review and their implementation');

    // The Word file: the reference in the text, the table with its headings and rows, its evidence as notes.
    const xml = await exportToWord(page);
    const text = (name: string) => wordsOf(xml(name));
    const document = text('word/document.xml');
    expect(document).toContain(
      'The State has not acted on the recommendation A/HRC/43/10, para. 140.12 (Germany), supported.',
    );
    expect(document).toContain(
      'A/HRC/43/10, para. 140.45 (Norway, Sweden), noted: “Remove obstacles to the registration of trade union affiliates”. Our assessment: partially implemented',
    );
    for (const words of [
      'Recommendations of the previous review and their implementation',
      'Recommending State(s)',
      'Our assessment',
      'Ensure that trade unions can register freely and without undue delay',
      'Norway, Sweden',
      'Not implemented',
      'Partially implemented',
    ]) {
      expect(document).toContain(words);
    }
    expect(xml('word/document.xml')).toContain('<w:tbl>');
    // Each assessment's evidence is a note naming the ILO committee's record.
    expect(text('word/footnotes.xml')).toContain('Kazakhstan');
  });
});
