import type { Page } from '@playwright/test';
import {
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  lockThroughUi,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';
import { selectPhrase } from './support/text.ts';

async function addCode(page: Page, name: string): Promise<void> {
  const input = page.getByLabel('Codes', { exact: true });
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(page.getByRole('list', { name: 'Codes of this excerpt' })).toContainText(name);
}

/** Types a name or alias in the inspector's Entities field; the hint says what Enter will do. */
async function linkEntity(page: Page, typed: string, hint: RegExp, linked: string): Promise<void> {
  const input = page.getByLabel('Entities', { exact: true });
  await input.fill(typed);
  await expect(page.locator('.entity-hint')).toHaveText(hint);
  await input.press('Enter');
  await expect(page.getByRole('list', { name: 'Entities of this excerpt' })).toContainText(linked);
  await expect(input).toHaveValue('');
}

/** Moves through the source's excerpts with J/K until the inspector shows the wanted quote. */
async function stepTo(page: Page, key: 'j' | 'k', quote: string): Promise<void> {
  await page.getByTestId('reader-text').focus();
  await page.keyboard.press(key);
  await expect(page.locator('.inspector-quote')).toContainText(quote);
}

const MINISTRY = 'Ministry of Labour and Social Protection of the Population';
const PRESIDENT = 'Kassym-Jomart Tokayev';
const DOSSIER = 'Kazakhstan — freedom of association';

test.describe('a lawyer codes the 2022 ILO reply', () => {
  test('marks five excerpts by mouse and keyboard, codes them, links them to entities, filters the list, merges codes, and finds it all after lock/unlock', async ({
    upright,
  }) => {
    // A long journey (59 s on a loaded CI machine, against the 60 s default): give it room.
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);

    // The ministry is already in the vault, with its English short form and its acronyms.
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    const newEntity = page.getByRole('form', { name: 'New entity' });
    await newEntity.getByLabel('Kind').selectOption('organisation');
    await newEntity.getByLabel('Name').fill(MINISTRY);
    await newEntity
      .getByLabel('Aliases (comma-separated)')
      .fill('Ministry of Labour and Social Protection, MLSPP, МТСЗН');
    await newEntity.getByLabel('Description').fill('Drafts the amendments to the trade union legislation.');
    await newEntity.getByRole('button', { name: 'Add entity' }).click();
    await expect(page.getByRole('list', { name: 'Organisations' })).toContainText(
      'also: Ministry of Labour and Social Protection · MLSPP · МТСЗН',
    );
    await expect(newEntity.getByLabel('Name')).toHaveValue('');

    await page.getByRole('button', { name: 'Dossiers', exact: true }).click();
    await createDossierThroughUi(page, DOSSIER);
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
    await expect(page.getByTestId('import-results')).toContainText('Imported');
    await page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('button').first().click();
    await expect(page.getByTestId('reader-text')).toBeVisible();

    // By mouse: select, then the button.
    await selectPhrase(page, 'modification of the procedure for state registration of trade unions');
    await page.getByRole('button', { name: 'Mark excerpt (E)' }).click();
    await addCode(page, 'Registration');
    await expect(page.getByRole('heading', { name: /^Excerpt, p\. 1$/ })).toBeVisible();

    // By keyboard: select, E, type the code's name.
    await selectPhrase(page, 'the registering body will not have the right to refuse state registration');
    await page.keyboard.press('e');
    await addCode(page, 'Registration');
    await selectPhrase(page, 'holding short-term (one-hour) warning strikes');
    await page.keyboard.press('e');
    await addCode(page, 'Strikes');
    // The three levels are explained where they are chosen, the chosen one marked.
    const levels = page.locator('.confidentiality-help li');
    await expect(levels).toHaveCount(3);
    await expect(levels.filter({ hasText: /^Restricted: for the team/ })).toHaveClass('current');
    await expect(page.getByLabel('Confidentiality')).toHaveAccessibleDescription(/only if you confirm at export/);
    await levels.last().scrollIntoViewIfNeeded();
    await snap(page, '30b-confidentiality-levels');
    await page.getByLabel('Confidentiality').selectOption('never_export');
    await expect(page.locator('.confidentiality-help li.current')).toHaveText(
      'Never export: stays in the vault, left out of every submission and every export.',
    );
    await page.getByLabel('Stance').selectOption('state_claim');
    await expect(page.locator('.excerpt')).not.toHaveCount(0);
    await snap(page, '30-reader-coded');
    await expectAccessible(page, 'reader with excerpts');

    // J/K walk the excerpts.
    await stepTo(page, 'k', 'the registering body');
    await stepTo(page, 'j', 'warning strikes');

    // Two more from the top of page 1: one by mouse, one by keyboard.
    await selectPhrase(
      page,
      'the President of the Republic of Kazakhstan, K.K. Tokayev, signed the Decree on Further Human Rights Measures',
    );
    await page.getByRole('button', { name: 'Mark excerpt (E)' }).click();
    await addCode(page, 'Legislative reform');
    await selectPhrase(
      page,
      'the Ministry of Labour and Social Protection of the Republic of Kazakhstan, together with the social partners, has drafted amendments',
    );
    await page.keyboard.press('e');
    await addCode(page, 'Legislative reform');
    await expect(page.locator('.reader-keys')).toContainText('5 excerpts');

    // Link them to entities: the ministry by its Russian acronym, the President created on the spot.
    await linkEntity(page, 'МТСЗН', /Enter links Ministry of Labour .* \(organisation\)/, MINISTRY);
    await stepTo(page, 'k', 'K.K. Tokayev');
    await expect(page.getByLabel('Add new names as')).toHaveValue('person');
    await linkEntity(page, PRESIDENT, /Enter adds “Kassym-Jomart Tokayev” as a new person/, PRESIDENT);
    await stepTo(page, 'j', 'has drafted amendments');
    await stepTo(page, 'j', 'modification of the procedure');
    await linkEntity(page, 'mlspp', /Enter links Ministry of Labour/, MINISTRY);

    // The dossier's excerpt list, filtered by code.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const list = page.getByTestId('excerpt-list');
    await expect(list.getByRole('listitem')).toHaveCount(5);
    await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Registration' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await page.getByLabel('Confidentiality').selectOption('never_export');
    await expect(page.getByText('No excerpts match.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(5);
    await snap(page, '31-excerpt-list');
    await expectAccessible(page, 'excerpt list');

    // Merge Strikes into Registration in the code book.
    await page.getByRole('button', { name: 'Code book' }).click();
    const tree = page.getByTestId('code-tree');
    await expect(tree).toContainText('2 excerpts');
    await page.getByLabel('Another code for Strikes').selectOption({ label: 'Registration' });
    await tree
      .getByRole('listitem')
      .filter({ has: page.getByLabel('Another code for Strikes') })
      .getByRole('button', { name: 'Merge into it' })
      .click();
    await expect(tree.getByRole('listitem')).toHaveCount(2);
    await expect(tree).toContainText('3 excerpts');
    await snap(page, '32-code-book-merged');
    await expectAccessible(page, 'code book');

    // The ministry's page: both linked excerpts, and the source that names it.
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    const organisations = page.getByRole('list', { name: 'Organisations' });
    await expect(organisations).toContainText('2 excerpts in 1 source');
    await expect(page.getByRole('list', { name: 'Persons' })).toContainText('1 excerpt in 1 source');
    await organisations.getByRole('button', { name: MINISTRY }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(MINISTRY);
    const linked = page.getByTestId('entity-excerpts');
    await expect(linked.getByRole('listitem')).toHaveCount(2);
    await expect(linked.getByRole('listitem').first()).toContainText('has drafted amendments');
    await expect(linked.getByRole('listitem').last()).toContainText('modification of the procedure');
    const naming = page.getByTestId('entity-sources');
    await expect(naming.getByRole('listitem')).toHaveCount(1);
    await expect(naming).toContainText('2 linked excerpts');
    await expect(naming.locator('mark').first()).toHaveText(/Ministry of Labour and Social Protection/);
    await snap(page, '33-entity-page');
    await expectAccessible(page, 'entity page');

    // One click opens a linked excerpt in the reader.
    await linked.getByRole('button', { name: /modification of the procedure/ }).click();
    await expect(page.locator('.inspector-quote')).toContainText('modification of the procedure');
    await expect(page.getByRole('list', { name: 'Entities of this excerpt' })).toContainText(MINISTRY);

    // The excerpt list by entity and by source kind.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await page.getByLabel('Entity', { exact: true }).selectOption({ label: MINISTRY });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').first()).toContainText(MINISTRY);
    await page.getByLabel('Source kind').selectOption({ label: 'Government reply' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await snap(page, '34-excerpt-list-by-entity');
    await expectAccessible(page, 'excerpt list by entity');
    await page.getByLabel('Entity', { exact: true }).selectOption({ label: PRESIDENT });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('K.K. Tokayev, signed the Decree');

    // Everything is still there after locking and unlocking.
    await lockThroughUi(page, 'shortcut');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Code book' }).click();
    await expect(page.getByTestId('code-tree')).toContainText('3 excerpts');
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Organisations' })).toContainText('2 excerpts in 1 source');
    await expect(page.getByRole('list', { name: 'Persons' })).toContainText('1 excerpt in 1 source');
  });
});
