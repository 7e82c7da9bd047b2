// A worker that opens and then dies on its first request without answering: lets
// crash.test.ts check that the store rejects what was in flight and starts a new worker.
import { parentPort } from 'node:worker_threads'

parentPort?.postMessage({ kind: 'ready' })
parentPort?.on('message', () => {
  process.exit(7)
})
