// A monitor and a lawyer work on one dossier without a server. Each vault shows its public key in
// Settings › Team; each adds the other as a colleague by pasting that key. The monitor exports the
// dossier as a bundle for the lawyer; the lawyer imports it — the preview names the monitor and
// counts what arrives. Both then rewrite the same excerpt's note; the second bundle shows that
// conflict, and the lawyer keeps the monitor's version. Two previews, two vaults, one browser.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startPreview } from '../../src/dev/preview.ts';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  snap,
  TEST_KDF,
  test,
} from './support/app.ts';

const ICTUR = 'tests/fixtures/documents/ictur-upr-submission-kazakhstan.txt';

async function publicKey(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const field = page.getByLabel('Your public key');
  await expect(field).toHaveValue(/^age1/);
  return field.inputValue();
}

async function addColleague(page: Page, name: string, key: string): Promise<void> {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Their public key (starts with age1)').fill(key);
  await page.getByRole('button', { name: 'Add colleague' }).click();
  await expect(page.locator('.colleague-name', { hasText: name })).toBeVisible();
}

async function openDossier(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Dossiers', exact: true }).click();
  await page
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

async function exportBundleTo(page: Page, colleague: string, snapAs?: string): Promise<void> {
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export bundle' });
  await dialog.getByRole('checkbox', { name: colleague }).check();
  await expect(dialog.getByRole('checkbox', { name: /never export/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Save bundle…' }).click();
  await expect(dialog.getByTestId('bundle-written')).toContainText('Bundle saved to');
  if (snapAs) await snap(page, snapAs);
  await dialog.getByRole('button', { name: 'Done' }).click();
}

test('a dossier travels from the monitor’s vault to the lawyer’s, and a conflict is settled', async ({
  upright,
  target,
}) => {
  test.skip(target !== 'chromium', 'two vaults side by side need two bridges');
  test.setTimeout(240_000);
  const lawyer = upright.page;
  const browser = lawyer.context().browser();
  if (!browser) throw new Error('no browser');
  // The monitor's vault writes its bundles where the lawyer's preview opens them from.
  const monitorHome = await mkdtemp(join(tmpdir(), 'upright-e2e-monitor-'));
  const monitorPreview = await startPreview({
    vaultLocation: join(monitorHome, 'vault'),
    backupDir: upright.backupDir,
    staticDir: 'out/renderer',
    kdf: TEST_KDF,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 } });
  const monitor = await context.newPage();
  try {
    await monitor.goto(monitorPreview.bridge.url);
    await createVaultThroughUi(monitor);
    await createDossierThroughUi(monitor, 'Kazakhstan');
    await monitor.getByTestId('file-input').setInputFiles([ICTUR]);
    await expect(monitor.getByTestId('import-results')).toContainText('Imported');
    const [dossier] = await callFromPage<{ id: string }[]>(monitor, 'dossier.list', {});
    const [source] = await listFromPage<{ id: string }[]>(monitor, 'source.list', { dossierId: dossier?.id });
    const { text } = await callFromPage<{ text: string }>(monitor, 'source.get', { id: source?.id });
    const words = text.slice(0, 40);
    const excerpt = await callFromPage<{ id: string }>(monitor, 'excerpt.create', {
      sourceId: source?.id,
      start: 0,
      end: words.length,
    });
    await callFromPage(monitor, 'excerpt.update', { id: excerpt.id, note: 'The monitor’s first reading' });

    await createVaultThroughUi(lawyer);
    const lawyerKey = await publicKey(lawyer);
    const monitorKey = await publicKey(monitor);
    await addColleague(monitor, 'Aigerim (lawyer)', lawyerKey);
    await addColleague(lawyer, 'Daniyar (monitor)', monitorKey);
    await expect(lawyer.getByRole('img', { name: 'QR code of your public key' })).toBeVisible();
    await expectAccessible(lawyer, 'settings with the team');
    await lawyer.locator('.team').screenshot({ path: 'test-results/screenshots/chromium/bundles-01-team.png' });

    await openDossier(monitor, 'Kazakhstan');
    await exportBundleTo(monitor, 'Aigerim (lawyer)', 'bundles-02-exported');

    await lawyer.getByRole('button', { name: 'Dossiers', exact: true }).click();
    await lawyer.getByRole('button', { name: 'Import bundle…' }).click();
    const first = lawyer.getByRole('dialog', { name: 'Import bundle' });
    await expect(first.getByTestId('bundle-preview')).toContainText(
      'From Daniyar (monitor), for dossier “Kazakhstan”.',
    );
    await expect(first.getByTestId('bundle-counts')).toContainText('0 records changed on both sides');
    await expectAccessible(lawyer, 'import preview');
    await snap(lawyer, 'bundles-03-preview');
    await first.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(first.getByTestId('bundle-merged')).toContainText('Merged:');
    await first.getByRole('button', { name: 'Done' }).click();
    await openDossier(lawyer, 'Kazakhstan');
    await expect(lawyer.getByRole('tab', { name: /Sources/ })).toBeVisible();
    await expect(lawyer.locator('main')).toContainText('ICTUR');

    // Both rewrite the same note; the monitor sends again.
    await callFromPage(lawyer, 'excerpt.update', { id: excerpt.id, note: 'The lawyer’s reading' });
    await callFromPage(monitor, 'excerpt.update', { id: excerpt.id, note: 'The monitor’s second reading' });
    await exportBundleTo(monitor, 'Aigerim (lawyer)');

    await lawyer.getByRole('button', { name: 'Import bundle…' }).click();
    const second = lawyer.getByRole('dialog', { name: 'Import bundle' });
    await expect(second.getByRole('heading', { name: 'Changed on both sides' })).toBeVisible();
    const conflict = second.locator('.bundle-conflict');
    await expect(conflict).toContainText('The lawyer’s reading');
    await expect(conflict).toContainText('The monitor’s second reading');
    await expect(second.getByRole('button', { name: 'Choose for 1 record first' })).toBeDisabled();
    await expectAccessible(lawyer, 'import conflicts');
    await snap(lawyer, 'bundles-04-conflict');
    await conflict.getByRole('radio', { name: 'Keep theirs' }).check();
    await second.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(second.getByTestId('bundle-merged')).toContainText('1 changed');
    await snap(lawyer, 'bundles-05-merged');
    const kept = await callFromPage<{ id: string; note: string }[]>(lawyer, 'excerpt.forSource', {
      sourceId: source?.id,
    });
    expect(kept.find((e) => e.id === excerpt.id)?.note).toBe('The monitor’s second reading');
    await second.getByRole('button', { name: 'Done' }).click();

    // Later they share a folder (Syncthing keeps it in step): the monitor puts the next bundle there,
    // and the lawyer finds it on the Dossiers screen.
    for (const page of [monitor, lawyer]) {
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Choose folder…' }).click();
      await expect(page.getByTestId('inbox-folder')).toContainText('inbox');
    }
    await callFromPage(monitor, 'excerpt.update', { id: excerpt.id, note: 'Sent through the shared folder' });
    await openDossier(monitor, 'Kazakhstan');
    await monitor.getByRole('button', { name: 'Export bundle…' }).click();
    const viaInbox = monitor.getByRole('dialog', { name: 'Export bundle' });
    // This time only the source she works on, with its excerpts: not the whole dossier.
    await viaInbox.getByRole('checkbox', { name: 'Aigerim (lawyer)' }).check();
    await viaInbox.getByRole('radio', { name: /Chosen sources only/ }).check();
    await expect(viaInbox.getByText('Chosen: 0 of 1')).toBeVisible();
    await expect(viaInbox.getByRole('button', { name: 'Save bundle…' })).toBeDisabled();
    await viaInbox.getByRole('group', { name: 'Sources to export' }).getByRole('checkbox', { name: /ICTUR/ }).check();
    await expect(viaInbox.getByText('Chosen: 1 of 1')).toBeVisible();
    await viaInbox.getByRole('checkbox', { name: /shared inbox folder/ }).check();
    await snap(monitor, 'bundles-07-chosen-sources');
    await viaInbox.getByRole('button', { name: 'Put in the shared folder' }).click();
    await expect(viaInbox.getByTestId('bundle-written')).toContainText('.upright.age');
    await viaInbox.getByRole('button', { name: 'Done' }).click();

    await lawyer.getByRole('button', { name: 'Dossiers', exact: true }).click();
    const inbox = lawyer.getByTestId('inbox');
    await inbox.getByRole('button', { name: 'Check inbox' }).click();
    await expect(inbox.getByRole('heading')).toHaveText('1 bundle for you in the shared folder');
    await snap(lawyer, 'bundles-06-inbox');
    await inbox.getByRole('button', { name: 'Import…' }).click();
    const third = lawyer.getByRole('dialog', { name: 'Import bundle' });
    await expect(third.getByTestId('bundle-counts')).toContainText('1 record changed by them');
    await third.getByRole('button', { name: 'Import', exact: true }).click();
    await third.getByRole('button', { name: 'Done' }).click();
    await expect(inbox.getByRole('heading')).toHaveText('No new bundles for you in the shared folder');
  } finally {
    await context.close();
    await monitorPreview.close();
  }
});
