import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  expectAccessible,
  listFromPage,
  PASSPHRASE,
  snap,
  test,
} from './support/app.ts';

interface Excerpt {
  id: string;
  note: string;
}

/** A vault with one imported source, its reader open on an excerpt whose inspector shows the Note field. */
async function readerOnAnExcerpt(page: Page): Promise<{ sourceId: string; excerptId: string }> {
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, 'Kazakhstan — freedom of association');
  await page.getByTestId('file-input').setInputFiles('tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt');
  await expect(page.getByTestId('import-results')).toContainText('Imported');
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const [source] = await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId: dossier?.id });
  const sourceId = source?.id as string;
  const excerpt = await callFromPage<Excerpt>(page, 'excerpt.create', { sourceId, start: 0, end: 60 });
  await page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('button').first().click();
  await expect(page.getByTestId('reader-text')).toBeVisible();
  await page.getByTestId('reader-text').focus();
  await page.keyboard.press('j');
  await expect(page.getByLabel('Note', { exact: true })).toBeVisible();
  return { sourceId, excerptId: excerpt.id };
}

/** Types into the Note field and leaves the cursor there: nothing has blurred it. */
async function typeNoteWithoutLeaving(page: Page, text: string): Promise<void> {
  const note = page.getByLabel('Note', { exact: true });
  await note.click();
  await page.keyboard.type(text);
  await expect(note).toBeFocused();
}

/** Marks the page's memory, so a spec can tell whether the page was thrown away and loaded afresh. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { beforeLock?: string }).beforeLock = 'case text still in memory';
  });
}

async function expectPageReloaded(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page
        .evaluate(() => (window as unknown as { beforeLock?: string }).beforeLock ?? null)
        // Asked while the page is being replaced: not yet the fresh page.
        .catch(() => 'navigating'),
    )
    .toBeNull();
}

async function unlock(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();
}

async function noteOf(page: Page, sourceId: string, excerptId: string): Promise<string | undefined> {
  const excerpts = await callFromPage<Excerpt[]>(page, 'excerpt.forSource', { sourceId });
  return excerpts.find((e) => e.id === excerptId)?.note;
}

test.describe('a lawyer steps away from the laptop', () => {
  test('Ctrl+L locks the vault and leaves nothing of the workspace in the page', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Confidential case 7731');
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

    await page.keyboard.press('Control+KeyL');
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    const text = await page.evaluate(() => document.body.textContent ?? '');
    for (const workspaceText of [
      'Confidential case 7731',
      'Dossiers',
      'Settings',
      'About Upright',
      'Vault unlocked',
      'Change passphrase',
    ]) {
      expect(text).not.toContain(workspaceText);
    }
    await expectAccessible(page, 'unlock');
    await snap(page, '05-locked');

    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText('That passphrase or recovery key does not open this vault.');
    await snap(page, '06-wrong-passphrase');

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('button', { name: /Confidential case 7731/ })).toBeVisible();
  });

  test('a lock from elsewhere (auto-lock, the menu) reaches the page through subscribe', async ({ upright }) => {
    test.skip(upright.target !== 'chromium', 'drives the services directly through the bridge');
    const { page, preview } = upright;
    await createVaultThroughUi(page);
    // What the idle timer does when it fires:
    preview?.services.vault.lock();
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  });
});

test.describe('locking never costs a lawyer what they were typing', () => {
  test('Ctrl+L in the middle of an excerpt note: the note is saved, the page thrown away', async ({ upright }) => {
    const { page } = upright;
    const { sourceId, excerptId } = await readerOnAnExcerpt(page);
    const note = 'Ask the union’s lawyer for the appeal ruling (case 2-113/2017).';
    await typeNoteWithoutLeaving(page, note);
    await markPage(page);

    await page.keyboard.press('Control+KeyL');
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await expectPageReloaded(page);
    expect(await page.evaluate(() => document.body.textContent ?? '')).not.toContain('appeal ruling');

    await unlock(page);
    expect(await noteOf(page, sourceId, excerptId)).toBe(note);
    // And the lawyer finds it where they left it.
    await page.getByRole('button', { name: /Kazakhstan — freedom of association/ }).click();
    await page.getByRole('table').filter({ hasText: 'Kind' }).getByRole('button').first().click();
    await page.getByTestId('reader-text').focus();
    await page.keyboard.press('j');
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue(note);
    await snap(page, '07-note-kept-after-lock');
  });

  test('the Lock button with a new entity half-entered: the form is saved as its button would', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await page.getByRole('button', { name: 'Entities', exact: true }).click();
    const form = page.getByRole('form', { name: 'New entity' });
    await form.getByLabel('Name').fill('Larisa Kharkova');
    await form.getByLabel('Aliases (comma-separated)').fill('L. Kharkova, Харькова');
    await form.getByLabel('Pseudonym for exports').fill('a union leader');

    await markPage(page);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expectPageReloaded(page);
    await unlock(page);
    const entities = await listFromPage<{ name: string; aliases: string[]; pseudonym: string | null }[]>(
      page,
      'entity.list',
      {},
    );
    expect(entities).toEqual([
      expect.objectContaining({
        name: 'Larisa Kharkova',
        aliases: ['L. Kharkova', 'Харькова'],
        pseudonym: 'a union leader',
      }),
    ]);
  });

  test('editing a dossier’s details when the vault locks: the details are saved', async ({ upright }) => {
    const { page } = upright;
    await createVaultThroughUi(page);
    await createDossierThroughUi(page, 'Kazakhstan');
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Summary').fill('Registration refused to three independent unions in 2023.');
    await markPage(page);
    await page.keyboard.press('Control+KeyL');
    await expectPageReloaded(page);
    await unlock(page);
    const [dossier] = await callFromPage<{ summary: string }[]>(page, 'dossier.list', {});
    expect(dossier?.summary).toBe('Registration refused to three independent unions in 2023.');
  });
});

test.describe('auto-lock from the main process', () => {
  // One minute of the auto-lock setting lasts 4 seconds in this bridge.
  test.use({ autoLockMinuteMs: 4000 });

  test('the monitor types a note and walks away: the note is saved and the vault locks', async ({ upright }) => {
    test.skip(upright.target !== 'chromium', 'shortens auto-lock minutes through the bridge');
    const { page, preview } = upright;
    const { sourceId, excerptId } = await readerOnAnExcerpt(page);
    await callFromPage(page, 'settings.update', { autoLockMinutes: 1 });
    const note = 'Interview with the union’s chair still to transcribe.';
    await typeNoteWithoutLeaving(page, note);
    await markPage(page);

    // Nobody touches anything: the idle timer in the main process fires by itself.
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible({ timeout: 20_000 });
    expect(preview?.services.vault.status().state).toBe('locked');
    await expectPageReloaded(page);
    await unlock(page);
    expect(await noteOf(page, sourceId, excerptId)).toBe(note);
  });
});
