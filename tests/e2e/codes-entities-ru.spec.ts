// The code book and the entity screens with the interface in Russian: the code book with its
// Russian plurals and delete question, the entities list, an entity's page, the entity form and the
// reader's Entities field — every word from the Russian catalog (a message the catalog lacks is
// recorded on the page and fails the spec), forms refused by the API's own schema in Russian
// before anything is sent, with screenshots to look at.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  missingMessagesOn,
  onlySource,
  snap,
  test,
} from './support/app.ts';

const DOSSIER = 'Казахстан — свобода объединений';
const FIRST = 'modification of the procedure for state registration of trade unions';
const SECOND = 'holding short-term (one-hour) warning strikes';
const THIRD = 'Ministry of Labour has not received any such complaints';
const MINISTRY = 'Министерство труда и социальной защиты населения';

/**
 * A dossier with the ILO reply, three excerpts in it, a small code book (3, 1 and 0 excerpts: the
 * one, few and many forms of Russian plurals) and the ministry linked to the excerpt that names it.
 */
async function codedDossier(page: Page): Promise<void> {
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, DOSSIER);
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt');
  await expect(page.getByTestId('import-results')).toContainText('Imported');
  const { id: sourceId, text } = await onlySource(page);
  const association = await callFromPage<{ id: string }>(page, 'code.create', { name: 'Свобода объединений' });
  const strikes = await callFromPage<{ id: string }>(page, 'code.create', { name: 'Забастовки' });
  await callFromPage(page, 'code.create', { name: 'Регистрация профсоюзов', parentId: association.id });
  const ministry = await callFromPage<{ id: string }>(page, 'entity.create', {
    kind: 'organisation',
    name: MINISTRY,
    aliases: ['Ministry of Labour', 'МТСЗН'],
    pseudonym: 'министерство',
  });
  for (const quote of [FIRST, SECOND, THIRD]) {
    const start = text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
      sourceId,
      start,
      end: start + quote.length,
    });
    await callFromPage(page, 'excerpt.update', {
      id: excerpt.id,
      codeIds: quote === SECOND ? [association.id, strikes.id] : [association.id],
      ...(quote === THIRD ? { entityIds: [ministry.id] } : {}),
    });
  }
  await callFromPage(page, 'app.setPreferences', { language: 'ru' });
  await page.reload();
}

