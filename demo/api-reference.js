// The demo's API reference (/api-docs): Scalar renders the BFF's own GET /api/openapi.json. A file
// of its own rather than an inline script, so the page's Content-Security-Policy allows no inline
// script. Nothing is fetched from elsewhere: no web fonts, no telemetry, requests go straight to the
// same-origin API (no proxy).
/* global Scalar */
Scalar.createApiReference('#api-reference', {
  url: '/api/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  documentDownloadType: 'json',
});
