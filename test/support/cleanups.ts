import { afterEach } from 'vitest'

/** What a test started and must stop, whether it passes or fails. */
export interface Cleanups {
  push(...undo: Array<() => unknown>): void
}

/** Registers (once per test file) an afterEach that runs each test's undo steps, last first. */
export function cleanupsAfterEach(): Cleanups {
  const steps: Array<() => unknown> = []
  afterEach(async () => {
    for (const undo of steps.splice(0).reverse()) await undo()
  })
  return {
    push: (...undo) => {
      steps.push(...undo)
    },
  }
}