test.describe('the code book and the entities in Russian', () => {
  test('a Russian-speaking monitor keeps the code book and the entities, with Russian plurals and screenshots', async ({
    upright,
  }) => {
    test.setTimeout(240_000);
    const { page } = upright;
    await codedDossier(page);
    const menu = page.getByRole('navigation', { name: 'Главное меню' });

    // The code book: each code's count in the right Russian form.
    await menu.getByRole('button', { name: 'Кодовая книга' }).click();
    await expect(page.getByRole('heading', { name: 'Кодовая книга', level: 1 })).toBeVisible();
    const tree = page.getByTestId('code-tree');
    const row = (name: string) =>
      tree.getByRole('listitem').filter({ has: page.getByLabel(`Название кода «${name}»`) });
    await expect(row('Свобода объединений').locator('.code-count').first()).toHaveText('3 выдержки');
    await expect(row('Забастовки').locator('.code-count')).toHaveText('1 выдержка');
    await expect(row('Регистрация профсоюзов').locator('.code-count')).toHaveText('0 выдержек');
    await expect(page.getByLabel('Описание кода «Забастовки»')).toHaveAttribute(
      'placeholder',
      'Что охватывает этот код (чтобы коллеги кодировали одинаково)',
    );

    // A name longer than the API allows is refused by its schema, in Russian, and nothing is sent.
    await page.getByRole('textbox', { name: 'Новый код', exact: true }).fill('Очень длинное название '.repeat(6));
    await page.getByRole('button', { name: 'Добавить код' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Название кода — не длиннее 120 символов, описание — не длиннее 2000.',
    );
    expect(await callFromPage<unknown[]>(page, 'code.list', {})).toHaveLength(3);
    await page.getByRole('textbox', { name: 'Новый код', exact: true }).fill('');

    // Deleting asks where the excerpts go, in Russian plurals.
    await row('Забастовки').getByRole('button', { name: 'Удалить…' }).click();
    await expect(row('Забастовки').locator('.confirm')).toContainText(
      'Удалить «Забастовки»? 1 выдержка с этим кодом сохранит свои другие коды',
    );
    await row('Забастовки').getByLabel('Другой код для «Забастовки»').selectOption({ label: 'Свобода объединений' });
    await expect(row('Забастовки').locator('.confirm')).toContainText(
      '1 выдержка с этим кодом перейдёт к коду «Свобода объединений».',
    );
    await snap(page, 'ru-40-code-book');
    await expectAccessible(page, 'code book in Russian');
    await row('Забастовки').getByRole('button', { name: 'Отмена' }).click();

    // The entities, grouped by kind, with their counts in Russian.
    await menu.getByRole('button', { name: 'Сущности' }).click();
    await expect(page.getByRole('heading', { name: 'Сущности', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Организации (1)' })).toBeVisible();
    const organisations = page.getByRole('list', { name: 'Организации' });
    await expect(organisations).toContainText('также: Ministry of Labour · МТСЗН — в экспорте: «министерство»');
    await expect(organisations).toContainText('1 выдержка в 1 источнике');

    // The form: a pseudonym longer than the API allows is refused by its schema, in Russian.
    const form = page.getByRole('form', { name: 'Новая сущность' });
    await form.getByLabel('Вид').selectOption({ label: 'Лицо' });
    await form.getByLabel('Имя или название').fill('Лариса Харькова');
    await expect(form.getByLabel('Другие названия (через запятую)')).toHaveAttribute(
      'placeholder',
      'Другие написания: Л. Харькова, Kharkova',
    );
    await form.getByLabel('Псевдоним для экспорта').fill('п'.repeat(301));
    await form.getByRole('button', { name: 'Добавить сущность' }).click();
    await expect(form.getByRole('alert')).toHaveText('Псевдоним должен быть короче 300 символов.');
    await expect(form.getByLabel('Псевдоним для экспорта')).toHaveAttribute('aria-invalid', 'true');
    expect(await listFromPage<unknown[]>(page, 'entity.list', {})).toHaveLength(1);
    await form.getByLabel('Псевдоним для экспорта').fill('местный профсоюзный лидер');
    await snap(page, 'ru-42-entity-form');
    await form.getByRole('button', { name: 'Добавить сущность' }).click();
    await expect(page.getByRole('heading', { name: 'Лица (1)' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Лица' })).toContainText('0 выдержек');
    await expect(form.getByLabel('Имя или название')).toHaveValue('');
    await snap(page, 'ru-41-entities');
    await expectAccessible(page, 'entities in Russian');

    // The ministry's page: its linked excerpt, the source that names it, its details and the merge.
    await organisations.getByRole('button', { name: MINISTRY }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(MINISTRY);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Организация');
    await expect(page.locator('.dossier-meta')).toHaveText(
      '1 связанная выдержка в 1 источнике · также: Ministry of Labour, МТСЗН · в экспорте: «министерство»',
    );
    await expect(page.getByRole('heading', { name: 'Связанные выдержки (1)' })).toBeVisible();
    await expect(page.getByTestId('entity-excerpts')).toContainText(`«${THIRD}»`);
    await expect(page.getByRole('heading', { name: 'Связанные упоминания (0)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Источники, где она названа (1)' })).toBeVisible();
    await expect(page.getByTestId('entity-sources')).toContainText('Ответ правительства');
    await expect(page.getByTestId('entity-sources')).toContainText('1 связанная выдержка');
    const details = page.getByRole('form', { name: 'Изменить сущность' });
    await expect(details.getByLabel('Чувствительность')).toContainText('Обычная');
    await details.getByLabel('Описание').fill('Готовит поправки к закону о профсоюзах.');
    await details.getByRole('button', { name: 'Сохранить изменения' }).click();
    await expect(details.getByRole('status')).toHaveText('Сохранено.');
    await page.getByRole('button', { name: 'Удалить сущность' }).click();
    await expect(page.getByRole('button', { name: `Да, удалить «${MINISTRY}»` })).toBeVisible();
    await expect(page.getByText('Её имена будут стёрты, а связи удалены; сами выдержки останутся.')).toBeVisible();
    await snap(page, 'ru-43-entity-page');
    await expectAccessible(page, 'entity page in Russian');
    await page.getByRole('button', { name: 'Оставить' }).click();

    // In the reader, the Entities field says in Russian what Enter will do, with the kind's gender.
    await page.getByTestId('entity-excerpts').getByRole('button').first().click();
    await expect(page.locator('.inspector-quote')).toHaveText(THIRD);
    await expect(page.getByRole('list', { name: 'Сущности этой выдержки' })).toContainText(MINISTRY);
    const field = page.getByLabel('Сущности', { exact: true });
    await field.fill('мтсзн');
    await expect(page.locator('.entity-hint')).toHaveText(`Enter свяжет с сущностью «${MINISTRY}» (организация).`);
    await page.getByLabel('Вид новых сущностей').selectOption({ label: 'организация' });
    await field.fill('Конфедерация независимых профсоюзов');
    await expect(page.locator('.entity-hint')).toHaveText(
      'Enter добавит «Конфедерация независимых профсоюзов» как новую организацию.',
    );
    await snap(page, 'ru-44-reader-entity-field');
    await field.press('Enter');
    await expect(page.getByRole('list', { name: 'Сущности этой выдержки' })).toContainText(
      'Конфедерация независимых профсоюзов',
    );

    // Back on the entities list, the new organisation is there without a reload.
    await menu.getByRole('button', { name: 'Сущности' }).click();
    await expect(page.getByRole('heading', { name: 'Организации (2)' })).toBeVisible();
    expect(await missingMessagesOn(page)).toEqual([]);
  });
});
