// Teams that outgrow carrying files use a shared folder that Syncthing (or a share) keeps in step.
// Both vaults choose it; the monitor writes bundles there under names that say nothing; the lawyer's
// vault lists only those addressed to its key (read from the age header alone), imports one, and does
// not list it again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../src/main/api/index.ts';
import { call } from '../../../src/main/api/registry.ts';
import { freshVault } from '../../support/vault.ts';
import { api, monitorsDossier, scratch } from './support.ts';

describe('a shared inbox folder', () => {
  it('carries bundles under content-addressed names and lists only those for this vault', async () => {
    const shared = join(scratch(), 'Upright inbox');
    const monitor = await freshVault();
    const lawyer = await freshVault({ dossier: { title: 'Other' } });
    const stranger = await freshVault({ dossier: { title: 'Stranger' } });
    const filled = await monitorsDossier(monitor);
    expect(await api(lawyer, 'inbox.list', {})).toEqual({ folder: null, bundles: [] });
    await expect(
      api(monitor, 'bundle.export', { dossierId: filled.dossierId, to: [], toInbox: true }),
    ).rejects.toMatchObject({
      code: 'BUNDLE_NO_RECIPIENT',
    });

    expect(await api(monitor, 'inbox.choose', { path: shared })).toEqual({ folder: shared });
    expect(await api(lawyer, 'inbox.choose', { path: shared })).toEqual({ folder: shared });
    const lawyerKey = (await api(lawyer, 'identity.show', {})).ageRecipient;
    const strangerKey = (await api(stranger, 'identity.show', {})).ageRecipient;
    const forLawyer = await api(monitor, 'bundle.export', {
      dossierId: filled.dossierId,
      to: [lawyerKey],
      toInbox: true,
    });
    await api(monitor, 'bundle.export', { dossierId: filled.dossierId, to: [strangerKey], toInbox: true });
    expect(readdirSync(shared)).toHaveLength(2);
    for (const name of readdirSync(shared)) expect(name).toMatch(/^[0-9a-f]{32}\.upright\.age$/);

    const listed = await api(lawyer, 'inbox.list', {});
    expect(listed.bundles.map((b) => b.name)).toEqual([forLawyer.saved ? forLawyer.path.split('/').pop() : '']);
    expect(listed.bundles[0]?.locked).toBe('key');

    const name = listed.bundles[0]?.name ?? '';
    const seen = await api(lawyer, 'bundle.preview', { inboxName: name });
    if (seen.state !== 'ready') throw new Error(seen.state);
    expect(seen.dossier.title).toBe('Kazakhstan');
    await api(lawyer, 'bundle.import', { token: seen.token });
    expect((await api(lawyer, 'inbox.list', {})).bundles).toEqual([]);
    // A name that is not an inbox bundle's is refused before any file is touched.
    await expect(api(lawyer, 'bundle.preview', { inboxName: '../vault/vault.db' })).rejects.toMatchObject({
      code: 'INVALID_PARAMS',
    });

    expect(await api(lawyer, 'inbox.choose', { forget: true })).toEqual({ folder: null });
    expect(await api(lawyer, 'inbox.list', {})).toEqual({ folder: null, bundles: [] });
  });

  it('lets only the CLI and tests name a file or folder: the window goes through its dialogs', async () => {
    const vault = await freshVault();
    const key = (await api(vault, 'identity.show', {})).ageRecipient;
    for (const transport of ['ipc', 'bridge'] as const) {
      const ctx = { services: vault.services, transport };
      await expect(call(handlers, 'bundle.preview', { path: '/etc/passwd' }, ctx)).rejects.toMatchObject({
        code: 'SAVE_PATH_FROM_DIALOG',
      });
      await expect(call(handlers, 'inbox.choose', { path: '/tmp' }, ctx)).rejects.toMatchObject({
        code: 'SAVE_PATH_FROM_DIALOG',
      });
      await expect(
        call(handlers, 'bundle.export', { dossierId: vault.dossier.id, to: [key], path: '/tmp/x.age' }, ctx),
      ).rejects.toMatchObject({ code: 'SAVE_PATH_FROM_DIALOG' });
    }
  });
});
