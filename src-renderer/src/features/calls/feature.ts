import { tr } from '../../i18n'
import type { Feature, Shortcut } from '../feature'
import { CallsView } from './CallsView'
import { strings } from './strings'

const t = tr(strings)
type Key = Parameters<typeof t>[0]

/** A key of the screen; its words are read in the shown language when the help is drawn. */
const shortcut = (keys: string, does: Key): Shortcut => ({
  keys,
  get does() {
    return t(does)
  },
})

/** A key named in words ('Arrows (on a lamp)'): the name is translated too. */
const namedShortcut = (keys: Key, does: Key): Shortcut => ({
  get keys() {
    return t(keys)
  },
  get does() {
    return t(does)
  },
})

/** The actions' names in toasts (settled outcomes), read in the shown language at each use. */
function actionWords(words: Readonly<Record<string, Key>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [action, key] of Object.entries(words)) Object.defineProperty(out, action, { enumerable: true, get: () => t(key) })
  return out
}

/** The receptionist console: live calls, the call card, the lamps, parked calls, the dial box. */
export const callsFeature: Feature = {
  id: 'calls',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '1',
  },
  View: CallsView,
  // CallsView binds the add-ons' keys on the selected call (directed pickup's G, supervision's L …).
  hostsCallKeys: true,
  // CallsView binds these keys (its keyboard map); the help lists them in this order.
  shortcuts: [
    shortcut('/', 'key.search'),
    shortcut('D', 'key.dial'),
    shortcut('↑ / ↓', 'key.move'),
    shortcut('Home / End', 'key.ends'),
    shortcut('Enter', 'key.suggested'),
    shortcut('H', 'key.hangup'),
    shortcut('T', 'key.transfer'),
    shortcut('A', 'key.attended'),
    shortcut('C / X', 'key.complete'),
    shortcut('P', 'key.park'),
    shortcut('U', 'key.pickup'),
    shortcut('V', 'key.voicemail'),
    shortcut('[ / ]', 'key.groups'),
    namedShortcut('key.arrowsOnLamp', 'key.lampArrows'),
    namedShortcut('key.enterOnLamp', 'key.lampEnter'),
    namedShortcut('key.menuKey', 'key.lampMenu'),
    shortcut('?', 'key.help'),
    shortcut('Esc', 'key.escape'),
  ],
  actionWords: actionWords({
    'call.hangup': 'action.hangup',
    'call.transfer.blind': 'action.transfer',
    'call.transfer.voicemail': 'action.voicemail',
    'call.transfer.attended': 'action.attended',
    'call.transfer.complete': 'action.complete',
    'call.transfer.cancel': 'action.cancel',
    'call.originate': 'action.originate',
    'call.park': 'action.park',
    'call.pickup': 'action.pickup',
  }),
}
