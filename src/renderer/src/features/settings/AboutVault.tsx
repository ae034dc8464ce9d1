import { FormattedMessage } from 'react-intl';
import type { AppInfo, VaultStatus } from '../../../../shared/api.ts';
import { UprightError } from '../../../../shared/errors.ts';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Diagnostics } from './Diagnostics.tsx';

/** Product names and versions, the same in every language: "Electron 39.2.0, Node 24.1.0 (linux)". */
function runtimeNames(info: AppInfo): string {
  const node = `Node ${info.node} (${info.platform})`;
  return info.electron ? `Electron ${info.electron}, ${node}` : node;
}

/** What this vault is, where it lives, and what Upright runs on. */
export function AboutVault({ status }: { status: VaultStatus }) {
  const errorText = useErrorText();
  const info = useApi('app.info', {});

  return (
    <>
      <ErrorNote message={info.error ? errorText(info.error) : null} />
      <article className="card" aria-labelledby="vault-card">
        <h2 id="vault-card">
          <FormattedMessage id="settings.vault.title" defaultMessage="This vault" />
        </h2>
        <dl className="facts">
          <dt>
            <FormattedMessage id="settings.vault.status" defaultMessage="Status" />
          </dt>
          <dd data-testid="vault-state">
            {status.state === 'unlocked' ? (
              <FormattedMessage id="settings.vault.unlocked" defaultMessage="Unlocked" />
            ) : (
              <FormattedMessage id="settings.vault.locked" defaultMessage="Locked" />
            )}
          </dd>
          <dt>
            <FormattedMessage id="settings.vault.location" defaultMessage="Location" />
          </dt>
          <dd className="mono">{status.location}</dd>
          <dt>
            <FormattedMessage id="settings.vault.locksAfter" defaultMessage="Locks itself after" />
          </dt>
          <dd>
            <FormattedMessage
              id="settings.vault.locksAfterValue"
              defaultMessage="{minutes, plural, one {# minute} other {# minutes}} without activity, and when the computer sleeps or its screen locks"
              values={{ minutes: status.autoLockMinutes }}
            />
          </dd>
          {status.kdf ? (
            <>
              <dt>
                <FormattedMessage id="settings.vault.keyDerivation" defaultMessage="Passphrase protection" />
              </dt>
              <dd data-testid="vault-kdf">
                <FormattedMessage
                  id="settings.vault.keyDerivationValue"
                  defaultMessage="Argon2id, {memory} MiB × {passes, plural, one {# pass} other {# passes}}"
                  description="The key derivation's parameters: memory in MiB and passes over it"
                  values={{ memory: Math.round(status.kdf.memoryKiB / 1024), passes: status.kdf.passes }}
                />
              </dd>
            </>
          ) : null}
          {status.cipher ? (
            <>
              <dt>
                <FormattedMessage id="settings.vault.cipher" defaultMessage="Encryption of its contents" />
              </dt>
              <dd data-testid="vault-cipher">
                {status.cipher === 'aegis-256' ? (
                  'AEGIS-256'
                ) : (
                  <FormattedMessage
                    id="settings.vault.cipherLegacy"
                    defaultMessage="ChaCha20-Poly1305, as in older vaults: safe, but slower with many documents. To move it to AEGIS-256, change the passphrase with “Also re-encrypt the vault” ticked."
                  />
                )}
              </dd>
            </>
          ) : null}
          <dt>
            <FormattedMessage id="settings.vault.fullCheck" defaultMessage="Last full check" />
          </dt>
          <dd data-testid="vault-full-check">
            {!status.integrity ? (
              <FormattedMessage
                id="settings.vault.fullCheckNever"
                defaultMessage="Not yet. It runs by itself once a day when Upright has been idle for a few minutes, and when you choose “Verify vault”."
              />
            ) : status.integrity.ok ? (
              <FormattedMessage
                id="settings.vault.fullCheckOk"
                defaultMessage="{at, date, medium} {at, time, short}: no damage found"
                values={{ at: new Date(status.integrity.checkedAt) }}
              />
            ) : (
              <ErrorNote message={errorText(new UprightError('VAULT_DAMAGE_FOUND'))} />
            )}
          </dd>
        </dl>
      </article>
      <article className="card" aria-labelledby="about-card">
        <h2 id="about-card">
          <FormattedMessage id="settings.about.title" defaultMessage="About Upright" />
        </h2>
        {info.data ? (
          <dl className="facts">
            <dt>
              <FormattedMessage id="settings.about.version" defaultMessage="Version" />
            </dt>
            <dd data-testid="app-version">{info.data.version}</dd>
            <dt>
              <FormattedMessage id="settings.about.encryption" defaultMessage="Encryption" />
            </dt>
            <dd>
              {info.data.sqlcipher ?? (
                <FormattedMessage id="settings.about.encryptionUnavailable" defaultMessage="unavailable" />
              )}
            </dd>
            <dt>
              <FormattedMessage id="settings.about.runtime" defaultMessage="Runtime" />
            </dt>
            <dd>{runtimeNames(info.data)}</dd>
            <dt>
              <FormattedMessage id="settings.about.network" defaultMessage="Network" />
            </dt>
            <dd>
              <FormattedMessage id="settings.about.networkNone" defaultMessage="None. Upright makes no connections." />
            </dd>
          </dl>
        ) : (
          <p className="hint">
            <FormattedMessage id="settings.loading" defaultMessage="Loading…" />
          </p>
        )}
        <Diagnostics />
      </article>
    </>
  );
}
