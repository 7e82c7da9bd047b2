import type { Feature, HelpSection } from '../features/feature'

/**
 * The features the shell is built from, checked once at start: an id, an Alt key or an action
 * name claimed by two features is a mistake that would silently shadow one of them.
 */
export class FeatureList {
  readonly all: readonly Feature[]
  /** Every feature's action words, for the toasts of actions main settles later. */
  readonly actionWords: Readonly<Record<string, string>>
  private readonly home: Feature

  constructor(features: readonly [Feature, ...Feature[]]) {
    claimOnce(features.map((f) => f.id), 'view id')
    claimOnce(features.map((f) => f.nav.altKey), 'Alt key')
    claimOnce(features.flatMap((f) => Object.keys(f.actionWords ?? {})), 'action')
    this.all = features
    this.home = features[0]
    this.actionWords = Object.assign({}, ...features.map((f) => f.actionWords ?? {})) as Record<string, string>
  }

  /** The feature to show for a remembered view id; the first one when there is none (or it is gone). */
  shown(id: string | null): Feature {
    return this.all.find((f) => f.id === id) ?? this.home
  }

  /** The feature Alt+`key` opens. */
  byAltKey(key: string): Feature | undefined {
    return this.all.find((f) => f.nav.altKey === key)
  }

  /** The keyboard help: the keys that work everywhere, then each feature's own. */
  helpSections(): HelpSection[] {
    const keys = this.all.map((f) => f.nav.altKey)
    const sequence = keys.every((k, i) => i === 0 || Number(k) === Number(keys[i - 1]) + 1)
    const altKeys = sequence && keys.length > 1 ? `Alt+${keys[0] ?? ''}…${keys[keys.length - 1] ?? ''}` : keys.map((k) => `Alt+${k}`).join(' / ')
    const everywhere: HelpSection = { title: 'Everywhere', shortcuts: [{ keys: altKeys, does: this.all.map((f) => f.nav.label).join(', ') }] }
    const own = this.all.filter((f) => (f.shortcuts ?? []).length > 0).map((f) => ({ title: f.nav.label, shortcuts: f.shortcuts ?? [] }))
    return [...own, everywhere]
  }
}

function claimOnce(names: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Two features claim the ${what} "${name}"`)
    seen.add(name)
  }
}
