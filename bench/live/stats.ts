/** Moved to bench/support/stats.ts (shared by the benches); kept for the benches that import it from here. */
export * from '../support/stats'
