import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Roster's tags are custom elements, not Vue components: Vue leaves them to the browser. */
const isRosterElement = (tag: string) => ['roster-provider', 'users-settings', 'account-switcher'].includes(tag);

/** The Vue demo app, served by the demo server at /vue/ (`npm run build` builds it into demo/dist/vue). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/vue/',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: isRosterElement } } })],
  build: { outDir: fileURLToPath(new URL('../dist/vue', import.meta.url)), emptyOutDir: true, sourcemap: true },
  logLevel: 'warn',
});
