import type { HistoryRetentionPreview } from '../../../../src-preload/types/history'
import type { ApiError } from '../../../../src-preload/types/result'
import { bridge } from '../../bridge/current'
import { tr } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { useToastStore } from '../../stores/toast-store'
import { strings } from './strings'

const t = tr(strings)

/** Asks the operator whether to remove `count` cached calls; resolves true to go ahead. */
export type AskRemoval = (preview: HistoryRetentionPreview) => Promise<boolean>

/** How often main may say "more than you confirmed" (calls aging past the cutoff) before giving up. */
const MAX_ASKS = 3

/** The count main names when it wants (another) confirmation, else undefined. */
function countToConfirm(error: ApiError): number | undefined {
  if (error.code !== 'confirm_required' || typeof error.detail !== 'object' || error.detail === null) return undefined
  const count = (error.detail as { count?: unknown }).count
  return typeof count === 'number' ? count : undefined
}

/**
 * Saves a new history retention. A retention that would remove cached calls is saved only after
 * the operator confirmed the count main gives (history.retentionPreview), and main is told that
 * count, so it deletes nothing more than was agreed (it asks again if more calls aged past the
 * cutoff meanwhile). Resolves true once saved, false when cancelled or refused.
 */
export async function changeRetention(days: number, ask: AskRemoval): Promise<boolean> {
  const preview = await bridge().invoke('history.retentionPreview', { days })
  if (!preview.ok) {
    useToastStore.getState().push('error', t('retentionFailed', { reason: preview.error.message }))
    return false
  }
  let count = preview.value.count
  for (let asked = 0; asked < MAX_ASKS; asked++) {
    if (count > 0 && !(await ask({ days, count }))) return false
    const error = await useAppStore.getState().updateSettings({ historyRetentionDays: days }, count > 0 ? count : undefined)
    if (error === null) return true
    const more = countToConfirm(error)
    if (more === undefined) return false
    count = more
  }
  return false
}
