import { createContext, useContext } from 'react'
import { ModalDialog } from './ModalDialog'
import type { HelpSection, Shortcut } from '../features/feature'
import { type Column, Table } from './table'
import { strings as common } from '../../../src-preload/i18n/strings/common'
import { tr } from '../i18n'
import { strings } from './strings'

/**
 * The keyboard help's sections, provided by the app shell from the features' own shortcut lists,
 * so a view that opens the help never has to know the other views' keys.
 */
export const HelpSectionsContext = createContext<readonly HelpSection[]>([])

const t = tr(strings)
const c = tr(common)

/** The help's columns, made when it opens (their headers are in the shown language). */
const keyColumns = (): readonly Column<Shortcut>[] => [
  { key: 'keys', header: t('help.key'), cell: (s) => <kbd>{s.keys}</kbd> },
  { key: 'does', header: t('help.does'), cell: (s) => s.does },
]

export function HelpOverlay({ onClose }: { onClose: () => void }): React.JSX.Element {
  const sections = useContext(HelpSectionsContext)
  const columns = keyColumns()
  return (
    <ModalDialog label={t('help.title')} className="help-overlay" onClose={onClose} escapeBubbles>
      <h2>{t('help.title')}</h2>
      {sections.map((section) => (
        <Table
          key={section.title}
          label={t('help.sectionKeys', { section: section.title })}
          caption={section.title}
          columns={columns}
          rows={section.shortcuts}
          rowKey={(s) => s.keys}
        />
      ))}
      <div className="buttons">
        <button type="button" autoFocus onClick={onClose}>
          {c('close')}
        </button>
      </div>
    </ModalDialog>
  )
}
