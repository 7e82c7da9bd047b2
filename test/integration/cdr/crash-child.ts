// Child process for crash.test.ts: ingests numbered batches and reports progress on stdout,
// so the test can SIGKILL the whole process (and its worker) in the middle of a batch.
import { openCdrStore } from '../../../src-main/core/cdr/index'
import { rec } from './helpers'

const [file, batchArg, batchesArg] = process.argv.slice(2)
if (file === undefined) throw new Error('usage: crash-child.ts <db file> <batch size> <batches>')
const batch = Number(batchArg)
const batches = Number(batchesArg)
const store = await openCdrStore({ file })
for (let b = 0; b < batches; b++) {
  const records = Array.from({ length: batch }, (_, j) => rec(b * batch + j))
  await store.ingest('pbx-a', records, {
    timeZone: 'UTC',
    onProgress: (done) => {
      process.stdout.write(`progress ${String(b)} ${String(done)}\n`)
    },
  })
  process.stdout.write(`committed ${String(b)}\n`)
}
await store.close()
process.stdout.write('done\n')
