/** Waiting in tests: real time only, always bounded, and a timeout says what never happened. */

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` every `everyMs` until it holds; throws naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000, everyMs = 10): Promise<void> {
  await eventually(what, async () => ((await check()) ? true : undefined), timeoutMs, everyMs)
}

/** Polls until `check` gives a value other than undefined and returns it (bounded, like `until`). */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`not within ${String(timeoutMs)} ms: ${what}`)
    await sleep(everyMs)
  }
}

/**
 * Resolves with the first value an event source hands to `done`, or rejects naming `what` after
 * `timeoutMs`. `register` subscribes (never calling `done` at once) and returns its unsubscribe,
 * called either way.
 */
export function nextEvent<T>(what: string, register: (done: (value: T) => void) => () => void, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`not within ${String(timeoutMs)} ms: ${what}`))
    }, timeoutMs)
    const off = register((value) => {
      clearTimeout(timer)
      off()
      resolve(value)
    })
  })
}
