import { tr } from '../../i18n'
import type { Feature } from '../feature'
import { AdminView } from './AdminView'
import { strings } from './strings'

const t = tr(strings)

/** The first-run step, PBX profiles, the admin passphrase and the audit log. */
export const adminFeature: Feature = {
  id: 'admin',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '4',
  },
  View: AdminView,
}
