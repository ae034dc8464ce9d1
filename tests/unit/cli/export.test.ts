// IT staff export a submission from a script: `upright export` writes the draft as Word, HTML or
// Markdown, refuses (listing every failing check) while the checks report errors, and redacts on
// request — with the passphrase from the environment, like every other command.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listZip, readZipText } from '../../../src/main/ingest/zip.ts';
import { COVER, cite, doc, heading, para } from '../drafts/support.ts';

const run = promisify(execFile);
const env = { UPRIGHT_PASSPHRASE: 'export passphrase for scripts' };

async function upright(args: string[]) {
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

async function json(args: string[]) {
  const result = await upright(args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function documentXml(bytes: Uint8Array): string {
  return (
    readZipText(
      bytes,
      listZip(bytes)?.find((e) => e.name === 'word/document.xml'),
    ) ?? ''
  );
}

/** How many footnote calls the Word body holds. */
function noteCalls(bytes: Uint8Array): number {
  return documentXml(bytes).match(/<w:footnoteReference /g)?.length ?? 0;
}

describe('`upright export`', () => {
  it('refuses while checks fail, listing them, then writes Word, and redacted Markdown', async () => {
    const home = mkdtempSync(join(tmpdir(), 'upright-cli-export-'));
    const vault = join(home, 'vault');
    expect((await upright(['vault', 'create', vault])).code).toBe(0);
    const imported = await upright([
      'import',
      vault,
      'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.pdf',
      '--dossier',
      'Kazakhstan',
    ]);
    const sourceId = JSON.parse(imported.stdout.trim()).id as string;
    const [dossier] = await json(['call', 'dossier.list', '{}', '--vault', vault]);
    const excerpt = await json([
      'call',
      'excerpt.create',
      JSON.stringify({ sourceId, start: 0, end: 40 }),
      '--vault',
      vault,
    ]);
    await json([
      'call',
      'entity.create',
      JSON.stringify({ kind: 'person', name: 'Amin Eleusinov', pseudonym: 'a union leader' }),
      '--vault',
      vault,
    ]);
    const draft = await json([
      'call',
      'draft.create',
      JSON.stringify({ dossierId: dossier.id, title: 'UPR 2027', template: 'individual' }),
      '--vault',
      vault,
    ]);
    const body = doc(
      heading(1, 'Introduction and summary'),
      para('This submission covers freedom of association in Kazakhstan, from court records and interviews.'),
      heading(1, 'Follow-up to the previous review'),
      para('Amin Eleusinov reports that the Government has not amended the law.', cite(excerpt.id)),
      heading(1, 'Recommendations'),
      para('Amend Article 12 of the Law on Trade Unions by December 2027.'),
    );
    // The cover is still empty: who submits, the contact and the keywords are missing.
    await json(['call', 'draft.update', JSON.stringify({ id: draft.id, body }), '--vault', vault]);

    const out = join(home, 'submission.docx');
    const refused = await upright(['export', vault, '--draft', draft.id, '--format', 'docx', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('(DRAFT_HAS_ERRORS)');
    expect(refused.stderr).toMatch(/error\s+cover: organisations\s+Name the organisation that submits on the cover\./);
    expect(refused.stderr).toMatch(/error\s+paragraph 2\s+.Amin Eleusinov. appears here and has a pseudonym/);
    expect(existsSync(out)).toBe(false);
    // The same refusal for a draft written in Russian lists the checks in Russian, as its cover and notes print.
    await json([
      'call',
      'draft.update',
      JSON.stringify({ id: draft.id, cover: { ...draft.cover, language: 'ru' } }),
      '--vault',
      vault,
    ]);
    const russian = await upright(['export', vault, '--draft', draft.id, '--format', 'docx', '--out', out]);
    expect(russian.code).toBe(1);
    expect(russian.stderr).toMatch(
      /error\s+титульная страница: organisations\s+Укажите на титульной странице организацию, которая подаёт представление\./,
    );
    expect(russian.stderr).toMatch(/error\s+пункт 2\s+«Amin Eleusinov» встречается здесь и имеет псевдоним/);

    await json(['call', 'draft.update', JSON.stringify({ id: draft.id, cover: COVER }), '--vault', vault]);
    // The excerpt is "restricted" (new excerpts are, for the team): its note is withheld, and the
    // warning that says so is printed, until the script names the source with --name-source.
    const teamOnly = join(home, 'team-only.docx');
    const withheld = await upright([
      'export',
      vault,
      '--draft',
      draft.id,
      '--format',
      'docx',
      '--out',
      teamOnly,
      '--redact',
    ]);
    expect(withheld.code, withheld.stderr).toBe(0);
    expect(withheld.stdout).toMatch(/\(\d[\d,]* bytes, 1 warning from the checks\)\.\n$/);
    expect(withheld.stderr).toMatch(/warning\s+note 1\s+Cites a restricted excerpt of .*: left out of the export/);
    expect(noteCalls(new Uint8Array(readFileSync(teamOnly)))).toBe(0);

    const written = await upright([
      'export',
      vault,
      '--draft',
      draft.id,
      '--format',
      'docx',
      '--out',
      out,
      '--redact',
      '--name-source',
      sourceId,
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^Wrote the Word document to .*submission\.docx \([\d,]+ bytes, 1 warning/);
    expect(written.stderr).toContain('You confirmed this source may be named');
    const bytes = new Uint8Array(readFileSync(out));
    expect(documentXml(bytes)).toContain('A union leader reports');
    expect(noteCalls(bytes)).toBe(1);

    const md = join(home, 'for-the-team.md');
    const result = await json([
      'export',
      vault,
      '--draft',
      draft.id,
      '--format',
      'md',
      '--out',
      md,
      '--accept-errors',
      '--name-source',
      sourceId,
      '--json',
    ]);
    // The unredacted name (1) and the named restricted source (1).
    expect(result).toMatchObject({ saved: true, path: md, warnings: 2 });
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('2\\. Amin Eleusinov reports that the Government has not amended the law.[^1]');
    expect(text).toMatch(/\[\^1\]: .+/);

    // The same --out again: the first file is kept, unless --force says to replace it.
    const again = await upright(['export', vault, '--draft', draft.id, '--format', 'docx', '--out', out, '--redact']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('add --force to replace it. (CLI_OUT_EXISTS)');
    expect(readFileSync(out)).toEqual(Buffer.from(bytes));
    const forced = await upright([
      'export',
      vault,
      '--draft',
      draft.id,
      '--format',
      'docx',
      '--out',
      out,
      '--force',
      '--accept-errors',
    ]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out)).not.toEqual(Buffer.from(bytes));

    const badFormat = await upright([
      'export',
      vault,
      '--draft',
      draft.id,
      '--format',
      'pdf',
      '--out',
      join(home, 'x.pdf'),
    ]);
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toContain('Allowed choices are docx, html, md');
  }, 180_000);
});
