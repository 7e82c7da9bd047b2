import type { Feature } from '../feature'
import { AdminView } from './AdminView'

/** The first-run step, PBX profiles, the admin passphrase and the audit log. */
export const adminFeature: Feature = {
  id: 'admin',
  nav: { label: 'Admin', altKey: '4' },
  View: AdminView,
}
