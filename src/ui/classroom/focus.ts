import { useEffect, useRef } from 'react';

/**
 * A heading that takes focus when its screen opens (and again when `again` changes), so that
 * screen readers start there, as the debrief does. The heading needs `tabIndex={-1}`.
 */
export function useFocusedHeading(again?: unknown) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [again]);
  return heading;
}
