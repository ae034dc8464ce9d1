// The main journey with the interface in Russian from the first screen: a monitor creates a vault,
// imports the ILO's PDF, marks and codes an excerpt in the reader, writes a submission citing it,
// runs the checks and exports a Word file. Every step asserts the Russian words a person reads there
// (and the page records no missing message); a screenshot of each step is saved to look at.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, PASSPHRASE, snap, test } from './support/app.ts';
import { selectPhrase, typeInParagraph } from './support/text.ts';

const DOSSIER = 'Казахстан — свобода объединений';
const DRAFT = 'УПО Казахстан 2027 — права профсоюзов';
const REGISTRATION = 'modification of the procedure for state registration of trade unions';
const STRIKES = 'holding short-term (one-hour) warning strikes';

async function noMissingMessages(page: Page, step: string): Promise<void> {
  const missing = await page.evaluate(
    () => (window as unknown as { __uprightMissingMessages?: unknown[] }).__uprightMissingMessages ?? [],
  );
  expect(missing, `messages missing from the Russian catalog at “${step}”`).toEqual([]);
}

async function markAndCode(page: Page, phrase: string, code: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('e');
  const codes = page.getByLabel('Коды', { exact: true });
  await expect(codes).toBeFocused();
  await codes.fill(code);
  await codes.press('Enter');
  await expect(page.getByRole('list', { name: 'Коды этой выдержки' })).toContainText(code);
}

