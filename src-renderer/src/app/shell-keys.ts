import type { Shortcut } from '../features/feature'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/** A Mac (the desktop app there, or a browser on one): keys are named with ⌘ and ⌥. */
export function isMac(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /Mac/i.test(nav.platform || nav.userAgent)
}

const MAC_MODIFIERS: Readonly<Record<string, string>> = {
  commandorcontrol: '⌘',
  command: '⌘',
  cmd: '⌘',
  control: '⌃',
  ctrl: '⌃',
  alt: '⌥',
  option: '⌥',
  shift: '⇧',
  super: '⌘',
}
const PC_MODIFIERS: Readonly<Record<string, string>> = {
  commandorcontrol: 'Ctrl',
  command: 'Ctrl',
  cmd: 'Ctrl',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Win',
}

/** An Electron accelerator ('CommandOrControl+Alt+D') as the keyboard help names it: '⌘⌥D' on a Mac, 'Ctrl+Alt+D' elsewhere. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+')
  const key = parts.pop() ?? ''
  const mods = parts.map((m) => (mac ? MAC_MODIFIERS : PC_MODIFIERS)[m.toLowerCase()] ?? m)
  return mac ? `${mods.join('')}${key.toUpperCase()}` : [...mods, key.toUpperCase()].join('+')
}

/**
 * The shell's own keys for the keyboard help: the help itself, and in the desktop app the zoom keys
 * of the View menu and the global dial shortcut the settings chose ('' = none).
 */
export function shellShortcuts(options: {
  readonly mac: boolean
  readonly desktop: boolean
  readonly dialShortcut?: string | undefined
}): Shortcut[] {
  const { mac, desktop, dialShortcut } = options
  const keys: Shortcut[] = [{ keys: 'F1', does: t('key.help') }]
  if (!desktop) return keys
  const mod = mac ? '⌘' : 'Ctrl+'
  keys.push({ keys: `${mod}+ / ${mod}−`, does: t('key.zoom') }, { keys: `${mod}0`, does: t('key.actualSize') })
  if (dialShortcut !== undefined && dialShortcut !== '') {
    keys.push({ keys: acceleratorLabel(dialShortcut, mac), does: t('key.dialClipboard') })
  }
  return keys
}
