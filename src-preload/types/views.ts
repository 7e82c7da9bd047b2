/**
 * The console's screens and the key that opens each from anywhere: Alt+<key> (Option on macOS),
 * matched on the physical key (`KeyboardEvent.code`: under Option, macOS turns Alt+1 into '¡', so
 * `e.key` cannot be compared).
 *
 * One static table read by both sides: the renderer's features (each feature's `nav` must match its
 * line here; a unit test checks the two) and the desktop application menu in main, which cannot
 * import the renderer's features (they carry React views). Static rather than sent by a window over
 * the contract: the menu exists before any window has loaded, and no window can rename native menu
 * entries.
 */
export const VIEW_KEYS = [
  { id: 'calls', label: 'Calls', altKey: '1' },
  { id: 'queues', label: 'Queues', altKey: '2' },
  { id: 'history', label: 'History', altKey: '3' },
  { id: 'admin', label: 'Admin', altKey: '4' },
  { id: 'config', label: 'Configuration', altKey: '5' },
  { id: 'settings', label: 'Settings', altKey: '6' },
  { id: 'phonebook', label: 'Phonebook', altKey: '7' },
  { id: 'agents', label: 'Agents', altKey: '8' },
  { id: 'wallboard', label: 'Wallboard', altKey: '9' },
  { id: 'reports', label: 'Reports', altKey: 'Q' },
  { id: 'voicemail', label: 'Voicemail', altKey: '0' },
] as const

export type ViewKey = (typeof VIEW_KEYS)[number]

/** The physical key (`KeyboardEvent.code`) of an Alt key: '1' → 'Digit1', 'p' → 'KeyP'. */
export function altKeyCode(altKey: string): string {
  return /^\d$/.test(altKey) ? `Digit${altKey}` : `Key${altKey.toUpperCase()}`
}

/** What the desktop application menu asks the focused window to do. */
export type MenuCommand = { readonly kind: 'view'; readonly view: string } | { readonly kind: 'help' }
