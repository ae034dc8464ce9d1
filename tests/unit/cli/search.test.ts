// A researcher's script searches a vault from the command line: one JSON line per hit, with the
// source, its title, the page and a plain-text snippet; a mistake in the query is a sentence.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

async function upright(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/upright.js', ...args], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

it('`upright search --json` prints one line per hit, finds a Russian word in another inflection, and words a bad query', async () => {
  const vault = join(await mkdtemp(join(tmpdir(), 'upright-cli-')), 'vault');
  const env = { UPRIGHT_PASSPHRASE: 'search passphrase for scripts' };
  expect((await upright(['vault', 'create', vault], env)).code).toBe(0);
  const imported = await upright(
    [
      'import',
      vault,
      'tests/fixtures/documents/field-note-ru.txt',
      'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf',
      '--dossier',
      'Kazakhstan',
    ],
    env,
  );
  expect(imported.code, imported.stderr).toBe(0);
  const [note, ilo] = imported.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string });

  // The note says "регистрации" and "регистрация"; the search word is another case of it.
  const russian = await upright(['search', vault, 'регистрацией', '--dossier', 'Kazakhstan', '--json'], env);
  expect(russian.code, russian.stderr).toBe(0);
  const hits = russian.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(hits.length).toBeGreaterThan(0);
  expect(hits[0]).toMatchObject({ kind: 'source', sourceId: note?.id, title: expect.any(String) });
  expect(hits[0].snippet).toMatch(/регистрац/i);

  const pdf = await upright(['search', vault, 'freedom AND association', '--json'], env);
  const pdfHits = pdf.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(pdfHits[0]).toMatchObject({ sourceId: ilo?.id, page: expect.any(Number) });

  const bad = await upright(['search', vault, '"unclosed phrase'], env);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('(SEARCH_QUERY_INVALID)');
  expect(bad.stderr).not.toMatch(/sqlite|fts5/i);
}, 120_000);
