// IT staff load last cycle's recommendations from a script: `upright recommendations import` reads a
// CSV export (with --map for an odd column), `upright recommendations paste` reads a report section
// from standard input; both print every problem with its line, and running them twice adds nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const env = { ...process.env, UPRIGHT_PASSPHRASE: 'recommendations passphrase for scripts', LANG: 'en_GB.UTF-8' };

function upright(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/upright.js', ...args], {
    env,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('`upright recommendations`', () => {
  it('imports a CSV file and a pasted report section into a dossier, once', () => {
    const home = mkdtempSync(join(tmpdir(), 'upright-cli-recs-'));
    const vault = join(home, 'vault');
    expect(upright(['vault', 'create', vault]).code).toBe(0);
    expect(upright(['call', 'dossier.create', '{"title":"Kazakhstan"}', '--vault', vault]).code).toBe(0);

    const csv = 'tests/fixtures/recommendations/csv/upr-database-export.csv';
    const first = upright([
      'recommendations',
      'import',
      vault,
      csv,
      '--dossier',
      'Kazakhstan',
      '--map',
      'Action Category=themes',
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Read 7 recommendations: 4 added, 0 already in the dossier, 3 left out.\n');
    expect(first.stderr).toContain('row    line 8    No recommendation text: this row is left out.');
    expect(first.stderr).toContain('row    line 9    “Maybe later” is not a response Upright knows');
    expect(first.stderr).toContain('row    line 10   “Cycle Z” is not a UPR cycle');

    const again = upright(['recommendations', 'import', vault, csv, '--dossier', 'Kazakhstan', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, present: 4, skipped: 3 });

    const broken = upright([
      'recommendations',
      'import',
      vault,
      'tests/fixtures/recommendations/csv/broken-quotes.csv',
      '--dossier',
      'Kazakhstan',
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('fatal  line 3    A quotation mark opened here is never closed');
    expect(broken.stderr).toContain('(RECOMMENDATION_IMPORT_UNRELIABLE)');

    const section = [
      '126. The recommendations formulated during the interactive dialogue and listed below have been examined by',
      'Kazakhstan and enjoy the support of Kazakhstan:',
      '126.1 Ratify the Optional Protocol to the Convention against Torture (Norway); (Sweden);',
      '126.2 Amend the Law on Trade Unions so that workers may form organizations of their own',
      'A/HRC/28/10',
      '7',
      'choosing (Denmark, Iceland);',
      '127. The following recommendations did not enjoy the support of Kazakhstan and would thus be noted:',
      '127.1 Abolish the death penalty (Uruguay).',
    ].join('\n');
    const pasted = upright(['recommendations', 'paste', vault, '--dossier', 'Kazakhstan', '--cycle', '2'], section);
    expect(pasted.code, pasted.stderr).toBe(0);
    expect(pasted.stdout).toBe(
      'Read 3 recommendations (126: 2 supported; 127: 1 noted): 3 added, 0 already in the dossier, 0 left out.\n',
    );
    const twice = upright(['recommendations', 'paste', vault, '--dossier', 'Kazakhstan', '--dry-run'], section);
    expect(twice.stdout).toContain('0 would be added, 3 already in the dossier');

    const wrongMap = upright([
      'recommendations',
      'import',
      vault,
      csv,
      '--dossier',
      'Kazakhstan',
      '--map',
      'Colour=text',
    ]);
    expect(wrongMap.code).toBe(1);
    expect(wrongMap.stderr).toContain('(RECOMMENDATION_MAPPING_INVALID)');
    // Each command starts Node and derives the vault key: give the nine of them time on a busy machine.
  }, 180_000);
});
