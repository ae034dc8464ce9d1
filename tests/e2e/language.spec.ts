// A monitor who reads Russian switches Upright to Russian: the whole interface follows at once,
// and the unlock screen after a lock already speaks Russian (the choice lives beside the vault).
import type { Page } from '@playwright/test';
import { callFromPage, createVaultThroughUi, expect, expectAccessible, PASSPHRASE, snap, test } from './support/app.ts';

/** Messages the catalog lacks or cannot format: the LanguageProvider reports each on the console. */
function intlProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      /MISSING_TRANSLATION|FORMAT_ERROR|Missing message|INVALID_CONFIG/i.test(message.text())
    )
      problems.push(message.text());
  });
  return problems;
}

/** Locks with Ctrl+L (the same in every language) and waits for the fresh page the lock loads. */
async function lockAndWait(page: Page, unlockButton: string): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { pageBeforeLock?: boolean }).pageBeforeLock = true;
  });
  await page.keyboard.press('Control+KeyL');
  await expect
    .poll(() =>
      page
        .evaluate(() => (window as unknown as { pageBeforeLock?: boolean }).pageBeforeLock ?? null)
        .catch(() => 'navigating'),
    )
    .toBeNull();
  await expect(page.getByRole('button', { name: unlockButton, exact: true })).toBeVisible();
}

test.describe('the interface in the person’s language', () => {
  test('switching to Russian in Settings changes the interface and survives lock and unlock', async ({ upright }) => {
    const { page } = upright;
    const problems = intlProblems(page);
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Settings' }).click();

    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Русский' });
    await expect(page.getByRole('heading', { name: 'Настройки', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Главное меню' }).getByRole('button', { name: 'Досье' }),
    ).toBeVisible();
    await expect(page.getByTestId('vault-state')).toHaveText('Разблокировано');
    await expect(page.getByRole('contentinfo')).toContainText('Автоблокировка через 10 мин');
    await expect(page.getByLabel('Язык', { exact: true })).toHaveValue('ru');
    expect(await callFromPage(page, 'app.preferences', {})).toEqual({ language: 'ru' });

    await lockAndWait(page, 'Разблокировать');
    await expect(page.getByRole('heading', { name: 'Разблокируйте хранилище' })).toBeVisible();
    // A wrong passphrase is refused in Russian too.
    await page.getByLabel('Парольная фраза', { exact: true }).fill(`${PASSPHRASE}!`);
    await page.getByRole('button', { name: 'Разблокировать', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Эта парольная фраза или ключ восстановления не открывает это хранилище.',
    );
    await page.getByLabel('Парольная фраза', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Разблокировать', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Досье', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Создать первое досье' })).toBeVisible();

    // Back to English from the unlock screen, for someone who needs to before unlocking.
    await lockAndWait(page, 'Разблокировать');
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('every screen of the vault, dossiers and settings is Russian, with screenshots', async ({ upright }) => {
    const { page } = upright;
    const problems = intlProblems(page);
    // Chosen on the first screen, before any vault exists.
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Русский' });
    await expect(page.getByRole('heading', { name: 'Создайте хранилище' })).toBeVisible();
    await page.getByLabel('Парольная фраза', { exact: true }).fill('short');
    await expect(page.getByText('Используйте не меньше 12 символов')).toBeVisible();
    await page.getByLabel('Парольная фраза', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Повторите парольную фразу').fill(PASSPHRASE);
    await expect(page.getByText('Очень надёжная')).toBeVisible();
    await snap(page, 'ru-01-create-vault');
    await expectAccessible(page, 'create vault in Russian');
    await page.getByRole('button', { name: 'Создать хранилище' }).click();

    await expect(page.getByTestId('recovery-key').locator('span').first()).toHaveText(/\w{4}/);
    await snap(page, 'ru-02-recovery-key');
    await page.getByLabel('Я записал(а) ключ восстановления').check();
    await page.getByRole('button', { name: 'Перейти в Upright' }).click();
    await expect(page.getByRole('heading', { name: 'Досье', level: 1 })).toBeVisible();
    await snap(page, 'ru-03-dossiers-empty');

    await page.getByRole('button', { name: 'Создать первое досье' }).click();
    await page.getByLabel('Название').fill('Казахстан — свобода объединений');
    await page.getByLabel('Страна (код ISO)').fill('KZ');
    await page.getByLabel('Цикл').fill('5');
    await page.getByLabel('Сессия').fill('48');
    await page.getByLabel('Срок подачи представления').fill('2027-03-15');
    await page.getByRole('button', { name: 'Создать досье' }).click();
    // Checked by the API's own schema, worded in Russian, nothing sent.
    await expect(page.getByRole('alert')).toHaveText('Укажите трёхбуквенный код страны, например KAZ для Казахстана.');
    await snap(page, 'ru-04-dossier-form');
    await page.getByLabel('Страна (код ISO)').fill('kaz');
    await page.getByLabel('Темы (через запятую)').fill('свобода объединений, профсоюзы');
    await page.getByRole('button', { name: 'Создать досье' }).click();
    await expect(page.getByRole('heading', { name: 'Казахстан — свобода объединений', level: 1 })).toBeVisible();
    await expect(page.getByText('UPR, 5-й цикл, сессия 48 — срок: 15 марта 2027 г.')).toBeVisible();

    await page
      .getByTestId('file-input')
      .setInputFiles(['tests/fixtures/documents/field-note-ru.docx', 'tests/fixtures/bad/empty.pdf']);
    await expect(page.getByTestId('import-results')).toContainText('Импортировано: 1; требуют внимания: 1.');
    await expect(page.getByTestId('import-results')).toContainText('Файл пуст.');
    await expect(page.getByRole('heading', { name: 'Источники (1)' })).toBeVisible();
    await snap(page, 'ru-05-dossier-sources');
    await expectAccessible(page, 'dossier in Russian');

    await page.getByRole('navigation', { name: 'Главное меню' }).getByRole('button', { name: 'Досье' }).click();
    await expect(page.getByText(/1 источник · UPR, 5-й цикл/)).toBeVisible();
    await snap(page, 'ru-06-dossiers');

    await page.getByRole('button', { name: 'Настройки' }).click();
    await page.getByRole('button', { name: 'Проверить хранилище' }).click();
    await expect(page.getByTestId('verify-report')).toContainText('Всё в целости.');
    await expect(page.getByTestId('verify-report')).toContainText('Сохранённые оригиналы: проверено 1, изменено 0');
    await snap(page, 'ru-07-settings');
    await expectAccessible(page, 'settings in Russian');

    await lockAndWait(page, 'Разблокировать');
    await snap(page, 'ru-08-unlock');
    await page.getByRole('button', { name: 'Забыли парольную фразу? Используйте ключ восстановления' }).click();
    await expect(page.getByRole('heading', { name: 'Открыть ключом восстановления' })).toBeVisible();
    await snap(page, 'ru-09-recover');
    expect(problems).toEqual([]);
  });
});
