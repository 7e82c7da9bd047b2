import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const r = (p: string): string => resolve(import.meta.dirname, p)

// electron-vite builds the three Electron targets into out/. `build` needs no Electron binary.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The CDR store's worker thread is its own entry, emitted beside main.js.
      rolldownOptions: { input: { main: r('src-main/main.ts'), 'cdr-worker': r('src-main/core/cdr/worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be ESM: force CommonJS.
      rolldownOptions: { input: { index: r('src-preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: r('src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      // ATTENDANT_RENDERER_DIR builds the renderer elsewhere (parallel e2e runs on one checkout).
      outDir: process.env.ATTENDANT_RENDERER_DIR ?? r('out/renderer'),
      // ATTENDANT_NO_MINIFY=1 keeps names readable in renderer profiles (bench:live --profile).
      minify: process.env.ATTENDANT_NO_MINIFY === undefined,
      rolldownOptions: { input: { index: r('src-renderer/index.html') } },
    },
  },
})
