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

test.describe('a newcomer explores a sample dossier before trusting Upright with real files', () => {
  test('opens the clearly labelled sample, reads a document, and leaves it without a trace', async ({ upright }) => {
    const { page } = upright;
    await page.getByRole('button', { name: 'Explore a sample dossier' }).click();
    // Building the worked example takes a few seconds on a busy machine.
    await expect(page.getByRole('note')).toContainText('Sample vault.', { timeout: 30_000 });
    await expect(page.getByRole('contentinfo')).toContainText('Sample vault unlocked');

    const dossier = page.getByRole('button', { name: /Sample: Kazakhstan — freedom of association/ });
    await expect(dossier).toContainText('4 sources');
    await expectAccessible(page, 'sample dossier list');
    await snap(page, '20-sample-dossiers');
    await dossier.click();
    await expect(page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('row')).toHaveCount(5);
    await snap(page, '21-sample-dossier');

    await page.getByRole('button', { name: 'Leave the sample' }).click();
    await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    // The person's own vault was never created or touched.
    const status = await upright.page.evaluate(() => document.body.textContent ?? '');
    expect(status).not.toContain('Sample: Kazakhstan');
  });
});

test.describe('a monitor with a vault looks at a finished piece of work, and takes its sources along', () => {
  test('from the unlock screen: the worked example, then its sources copied into my vault', async ({ upright }) => {
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Karaganda unions 2023');
    await lockThroughUi(page);

    // The unlock screen offers the sample; it opens in its own vault, clearly labelled.
    await expectAccessible(page, 'unlock screen with the sample offer');
    await snap(page, '22-unlock-with-sample');
    await page.getByRole('button', { name: 'Explore a sample dossier' }).click();
    await expect(page.getByRole('note')).toContainText('Sample vault.', { timeout: 30_000 });
    await expect(page.getByRole('contentinfo')).toContainText('Sample vault unlocked');
    await expect(page.getByText('Karaganda unions 2023')).toHaveCount(0);

    // A finished piece of work: coded excerpts with notes…
    await page.getByRole('button', { name: /Sample: Kazakhstan — freedom of association/ }).click();
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    const excerpt = page.getByRole('listitem').filter({ hasText: 'at least 600 free and independent unions' });
    await expect(excerpt).toContainText('The ITUC’s figure; no breakdown by year or region is given.');
    await expect(excerpt).toContainText('Registration of unions');
    await expect(page.getByRole('heading', { name: 'Excerpts (10)' })).toBeVisible();
    await snap(page, '23-sample-excerpts');

    // …a code book…
    await page.getByRole('button', { name: 'Code book' }).click();
    for (const code of ['Registration of unions', 'Legislative reform', 'Prosecution of union leaders'])
      await expect(page.getByRole('textbox', { name: `Name of ${code}` })).toHaveValue(code);
    await snap(page, '24-sample-codes');

    // …a person protected by a pseudonym…
    await page.getByRole('button', { name: 'Entities' }).click();
    await expect(page.getByText('Serik Akhmetov').first()).toBeVisible();
    await expect(page.getByText('the chair of a local union').first()).toBeVisible();

    // …and a submission draft, cited throughout, ready to export.
    await page.getByRole('button', { name: 'Dossiers' }).click();
    await page.getByRole('button', { name: /Sample: Kazakhstan — freedom of association/ }).click();
    await page.getByRole('tab', { name: 'Drafts' }).click();
    await page.getByRole('button', { name: 'Sample submission: registration of trade unions' }).click();
    await expect(page.getByRole('textbox', { name: 'Submission text' })).toContainText(
      'Serik Akhmetov reports that the justice department refused',
    );
    await expect(page.getByTestId('footnotes').getByRole('listitem')).toHaveCount(10);
    await page.getByRole('tab', { name: /^Checks/ }).click();
    await expect(page.getByRole('tabpanel').getByRole('status')).toHaveText(
      'Ready to export: no errors, 1 warning to review.',
    );
    await expect(page.getByRole('tabpanel')).toContainText('the chair of a local union');
    await snap(page, '25-sample-draft');

    // Copy the sample's public sources into a dossier of my own vault.
    await page.getByRole('button', { name: 'Copy these sources into my vault' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copy the sample’s sources into my vault' });
    await dialog.getByLabel('Passphrase of your vault').fill('not my passphrase at all');
    await dialog.getByRole('button', { name: 'Choose a dossier in my vault' }).click();
    await expect(dialog.getByRole('alert')).toContainText('does not open this vault');
    await dialog.getByLabel('Passphrase of your vault').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Choose a dossier in my vault' }).click();
    await expect(dialog.getByRole('radio', { name: /Karaganda unions 2023/ })).toBeChecked({ timeout: 30_000 });
    await expectAccessible(page, 'copy the sample’s sources');
    await snap(page, '26-sample-copy-choose');
    await dialog.getByRole('button', { name: 'Copy 3 sources' }).click();
    // The copy reads three documents as an import would: give a busy machine time.
    await expect(dialog.getByRole('status')).toContainText('3 sources copied into “Karaganda unions 2023”.', {
      timeout: 60_000,
    });
    // Still in the sample: my vault opened for the copy only.
    await expect(page.getByRole('contentinfo')).toContainText('Sample vault unlocked');
    await snap(page, '27-sample-copied');
    await dialog.getByRole('button', { name: 'Leave the sample' }).click();

    // My vault, unlocked: the three public documents are in my dossier, and nothing else came along.
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('contentinfo')).toContainText('Vault unlocked');
    await expect(page.getByText('Sample: Kazakhstan')).toHaveCount(0);
    await page.getByRole('button', { name: /Karaganda unions 2023/ }).click();
    const sources = page.getByRole('table').filter({ hasText: 'Kind' });
    await expect(sources.getByRole('row')).toHaveCount(4);
    for (const title of [
      'Information supplied by the Government (2022)',
      'ICTUR stakeholder submission to the Universal Periodic Review of Kazakhstan',
      'Kazakhstan must respect democracy and fundamental rights',
    ])
      await expect(sources).toContainText(title);
    await expect(sources).not.toContainText('Полевая заметка');
    await snap(page, '28-own-vault-with-copied-sources');
  });

  test('from Help while my vault is open: it locks, and the sample opens', async ({ upright }) => {
    test.setTimeout(120_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Help' }).click();
    await expect(page.getByRole('heading', { name: 'The sample dossier: a finished piece of work' })).toBeVisible();
    await expectAccessible(page, 'help');
    await snap(page, '29-help');
    await page.getByRole('button', { name: 'Lock my vault and open the sample' }).click();
    // The fresh page after the lock prepares the sample (a few seconds on a busy machine).
    await expect(page.getByRole('note')).toContainText('Sample vault.', { timeout: 30_000 });
    await expect(page.getByRole('contentinfo')).toContainText('Sample vault unlocked');
    await page.getByRole('button', { name: 'Help' }).click();
    await expect(page.getByText('You are in the sample now')).toBeVisible();

    // Leaving the sample returns to my vault, locked, on the unlock screen (no sample opening again).
    await page.getByRole('button', { name: 'Leave the sample' }).click();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
  });
});
