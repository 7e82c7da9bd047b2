import type { AttendantBridge } from '../../../src-preload/contract'
import type { Bridge } from './bridge'
import { electronBridge } from './electron-bridge'
import { takeToken, webBridge } from './web-bridge'

declare global {
  interface Window {
    readonly attendant?: AttendantBridge
  }
}

/** Electron's preload bridge when present, otherwise web mode's WebSocket; null without a token. */
export function createBridge(): Bridge | null {
  if (window.attendant !== undefined) return electronBridge(window.attendant)
  const token = takeToken()
  return token === null ? null : webBridge(token)
}

export type { Bridge, LinkState } from './bridge'
