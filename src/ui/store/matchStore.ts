/**
 * UI-only state of one match: which side's secrets are on screen (the hot-seat curtain),
 * the open panel, the deal being composed. Game state stays in boardgame.io; nothing of `G`
 * is copied here. One store is created per match (`createMatchStore`) and provided through
 * context (`MatchStoreProvider`).
 */
import { createStore } from 'zustand/vanilla';
import type { Side } from '../../game';
import type { Viewer } from '../happened';

export type DeskPanel = 'actions' | 'hand' | 'deal';

export interface MatchUiState {
  /** The side whose hand and agenda are shown; null while the curtain is down. */
  revealed: Side | null;
  panel: DeskPanel;
  /** Deal terms picked in the composer. */
  composer: string[];
  chronicleOpen: boolean;
  /**
   * For each viewer, the chronicle index from which entries are news to them (the "what just
   * happened" panel); absent until the viewer first sees the board.
   */
  seen: Partial<Record<Viewer, number>>;
  reveal: (side: Side) => void;
  conceal: () => void;
  setPanel: (panel: DeskPanel) => void;
  toggleTerm: (id: string) => void;
  clearComposer: () => void;
  setChronicleOpen: (open: boolean) => void;
  setSeen: (viewer: Viewer, from: number) => void;
}

export type MatchStore = ReturnType<typeof createMatchStore>;

export function createMatchStore(initial: Partial<Pick<MatchUiState, 'revealed' | 'panel' | 'chronicleOpen'>> = {}) {
  return createStore<MatchUiState>()((set) => ({
    revealed: null,
    panel: 'actions',
    composer: [],
    chronicleOpen: false,
    seen: {},
    ...initial,
    reveal: (side) => set({ revealed: side, panel: 'actions' }),
    conceal: () => set({ revealed: null, composer: [] }),
    setPanel: (panel) => set({ panel }),
    toggleTerm: (id) =>
      set((s) => ({ composer: s.composer.includes(id) ? s.composer.filter((x) => x !== id) : [...s.composer, id] })),
    clearComposer: () => set({ composer: [] }),
    setChronicleOpen: (chronicleOpen) => set({ chronicleOpen }),
    setSeen: (viewer, from) => set((s) => ({ seen: { ...s.seen, [viewer]: from } })),
  }));
}
