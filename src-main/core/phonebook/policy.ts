import type { PolicyTable } from '../guard'

/**
 * The phonebook is a front-desk tool: every seat reads it, and receptionists and up add, edit,
 * remove and import contacts. A read-only profile refuses every write, whatever its role.
 */
export const PHONEBOOK_POLICIES = {
  'phonebook.read': { minRole: 'receptionist', write: false },
  'phonebook.write': { minRole: 'receptionist', write: true },
} as const satisfies PolicyTable

export type PhonebookAction = keyof typeof PHONEBOOK_POLICIES
