import type { PolicyTable } from '../guard'

/**
 * Presence and day/night change how the office's calls are routed: every seat may (the
 * receptionist switches the office to night mode every evening), none on a read-only profile.
 * Reading them is for every seat.
 */
export const PRESENCE_POLICIES = {
  'presence.read': { minRole: 'receptionist', write: false },
  'presence.dnd.set': { minRole: 'receptionist', write: true },
  'presence.forward.set': { minRole: 'receptionist', write: true },
  'presence.note.set': { minRole: 'receptionist', write: true },
  'daynight.set': { minRole: 'receptionist', write: true },
} as const satisfies PolicyTable

export type PresenceAction = keyof typeof PRESENCE_POLICIES
