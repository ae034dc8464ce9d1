import { useCallback, useEffect, useState } from 'react';

/** Loads data through the API and keeps error text for the person; reload() fetches again. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the dependencies of `load`
  useEffect(() => {
    let current = true;
    setError(null);
    load()
      .then((value) => current && setData(value))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}
