// Every screen of Upright, walked in English and in Russian: each must find all its words in the
// catalog of the language shown. The page records every message react-intl could not give it
// (window.__uprightMissingMessages, see src/renderer/src/i18n/missing.ts); after each screen the walk
// reads that list, so a failure names the screen. Screenshots of every screen, for people to look at.
import type { Page } from '@playwright/test';
import { callFromPage, expect, missingMessagesOn, onlySource, PASSPHRASE, snap, test } from './support/app.ts';
import { anyCount, startingWith, type WalkLanguage, wordsIn } from './support/words.ts';

const FIRST = 'modification of the procedure for state registration of trade unions';
const SECOND = 'holding short-term (one-hour) warning strikes';
const MINISTRY = 'Ministry of Labour and Social Protection of the Population';

/** The walk: a screen at a time, each checked for missing messages and photographed. */
function walker(page: Page, language: WalkLanguage) {
  let step = 0;
  return async (screen: string): Promise<void> => {
    // Let the screen finish loading what it shows before reading what was missing. The page keeps a
    // subscription open to main (and a lock reloads it), so "network idle" may never come: wait for
    // it a short while, no longer (each step has already waited for what it shows).
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    expect(await missingMessagesOn(page), `messages missing on “${screen}” in ${language}`).toEqual([]);
    step += 1;
    await snap(page, `walk-${language}-${String(step).padStart(2, '0')}-${screen.replace(/\W+/g, '-')}`);
  };
}

