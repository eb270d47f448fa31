/**
 * Security settings shared by the Electron window and the browser-mode host. No electron import,
 * so the command line and tests can read them.
 */

/**
 * The renderer's Content-Security-Policy: only the app's own files, no remote origin, no eval.
 * Styles allow 'unsafe-inline' because the slide preview sets theme CSS at run time; scripts do not.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** The same policy as an HTTP header (browser mode), where frame-ancestors also applies. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

/** URLs the app may load: its own files only. */
export function isAppUrl(url: string, appRoot: string): boolean {
  try {
    const u = new URL(url);
    const root = new URL(appRoot);
    return u.protocol === 'file:' && root.protocol === 'file:' && u.pathname.startsWith(root.pathname);
  } catch {
    return false;
  }
}

/** Schemes a request from the window may use; anything else (http, https, ws, ftp…) is cancelled. */
export const ALLOWED_REQUEST_SCHEMES = new Set(['file:', 'data:', 'blob:', 'devtools:']);
