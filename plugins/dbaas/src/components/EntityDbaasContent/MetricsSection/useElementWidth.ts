import { RefObject, useEffect, useState } from 'react';

/**
 * The width of an element, followed as the layout changes. Where
 * ResizeObserver is missing (old browsers, jsdom) the first measurement,
 * or `fallback`, stays.
 */
export function useElementWidth(
  ref: RefObject<HTMLElement>,
  fallback: number,
): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    if (element.clientWidth > 0) setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(entries => {
      const measured = entries[0]?.contentRect.width;
      if (measured) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
