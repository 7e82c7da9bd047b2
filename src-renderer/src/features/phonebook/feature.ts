import type { Feature } from '../feature'
import { PhonebookView } from './PhonebookView'

/** Phonebook: external contacts on this computer, searched, edited, imported from CSV and vCard, dialled. */
export const phonebookFeature: Feature = {
  id: 'phonebook',
  nav: { label: 'Phonebook', altKey: '7' },
  View: PhonebookView,
  // PhonebookView binds these keys; the help lists them in this order.
  shortcuts: [
    { keys: '/', does: 'Search names, companies, numbers and notes' },
    { keys: '↓ / ↑', does: 'Into the list, then the next / previous contact' },
    { keys: 'Enter', does: 'Open the contact' },
    { keys: 'N', does: 'New contact' },
    { keys: 'I', does: 'Import a CSV or vCard file (or drop one on the list)' },
    { keys: 'Ctrl+Enter', does: 'Save the open contact' },
    { keys: 'Delete', does: 'Delete the open contact (asks first)' },
    { keys: 'Esc', does: 'Leave a field, then close the contact' },
  ],
}
