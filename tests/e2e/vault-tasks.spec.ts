// Verify and backup run in the vault worker and report progress to Settings, which shows a bar with
// what is being done and a Cancel button. A real check is quick on a small vault, so the screenshot
// of the bar is staged: the backup call is held at the network and one task.progress line is served
// on the event stream (the integration tests in tests/integration/vault/tasks.test.ts prove the
// events, the cancel and the one-task-at-a-time rule on real work).
import type { Page } from '@playwright/test';
import { callFromPage, createVaultThroughUi, expect, expectAccessible, snap, test } from './support/app.ts';

const PROGRESS = {
  event: 'task.progress',
  payload: {
    task: 'backup',
    background: false,
    step: 'copy',
    done: 412_000_000,
    total: 1_040_000_000,
    finished: false,
  },
};

/** Holds vault.backup at the network and serves one progress line on the event stream; returns a release. */
async function stageRunningBackup(page: Page): Promise<{ cancelAsked: () => boolean }> {
  let cancelAsked = false;
  await page.route('**/api/events', (route) =>
    route.fulfill({ status: 200, contentType: 'application/x-ndjson', body: `${JSON.stringify(PROGRESS)}\n` }),
  );
  await page.route('**/api/invoke', async (route) => {
    const method = (route.request().postDataJSON() as { method?: string } | null)?.method;
    if (method === 'vault.backup') return; // held: the backup stays "running"
    if (method === 'vault.cancelTask') {
      cancelAsked = true;
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"ok":true,"result":{"cancelled":true}}',
      });
    }
    return route.continue();
  });
  await page.reload();
  return { cancelAsked: () => cancelAsked };
}

test.describe('a monitor watches a long verify or backup, and can cancel it', () => {
  test('a real verify runs in the worker and reports; the bar shows what a backup is doing, with Cancel', async ({
    upright,
  }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Verify vault' }).click();
    await expect(page.getByTestId('verify-report')).toContainText('Everything is intact.');
    await expect(page.getByTestId('task-progress')).toHaveCount(0); // gone once finished

    const staged = await stageRunningBackup(page);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back up now…' }).click();
    const bar = page.getByTestId('task-progress');
    await expect(bar).toContainText('Writing the encrypted copy: 412 MB of 1,040 MB');
    await expect(page.getByRole('button', { name: 'Backing up…' })).toBeDisabled();
    await expectAccessible(page, 'settings with a running backup');
    await snap(page, 'settings-task-progress');
    await bar.getByRole('button', { name: 'Cancel' }).click();
    await expect(bar).toContainText('Cancelling…');
    expect(staged.cancelAsked()).toBe(true);
  });

  test('in Russian', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await callFromPage(page, 'app.setPreferences', { language: 'ru' });
    await stageRunningBackup(page);
    await page.getByRole('button', { name: 'Настройки' }).click();
    await page.getByRole('button', { name: 'Создать резервную копию…' }).click();
    const bar = page.getByTestId('task-progress');
    await expect(bar).toContainText(/Записывается зашифрованная копия: 412 МБ из 1\s?040 МБ/);
    await expect(bar.getByRole('button', { name: 'Отменить' })).toBeVisible();
    await snap(page, 'settings-task-progress-ru');
  });
});
