import { memo, type CSSProperties } from 'react';

/**
 * The one place the page injects markup: slides from templates/render/slide.ts (the export's
 * own renderer) and the brief page from preview/brief-adapter.ts. Both build their HTML with
 * every piece of report text passed through escapeHtml, and images only as checked data: URIs,
 * so nothing a report contains can become markup or script. A test keeps this the only use.
 * Memoised on the string: an unchanged slide keeps its DOM.
 */
export const Markup = memo(function Markup({
  html,
  className,
  style,
}: {
  html: string;
  className?: string;
  style?: CSSProperties;
}) {
  return <div className={className} style={style} dangerouslySetInnerHTML={{ __html: html }} />;
});
