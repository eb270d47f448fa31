/**
 * Text bound for an OOXML part (.docx, .pptx). XML 1.0 cannot hold control characters, the two
 * non-characters U+FFFE and U+FFFF, or half of a surrogate pair; a pasted report may carry any
 * of them, and Word and PowerPoint refuse a file that has one. The one cleaner both writers use.
 */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids removed. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** A value for an XML attribute written by hand: cleaned, and its markup characters escaped. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
