/** `@roster/shared` → the absolute path of `packages/shared/src/index.ts`, and so on. */
export declare const workspaceSources: Record<string, string>;
