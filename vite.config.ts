import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The touch UI is built into kiosk/ui/dist and served by the agent; it never runs a dev server in the field.
export default defineConfig({
  root: 'kiosk/ui',
  base: './',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
