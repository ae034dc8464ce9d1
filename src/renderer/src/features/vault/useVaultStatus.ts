import { useCallback, useEffect } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { subscribe } from '../../api/client.ts';
import { queryClient, queryKey, useApi } from '../../api/queries.ts';

const STATUS_KEY = queryKey('vault.status', {});

/**
 * The vault's state from the query cache, kept current by the vault.changed event (lock, auto-lock,
 * unlock) and by every write that changes it (the invalidation table marks it stale).
 */
export function useVaultStatus(): {
  status: VaultStatus | null;
  /** Why the status could not be read (worded by the caller in the person's language). */
  error: unknown;
  setStatus: (s: VaultStatus) => void;
} {
  const query = useApi('vault.status', {});
  const setStatus = useCallback((status: VaultStatus) => {
    queryClient.setQueryData(STATUS_KEY, status);
  }, []);
  useEffect(() => subscribe('vault.changed', setStatus), [setStatus]);
  return { status: query.data ?? null, error: query.error, setStatus };
}
