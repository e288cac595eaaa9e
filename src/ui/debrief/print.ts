import { useEffect, type RefObject } from 'react';

/**
 * Opens every <details> under `root` before printing, so the numbers and notes folded away on
 * screen are on paper too (the game's debrief and the class's).
 */
export function useOpenDetailsForPrint(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const open = () => root.current?.querySelectorAll('details').forEach((d) => (d.open = true));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, [root]);
}
