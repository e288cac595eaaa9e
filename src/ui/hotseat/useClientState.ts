import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ClientSnapshot, DeRiskClient } from './client';

/** The client's current (player-view) state, re-rendering on every update. */
export function useClientState(client: DeRiskClient): ClientSnapshot | null {
  const snapshot = useRef<ClientSnapshot | null>(client.getState());
  const subscribe = useCallback(
    (notify: () => void) =>
      client.subscribe(() => {
        snapshot.current = client.getState();
        notify();
      }),
    [client],
  );
  return useSyncExternalStore(subscribe, () => snapshot.current);
}
