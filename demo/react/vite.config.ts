import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The React demo app, served by the demo server at /react/ (`npm run build` builds it into demo/dist/react). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/react/',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../dist/react', import.meta.url)), emptyOutDir: true, sourcemap: true },
  logLevel: 'warn',
});
