/**
 * The profile schema is part of the IPC contract (profiles are edited in the renderer and validated
 * at the main-side edge), so it lives with the contract's types; the core re-exports it.
 */
export * from '../../../src-preload/types/profile'
