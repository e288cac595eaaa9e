import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createMatchStore, type MatchStore, type MatchUiState } from './matchStore';

const MatchStoreContext = createContext<MatchStore | null>(null);

/** Provides a fresh UI store for one match (or the one given, in tests). */
export function MatchStoreProvider({ children, store }: { children: ReactNode; store?: MatchStore }) {
  const [own] = useState(() => store ?? createMatchStore());
  return <MatchStoreContext.Provider value={own}>{children}</MatchStoreContext.Provider>;
}

/** Reads a slice of the match's UI state. */
export function useMatchUi<T>(selector: (state: MatchUiState) => T): T {
  const store = useContext(MatchStoreContext);
  if (!store) throw new Error('useMatchUi must be used inside a MatchStoreProvider');
  return useStore(store, selector);
}
