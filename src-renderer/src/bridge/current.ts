import type { Bridge } from './bridge'

let current: Bridge | null = null

/** Set once at start-up (main.tsx); stores reach the transport through this. */
export function setBridge(bridge: Bridge): void {
  current = bridge
}

export function bridge(): Bridge {
  if (current === null) throw new Error('The bridge is used before start-up set it')
  return current
}
