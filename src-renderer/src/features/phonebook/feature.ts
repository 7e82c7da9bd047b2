import { tr } from '../../i18n'
import type { Feature, Shortcut } from '../feature'
import { PhonebookView } from './PhonebookView'
import { strings } from './strings'

const t = tr(strings)

/** A key of the screen; its words are read in the shown language when the help is drawn. */
const shortcut = (keys: string, does: Parameters<typeof t>[0]): Shortcut => ({
  keys,
  get does() {
    return t(does)
  },
})

/** Phonebook: external contacts on this computer, searched, edited, imported from CSV and vCard, dialled. */
export const phonebookFeature: Feature = {
  id: 'phonebook',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '7',
  },
  View: PhonebookView,
  // PhonebookView binds these keys; the help lists them in this order.
  shortcuts: [
    shortcut('/', 'key.search'),
    shortcut('↓ / ↑', 'key.list'),
    shortcut('Enter', 'key.open'),
    shortcut('N', 'key.new'),
    shortcut('I', 'key.import'),
    shortcut('Ctrl+Enter', 'key.save'),
    shortcut('Delete', 'key.delete'),
    shortcut('Esc', 'key.close'),
  ],
}
