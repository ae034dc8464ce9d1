// Two colleagues' vaults and a dossier worth carrying between them: a source with its original, coded
// excerpts (one marked "never export"), an entity, a link, an event and a draft.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import type { Services } from '../../../src/main/services.ts';
import type { Method, Params, Result } from '../../../src/shared/api.ts';
import type { freshVault } from '../../support/vault.ts';

export type Vault = Awaited<ReturnType<typeof freshVault>>;

export function api<M extends Method>(vault: { services: Services }, method: M, params: Params<M>): Promise<Result<M>> {
  return call(handlers, method, params, { services: vault.services, transport: 'test' });
}

export const TEXT =
  'The Government states that no trade union was refused registration in 2022. ' +
  'The union leader Larisa Kharkova was detained on 3 July 2022 after the strike.';

/** Vault A ("the monitor") with a filled dossier; returns the ids the stories use. */
export async function monitorsDossier(vault: Vault, marker = 'no marker') {
  const store = vault.services.vault.store();
  const dossierId = vault.dossier.id;
  const source = store.sources.add({
    dossierId,
    title: 'Information supplied by the Government',
    kind: 'government_reply',
    text: TEXT,
    original: {
      bytes: Buffer.from(`%PDF-1.7 original bytes ${marker}`),
      mediaType: 'application/pdf',
      filename: 'reply.pdf',
    },
  });
  const registration = store.codes.create({ name: 'Registration', colour: '#336699' });
  const refusals = store.codes.create({ name: 'Refusals', parentId: registration.id });
  const leader = store.entities.create({ kind: 'person', name: 'Larisa Kharkova', pseudonym: 'a union leader' });
  const claim = store.excerpts.add({
    sourceId: source.id,
    exact: 'no trade union was refused registration',
    start: 29,
    end: 68,
    stance: 'state_claim',
    note: `The State's claim ${marker}`,
    codeIds: [refusals.id],
  });
  const detention = store.excerpts.add({
    sourceId: source.id,
    exact: 'was detained on 3 July 2022',
    start: TEXT.indexOf('was detained'),
    end: TEXT.indexOf('was detained') + 'was detained on 3 July 2022'.length,
    note: 'Detention',
    entityIds: [leader.id],
  });
  const secret = store.excerpts.add({
    sourceId: source.id,
    exact: 'Larisa Kharkova',
    start: TEXT.indexOf('Larisa'),
    end: TEXT.indexOf('Larisa') + 'Larisa Kharkova'.length,
    note: 'NEVER-LEAVES-THE-VAULT',
    confidentiality: 'never_export',
  });
  const link = store.links.create({ fromExcerptId: detention.id, toExcerptId: claim.id, kind: 'contradicts' });
  const event = store.events.create({
    dossierId,
    title: 'Detention of the union leader',
    date: { start: '2022-07-03', end: '2022-07-03', precision: 'day' },
    participants: [{ entityId: leader.id, role: 'victim' }],
    excerptIds: [detention.id, secret.id],
  });
  const { recommendation } = store.recommendations.create(dossierId, {
    text: 'Ensure that trade unions can register by notification',
    recommendingStates: ['Norway'],
  });
  store.recommendations.addEvidence(recommendation.id, claim.id);
  return {
    dossierId,
    source,
    claim,
    detention,
    secret,
    link,
    event,
    leader,
    recommendation,
    codes: [registration, refusals],
  };
}

/**
 * SHA-256 of every file under a folder, by path: a vault "byte for byte". The WAL's index
 * (vault.db-shm) is left out: SQLite rewrites it on every read, and it holds no page contents.
 */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('-shm')) out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'upright-bundle-'));
}
