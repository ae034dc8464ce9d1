import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { comparable, comparablePdfText } from '../support/pdf-text.ts';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  lockThroughUi,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';
import { typeInParagraph } from './support/text.ts';

const run = promisify(execFile);

const DOSSIER = 'Kazakhstan — freedom of association';
/** A person in the draft's text whose name must never leave the vault. */
const WITNESS = 'Aigerim Sadykova';
const PSEUDONYM = 'a local union leader';

/** Marks the first occurrence of each phrase in the source's text as an excerpt (the reader's way is annotate.spec). */
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

async function docxToPdf(docx: string): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'upright-soffice-'));
  try {
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, docx],
      { timeout: 90_000 },
    );
    return await comparablePdfText(join(work, basename(docx).replace(/\.docx$/, '.pdf')));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

test.describe('a monitor writes the UPR submission', () => {
  test('writes an individual submission citing excerpts, fills the cover, passes the checks, and exports a redacted Word file with numbered paragraphs and notes', async ({
    upright,
  }) => {
    test.setTimeout(180_000);
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, DOSSIER);
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
    await expect(page.getByTestId('import-results')).toContainText('Imported');
    await markExcerpts(page, [
      'modification of the procedure for state registration of trade unions to the notification procedure',
      'holding short-term (one-hour) warning strikes',
    ]);
    await callFromPage(page, 'entity.create', {
      kind: 'person',
      name: WITNESS,
      pseudonym: PSEUDONYM,
      sensitivity: 'protected',
    });

    // A new individual submission from the Drafts tab.
    await page.getByRole('tab', { name: 'Drafts' }).click();
    await expect(page.getByText('No submission yet.')).toBeVisible();
    await page.getByLabel('Title', { exact: true }).fill('UPR Kazakhstan — trade union rights');
    await page.getByLabel(/Individual submission/).check();
    await page.getByRole('button', { name: 'Create submission' }).click();
    const body = page.getByRole('textbox', { name: 'Submission text' });
    await expect(body).toBeVisible();
    await expect(page.getByRole('heading', { name: 'UPR Kazakhstan — trade union rights', level: 1 })).toBeAttached();

    // The text, paragraph by paragraph, under the template's headings.
    await typeInParagraph(
      page,
      0,
      'This submission by the Kazakhstan Labour Rights Monitor covers freedom of association from 2019 to 2024, drawing on government replies to the ILO and interviews with union members.',
    );
    await typeInParagraph(
      page,
      1,
      'The Government told the ILO Committee on the Application of Standards that it would replace registration with a notification procedure',
    );
    // Cite by keyboard: Ctrl+Shift+C, a few words, Enter.
    await page.keyboard.press('Control+Shift+KeyC');
    const picker = page.getByRole('dialog', { name: 'Cite an excerpt' });
    await expect(picker.getByRole('combobox')).toBeFocused();
    await page.keyboard.type('notification procedure');
    await expect(picker.getByRole('option')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(picker).toBeHidden();
    await page.keyboard.type('. No such amendment has been adopted.');
    await expect(body.locator('.citation')).toHaveCount(1);

    // Cite by dragging an excerpt from the side panel to the end of a paragraph.
    await typeInParagraph(
      page,
      2,
      'Workers may now hold only short warning strikes, and few unions have been able to strike lawfully.',
    );
    const target = page.locator('.draft-body p').nth(2);
    // In mid-screen, clear of the sticky status bar (the panel beside it stays in view).
    await target.evaluate((p) => p.scrollIntoView({ block: 'center' }));
    const box = await target.boundingBox();
    if (!box) throw new Error('paragraph 3 is not on screen');
    await page
      .getByRole('list', { name: 'Excerpts to cite' })
      .getByRole('listitem')
      .filter({ hasText: 'warning strikes' })
      .dragTo(target, { targetPosition: { x: box.width - 4, y: box.height - 6 } });
    await expect(body.locator('.citation')).toHaveCount(2);
    // Each note call has a name a screen reader reads, not just a number drawn by CSS.
    await expect(body.getByLabel('Note 1', { exact: true })).toHaveClass(/citation/);
    await expect(body.getByLabel('Note 2', { exact: true })).toHaveClass(/citation/);
    // Dropped where the mouse let go: after the paragraph's last word.
    expect(await target.evaluate((p) => p.querySelector('.citation')?.previousSibling?.textContent)).toMatch(
      /lawfully\.$/,
    );

    await typeInParagraph(
      page,
      3,
      `In March 2024 Ms ${WITNESS}, who chairs a union at an oil services company, was dismissed after the union applied for registration.`,
    );
    await typeInParagraph(
      page,
      4,
      'Amend the Law on Trade Unions by December 2026 so that a union acquires legal personality on notification, without prior approval.',
    );

    // Numbers in the margin, continuous across the headings; notes generated from the citations.
    await expect(page.locator('.draft-body p.counted')).toHaveCount(5);
    const notes = page.getByTestId('footnotes').getByRole('listitem');
    await expect(notes).toHaveCount(2);
    await expect(notes.first()).toContainText('p. 1');
    await expect(page.getByTestId('word-count')).toContainText('of 2,815 words');
    await expect(page.getByTestId('draft-status')).toContainText('Saved');

    // The cover is still empty: the checks say so, and each error leads to its field.
    await page.getByRole('tab', { name: /^Checks/ }).click();
    const checks = page.getByRole('tabpanel');
    await expect(checks.getByRole('heading', { name: /^Errors \(\d+\)$/ })).toBeVisible();
    await checks.getByRole('button', { name: /contact person’s e-mail/ }).click();
    await expect(page.getByLabel('Contact e-mail')).toBeFocused();

    await page.getByLabel('UPR session').fill('48');
    await page.getByLabel('UPR cycle').fill('4');
    await page.getByRole('button', { name: 'Add the submitting organisation' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Kazakhstan Labour Rights Monitor');
    await page.getByLabel('Acronym').fill('KLRM');
    await page.getByLabel('City').fill('Almaty');
    await page.getByLabel('Country', { exact: true }).fill('Kazakhstan');
    await page.getByLabel('Founded in (year)').fill('2009');
    await page
      .getByLabel('What the organisation does')
      .fill('KLRM documents violations of workers’ rights in Kazakhstan and supports unions before the courts.');
    await page.getByLabel('Contact person').fill('Dana Omarova');
    await page.getByLabel('Contact e-mail').fill('dana@klrm.example.org');
    await expect(page.getByTestId('draft-status')).toContainText('Saved');
    await page.getByRole('button', { name: 'Run checks again' }).click();
    await expect(checks.getByRole('status')).toContainText('Ready to export: no errors');
    await expect(checks.getByRole('heading', { name: 'Errors (0)' })).toBeVisible();
    // A warning leads to the paragraph it concerns.
    await checks.getByRole('button', { name: new RegExp(WITNESS) }).click();
    await expect(body.locator('.spotlight')).toContainText(WITNESS);
    await snap(page, '41-checks');
    await expectAccessible(page, 'draft checks');

    // A note leads back to its citation, which shows its quote while selected (and on hover).
    await page.getByTestId('footnotes').getByRole('button', { name: 'Show in text' }).nth(1).click();
    await expect(page.getByRole('tooltip')).toContainText('warning strikes');
    await page.getByRole('tab', { name: 'Excerpts' }).click();
    await body.locator('.citation').first().hover();
    await expect(page.getByRole('tooltip')).toContainText('notification procedure');
    await snap(page, '40-draft-editor');
    await expectAccessible(page, 'draft editor');

    // A named version, an edit, and the difference.
    await page.getByRole('button', { name: 'Save version…' }).first().click();
    await page.getByLabel('Name of this version').fill('Sent to partners');
    await page.getByRole('dialog').getByRole('button', { name: 'Save version', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Saved versions' })).toContainText('Sent to partners');
    await typeInParagraph(page, 4, ' Publish the registry of unions online.');
    await expect(page.getByTestId('draft-status')).toContainText('Saved');
    await page.getByRole('button', { name: 'Compare with current' }).click();
    const compare = page.getByRole('dialog', { name: /Changes since “Sent to partners”/ });
    await expect(compare).toContainText('1 changed');
    await expect(compare.locator('ins')).toContainText('Publish the registry of unions online.');
    await snap(page, '43-compare');
    await expectAccessible(page, 'version comparison');
    await page.keyboard.press('Escape');
    await expect(compare).toBeHidden();

    // Export: the review lists the substitution; Word, redacted.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exporter = page.getByRole('dialog', { name: 'Export the submission' });
    await expect(exporter.getByLabel('Replace pseudonymised names')).toBeChecked();
    await expect(exporter.getByRole('table')).toContainText(WITNESS);
    await expect(exporter.getByRole('table')).toContainText(PSEUDONYM);
    await expect(exporter).toContainText('No errors');
    // Every sentence redaction changes, before and after: the title goes with the name.
    const sentences = exporter.locator('.sentence-changes li');
    await expect(sentences).toHaveCount(1);
    await expect(sentences.locator('.sentence-before')).toContainText(`In March 2024 Ms ${WITNESS}, who chairs`);
    await expect(sentences.locator('.sentence-after')).toHaveText(
      `After: In March 2024 ${PSEUDONYM}, who chairs a union at an oil services company, was dismissed after the union applied for registration.`,
    );
    // Both excerpts are "restricted" (the default): for the team, so their notes are withheld and
    // listed as warnings until the person confirms that the source may be named.
    await expect(exporter.getByRole('heading', { name: 'Restricted sources (1)' })).toBeVisible();
    await expect(exporter.getByRole('heading', { name: 'Notes withheld (2)' })).toBeVisible();
    await expect(exporter.locator('.withheld')).toContainText('restricted, source not confirmed');
    await exporter.locator('.export-warnings summary').click();
    await expect(exporter.locator('.export-warnings li[data-rule="restricted"]')).toHaveCount(2);
    await expect(exporter.locator('.export-warnings')).toContainText('Note 1: Cites a restricted excerpt of');
    await snap(page, '45-export-restricted');
    const mayBeNamed = exporter.getByLabel(/may be named/);
    await expect(mayBeNamed).toHaveCount(1);
    await mayBeNamed.check();
    await expect(exporter.getByRole('heading', { name: 'Notes withheld (0)' })).toBeVisible();
    await expect(exporter.locator('.export-warnings')).toContainText('You confirmed this source may be named');
    // Without redaction the real name would leave the vault: only after an explicit "export anyway".
    await exporter.getByLabel('Replace pseudonymised names').uncheck();
    const anyway = exporter.getByLabel(/^Export anyway/);
    await expect(anyway).toBeVisible();
    await expect(exporter.getByRole('button', { name: 'Export…' })).toBeDisabled();
    await anyway.check();
    await expect(exporter.getByRole('button', { name: 'Export…' })).toBeEnabled();
    await exporter.getByLabel('Replace pseudonymised names').check();
    await expect(anyway).toBeHidden();
    await snap(page, '42-export-review');
    await expectAccessible(page, 'export review');
    await exporter.getByRole('button', { name: 'Export…' }).click();
    const saved = exporter.locator('.export-saved');
    await expect(saved).toContainText('.docx');
    const path = ((await saved.locator('.mono').textContent()) ?? '').trim();
    expect(path.startsWith(upright.backupDir)).toBe(true);

    // Print / Save as PDF: the rendered, redacted draft goes to the print dialog from a hidden frame.
    await exporter.getByRole('button', { name: 'Print / Save as PDF…' }).click();
    const printed = page.frameLocator('#draft-print-frame').locator('body');
    await expect(printed).toContainText('Amend the Law on Trade Unions');
    await expect(printed).toContainText(PSEUDONYM);
    await expect(printed).not.toContainText(WITNESS);
    // Styled for paper despite the page's CSP (no inline styles): numbered paragraphs hang their number.
    expect(
      await printed.evaluate((el) => getComputedStyle(el.querySelector('p.numbered') as Element).paddingLeft),
    ).not.toBe('0px');

    // What reviewers will read: LibreOffice's rendering of the file.
    const pdf = await docxToPdf(path);
    const draftId = (await callFromPage<{ id: string }[]>(page, 'draft.list', { dossierId: await dossierId(page) }))[0]
      ?.id;
    const generated = await callFromPage<{ footnotes: { text: string }[] }>(page, 'draft.notes', { id: draftId });
    // Compared as `comparable` text: how it reads back depends on the fonts this machine has.
    expect(pdf).toContain(comparable('1. This submission by the Kazakhstan Labour Rights Monitor'));
    expect(pdf).toContain(comparable('2. The Government told the ILO Committee'));
    expect(pdf).toContain(comparable('5. Amend the Law on Trade Unions'));
    for (const note of generated.footnotes) expect(pdf).toContain(comparable(note.text));
    expect(pdf).toContain(comparable(PSEUDONYM));
    expect(pdf).not.toContain(comparable(WITNESS));
    expect(pdf).not.toContain('Sadykova');

    // The PDF the app prints is Chromium's print of the same HTML: print it here with page.pdf.
    if (upright.target === 'chromium') {
      const sourceIds = (
        await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId: await dossierId(page) })
      ).map((s) => s.id);
      const { text: html } = await callFromPage<{ text: string }>(page, 'draft.render', {
        id: draftId,
        format: 'html',
        redact: true,
        nameSources: sourceIds,
      });
      const printer = await page.context().browser()?.newPage();
      if (!printer) throw new Error('no browser to print with');
      await printer.setContent(html);
      const printedPdf = join(upright.backupDir, 'submission-printed.pdf');
      await printer.pdf({ path: printedPdf, format: 'A4' });
      await printer.close();
      const printedText = await comparablePdfText(printedPdf);
      expect(printedText).toContain(comparable('2. The Government told the ILO Committee'));
      for (const note of generated.footnotes) expect(printedText).toContain(comparable(note.text));
      expect(printedText).toContain(comparable(PSEUDONYM));
      expect(printedText).not.toContain('Sadykova');
    }

    // Back in the dossier, the Drafts tab lists the submission with its length.
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: DOSSIER }).click();
    await expect(page.getByRole('tab', { name: 'Drafts' })).toHaveAttribute('aria-selected', 'true');
    const row = page.getByRole('row', { name: /UPR Kazakhstan — trade union rights/ });
    await expect(row).toContainText('Individual submission');
    await expect(row).toContainText('/ 2,815');
    await snap(page, '44-drafts-list');
    await expectAccessible(page, 'drafts list');
  });

  test('a space typed after a citation is saved as a plain space, not a non-breaking one', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, DOSSIER);
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf');
    await expect(page.getByTestId('import-results')).toContainText('Imported');
    await markExcerpts(page, ['holding short-term (one-hour) warning strikes']);
    await page.getByRole('tab', { name: 'Drafts' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Spaces');
    await page.getByLabel(/Individual submission/).check();
    await page.getByRole('button', { name: 'Create submission' }).click();
    const body = page.getByRole('textbox', { name: 'Submission text' });
    await expect(body).toBeVisible();
    // The editor's stylesheet is in the bundle: ProseMirror keeps typed spaces only with pre-wrap.
    expect(await body.evaluate((el) => getComputedStyle(el).whiteSpace)).toMatch(/pre-wrap|break-spaces/);
    await typeInParagraph(page, 0, 'Only warning strikes are lawful');
    await page.keyboard.press('Control+Shift+KeyC');
    await page.keyboard.type('warning strikes');
    await page.keyboard.press('Enter');
    await expect(body.locator('.citation')).toHaveCount(1);
    await page.keyboard.type(' and unions rarely call them.');
    // The saved draft, read back through the API once the autosave has written the last words.
    const [draft] = await callFromPage<{ id: string }[]>(page, 'draft.list', { dossierId: await dossierId(page) });
    const savedBody = async () =>
      JSON.stringify((await callFromPage<{ body: unknown }>(page, 'draft.get', { id: draft?.id })).body);
    await expect.poll(savedBody).toContain('call them.');
    const json = await savedBody();
    expect(json).toContain('"text":" and unions rarely call them."');
    expect(json).not.toContain('\u00a0');
  });

  test('locking right after typing keeps the last words of the draft', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, DOSSIER);
    await page.getByRole('tab', { name: 'Drafts' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Short note');
    await page.getByLabel(/Individual submission/).check();
    await page.getByRole('button', { name: 'Create submission' }).click();
    await expect(page.getByRole('textbox', { name: 'Submission text' })).toBeVisible();
    await typeInParagraph(page, 0, 'Written just before the lawyer stepped away.');
    // No pause for the autosave: the lock itself must save first.
    await lockThroughUi(page, 'shortcut');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();
    const [draft] = await callFromPage<{ id: string }[]>(page, 'draft.list', { dossierId: await dossierId(page) });
    const saved = await callFromPage<{ body: unknown }>(page, 'draft.get', { id: draft?.id });
    expect(JSON.stringify(saved.body)).toContain('Written just before the lawyer stepped away.');
  });
});

async function dossierId(page: Page): Promise<string> {
  const dossiers = await callFromPage<{ id: string; title: string }[]>(page, 'dossier.list', {});
  const found = dossiers.find((d) => d.title === DOSSIER);
  if (!found) throw new Error('dossier missing');
  return found.id;
}
