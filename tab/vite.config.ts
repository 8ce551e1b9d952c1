import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const tabRoot = fileURLToPath(new URL('.', import.meta.url));

/** Builds the tab into tab/dist; the server serves it at /tab/. Run from the repo root. */
export default defineConfig({
  root: tabRoot,
  base: '/tab/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Fluent marks its modules 'use client' for React Server Components; a SPA has none.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3978' },
  },
});
