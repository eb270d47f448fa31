import { textCells } from './format';

/**
 * How a masthead name is set on one line: at its template size when it fits the type area's
 * width, otherwise narrowed (Word's character scale, as printed 红头 are) down to 60 %, and only
 * then made smaller. Shared by the Word writer and the preview so both fit it alike.
 */
export function fitOneLine(
  text: string,
  sizePt: number,
  widthTwips: number,
): { sizePt: number; scale: number } {
  const needed = textCells(text) * sizePt * 20;
  if (needed <= widthTwips || needed === 0) return { sizePt, scale: 100 };
  const scale = Math.floor((widthTwips / needed) * 100);
  if (scale >= 60) return { sizePt, scale };
  // even at 60 % it is too wide: shrink the type, in half points as Word stores it
  const shrunk = Math.floor(((sizePt * widthTwips) / (needed * 0.6)) * 2) / 2;
  return { sizePt: Math.max(1, shrunk), scale: 60 };
}
