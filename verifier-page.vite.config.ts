// The static verifier page (verifier/page/), a second Vite entry beside the touch UI's vite.config.ts:
// `VERIFIER_TRUST_ROOT=root.pem npm run build:verifier` writes dist/verifier-page/. The trust-list root's
// public key is compiled into the page, so a list signed by any other key is never believed.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig(() => {
  const rootFile = process.env.VERIFIER_TRUST_ROOT;
  if (!rootFile) throw new Error('VERIFIER_TRUST_ROOT must name the trust-list root public key (PEM) the page pins');
  const pem = readFileSync(rootFile, 'utf8').trim();
  if (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(pem)) {
    throw new Error(`${rootFile} is not a public key in PEM (SPKI)`);
  }
  return {
    root: fileURLToPath(new URL('verifier/page/', import.meta.url)),
    base: './',
    define: { __KQ1_TRUST_ROOT_PEM__: JSON.stringify(pem) },
    build: {
      outDir: '../../dist/verifier-page',
      emptyOutDir: true,
      target: 'es2022',
      // Nothing inline (the CSP allows only 'self'), and no polyfill for browsers that have modules anyway.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  };
});
