/**
 * The same size of deck as plain report text, for the paths that start from a file or a paste:
 * 15 sections of 10 points with figures, which the automatic draft makes into at least 60 slides.
 */
export function sixtySlidesText(): string {
  const lines = ['全区重点工作推进情况汇报'];
  for (let s = 1; s <= 15; s++) {
    lines.push(`第${s}项重点任务推进情况`);
    for (let p = 1; p <= 10; p++)
      lines.push(
        `抓好第${s}组第${p}项工作。全年完成投资${s}.${p}亿元，同比增长${p}.5%，惠及群众${s * 100 + p}户。`,
      );
  }
  return lines.join('\n\n');
}
