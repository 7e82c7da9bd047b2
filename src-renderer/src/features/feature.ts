import type { ComponentType } from 'react'

/** One key of a view and what it does, as the keyboard help lists it. */
export interface Shortcut {
  /** As the help shows it: `H`, `↑ / ↓`, `C / X`. */
  readonly keys: string
  readonly does: string
}

/** A titled group of keys in the keyboard help. */
export interface HelpSection {
  readonly title: string
  readonly shortcuts: readonly Shortcut[]
}

/**
 * What a feature folder tells the app shell about itself (its `feature.ts`). The shell builds the
 * sidebar, the Alt keys, the current view, the keyboard help and the words of action toasts from
 * the list in features/index.ts, so a new screen is its own folder plus one line there.
 */
export interface Feature {
  /** Stable id: the app store remembers the shown view by it. */
  readonly id: string
  /** The sidebar entry, and the key that opens the view from anywhere (Alt+key). */
  readonly nav: { readonly label: string; readonly altKey: string }
  readonly View: ComponentType
  /** The keys the view answers to, in the order the keyboard help lists them. */
  readonly shortcuts?: readonly Shortcut[]
  /**
   * How toasts name this feature's actions, by the action name main audits and settles
   * (`call.hangup` → `Hang-up`, read as "Hang-up done (after the PBX answered again)").
   */
  readonly actionWords?: Readonly<Record<string, string>>
}
