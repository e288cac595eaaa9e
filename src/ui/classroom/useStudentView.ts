import { useEffect, useMemo, useState } from 'react';
import { studentView, type StudentView } from './classApi';

export interface PolledState<T> {
  /** The latest answer, kept through a failed check. */
  readonly view: T | null;
  /** Why the latest check failed, or null when it succeeded. */
  readonly error: unknown;
}

export type StudentViewState = PolledState<StudentView>;

/**
 * Calls `read` now and every `everyMs` while mounted and while `read` stays the same (the next
 * call waits for the last answer, so a slow server is never asked twice at once). Nothing when
 * `read` is null.
 */
export function usePolled<T>(read: (() => Promise<T>) | null, everyMs: number): PolledState<T> {
  const [state, setState] = useState<PolledState<T>>({ view: null, error: null });
  useEffect(() => {
    if (!read) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = async () => {
      try {
        const view = await read();
        if (!stopped) setState({ view, error: null });
      } catch (error) {
        if (!stopped) setState((s) => ({ view: s.view, error }));
      }
      if (!stopped) timer = setTimeout(() => void check(), everyMs);
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [read, everyMs]);
  return state;
}

/** A student's "where is my seat", asked now and every `everyMs` while mounted. */
export function useStudentView(code: string | null, studentKey: string | null, everyMs: number): StudentViewState {
  const read = useMemo(() => (code && studentKey ? () => studentView(code, studentKey) : null), [code, studentKey]);
  return usePolled(read, everyMs);
}
