/** What a key does during the slideshow, as in PowerPoint and WPS. */
export type ShowKeyAction = 'next' | 'prev' | 'first' | 'last' | 'black' | 'end' | null;

export function showKeyAction(key: string): ShowKeyAction {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
    case 'n':
    case 'N':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
    case 'p':
    case 'P':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'b':
    case 'B':
    case '.':
      return 'black';
    case 'Escape':
      return 'end';
    default:
      return null;
  }
}

/** The slide after a key: `total` is the end screen (「放映结束」), one past the last slide. */
export function stepShow(at: number, total: number, action: 'next' | 'prev' | 'first' | 'last'): number {
  switch (action) {
    case 'next':
      return Math.min(total, at + 1);
    case 'prev':
      return Math.max(0, Math.min(at, total) - 1);
    case 'first':
      return 0;
    case 'last':
      return Math.max(0, total - 1);
  }
}

/** mm:ss (h:mm:ss past an hour) for the presenter's timer. */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return h > 0
    ? `${h}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`
    : `${two(Math.floor(s / 60))}:${two(s % 60)}`;
}