test('a Russian-speaking monitor goes from a new vault to a Word submission, all in Russian', async ({ upright }) => {
  test.setTimeout(300_000);
  const { page } = upright;

  // 1. A new vault, the language chosen on the very first screen.
  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Русский' });
  await expect(page.getByRole('heading', { name: 'Создайте хранилище' })).toBeVisible();
  await page.getByLabel('Парольная фраза', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Повторите парольную фразу').fill(PASSPHRASE);
  await snap(page, 'journey-ru-01-create-vault');
  await page.getByRole('button', { name: 'Создать хранилище' }).click();
  await expect(page.getByTestId('recovery-key').locator('span').first()).toHaveText(/\w{4}/);
  await page.getByLabel('Я записал(а) ключ восстановления и надёжно его храню').check();
  await snap(page, 'journey-ru-02-recovery-key');
  await page.getByRole('button', { name: 'Перейти в Upright' }).click();
  await expect(page.getByRole('heading', { name: 'Досье', level: 1 })).toBeVisible();

  // 2. A dossier, and the ILO's reply imported into it.
  await page.getByRole('button', { name: 'Создать первое досье' }).click();
  await page.getByLabel('Название', { exact: true }).fill(DOSSIER);
  await page.getByLabel('Страна (код ISO)').fill('KAZ');
  await page.getByLabel('Темы (через запятую)').fill('свобода объединений, профсоюзы');
  await page.getByRole('button', { name: 'Создать досье' }).click();
  await expect(page.getByRole('heading', { name: DOSSIER, level: 1 })).toBeVisible();
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
  await expect(page.getByTestId('import-results')).toContainText('Импортирован');
  await expect(page.getByRole('heading', { name: 'Источники (1)' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Источники' })).toHaveAttribute('aria-selected', 'true');
  await snap(page, 'journey-ru-03-imported');
  await noMissingMessages(page, 'import');

  // 3. The reader: two excerpts marked with the mouse and E, each given a code.
  await page.getByRole('table').filter({ hasText: 'Вид' }).getByRole('button').first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Отметить выдержку (E)' })).toBeVisible();
  await markAndCode(page, REGISTRATION, 'Регистрация профсоюзов');
  await expect(page.getByRole('heading', { name: 'Выдержка, с. 1' })).toBeVisible();
  await page.getByLabel('Заметка', { exact: true }).fill('Обещание правительства МОТ');
  await markAndCode(page, STRIKES, 'Право на забастовку');
  await expect(page.locator('.reader-keys')).toContainText('2 выдержки');
  await snap(page, 'journey-ru-04-reader-coded');
  await noMissingMessages(page, 'reader');

  // The excerpt list shows both, with their codes.
  await page.getByRole('button', { name: 'Назад' }).click();
  await page.getByRole('tab', { name: 'Выдержки' }).click();
  await expect(page.getByRole('heading', { name: 'Выдержки (2)' })).toBeVisible();
  await expect(page.getByTestId('excerpt-list')).toContainText('Регистрация профсоюзов');
  await snap(page, 'journey-ru-05-excerpts');

  // 4. A submission, its cover in Russian, two paragraphs each citing an excerpt.
  await page.getByRole('tab', { name: 'Проекты' }).click();
  await expect(page.getByRole('heading', { name: 'Представления (0)' })).toBeVisible();
  await page.getByLabel('Название', { exact: true }).fill(DRAFT);
  await page.getByRole('button', { name: 'Создать представление' }).click();
  const body = page.getByRole('textbox', { name: 'Текст представления' });
  await expect(body).toBeVisible();
  await page.getByLabel('Язык представления').selectOption('ru');
  await page.getByLabel('Сессия УПО').fill('48');
  await page.getByLabel('Цикл УПО').fill('4');
  await page.getByRole('button', { name: 'Добавить представляющую организацию' }).click();
  await page.getByLabel('Название', { exact: true }).fill('Казахстанский мониторинг трудовых прав');
  await page.getByLabel('Сокращённое название').fill('КМТП');
  await page.getByLabel('Город').fill('Алматы');
  await page.getByLabel('Страна', { exact: true }).fill('Казахстан');
  await page.getByLabel('Год основания').fill('2009');
  await page
    .getByLabel('Чем занимается организация')
    .fill('Документирует нарушения трудовых прав в Казахстане и поддерживает профсоюзы в судах.');
  await page.getByLabel('Контактное лицо').fill('Дана Омарова');
  await page.getByLabel('Контактный e-mail').fill('dana@klrm.example.org');

  await typeInParagraph(page, 0, 'Правительство сообщило МОТ, что заменит регистрацию профсоюзов уведомлением');
  await page.keyboard.press('Control+Shift+KeyC');
  const picker = page.getByRole('dialog', { name: 'Сослаться на выдержку' });
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('state registration');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await snap(page, 'journey-ru-06-citing');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await page.keyboard.type('. Поправка до сих пор не принята.');
  await typeInParagraph(page, 1, 'Закон допускает лишь короткие предупредительные забастовки');
  await page.getByRole('button', { name: 'Сослаться на выдержку…' }).click();
  await page.keyboard.type('warning strikes');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(body.getByLabel('Сноска 2', { exact: true })).toHaveClass(/citation/);
  await expect(page.getByTestId('footnotes').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('draft-status')).toContainText('Сохранено');
  await snap(page, 'journey-ru-07-draft');
  await noMissingMessages(page, 'draft');

  // 5. The checks, run again after the cover was filled in.
  await page.getByRole('tab', { name: /^Проверки/ }).click();
  const checks = page.getByRole('tabpanel');
  await checks.getByRole('button', { name: 'Проверить ещё раз' }).click();
  await expect(checks.getByRole('heading', { name: /^Ошибки \(\d+\)$/ })).toBeVisible();
  await expect(checks.getByRole('heading', { name: /^Предупреждения \(\d+\)$/ })).toBeVisible();
  await snap(page, 'journey-ru-08-checks');
  await noMissingMessages(page, 'checks');

  // 6. Export to Word: the review, then the file.
  await page.getByRole('button', { name: 'Экспорт…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Экспорт представления' });
  await expect(exporter.getByRole('heading', { name: 'Перед экспортом' })).toBeVisible();
  await expect(exporter.getByLabel('Документ Word (.docx)')).toBeChecked();
  await snap(page, 'journey-ru-09-export-review');
  await exporter.getByRole('button', { name: 'Экспортировать…' }).click();
  const saved = exporter.locator('.export-saved');
  await expect(saved).toContainText('Сохранено в');
  await expect(saved).toContainText('.docx');
  await snap(page, 'journey-ru-10-exported');
  await noMissingMessages(page, 'export');

  const path = ((await saved.locator('.mono').textContent()) ?? '').trim();
  expect(path.startsWith(upright.backupDir)).toBe(true);
  const document = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  expect(document).toContain('Правительство сообщило МОТ');
  expect(document).toContain('Казахстанский мониторинг трудовых прав');
});
