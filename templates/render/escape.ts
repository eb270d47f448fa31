/**
 * Escaping for every piece of report text that reaches HTML. Report text is untrusted: a
 * pasted report may contain markup or script, and it must show as the characters typed.
 */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Image types we embed; anything else is dropped rather than trusted. */
const IMAGE_MIMES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/** A data: URI for an embedded image, or null when the type or data is not a plain image. */
export function imageDataUri(mime: string, base64: string): string | null {
  if (!IMAGE_MIMES.has(mime) || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return null;
  return `data:${mime};base64,${base64}`;
}
