import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { invoke, subscribe } from '../../api/client.ts';

/** The vault's state, kept current by the vault.changed event (lock, auto-lock, unlock). */
export function useVaultStatus(): {
  status: VaultStatus | null;
  /** Why the status could not be read (worded by the caller in the person's language). */
  error: unknown;
  setStatus: (s: VaultStatus) => void;
} {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const stop = subscribe('vault.changed', setStatus);
    invoke('vault.status', {}).then(setStatus).catch(setError);
    return stop;
  }, []);
  return { status, error, setStatus };
}
