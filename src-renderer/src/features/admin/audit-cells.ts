import type { AuditEntryView } from '../../../../src-preload/types/audit'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * Who acted, as the audit table shows it: the window or socket and the operator's extension
 * ("web socket 5 · ext 100"); the app's own actions have neither.
 */
export function seatCell(e: AuditEntryView): string {
  const parts = [e.seat, e.operator === undefined || e.operator === '' ? undefined : t('audit.extension', { extension: e.operator })]
  const shown = parts.filter((p): p is string => p !== undefined && p !== '')
  return shown.length > 0 ? shown.join(' · ') : e.role === 'system' ? t('audit.theApp') : '—'
}

/** Why it ended as it did: the rule, the error code and the plain-words detail, each once. */
export function reasonCell(e: AuditEntryView): string {
  return [e.rule, e.errorCode, e.detail].filter((x): x is string => x !== undefined && x !== '').join(' · ')
}
