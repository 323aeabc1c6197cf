// Single-file components, compiled by @vitejs/plugin-vue (the type-check sees them as components).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
