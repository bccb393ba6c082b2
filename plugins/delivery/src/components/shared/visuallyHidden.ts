/**
 * Styles that keep an element for assistive technology but off the screen,
 * for captions and tables that repeat what the screen already shows.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
} as const;
