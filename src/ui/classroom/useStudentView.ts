import { useEffect, useState } from 'react';
import { studentView, type StudentView } from './classApi';

export interface StudentViewState {
  /** The latest answer, kept through a failed check. */
  readonly view: StudentView | null;
  /** Why the latest check failed, or null when it succeeded. */
  readonly error: unknown;
}

/**
 * Asks "where is my seat" now and every `everyMs` while mounted (the next check waits for the
 * last answer, so a slow server is never asked twice at once). Stops when `stop(view)` says so.
 */
export function useStudentView(code: string | null, studentKey: string | null, everyMs: number): StudentViewState {
  const [state, setState] = useState<StudentViewState>({ view: null, error: null });
  useEffect(() => {
    if (!code || !studentKey) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = async () => {
      try {
        const view = await studentView(code, studentKey);
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
  }, [code, studentKey, everyMs]);
  return state;
}
