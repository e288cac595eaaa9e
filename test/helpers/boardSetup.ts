/** The hooks of a test file that renders the board: its messages loaded, a clean browser store, no leftovers. */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { loadMessages } from '../../src/ui/i18n';

/** Registers them: call once at the top of the file. */
export function boardTestHooks(): void {
  // The board's messages load with its screens (a lazy namespace), as in the app.
  beforeAll(() => loadMessages('board'));
  beforeEach(() => {
    // React reports state updates outside act() from boardgame.io's client; they are not failures.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}
