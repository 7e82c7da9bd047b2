import type { ComponentType } from 'react'
import type { LiveCall, LiveExtension, LiveState } from '../../../src-preload/types/live'

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
   * This screen binds the add-ons' keys on the selected call (the calls screen): an add-on's key may
   * not repeat one of its keys. The other screens never hear the add-ons' keys and may use the same letters.
   */
  readonly hostsCallKeys?: boolean
  /**
   * How toasts name this feature's actions, by the action name main audits and settles
   * (`call.hangup` → `Hang-up`, read as "Hang-up done (after the PBX answered again)").
   */
  readonly actionWords?: Readonly<Record<string, string>>
}

/**
 * A key the calls screen binds for another feature: it acts on the selected call only (read when
 * the key is pressed, never the suggested one), like the screen's own action keys.
 */
export interface CallKey {
  /** `KeyboardEvent.key`, lower case (`g`). */
  readonly key: string
  /** As the help shows it (`G`). */
  readonly keys: string
  readonly does: string
  readonly run: (call: LiveCall, state: LiveState) => void
  /**
   * The key exists only for seats of this role or above: the calls screen does not bind it and the
   * keyboard help leaves it out for the others (main refuses the action anyway).
   */
  readonly minRole?: 'supervisor' | 'admin'
}

/** Who works the lamps: what an added lamp entry may need to decide whether it is offered. */
export interface LampSeatView {
  readonly role: 'receptionist' | 'supervisor' | 'admin'
  readonly readOnly: boolean
  readonly ownExtension: string
}

/**
 * An entry of an extension lamp's menu on the calls screen (right-click, the menu key or Shift+F10
 * on a lamp). Entries act on the PBX: while actions are off, or the seat is read-only, the menu
 * shows them greyed with the reason without asking them.
 */
export interface LampAction {
  readonly label: (ext: Pick<LiveExtension, 'id' | 'state'>) => string
  /** Whether the lamp offers it now (a pickup only while the extension rings). */
  readonly offered: (ext: Pick<LiveExtension, 'id' | 'state'>, seat: LampSeatView) => boolean
  /**
   * Why it is not offered, in words, when the menu should show it greyed instead of leaving it out
   * (a role it needs); undefined or absent: a lamp that does not offer it leaves it out.
   */
  readonly whyNot?: (ext: Pick<LiveExtension, 'id' | 'state'>, seat: LampSeatView) => string | undefined
  readonly run: (extension: string) => void
}

/** Where the calls screen shows an add-on's marks on a call: in its row (terse) or on its card (in words). */
export interface CallBadgeProps {
  readonly call: LiveCall
  readonly place: 'row' | 'card'
}

/**
 * A feature without a screen of its own: keys on the selected call and entries on the lamps' menu
 * that the calls screen offers for it, and how toasts name its actions. Listed beside the screens
 * in features/index.ts; the keyboard help shows its keys under its label.
 */
export interface AddOn {
  readonly id: string
  /** Its title in the keyboard help. */
  readonly label: string
  readonly callKeys?: readonly CallKey[]
  readonly lampActions?: readonly LampAction[]
  readonly actionWords?: Readonly<Record<string, string>>
  /** Mounted for the app's whole life beside the views (attention: notifications, dial links). */
  readonly Host?: ComponentType
  /** Its section of the Settings screen. */
  readonly SettingsSection?: ComponentType
  /**
   * Its marks on a live call (recording, being listened to), in the call's row and on its card;
   * it renders nothing for a call it has nothing to say about.
   */
  readonly CallBadge?: ComponentType<CallBadgeProps>
}
