import { useEffect, useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { subscribe } from '../../api/client.ts';
import { useApi } from '../../api/queries.ts';

/**
 * The vault's state: read through the query cache (and read again whenever a write marks it stale),
 * pushed by the vault.changed event (lock, auto-lock, unlock, leaving the sample) and by the screens
 * that receive a new status. Kept in component state as well, because a lock empties the cache
 * (queryClient.clear) and a cleared query no longer tells this component anything.
 */
export function useVaultStatus(): {
  status: VaultStatus | null;
  /** Why the status could not be read (worded by the caller in the person's language). */
  error: unknown;
  setStatus: (s: VaultStatus) => void;
} {
  const query = useApi('vault.status', {});
  const [status, setStatus] = useState<VaultStatus | null>(null);
  useEffect(() => {
    if (query.data) setStatus(query.data);
  }, [query.data]);
  useEffect(() => subscribe('vault.changed', setStatus), []);
  return { status, error: status ? null : query.error, setStatus };
}
