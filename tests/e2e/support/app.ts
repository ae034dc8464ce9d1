// The e2e fixture: an Upright session on a fresh vault, in Chromium over the bridge or in Electron.
// Every test records the requests its page makes; any request that is not the app's own fails it,
// and so does any console error or uncaught exception (a CSP violation is reported as one).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { _electron, type Browser, test as base, chromium, expect, type Page } from '@playwright/test';
import { type Preview, startPreview } from '../../../src/dev/preview.ts';
import { CHROMIUM_ARGS, chromiumPath, electronBinary } from './targets.ts';

export type Target = 'chromium' | 'electron';

export interface UprightSession {
  page: Page;
  target: Target;
  /** Root of everything this session wrote (vault, backups, app data). */
  home: string;
  vaultLocation: string;
  backupDir: string;
  /** URLs the page requested that were not the app's own files or API. */
  foreignRequests: string[];
  /** Console errors (CSP violations included) and uncaught exceptions of the page. */
  consoleErrors: string[];
  /** How many requests went to the app itself (proves the recorder is listening). */
  ownRequests: () => number;
  /** The bridge (Chromium target only): lets a spec reach the services directly. */
  preview: Preview | null;
}

/** What "Import a folder…" answers with: the case documents and the malformed files. */
export const IMPORT_FOLDERS = [resolve('tests/fixtures/documents'), resolve('tests/fixtures/bad')];

/** Cheap key derivation for e2e vaults: the real parameters are proven by unit tests and the bench. */
export const TEST_KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };

/** Records the page's console errors and uncaught exceptions, e.g. "Refused to apply inline style…". */
function recordConsoleErrors(page: Page, into: string[]): void {
  // The browser's own CSP line names only the script; the violation event also says what was blocked
  // (the first characters of an inline style or script) and where, which is what a fix needs.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} “${e.sample}” (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    into.push(`console: ${message.text()}${url ? ` (${url.replace(/\?.*$/, '')})` : ''}`);
  });
  page.on('pageerror', (error) => into.push(`uncaught: ${error.message}`));
}

function isOwnRequest(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:');
}

export const test = base.extend<
  { target: Target; autoLockMinuteMs: number; upright: UprightSession },
  { chromiumBrowser: Browser }
>({
  target: ['chromium', { option: true }],
  /** How long one minute of the auto-lock setting lasts in the bridge (Chromium target); a spec may shorten it. */
  autoLockMinuteMs: [60_000, { option: true }],
  chromiumBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as the first argument
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  upright: async ({ target, chromiumBrowser, autoLockMinuteMs }, use) => {
    const home = await mkdtemp(join(tmpdir(), 'upright-e2e-'));
    // The preview creates its folder on the first export or backup (as `npm run web` must on a fresh machine).
    const backupDir = join(home, 'backups');
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];
    let own = 0;
    const ownRequests = () => own;

    if (target === 'chromium') {
      const vaultLocation = join(home, 'vault');
      const preview = await startPreview({
        vaultLocation,
        backupDir,
        staticDir: 'out/renderer',
        kdf: TEST_KDF,
        importPaths: IMPORT_FOLDERS,
        autoLockMinuteMs,
      });
      const context = await chromiumBrowser.newContext({ viewport: { width: 1280, height: 820 } });
      context.on('request', (request) => {
        if (isOwnRequest(request.url(), preview.bridge.origin)) own++;
        else foreignRequests.push(request.url());
      });
      const page = await context.newPage();
      recordConsoleErrors(page, consoleErrors);
      await page.goto(preview.bridge.url);
      await use({ page, target, home, vaultLocation, backupDir, foreignRequests, consoleErrors, ownRequests, preview });
      await context.close();
      await preview.close();
    } else {
      await mkdir(backupDir);
      const executablePath = electronBinary();
      if (!executablePath) throw new Error('Electron binary not installed');
      // Electron's userData on Linux follows XDG_CONFIG_HOME, so the app's vault lands in `home`.
      const app = await _electron.launch({
        executablePath,
        args: ['out/main/index.js'],
        env: { ...process.env, XDG_CONFIG_HOME: home, ELECTRON_RENDERER_URL: '' },
      });
      // Native dialogs cannot be clicked: answer them from the main process.
      await app.evaluate(
        ({ dialog }, { dir, folders }) => {
          dialog.showSaveDialog = (async (...args: unknown[]) => {
            const options = args[args.length - 1] as { defaultPath?: string };
            const name = (options.defaultPath ?? 'backup').split(/[\\/]/).pop();
            return { canceled: false, filePath: `${dir}/${name}` };
          }) as typeof dialog.showSaveDialog;
          dialog.showOpenDialog = (async () => ({
            canceled: false,
            filePaths: folders,
          })) as typeof dialog.showOpenDialog;
        },
        { dir: backupDir, folders: IMPORT_FOLDERS },
      );
      const page = await app.firstWindow();
      await page.setViewportSize({ width: 1280, height: 820 });
      recordConsoleErrors(page, consoleErrors);
      page.on('request', (request) => {
        if (isOwnRequest(request.url(), 'app://upright')) own++;
        else foreignRequests.push(request.url());
      });
      await use({
        page,
        target,
        home,
        vaultLocation: join(home, 'Upright', 'vault'),
        backupDir,
        foreignRequests,
        consoleErrors,
        ownRequests,
        preview: null,
      });
      await app.close();
    }
    await rm(home, { recursive: true, force: true });
    // A session that reached for anything but the app itself is a failure, whatever the spec checked.
    expect(foreignRequests, 'requests to anything but the app').toEqual([]);
    // So is one that broke a rule of the page (the CSP) or threw: such errors hide behind a working screen.
    expect(consoleErrors, 'console errors and uncaught exceptions').toEqual([]);
  },
});

