/**
 * The one Content-Security-Policy for both hosts. Nothing remote: scripts, styles, fonts, images and
 * connections only from the app itself. Inline styles are allowed because AG Grid and ECharts set
 * element styles; inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
