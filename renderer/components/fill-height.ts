// A scrolling box (the dossier table, a side panel) that takes the height left in the window below it, so the page itself does not
// scroll beside it: at 1366×768 the dossier table's fixed calc(100vh - 19rem) left the page 57 px
// too high, and a panel that wrapped the toolbar made it worse (two scrollbars, the footer out of
// view; review of issue 14). Measured from where the box starts, again when the window or the
// main column changes size (a panel opened, the toolbar wrapped).
import { useLayoutEffect, type RefObject } from 'react';

/** The smallest height the box keeps on a very low window: 18 rows' worth, about. */
const MIN_HEIGHT = 288;

/**
 * Sets the box's `height` (a scrolling table) or `maxHeight` (a side panel that may be short) to
 * the room left below its top.
 */
export function useFillHeight(box: RefObject<HTMLElement | null>, active: boolean, property: 'height' | 'maxHeight' = 'height'): void {
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !active) return;
    const fit = () => {
      const box = el.getBoundingClientRect();
      // A sticky box (a panel) sits where it sticks now, above the footer.
      const top = sticky ? box.top : box.top + window.scrollY;
      const footer = document.querySelector('footer')?.getBoundingClientRect().height ?? 0;
      // Below a box in main: the rest of main (its padding) and the footer, not a panel beside it
      // that reaches lower (that made the table keep whatever height it had).
      const column = el.closest('main');
      const below = sticky ? footer : column ? column.getBoundingClientRect().bottom - box.bottom + footer : document.body.getBoundingClientRect().bottom - box.bottom;
      el.style[property] = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - below))}px`;
    };
    const sticky = getComputedStyle(el).position === 'sticky';
    fit();
    // A sticky box moves up as the page scrolls: it may grow to the window's top then.
    if (sticky) window.addEventListener('scroll', fit, { passive: true });
    const watch = new ResizeObserver(fit);
    const main = el.closest('main');
    if (main) watch.observe(main);
    const toolbar = el.previousElementSibling;
    if (toolbar) watch.observe(toolbar);
    window.addEventListener('resize', fit);
    return () => {
      watch.disconnect();
      window.removeEventListener('resize', fit);
      window.removeEventListener('scroll', fit);
    };
  }, [box, active, property]);
}