export { expect };

/** Fails on serious or critical accessibility violations of the screen on show. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility of ${screen}`).toEqual([]);
}

/** Saves a screenshot under test-results/screenshots/<project>/ for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  const project = test.info().project.name || 'chromium';
  await page.screenshot({ path: join('test-results', 'screenshots', project, `${name}.png`), fullPage: true });
}

/** Calls the API through the page's own transport, exactly as the renderer would. */
export async function invokeFromPage(page: Page, method: string, params: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, p]) => {
      const w = window as unknown as { upright?: { invoke(m: string, p: unknown): Promise<unknown> } };
      if (w.upright) return w.upright.invoke(m as string, p);
      const token = sessionStorage.getItem('upright.bridgeToken') ?? '';
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: m, params: p }),
      });
      return response.json();
    },
    [method, params] as const,
  );
}

/** Calls the API as the page would and unwraps the envelope: a refusal fails the test with its message. */
export async function callFromPage<T>(page: Page, method: string, params: unknown): Promise<T> {
  const envelope = (await invokeFromPage(page, method, params)) as
    | { ok: true; result: T }
    | { ok: false; error: { code: string; params?: Record<string, unknown> } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${JSON.stringify(envelope.error.params ?? {})}`);
  return envelope.result;
}

/** Every row of a paged list method (source.list, entity.list, excerpt.list), page after page. */
export async function listFromPage<T extends unknown[]>(page: Page, method: string, params: object): Promise<T> {
  const items: unknown[] = [];
  let cursor: string | null = null;
  do {
    const result: { items: unknown[]; nextCursor: string | null } = await callFromPage(page, method, {
      ...params,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...result.items);
    cursor = result.nextCursor;
  } while (cursor);
  return items as T;
}

/** The one source of the vault's first dossier, with its text: most stories import a single document. */
export async function onlySource(page: Page): Promise<{ id: string; text: string }> {
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const [source] = await listFromPage<{ id: string }[]>(page, 'source.list', { dossierId: dossier?.id });
  const id = source?.id ?? '';
  const { text } = await callFromPage<{ text: string }>(page, 'source.get', { id });
  return { id, text };
}

/** A message the catalogs failed to give the page (src/renderer/src/i18n/missing.ts): ids and codes only. */
export interface MissingMessage {
  code: string;
  id: string | null;
  locale: string;
}

/** What the catalogs failed to give the page since it loaded. */
export function missingMessagesOn(page: Page): Promise<MissingMessage[]> {
  return page.evaluate(
    () => (window as unknown as { __uprightMissingMessages?: MissingMessage[] }).__uprightMissingMessages ?? [],
  );
}

export const PASSPHRASE = 'correct horse battery staple violet';

/** Creates the vault through the first-run screens, as a new user would. */
export async function createVaultThroughUi(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat the passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  // allInnerTexts does not wait: on a busy machine the key may not be on screen yet.
  await expect(page.getByTestId('recovery-key').locator('span').first()).toHaveText(/\w{4}/);
  const key = (await page.getByTestId('recovery-key').locator('span').allInnerTexts()).join('-');
  await page.getByLabel('I wrote the recovery key down').check();
  await page.getByRole('button', { name: 'Continue to Upright' }).click();
  await expect(page.getByRole('heading', { name: 'Dossiers', exact: true })).toBeVisible();
  return key;
}

/** Creates a dossier through the dossier list and opens it. */
export async function createDossierThroughUi(page: Page, title: string): Promise<void> {
  await page
    .getByRole('button', { name: /New dossier|Create your first dossier/ })
    .first()
    .click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Country (ISO code)').fill('KAZ');
  await page.getByLabel('Themes (comma-separated)').fill('freedom of association, trade unions');
  await page.getByRole('button', { name: 'Create dossier' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

/**
 * Locks with the Lock button and waits for the page the lock reloads (every lock discards the page),
 * so what a spec types next on the unlock screen is not wiped by the reload.
 */
export async function lockThroughUi(page: Page, how: 'button' | 'shortcut' = 'button'): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { pageBeforeLock?: boolean }).pageBeforeLock = true;
  });
  if (how === 'shortcut') await page.keyboard.press('Control+KeyL');
  else await page.getByRole('button', { name: 'Lock' }).click();
  await expect
    .poll(() =>
      page
        .evaluate(() => (window as unknown as { pageBeforeLock?: boolean }).pageBeforeLock ?? null)
        .catch(() => 'navigating'),
    )
    .toBeNull();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
}
