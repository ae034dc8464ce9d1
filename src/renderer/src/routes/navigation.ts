// Going somewhere, and back and forward, in the memory router. Each entry carries its position in
// the history so Back and Forward know whether there is anywhere to go.
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import { type Place, pathFor, placeFor } from './places.ts';

interface EntryState {
  index: number;
}

function indexOf(state: unknown): number {
  return typeof (state as EntryState | null)?.index === 'number' ? (state as EntryState).index : 0;
}

/** Where the workspace is now (null: an address that names no place). */
export function usePlace(): Place | null {
  const location = useLocation();
  return placeFor(location.pathname, location.search);
}

/** Go to a place; `replace` swaps the current entry (a rename, a tab switch) instead of adding one. */
export function useGo(): (place: Place, options?: { replace?: boolean }) => void {
  const navigate = useNavigate();
  const location = useLocation();
  const index = indexOf(location.state);
  return useCallback(
    (place, options = {}) => {
      const replace = options.replace === true;
      void navigate(pathFor(place), { replace, state: { index: replace ? index : index + 1 } satisfies EntryState });
    },
    [navigate, index],
  );
}

/** Back and Forward as a browser has them, over the workspace's own history. */
export function useHistoryButtons(): { canBack: boolean; canForward: boolean; back(): void; forward(): void } {
  const navigate = useNavigate();
  const location = useLocation();
  const action = useNavigationType();
  const index = indexOf(location.state);
  // The furthest entry reachable by Forward: a new step cuts off what lay ahead.
  const [furthest, setFurthest] = useState(index);
  useEffect(() => {
    setFurthest((current) => (action === 'PUSH' ? index : Math.max(current, index)));
  }, [action, index]);
  return {
    canBack: index > 0,
    canForward: index < furthest,
    back: () => void navigate(-1),
    forward: () => void navigate(1),
  };
}
