/**
 * CDR rows, filters and pages cross the IPC contract (the History view reads them), so their types
 * live with the contract's; the store re-exports them.
 */
export * from '../../../src-preload/types/cdr'
