import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };

const run = promisify(execFile);

/** Runs the installed `upright` bin exactly as `npx upright` would. */
async function upright(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/upright.js', ...args], {
      env: { ...process.env, UPRIGHT_PASSPHRASE: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('IT staff script Upright from the command line', () => {
  it('`upright --help` lists the commands', async () => {
    const { code, stdout } = await upright(['--help']);
    expect(code).toBe(0);
    for (const command of ['info', 'methods', 'call', 'vault']) expect(stdout).toContain(command);
    expect(packageJson.bin.upright).toBe('bin/upright.js');
  });

  it('`upright info --json` prints the version and runtime', async () => {
    const { code, stdout } = await upright(['info', '--json']);
    expect(code).toBe(0);
    const info = JSON.parse(stdout);
    expect(info).toMatchObject({ name: 'Upright', version: packageJson.version, runtime: 'node', electron: null });
    expect(Number(info.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(info.sqlcipher).toMatch(/SQLite3 Multiple Ciphers/);
  });

  it('`upright methods` lists every method of the API table', async () => {
    const { stdout } = await upright(['methods', '--json']);
    const names = (JSON.parse(stdout) as { name: string }[]).map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['app.info', 'vault.status', 'vault.create', 'vault.verify']));
  });

  it('`upright call` reaches any method and reports errors as stable codes', async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-cli-'));
    const vault = join(home, 'vault');
    const status = await upright(['call', 'vault.status', '{}', '--vault', vault]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'absent', location: vault });

    const unknown = await upright(['call', 'vault.explode', '{}', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });

    const invalid = await upright(['call', 'vault.unlock', '{"passphrase": 1}', '--vault', vault]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('(INVALID_PARAMS)');
    expect(invalid.stderr).not.toMatch(/\.ts:\d+/);

    const badJson = await upright(['call', 'vault.status', '{oops', '--json']);
    expect(JSON.parse(badJson.stdout)).toMatchObject({ error: { code: 'PARAMS_NOT_JSON' } });
  });

  it('creates, re-keys, backs up and verifies a vault with the passphrase from the environment', async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-cli-'));
    const vault = join(home, 'vault');
    const first = 'first passphrase for scripts';
    const second = 'second passphrase for scripts';

    const created = await upright(['vault', 'create', vault, '--json'], { UPRIGHT_PASSPHRASE: first });
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).recoveryKey).toMatch(/^[0-9A-Z]{4,}(-[0-9A-Z]{4,})+$/);

    const again = await upright(['vault', 'create', vault], { UPRIGHT_PASSPHRASE: first });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('(VAULT_EXISTS)');

    const wrong = await upright(['vault', 'verify', vault], { UPRIGHT_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('(WRONG_PASSPHRASE)');

    const passwd = await upright(['vault', 'passwd', vault], {
      UPRIGHT_PASSPHRASE: first,
      UPRIGHT_NEW_PASSPHRASE: second,
    });
    expect(passwd.code, passwd.stderr).toBe(0);

    const backupDir = join(home, 'backup');
    const backup = await upright(['vault', 'backup', vault, backupDir, '--json'], { UPRIGHT_PASSPHRASE: second });
    expect(backup.code, backup.stderr).toBe(0);
    expect(await readdir(backupDir)).toEqual(expect.arrayContaining(['vault.db', 'keyslots.json']));

    const verified = await upright(['vault', 'verify', backupDir], { UPRIGHT_PASSPHRASE: second });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('everything is intact');

    const noPassphrase = await upright(['vault', 'verify', vault]);
    expect(noPassphrase.code).toBe(1);
    expect(noPassphrase.stderr).toContain('UPRIGHT_PASSPHRASE');
  }, 120_000);

  it('`upright vault passwd --rotate` and `vault recovery-key` lock out old key files and old recovery keys', async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-cli-'));
    const vault = join(home, 'vault');
    const first = 'first passphrase for scripts';
    const second = 'second passphrase for scripts';
    const created = await upright(['vault', 'create', vault, '--json'], { UPRIGHT_PASSPHRASE: first });
    expect(created.code, created.stderr).toBe(0);
    const oldKeyFile = await readFile(join(vault, 'keyslots.json'));

    const rotated = await upright(['vault', 'passwd', vault, '--rotate', '--json'], {
      UPRIGHT_PASSPHRASE: first,
      UPRIGHT_NEW_PASSPHRASE: second,
    });
    expect(rotated.code, rotated.stderr).toBe(0);
    const { recoveryKey } = JSON.parse(rotated.stdout);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){10}$/);
    expect(recoveryKey).not.toBe(JSON.parse(created.stdout).recoveryKey);

    const reissued = await upright(['vault', 'recovery-key', vault], { UPRIGHT_PASSPHRASE: second });
    expect(reissued.code, reissued.stderr).toBe(0);
    expect(reissued.stdout).toContain('shown only once');
    expect(reissued.stdout).not.toContain(recoveryKey);

    expect((await upright(['vault', 'verify', vault], { UPRIGHT_PASSPHRASE: second })).code).toBe(0);
    // The old key file, put back beside the re-encrypted database, opens nothing.
    const stale = join(home, 'stale');
    await mkdir(stale);
    await copyFile(join(vault, 'vault.db'), join(stale, 'vault.db'));
    await writeFile(join(stale, 'keyslots.json'), oldKeyFile);
    const old = await upright(['vault', 'verify', stale], { UPRIGHT_PASSPHRASE: first });
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('(VAULT_CORRUPT)');
  }, 120_000);

  it('`upright import` prints one JSON line per file, errors included, and exits 1 when a file failed', async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-cli-'));
    const vault = join(home, 'vault');
    const env = { UPRIGHT_PASSPHRASE: 'import passphrase for scripts' };
    expect((await upright(['vault', 'create', vault], env)).code).toBe(0);
    const run = await upright(
      [
        'import',
        vault,
        'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf',
        'tests/fixtures/bad/password-protected.pdf',
        '--dossier',
        'Kazakhstan',
      ],
      env,
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        file: 'ilo-cas-kazakhstan-c87-2022.pdf',
        pages: 3,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        id: expect.any(String),
      }),
      expect.objectContaining({ file: 'password-protected.pdf', status: 'failed', error: 'PDF_PASSWORD_PROTECTED' }),
    ]);
    // The same dossier is found again by its title; the same bytes are not imported twice.
    const again = await upright(
      ['import', vault, 'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf', '--dossier', 'Kazakhstan'],
      env,
    );
    expect(JSON.parse(again.stdout.trim())).toMatchObject({ status: 'duplicate', duplicateOf: lines[0].id });
    const dossiers = JSON.parse((await upright(['call', 'dossier.list', '{}', '--vault', vault], env)).stdout);
    expect(dossiers).toHaveLength(1);
    expect(dossiers[0]).toMatchObject({ title: 'Kazakhstan', sourceCount: 1 });
  }, 120_000);

  it('`upright annotations` writes the excerpts as Web Annotation JSON or CSV, leaving "never export" ones out and "restricted" ones unless asked', async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-cli-'));
    const vault = join(home, 'vault');
    const env = { UPRIGHT_PASSPHRASE: 'annotations passphrase for scripts' };
    expect((await upright(['vault', 'create', vault], env)).code).toBe(0);
    const imported = await upright(
      ['import', vault, 'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt', '--dossier', 'Kazakhstan'],
      env,
    );
    const sourceId = JSON.parse(imported.stdout.trim()).id as string;
    const call = async (method: string, params: unknown) =>
      JSON.parse((await upright(['call', method, JSON.stringify(params), '--vault', vault], env)).stdout);
    const [dossier] = await call('dossier.list', {});
    const { text } = await call('source.get', { id: sourceId });
    const mark = (quote: string) =>
      call('excerpt.create', { sourceId, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    // New excerpts are "restricted" (for the team): a script must ask for them by name.
    const kept = await mark('holding short-term (one-hour) warning strikes');
    const secret = await mark('modification of the procedure for state registration of trade unions');
    await call('excerpt.update', { id: secret.id, confidentiality: 'never_export' });

    const csvFile = join(home, 'excerpts.csv');
    const csv = await upright(
      ['annotations', vault, '--dossier', dossier.id, '--format', 'csv', '--out', csvFile, '--json'],
      env,
    );
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual({
      saved: true,
      path: csvFile,
      count: 0,
      withheld: 1,
      restrictedWithheld: 1,
    });
    const rows = await readFile(csvFile, 'utf8');
    expect(rows).not.toContain(kept.exact);
    expect(rows).not.toContain(secret.exact);
    // The same --out again keeps the file written first, unless --force says to replace it.
    const csvArgs = ['annotations', vault, '--dossier', dossier.id, '--format', 'csv', '--out', csvFile];
    const again = await upright(csvArgs, env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('(CLI_OUT_EXISTS)');
    expect(await readFile(csvFile, 'utf8')).toBe(rows);
    const forced = await upright([...csvArgs, '--force', '--include-restricted'], env);
    expect(forced.stdout).toContain('Wrote 1 excerpts');
    expect(forced.stdout).toContain('1 marked "never export"');
    const withTeam = await readFile(csvFile, 'utf8');
    expect(withTeam).toContain(kept.exact);
    expect(withTeam).not.toContain(secret.exact);

    const jsonFile = join(home, 'excerpts.jsonld');
    const w3c = await upright(
      ['annotations', vault, '--dossier', dossier.id, '--format', 'w3c', '--out', jsonFile, '--include-restricted'],
      env,
    );
    expect(w3c.stdout).toContain('Wrote 1 excerpts');
    const collection = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect(collection.first.items[0].target.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: kept.exact }),
      { type: 'TextPositionSelector', start: kept.start, end: kept.end },
    ]);
  }, 120_000);
});
