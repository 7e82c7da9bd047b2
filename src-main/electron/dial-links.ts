import { app } from 'electron'
import type { DialRequest, DialSource } from '../../src-preload/types/attention'
import { parseClipboardNumber, parseDialLink, shownSource, type ParsedDial } from '../core/attention/dial-link'

/** The link schemes Attendant offers to open: what a "call" link in another application uses. */
export const DIAL_SCHEMES = ['tel', 'sip', 'callto'] as const

/**
 * Asks the OS to send tel:, sip: and callto: links here. Packaged, the installer's registration
 * (electron-builder `protocols`, Info.plist CFBundleURLTypes) does this too; unpackaged (npm start)
 * the running Electron binary is registered with the app's path, as Electron's docs describe.
 */
export function registerDialSchemes(log: (message: string) => void): void {
  for (const scheme of DIAL_SCHEMES) {
    const ok = app.isPackaged
      ? app.setAsDefaultProtocolClient(scheme)
      : app.setAsDefaultProtocolClient(scheme, process.execPath, process.argv[1] === undefined ? [] : [process.argv[1]])
    if (!ok) log(`could not register as the ${scheme}: handler`)
  }
}

/** The dial link among a launch's arguments (Windows and Linux pass it there), if there is one. */
export function dialLinkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => new RegExp(`^(${DIAL_SCHEMES.join('|')}|sips):`, 'i').test(arg))
}

/**
 * Numbers that arrive from outside the window (links, the clipboard shortcut) on their way to the
 * window's confirmation. Parsed here, so junk never reaches the renderer as a number; a refusal
 * goes to the window too, so the operator learns why nothing happened. Until a window is ready to
 * take them (it asks attention.shell at start), the latest one waits.
 */
export class DialLinks {
  private nextId = 1
  private pending: DialRequest | null = null

  constructor(
    /** Delivers to the ready window; false when none is ready (then the request waits). */
    private readonly deliver: (request: DialRequest) => boolean,
    private readonly front: () => void,
    private readonly log: (message: string) => void,
    /** Records a refused link or clipboard text (the audit log), like every refusal. */
    private readonly refusedHook: (request: Extract<DialRequest, { kind: 'refused' }>) => void = () => undefined,
  ) {}

  link(url: string): void {
    this.receive(parseDialLink(url), url, undefined)
  }

  clipboard(text: string): void {
    this.receive(parseClipboardNumber(text), text, 'clipboard')
  }

  /** Hands over (once) what waited for the window. */
  takePending(): DialRequest | null {
    const p = this.pending
    this.pending = null
    return p
  }

  private receive(parsed: ParsedDial, text: string, fallback: DialSource | undefined): void {
    const id = this.nextId++
    const from = shownSource(text)
    const request: DialRequest = parsed.ok
      ? { kind: 'dial', id, number: parsed.number, source: parsed.source, from }
      : { kind: 'refused', id, source: parsed.source ?? fallback ?? 'tel', from, reason: parsed.reason }
    if (request.kind === 'refused') {
      this.log(`refused a dial request from ${from}: ${request.reason}`)
      this.refusedHook(request)
    }
    this.front()
    if (!this.deliver(request)) this.pending = request
  }
}
