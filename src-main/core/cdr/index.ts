// Public surface of the CDR store. The worker entry (worker.ts) is a separate build entry.
export { openCdrStore, CdrStoreError } from './store'
export type { CdrStore, OpenCdrStoreOptions } from './store'
export { cdrFromAmiFields, cdrFromFreepbx } from './adapters'
export type { FreepbxCdrRow } from './adapters'
export { neutraliseFormula, restoreFormula, CSV_HEADER } from './csv'
export { localToUtcMs, formatLocal } from './time'
export type * from './types'
