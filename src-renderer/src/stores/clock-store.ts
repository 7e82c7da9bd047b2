import { create } from 'zustand'

/**
 * One shared one-second tick for every live timer on screen, so a hundred durations cost one
 * interval, and only the components that show a timer re-render each second.
 */
export const useClockStore = create<{ now: number }>(() => ({ now: Date.now() }))
setInterval(() => {
  useClockStore.setState({ now: Date.now() })
}, 1000)
