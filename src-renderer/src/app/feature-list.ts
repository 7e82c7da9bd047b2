import { altKeyCode } from '../../../src-preload/types/views'
import type { SettingsSection } from '../components/settings-sections'
import type { AddOn, CallBadgeProps, CallKey, Feature, HelpSection, LampAction, Shortcut } from '../features/feature'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/** How the keyboard help and the sidebar name an Alt key: Option's sign on a Mac, 'Alt+' elsewhere. */
export function altKeyLabel(altKey: string, mac = false): string {
  return mac ? `⌥${altKey.toUpperCase()}` : `Alt+${altKey.toUpperCase()}`
}

/** What the shell adds to the keyboard help's "Everywhere" section. */
export interface ShellKeys {
  /** A Mac: Alt keys are shown as ⌥ (Option). */
  readonly mac?: boolean
  /** Keys of the shell itself (the help, and in the desktop app zoom and the dial shortcut). */
  readonly extra?: readonly Shortcut[]
}

/**
 * The features the shell is built from, checked once at start: an id, an Alt key, an action name
 * or a key claimed by two features is a mistake that would silently shadow one of them. Screens
 * make the sidebar; add-ons (features without a screen) add keys and lamp menu entries to calls.
 */
export class FeatureList {
  readonly all: readonly Feature[]
  /** Every feature's action words, for the toasts of actions main settles later. */
  readonly actionWords: Readonly<Record<string, string>>
  private readonly home: Feature

  /** Keys on the selected call and lamp menu entries the add-ons give the calls screen. */
  readonly callKeys: readonly CallKey[]
  readonly lampActions: readonly LampAction[]
  /** The add-ons' marks on a call's row and card. */
  readonly callBadges: readonly { readonly id: string; readonly Badge: React.ComponentType<CallBadgeProps> }[]
  /** What add-ons keep running beside the views, for the app's whole life. */
  readonly hosts: readonly { readonly id: string; readonly Host: NonNullable<AddOn['Host']> }[]
  /** Sections add-ons add to the Settings screen. */
  readonly settingsSections: readonly SettingsSection[]
  private readonly addOns: readonly AddOn[]

  constructor(features: readonly [Feature, ...Feature[]], addOns: readonly AddOn[] = []) {
    claimOnce(
      [...features, ...addOns].map((f) => f.id),
      'view id',
    )
    claimOnce(
      features.map((f) => f.nav.altKey),
      'Alt key',
    )
    claimOnce(
      [...features, ...addOns].flatMap((f) => Object.keys(f.actionWords ?? {})),
      'action',
    )
    // An add-on's key must not shadow a key of the screen that binds it (`C / X` claims c and x); no
    // other screen hears it. A list without a screen saying it hosts them checks every screen's keys.
    const hosts = features.some((f) => f.hostsCallKeys === true) ? features.filter((f) => f.hostsCallKeys === true) : features
    const screenKeys = hosts.flatMap((f) => f.shortcuts ?? []).flatMap((s) => s.keys.split(' / ').map((k) => k.trim().toLowerCase()))
    claimOnce([...new Set(screenKeys), ...addOns.flatMap((a) => a.callKeys ?? []).map((k) => k.key)], 'key')
    this.all = features
    this.home = features[0]
    this.addOns = addOns
    this.actionWords = liveWords([...features, ...addOns])
    this.callKeys = addOns.flatMap((a) => a.callKeys ?? [])
    this.lampActions = addOns.flatMap((a) => a.lampActions ?? [])
    this.callBadges = addOns.flatMap((a) => (a.CallBadge === undefined ? [] : [{ id: a.id, Badge: a.CallBadge }]))
    this.hosts = addOns.flatMap((a) => (a.Host === undefined ? [] : [{ id: a.id, Host: a.Host }]))
    this.settingsSections = addOns.flatMap((a) => (a.SettingsSection === undefined ? [] : [{ id: a.id, Section: a.SettingsSection }]))
  }

  /** The feature to show for a remembered view id; the first one when there is none (or it is gone). */
  shown(id: string | null): Feature {
    return this.all.find((f) => f.id === id) ?? this.home
  }

  /** The feature Alt+`key` opens. */
  byAltKey(key: string): Feature | undefined {
    return this.all.find((f) => f.nav.altKey === key)
  }

  /**
   * The feature whose Alt key is this physical key (`KeyboardEvent.code`, 'Digit1'). The shell
   * compares codes, never `e.key`: under Option on macOS, Alt+1 gives '¡', and layouts differ.
   */
  byKeyCode(code: string): Feature | undefined {
    return this.all.find((f) => altKeyCode(f.nav.altKey) === code)
  }

  /** The add-ons' keys a seat of this role has (a key with a minimum role is left out below it). */
  callKeysFor(role: SeatRole): readonly CallKey[] {
    return this.callKeys.filter((k) => hasRole(role, k.minRole))
  }

  /**
   * The keyboard help: each feature's own keys (add-on keys as `role` has them), then the keys that
   * work everywhere: one line per screen with its Alt key, then the shell's own.
   */
  helpSections(role: SeatRole = 'admin', shell: ShellKeys = {}): HelpSection[] {
    const views = this.all.map((f) => ({ keys: altKeyLabel(f.nav.altKey, shell.mac), does: t('showView', { view: f.nav.label }) }))
    const everywhere: HelpSection = { title: t('everywhere'), shortcuts: [...views, ...(shell.extra ?? [])] }
    const own = this.all.filter((f) => (f.shortcuts ?? []).length > 0).map((f) => ({ title: f.nav.label, shortcuts: f.shortcuts ?? [] }))
    const added = this.addOns
      .map((a) => ({ title: a.label, keys: (a.callKeys ?? []).filter((k) => hasRole(role, k.minRole)) }))
      .filter((a) => a.keys.length > 0)
      .map((a) => ({ title: a.title, shortcuts: a.keys.map(({ keys, does }) => ({ keys, does })) }))
    return [...own, ...added, everywhere]
  }
}

export type SeatRole = 'receptionist' | 'supervisor' | 'admin'
const ROLE_RANK: Readonly<Record<SeatRole, number>> = { receptionist: 0, supervisor: 1, admin: 2 }

function hasRole(role: SeatRole, needs: SeatRole | undefined): boolean {
  return needs === undefined || ROLE_RANK[role] >= ROLE_RANK[needs]
}

/**
 * Every feature's action words in one record whose entries are read from the feature at each use
 * (features give them as getters in the shown language): a copy made at start would keep the
 * language of that moment after the operator switched.
 */
function liveWords(features: readonly Pick<AddOn, 'actionWords'>[]): Readonly<Record<string, string>> {
  const words: Record<string, string> = {}
  for (const f of features) {
    const own = f.actionWords
    if (own === undefined) continue
    for (const action of Object.keys(own)) {
      Object.defineProperty(words, action, { enumerable: true, get: () => own[action] ?? action })
    }
  }
  return words
}

function claimOnce(names: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Two features claim the ${what} "${name}"`)
    seen.add(name)
  }
}
