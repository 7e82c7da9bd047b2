/** The caller as the transports name it: one per Electron window or web-mode socket. */
export interface SeatContext {
  readonly clientId: string
  readonly transport: 'ipc' | 'web'
}

/**
 * How an audit line names the window or socket that acted, in words an admin reading the log
 * recognises: "window 2" (an Electron window), "web socket 5" (a browser tab in web mode).
 */
export function seatLabel(ctx: SeatContext): string {
  const number = /(\d+)$/.exec(ctx.clientId)?.[1]
  const kind = ctx.transport === 'ipc' ? 'window' : 'web socket'
  return number === undefined ? `${kind} ${ctx.clientId.slice(0, 40)}` : `${kind} ${number}`
}
