import { clipboard, globalShortcut } from 'electron'

/**
 * The global shortcut that dials the number in the clipboard (asked in the window first). Another
 * application may hold the same keys: then registration fails, and Settings says so.
 */
export class DialShortcut {
  private current = ''
  private registered = false

  constructor(
    private readonly onDial: (clipboardText: string) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Registers `accelerator` in place of the last one ('' for none); does nothing when unchanged. */
  apply(accelerator: string): void {
    if (accelerator === this.current) return
    if (this.registered) globalShortcut.unregister(this.current)
    this.current = accelerator
    this.registered = false
    if (accelerator === '') return
    try {
      this.registered = globalShortcut.register(accelerator, () => {
        clipboard.readText().then(this.onDial, (err: unknown) => {
          this.log(`could not read the clipboard: ${String(err)}`)
        })
      })
    } catch (err) {
      this.log(`the dial shortcut ${accelerator} is not valid here: ${String(err)}`)
    }
    if (!this.registered) this.log(`the dial shortcut ${accelerator} is held by another application`)
  }

  get state(): { readonly accelerator: string; readonly registered: boolean } {
    return { accelerator: this.current, registered: this.registered }
  }

  dispose(): void {
    if (this.registered) globalShortcut.unregister(this.current)
    this.registered = false
  }
}
