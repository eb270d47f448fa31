/**
 * The slide canvas: every position in a deck theme, a scene and the fitting is in px on it. The
 * HTML deck, the preview, the PDF page and the .pptx slide are all made this size, from here.
 */

export const SLIDE_W = 1280;
export const SLIDE_H = 720;
/** px per inch: PowerPoint's 13.333 in × 7.5 in wide slide is 1280 × 720 px at 96 dpi */
export const PX_PER_INCH = 96;
