import { tr } from '../../i18n'
import type { Feature } from '../feature'
import { ConfigView } from './ConfigView'
import { strings } from './strings'

const t = tr(strings)

/** Admin → Configuration: the PBX's extensions, ring groups, inbound routes, voicemail and queue members, and Apply. */
export const configFeature: Feature = {
  id: 'config',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '5',
  },
  View: ConfigView,
  // ConfigView binds these keys; the help lists them in this order.
  shortcuts: [
    {
      keys: '/',
      get does() {
        return t('sc.search')
      },
    },
    {
      keys: '↓ / ↑',
      get does() {
        return t('sc.rows')
      },
    },
    {
      keys: 'Enter',
      get does() {
        return t('sc.open')
      },
    },
    {
      keys: 'Esc',
      get does() {
        return t('sc.escape')
      },
    },
    {
      keys: 'N',
      get does() {
        return t('sc.new')
      },
    },
    {
      keys: 'Delete',
      get does() {
        return t('sc.delete')
      },
    },
    {
      keys: '1 … 5',
      get does() {
        return t('sc.lists')
      },
    },
    {
      keys: 'R',
      get does() {
        return t('sc.reload')
      },
    },
    {
      keys: '?',
      get does() {
        return t('sc.help')
      },
    },
  ],
}
