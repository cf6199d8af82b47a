// Headers on every answer of the local API and the UI: the page may load only its own files, may not be framed
// by another page (a frame could trick a citizen into tapping), and no answer is sniffed into another type.
// The CSP repeats the one in kiosk/ui/index.html and adds what a meta tag cannot say (frame-ancestors).
// The preview's PDF renderer needs nothing more: its worker is a script file of the UI's own ('self'), and it
// runs without eval and without WebAssembly (kiosk/ui/pdf-canvas-renderer.ts).

export const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; connect-src 'self'; font-src 'self' data:; img-src 'self' data:; style-src 'self'; object-src 'none'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;
