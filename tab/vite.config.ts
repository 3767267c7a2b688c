/**
 * Builds the tabs: the personal tab (index.html), the meeting side panel
 * (sidepanel.html), the page that adds it to a meeting (config.html) and the admin
 * Programs tab (programs.html), served by the app under /tab/. Run from the repository
 * root: `vite build --config tab/vite.config.ts`.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const tabRoot = import.meta.dirname;

export default defineConfig({
  root: tabRoot,
  base: '/tab/',
  // No React plugin: Vite 8 compiles TSX with oxc; the automatic runtime means no `import React` in every file.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(tabRoot, '..', 'dist', 'tab'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        personal: path.resolve(tabRoot, 'index.html'),
        sidepanel: path.resolve(tabRoot, 'sidepanel.html'),
        config: path.resolve(tabRoot, 'config.html'),
        programs: path.resolve(tabRoot, 'programs.html'),
      },
      onwarn(warning, warn) {
        // Fluent's "use client" markers matter to server components only; a browser bundle can drop them.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
