/**
 * Runs `load` at the first call and hands every later call the same promise, so that a file
 * store connected more than once (by boardgame.io's Server or the class service, and by the
 * tests) reads its folder once. A load that fails is forgotten, so the next call tries again
 * rather than repeating the old failure: a folder that could not be read may be readable later.
 */
export function loadOnce(load: () => Promise<void>): () => Promise<void> {
  let loading: Promise<void> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}
