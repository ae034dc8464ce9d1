// The drafts screens with the interface in Russian: the list, the editor with citations and notes,
// the checks, versions and their comparison, and the export review — every word of the drafts area
// from the Russian catalog (a missing message is reported on the console and fails the spec), with
// screenshots to look at.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  listFromPage,
  snap,
  test,
} from './support/app.ts';
import { typeInParagraph } from './support/text.ts';

const DOSSIER = 'Казахстан — свобода объединений';

async function markExcerpts(page: Page, phrases: string[]): Promise<void> {
  const [dossier] = (await callFromPage<{ id: string; title: string }[]>(page, 'dossier.list', {})).filter(
    (d) => d.title === DOSSIER,
  );
  const [source] = await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId: dossier?.id });
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id: source?.id });
  for (const phrase of phrases) {
    const start = text.indexOf(phrase);
    expect(start, `"${phrase}" in the source`).toBeGreaterThanOrEqual(0);
    await callFromPage(page, 'excerpt.create', { sourceId: source?.id, start, end: start + phrase.length });
  }
}

test('a Russian-speaking lawyer writes, checks, versions and exports a submission in Russian', async ({ upright }) => {
  test.setTimeout(240_000);
  const { page } = upright;
  // Messages the Russian catalog lacks (react-intl reports each on the console).
  const missing: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /drafts\.|check\./.test(message.text())) missing.push(message.text());
  });
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, DOSSIER);
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
  await expect(page.getByTestId('import-results')).toContainText('Imported', { timeout: 90_000 });
  await markExcerpts(page, [
    'modification of the procedure for state registration of trade unions to the notification procedure',
    'holding short-term (one-hour) warning strikes',
  ]);
  const [dossier] = (await callFromPage<{ id: string; title: string }[]>(page, 'dossier.list', {})).filter(
    (d) => d.title === DOSSIER,
  );
  const draft = await callFromPage<{ id: string; cover: Record<string, unknown> }>(page, 'draft.create', {
    dossierId: dossier?.id,
    title: 'УПО Казахстан 2027 — права профсоюзов',
    template: 'individual',
    language: 'ru',
  });
  await callFromPage(page, 'draft.update', {
    id: draft.id,
    cover: { ...draft.cover, language: 'ru', state: 'Казахстан', session: 48, cycle: 4, monthYear: 'март 2027' },
  });

  await callFromPage(page, 'app.setPreferences', { language: 'ru' });
  await page.reload();
  await page.getByRole('button', { name: DOSSIER }).first().click();
  await page.getByRole('tab', { name: /^(Drafts|Проекты|Представления)/ }).click();
  await expect(page.getByRole('heading', { name: 'Представления (1)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Создать представление' })).toBeVisible();
  await snap(page, 'ru-50-draft-list');

  await page.getByRole('button', { name: 'УПО Казахстан 2027 — права профсоюзов' }).click();
  const body = page.getByRole('textbox', { name: 'Текст представления' });
  await expect(body).toBeVisible();
  await typeInParagraph(page, 0, 'Правительство сообщило МОТ, что заменит регистрацию уведомлением');
  await page.keyboard.press('Control+Shift+KeyC');
  const picker = page.getByRole('dialog', { name: 'Сослаться на выдержку' });
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('notification procedure');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await snap(page, 'ru-51-picker');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await page.keyboard.type('. Поправка не принята.');
  await typeInParagraph(page, 1, 'Разрешены лишь короткие предупредительные забастовки.');
  await page.getByRole('button', { name: 'Сослаться на выдержку…' }).click();
  await page.keyboard.type('warning strikes');
  await expect(picker.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(body.getByLabel('Сноска 2', { exact: true })).toHaveClass(/citation/);
  const notes = page.getByTestId('footnotes').getByRole('listitem');
  await expect(notes).toHaveCount(2);
  await expect(page.getByTestId('draft-status')).toContainText('Сохранено');
  await expect(page.getByTestId('word-count')).toContainText(/из 2\s?815 слов/);
  await body.getByLabel('Сноска 1', { exact: true }).hover();
  await expect(page.getByRole('tooltip')).toContainText('Сноска в печати');
  await snap(page, 'ru-52-editor');

  await page.getByRole('tab', { name: /^Проверки/ }).click();
  const checks = page.getByRole('tabpanel');
  await expect(checks.getByRole('heading', { name: /^Ошибки \(\d+\)$/ })).toBeVisible();
  // The checks come from main as codes and read in Russian, the missing contact person among them.
  await expect(checks).toContainText('Укажите контактное лицо.');
  await expect(checks).not.toContainText('Name a contact person');
  await snap(page, 'ru-53-checks');

  await page.getByRole('button', { name: 'Сохранить версию…' }).first().click();
  await page.getByLabel('Название этой версии').fill('Отправлено партнёрам');
  await page.getByRole('button', { name: 'Сохранить версию', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Сохранённые версии' }).getByRole('listitem')).toHaveCount(1);
  await typeInParagraph(page, 0, ' Новая фраза.');
  await expect(page.getByTestId('draft-status')).toContainText('Сохранено');
  await page.getByRole('button', { name: 'Сравнить с текущим' }).click();
  const compare = page.getByRole('dialog', { name: 'Изменения после версии «Отправлено партнёрам»' });
  await expect(compare.getByText(/изменено: 1/)).toBeVisible();
  await snap(page, 'ru-54-compare');
  await compare.getByRole('button', { name: 'Закрыть' }).last().click();

  await page.getByRole('button', { name: 'Экспорт…' }).click();
  const exporter = page.getByRole('dialog', { name: 'Экспорт представления' });
  await expect(exporter.getByRole('heading', { name: 'Перед экспортом' })).toBeVisible();
  await expect(exporter.getByRole('heading', { name: 'Проверки' })).toBeVisible();
  await snap(page, 'ru-55-export');

  expect(missing, 'messages missing from the Russian catalog').toEqual([]);
});
