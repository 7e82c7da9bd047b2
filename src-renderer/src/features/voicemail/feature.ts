import { tr } from '../../i18n'
import type { AddOn, Feature, Shortcut } from '../feature'
import { strings } from './strings'
import { VoicemailHost } from './VoicemailHost'
import { VoicemailView } from './VoicemailView'

const t = tr(strings)

/** A key of the screen; its words are read in the shown language when the help is drawn. */
const shortcut = (keys: string, does: Parameters<typeof t>[0]): Shortcut => ({
  keys,
  get does() {
    return t(does)
  },
})

/** Voicemail: every mailbox's counts, listening by phone, a mailbox's messages. */
export const voicemailFeature: Feature = {
  id: 'voicemail',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '0',
  },
  View: VoicemailView,
  shortcuts: [
    shortcut('/', 'key.search'),
    shortcut('N', 'key.onlyNew'),
    shortcut('↑ / ↓ / Home / End', 'key.select'),
    shortcut('L / Enter', 'key.listen'),
    shortcut('M', 'key.messages'),
    shortcut('Esc', 'key.close'),
  ],
  // Read in the shown language at each use (the settled-action toasts name the action).
  actionWords: {
    get 'voicemail.listen'() {
      return t('action.listen')
    },
  },
}

/** Keeps the mailboxes' counts on every screen: the lamps show "2 new". */
export const voicemailAddOn: AddOn = {
  id: 'voicemail-counts',
  get label() {
    return t('addOn')
  },
  Host: VoicemailHost,
}
