// IT staff script the tracker from the command line: `upright call` adds recommendations, assesses
// them and reads the list (every page, since no cursor is given), the matrix and the facets — the
// same API the app's Recommendations tab uses.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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

describe('the recommendations tracker from `upright call`', () => {
  it('adds, assesses, lists, counts and filters recommendations, and refuses an unknown one by code', async () => {
    const home = await mkdtemp(join(tmpdir(), 'upright-cli-'));
    const vault = join(home, 'vault');
    const env = { UPRIGHT_PASSPHRASE: 'tracker passphrase for scripts' };
    expect((await upright(['vault', 'create', vault], env)).code).toBe(0);
    const call = async (method: string, params: unknown) => {
      const result = await upright(['call', method, JSON.stringify(params), '--vault', vault, '--json'], env);
      return { code: result.code, body: JSON.parse(result.stdout) };
    };
    const { body: dossier } = await call('dossier.create', { title: 'Kazakhstan' });
    const { body: germany } = await call('recommendation.create', {
      dossierId: dossier.id,
      text: 'Ensure that trade unions can register freely',
      recommendingStates: ['Germany'],
      cycle: 3,
      documentSymbol: 'A/HRC/43/10',
      paragraph: '140.12',
      response: 'supported',
      themes: ['Labour'],
    });
    expect(germany).toMatchObject({ paragraph: '140.12', assessment: null, evidence: [] });
    await call('recommendation.create', {
      dossierId: dossier.id,
      text: 'Decriminalise defamation',
      recommendingStates: ['Norway', 'Sweden'],
      cycle: 3,
      response: 'noted',
      themes: ['Freedom of opinion and expression'],
    });
    const { body: assessed } = await call('recommendation.assess', {
      id: germany.id,
      assessment: 'not_implemented',
      note: 'Still refused.',
    });
    expect(assessed).toMatchObject({ assessment: 'not_implemented', assessmentNote: 'Still refused.' });

    // Without a cursor the CLI pages through the whole list.
    const { body: all } = await call('recommendation.list', { dossierId: dossier.id });
    expect(all).toMatchObject({ total: 2, nextCursor: null });
    expect(all.items.map((r: { paragraph: string | null }) => r.paragraph)).toEqual(['140.12', null]);
    const { body: swedish } = await call('recommendation.list', { dossierId: dossier.id, state: 'Sweden' });
    expect(swedish.items.map((r: { text: string }) => r.text)).toEqual(['Decriminalise defamation']);

    const { body: matrix } = await call('recommendation.matrix', { dossierId: dossier.id });
    expect(matrix.total).toBe(2);
    expect(matrix.rows.find((r: { label: string }) => r.label === 'Labour').counts.not_implemented).toBe(1);
    const { body: facets } = await call('recommendation.facets', { dossierId: dossier.id });
    expect(facets.states).toEqual(['Germany', 'Norway', 'Sweden']);

    const missing = await call('recommendation.get', { id: 'no-such-recommendation' });
    expect(missing.code).toBe(1);
    expect(missing.body).toMatchObject({ error: { code: 'RECOMMENDATION_NOT_FOUND' } });
  }, 180_000);
});
