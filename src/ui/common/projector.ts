import { useEffect } from 'react';

/**
 * Screens a teacher puts on the room's projector (the spectator view, the control room, the
 * class debrief): while one is shown, the page's type grows with the window (styles.css,
 * `html.projector`), so a 1920×1080 projector shows what a laptop shows at 1366×768, half as
 * large again, across the whole width. Below 1366 wide nothing changes.
 */
export function useProjectorType(on = true): void {
  useEffect(() => {
    if (!on) return undefined;
    const root = document.documentElement;
    root.classList.add('projector');
    return () => root.classList.remove('projector');
  }, [on]);
}