for (const language of ['en', 'ru'] as const) {
  test(`every screen in ${language === 'en' ? 'English' : 'Russian'} finds all its messages`, async ({ upright }) => {
    test.setTimeout(360_000);
    const { page } = upright;
    const t = wordsIn(language);
    const seen = walker(page, language);
    const nav = page.getByRole('navigation', { name: t('shell.mainNav') });

    // The first screen: the language is chosen before any vault exists.
    if (language === 'ru') await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await expect(page.getByRole('heading', { name: t('vault.create.title') })).toBeVisible();
    await seen('create vault');
    await page.getByLabel(t('vault.passphrase'), { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(t('vault.create.repeat')).fill(PASSPHRASE);
    await page.getByRole('button', { name: t('vault.create.submit') }).click();
    await expect(page.getByRole('heading', { name: t('vault.recoveryNotice.title') })).toBeVisible();
    await expect(page.getByTestId('recovery-key').locator('span').first()).toHaveText(/\w{4}/);
    await seen('recovery key');
    await page.getByLabel(t('vault.recoveryNotice.confirm')).check();
    await page.getByRole('button', { name: t('vault.recoveryNotice.continue') }).click();

    // Dossiers, empty, then one dossier with a document.
    await expect(page.getByRole('button', { name: t('dossier.list.empty.create') })).toBeVisible();
    await seen('dossiers empty');
    await page.getByRole('button', { name: t('dossier.list.empty.create') }).click();
    await page.getByLabel(t('dossier.form.title'), { exact: true }).fill('Kazakhstan — freedom of association');
    await page.getByLabel(t('dossier.form.country')).fill('KAZ');
    await page.getByLabel(t('dossier.form.themes')).fill('freedom of association, trade unions');
    await seen('new dossier form');
    await page.getByRole('button', { name: t('dossier.list.create') }).click();
    await expect(page.getByRole('heading', { name: 'Kazakhstan — freedom of association', level: 1 })).toBeVisible();
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt');
    await expect(page.getByTestId('import-results')).toContainText(t('import.status.imported'));
    await expect(page.getByRole('heading', { name: t('dossier.sources.titleCount', { count: 1 }) })).toBeVisible();
    await seen('dossier sources after import');

    // Two excerpts and an entity, through the API, so the screens below have something to show.
    const { id: sourceId, text } = await onlySource(page);
    for (const quote of [FIRST, SECOND]) {
      const start = text.indexOf(quote);
      await callFromPage(page, 'excerpt.create', { sourceId, start, end: start + quote.length });
    }
    await callFromPage(page, 'code.create', { name: 'Registration' });
    await callFromPage(page, 'entity.create', { kind: 'organisation', name: MINISTRY, aliases: ['MLSPP'] });
    const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
    await callFromPage(page, 'event.create', {
      dossierId: dossier?.id,
      title: 'Registration of unions changed',
      when: 'July to December 2011',
    });

    await nav.getByRole('button', { name: t('shell.area.dossiers') }).click();
    await expect(page.getByText(t('dossier.list.sourceCount', { count: 1 }))).toBeVisible();
    await seen('dossiers');
    await page.getByRole('button', { name: /Kazakhstan — freedom of association/ }).click();

    // The reader: the text with its details, an excerpt in the inspector, the suggestions.
    await page
      .getByRole('table')
      .filter({ hasText: t('dossier.sources.col.kind') })
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByTestId('reader-text')).toBeVisible();
    await seen('reader with source details');
    await page.getByTestId('reader-text').locator('.excerpt').first().click();
    await expect(page.getByLabel(t('reader.inspector.note'), { exact: true })).toBeVisible();
    await seen('reader with excerpt inspector');
    await page.getByTestId('reader-text').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: t('reader.suggestions') }).click();
    const suggestions = page.getByRole('region', { name: t('reader.suggestions.title'), exact: true });
    await expect(suggestions.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
    await seen('reader with suggestions');

    // The excerpt list, then the drafts of the dossier.
    await page.getByRole('button', { name: t('shell.back') }).click();
    await page.getByRole('tab', { name: t('dossier.tab.excerpts') }).click();
    await expect(page.getByTestId('excerpt-list').getByRole('listitem')).toHaveCount(2);
    await seen('excerpts');
    await page.getByRole('tab', { name: t('dossier.tab.claims') }).click();
    await expect(page.getByRole('heading', { name: t('claims.title') })).toBeVisible();
    await seen('claims');
    await page.getByRole('tab', { name: t('dossier.tab.timeline') }).click();
    await expect(page.getByRole('heading', { name: t('timeline.titleCount', { count: 1 }) })).toBeVisible();
    await seen('timeline');

    // The recommendations tracker: the list with its matrix, one recommendation's page, the form.
    const recommendation = await callFromPage<{ id: string }>(page, 'recommendation.create', {
      dossierId: dossier?.id,
      text: 'Ensure that trade unions can register freely',
      recommendingStates: ['Germany'],
      cycle: 3,
      documentSymbol: 'A/HRC/43/10',
      paragraph: '140.12',
      response: 'supported',
      themes: ['Freedom of association and peaceful assembly'],
    });
    await callFromPage(page, 'recommendation.assess', { id: recommendation.id, assessment: 'not_implemented' });
    await page.getByRole('tab', { name: t('dossier.tab.recommendations') }).click();
    await expect(page.getByRole('heading', { name: t('recommendations.titleCount', { count: 1 }) })).toBeVisible();
    await expect(page.getByTestId('recommendation-list')).toContainText('A/HRC/43/10');
    await seen('recommendations');
    await page.getByRole('button', { name: t('recommendations.add') }).click();
    await expect(page.getByRole('dialog', { name: t('recommendations.form.title') })).toBeVisible();
    await seen('new recommendation form');
    await page.getByRole('button', { name: t('recommendations.form.cancel') }).click();
    await page.getByRole('button', { name: t('recommendations.import') }).click();
    const importing = page.getByRole('dialog', { name: t('recImport.title') });
    await importing.getByLabel(t('recImport.kind.paste')).check();
    await importing
      .getByLabel(t('recImport.paste'))
      .fill(
        '126. The following recommendations did not enjoy the support of Kazakhstan:\n126.1 Abolish the death penalty (Uruguay);',
      );
    await expect(importing.getByRole('row').filter({ hasText: '126.1' })).toBeVisible();
    await seen('import recommendations');
    await importing.getByRole('button', { name: t('recImport.cancel') }).click();
    await page.getByTestId('recommendation-list').getByRole('button').first().click();
    await expect(page.getByRole('heading', { name: t('recommendations.assessment.title') })).toBeVisible();
    await seen('recommendation page');
    await page.getByRole('button', { name: t('recommendations.back') }).click();
    // Export bundle…, with the dossier's sources to choose from.
    await page.getByRole('button', { name: t('dossier.exportBundle') }).click();
    const bundling = page.getByRole('dialog', { name: t('bundle.export.title') });
    await bundling.getByRole('radio', { name: t('bundle.export.chosenSources') }).check();
    await expect(
      bundling.getByRole('group', { name: t('bundle.export.sourcesLabel') }).getByRole('checkbox'),
    ).toHaveCount(1);
    await seen('export bundle');
    await bundling.getByRole('button', { name: t('bundle.export.cancel') }).click();

    await page.getByRole('tab', { name: t('dossier.tab.drafts') }).click();
    await expect(page.getByRole('heading', { name: anyCount((v) => t('drafts.list.headingCount', v)) })).toBeVisible();
    await seen('drafts empty');
    await page.getByLabel(t('drafts.new.title'), { exact: true }).fill('UPR Kazakhstan 2027');
    await page.getByRole('button', { name: t('drafts.new.create') }).click();

    // The draft editor, its checks, its export dialog.
    const body = page.getByRole('textbox', { name: t('drafts.editor.textLabel') });
    await expect(body).toBeVisible();
    await seen('draft editor');
    await page.getByRole('button', { name: t('drafts.toolbar.recommendation') }).click();
    const recommendations = page.getByRole('dialog', { name: t('recommendations.picker.title') });
    await expect(recommendations.getByRole('option')).toHaveCount(1);
    await seen('recommendation picker');
    await recommendations.getByRole('combobox').press('Escape');
    await page.getByRole('button', { name: t('drafts.toolbar.recommendationTable') }).click();
    const table = page.getByRole('dialog', { name: t('recommendations.table.title') });
    await expect(table.getByLabel(t('recommendations.table.cycle'))).toHaveValue('3');
    await seen('recommendations table dialog');
    await table.getByRole('button', { name: t('recommendations.table.cancel') }).click();
    await page.getByRole('tab', { name: startingWith(t('drafts.tab.checks')) }).click();
    await expect(
      page.getByRole('tabpanel').getByRole('heading', { name: anyCount((v) => t('drafts.checks.errors', v)) }),
    ).toBeVisible();
    await seen('draft checks');
    await page.getByRole('tab', { name: startingWith(t('drafts.tab.versions')) }).click();
    await seen('draft versions');
    await page
      .getByRole('button', { name: t('drafts.editor.export') })
      .first()
      .click();
    const exporter = page.getByRole('dialog', { name: t('drafts.export.title') });
    await expect(exporter.getByRole('heading', { name: t('drafts.export.review') })).toBeVisible();
    await seen('export dialog');
    await exporter
      .getByRole('button', { name: t('drafts.export.close') })
      .last()
      .click();
    await page.getByRole('button', { name: t('shell.back') }).click();
    await expect(page.getByRole('tab', { name: t('dossier.tab.drafts') })).toHaveAttribute('aria-selected', 'true');
    await seen('drafts list');

    // The code book, the entities and one entity's page (converted in parallel: literals are not
    // missing messages, so this walk passes while they are English, and catches a broken id after).
    await nav.getByRole('button', { name: t('shell.area.codes') }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await seen('code book');
    await nav.getByRole('button', { name: t('shell.area.entities') }).click();
    await page.getByRole('button', { name: MINISTRY }).click();
    await expect(page.getByRole('heading', { name: MINISTRY, level: 1 })).toBeVisible();
    await seen('entity page');
    await page.getByRole('button', { name: t('shell.back') }).click();
    await expect(page.getByRole('button', { name: MINISTRY })).toBeVisible();
    await seen('entities');

    // Search: the screen with results, and the Ctrl+K palette.
    await nav.getByRole('button', { name: t('shell.area.search') }).click();
    await expect(page.getByRole('heading', { name: t('search.title'), level: 1 })).toBeVisible();
    await page.getByLabel(t('search.query.label'), { exact: true }).fill('registration');
    await page.keyboard.press('Enter');
    await expect(page.locator('mark').first()).toBeVisible();
    await seen('search');
    await page.keyboard.press('Control+KeyK');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.type('strikes');
    await expect(page.getByRole('dialog').locator('mark').first()).toBeVisible();
    await seen('search palette');
    await page.keyboard.press('Escape');

    // Settings with About and diagnostics, and Help.
    await nav.getByRole('button', { name: t('shell.area.settings') }).click();
    await expect(page.getByRole('heading', { name: t('settings.about.title') })).toBeVisible();
    await expect(page.getByRole('heading', { name: t('settings.diagnostics.title') })).toBeVisible();
    await seen('settings and about');
    await nav.getByRole('button', { name: t('shell.area.help') }).click();
    await expect(page.getByRole('heading', { name: t('help.title'), level: 1 })).toBeVisible();
    await seen('help');

    // Locked: the unlock screen, the recovery screen, then the sample and its copy dialog.
    await page.keyboard.press('Control+KeyL');
    await expect(page.getByRole('heading', { name: t('vault.unlock.title') })).toBeVisible();
    await seen('unlock');
    await page.getByRole('button', { name: t('vault.unlock.useRecovery') }).click();
    await expect(page.getByRole('heading', { name: t('vault.recover.title') })).toBeVisible();
    await seen('recovery key unlock');
    await page.getByRole('button', { name: t('vault.recover.back') }).click();
    await page.getByRole('button', { name: t('vault.sample.open') }).click();
    await expect(page.getByRole('contentinfo')).toContainText(t('shell.status.sampleUnlocked'), { timeout: 60_000 });
    await page
      .getByRole('button', { name: /Kazakhstan/ })
      .first()
      .click();
    await page.getByRole('tab', { name: t('dossier.tab.drafts') }).click();
    await page.getByRole('table').getByRole('button').first().click();
    await page.getByRole('tab', { name: startingWith(t('drafts.tab.checks')) }).click();
    await expect(page.getByRole('tabpanel').getByRole('status')).toBeVisible();
    await seen('sample draft checks');
    await page.getByRole('button', { name: t('shell.sample.copy') }).click();
    const copy = page.getByRole('dialog', { name: t('sample.copy.title') });
    await copy.getByLabel(t('sample.copy.passphrase')).fill(PASSPHRASE);
    await copy.getByRole('button', { name: t('sample.copy.chooseDossier') }).click();
    await expect(copy.getByRole('radio', { name: t('sample.copy.newDossier') })).toBeVisible({ timeout: 30_000 });
    await seen('sample copy dialog');
    await copy.getByRole('button', { name: t('sample.copy.run', { count: 3 }) }).click();
    await expect(copy.getByRole('status')).toBeVisible({ timeout: 90_000 });
    await seen('sample copy done');
    await copy.getByRole('button', { name: t('shell.sample.leave') }).click();
    await expect(page.getByRole('heading', { name: t('vault.unlock.title') })).toBeVisible({ timeout: 30_000 });
    await seen('unlock after the sample');
  });
}
