import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const r = (p: string): string => resolve(import.meta.dirname, p)

// Web mode and the other plain-Node entries (Node 20 runs no .ts): bundled for Node into out/web,
// beside out/renderer which web mode serves. Dependencies stay external (node_modules at run time).
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/web',
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: {
      input: { web: r('src-main/web.ts'), 'cdr-worker': r('src-main/core/cdr/worker.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
