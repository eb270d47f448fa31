import { describe, expect, it } from 'vitest';
import { elapsed, showKeyAction, stepShow } from '../../renderer/show/keys';

describe('slideshow keys', () => {
  it('moves as PowerPoint does, and stops at the deck’s ends and its end screen', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ', 'Enter']) expect(showKeyAction(key)).toBe('next');
    for (const key of ['ArrowLeft', 'PageUp', 'Backspace']) expect(showKeyAction(key)).toBe('prev');
    expect(showKeyAction('Home')).toBe('first');
    expect(showKeyAction('End')).toBe('last');
    expect(showKeyAction('b')).toBe('black');
    expect(showKeyAction('B')).toBe('black');
    expect(showKeyAction('Escape')).toBe('end');
    expect(showKeyAction('x')).toBeNull();
    expect(stepShow(0, 10, 'prev')).toBe(0);
    expect(stepShow(9, 10, 'next')).toBe(10);
    expect(stepShow(10, 10, 'next')).toBe(10);
    expect(stepShow(10, 10, 'prev')).toBe(9);
    expect(stepShow(4, 10, 'last')).toBe(9);
    expect(stepShow(4, 10, 'first')).toBe(0);
  });

  it('shows the presenter’s time as mm:ss, with hours past an hour', () => {
    expect(elapsed(0)).toBe('00:00');
    expect(elapsed(65_400)).toBe('01:05');
    expect(elapsed(3_725_000)).toBe('1:02:05');
  });
});
