// What every benchmark of a screen needs: the built renderer, a fresh vault in the browser preview
// (the same bridge the e2e specs use) filled by the case, and a headless Chromium page on it — and
// all of it taken down again whatever happens.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type Preview, startPreview } from '../../src/dev/preview.ts';
import type { Store } from '../../src/main/store/index.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/targets.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(ROOT, 'out', 'renderer');
/** A cheap key derivation: these cases time screens, not unlock. */
const KDF = { memoryKiB: 8 * 1024, passes: 1, parallelism: 1 };
const PASSPHRASE = 'benchmark passphrase, not a secret';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is none; says so when the build is older than its sources. */
export function ensureRenderer(): void {
  const index = join(RENDERER, 'index.html');
  if (!existsSync(index)) {
    console.log('  out/renderer is missing: building it (npx electron-vite build)…');
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
    return;
  }
  if (newestMtime(join(ROOT, 'src', 'renderer')) > statSync(index).mtimeMs) {
    console.log(
      '  note: out/renderer is older than src/renderer; run `npx electron-vite build` to measure your changes',
    );
  }
}

/**
 * Runs `measure` on a Chromium page showing the preview of a new vault that `fill` filled.
 * `chromiumArgs` are added to the e2e defaults (the reader's frame timing turns vsync off).
 */
export async function withRendererPreview<T, F>(
  name: string,
  fill: (store: Store) => F,
  measure: (page: Page, filled: F, preview: Preview) => Promise<T>,
  chromiumArgs: readonly string[] = [],
): Promise<T> {
  ensureRenderer();
  const home = mkdtempSync(join(tmpdir(), `upright-bench-${name}-`));
  let preview: Preview | null = null;
  let browser: Browser | null = null;
  try {
    preview = await startPreview({
      vaultLocation: join(home, 'vault'),
      backupDir: join(home, 'backups'),
      staticDir: RENDERER,
      kdf: KDF,
    });
    await preview.services.vault.create(PASSPHRASE);
    const filled = fill(preview.services.vault.store());
    console.log(`  ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`);
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, ...chromiumArgs],
    });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 820 } })).newPage();
    await page.goto(preview.bridge.url);
    return await measure(page, filled, preview);
  } finally {
    await browser?.close();
    await preview?.close();
    rmSync(home, { recursive: true, force: true });
  }
}
