import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/app/main.ts'),
          // The parse worker is a script of its own, started by src/main/workers/entries.ts.
          'parse-worker': resolve('src/main/workers/parse-worker.ts'),
          // Verify and backup on a connection of their own, off the main process (src/main/vault/task-runner.ts).
          'vault-worker': resolve('src/main/workers/vault-worker.ts'),
          // Runs the suggestion extractors on a worker thread; found beside index.js at run time.
          'suggestion-worker': resolve('src/main/annotate/suggestion-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
