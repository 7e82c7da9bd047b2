import type { Settings, SettingsSetInput } from '../../../src-preload/types/settings'
import { ApiFailure } from '../errors/api-failure'
import { seatLabel, type AuditEntry, type AuditLog, type SeatContext } from '../audit'
import type { SettingsService } from './settings-service'
import { inEnglish } from '../../../src-preload/i18n/english'
import { say } from '../i18n'
import { strings } from './strings'

const shown = say(strings)
const english = inEnglish(strings)

export interface SettingsChangeDeps {
  readonly settings: SettingsService
  /** Cached calls (of every PBX) that a retention of `days` would remove now. */
  readonly history: { countOlderThan(days: number): Promise<number> }
  readonly audit: AuditLog
  /** The running PBX profiles, to name the seat's role in the audit line. */
  readonly runtimes: { get(profileId: string): { readonly profile: { readonly operator: { readonly role: AuditEntry['role'] } } } }
}

/** "1 cached call", "1,234 cached calls". */
export function cachedCalls(count: number): string {
  return `${count.toLocaleString('en-US')} cached call${count === 1 ? '' : 's'}`
}

const daysOf = (days: number): string => `${days.toLocaleString('en-US')} day${days === 1 ? '' : 's'}`

/** The seat's role on the PBX it shows; the least privileged when none runs. */
function seatRole(d: SettingsChangeDeps): AuditEntry['role'] {
  const active = d.settings.get().activeProfileId
  try {
    return active === null ? 'receptionist' : d.runtimes.get(active).profile.operator.role
  } catch {
    return 'receptionist'
  }
}

/**
 * settings.set. A shorter history retention deletes cached calls (the cleanup runs as soon as it
 * is saved), so a change that would remove any is refused unless the input confirms at least as
 * many removals as it would make now: a renderer asks the operator with history.retentionPreview's
 * count first; a stray or hostile frame deletes nothing. Refusals and confirmed removals are
 * audited (profile '-': the cache holds every PBX's calls).
 */
export async function changeSettings(d: SettingsChangeDeps, input: SettingsSetInput, ctx: SeatContext): Promise<Settings> {
  const { confirmHistoryRemoval: confirmed, ...patch } = input
  const days = patch.historyRetentionDays
  if (days === undefined || days === d.settings.get().historyRetentionDays) return d.settings.update(patch)
  const count = await d.history.countOlderThan(days)
  if (count === 0) return d.settings.update(patch)
  const base = { profileId: '-', role: seatRole(d), action: 'settings.historyRetention', target: daysOf(days), seat: seatLabel(ctx) }
  if (confirmed === undefined || confirmed < count) {
    // Said twice: to the operator in the console's language, to the audit in English.
    const message = (t: typeof shown): string => {
      const pieces = { days: t('days', { count: days }), calls: t('cachedCalls', { count }) }
      return confirmed === undefined ? t('confirmRemoval', pieces) : t('confirmAgain', { ...pieces, confirmed })
    }
    await d.audit.append({ ...base, result: 'refused', errorCode: 'confirm_required', rule: 'history_removal', detail: message(english) })
    throw new ApiFailure('confirm_required', message(shown), { rule: 'history_removal', days, count })
  }
  const next = d.settings.update(patch)
  await d.audit.append({ ...base, result: 'ok', detail: `removes ${cachedCalls(count)} older than ${daysOf(days)}` })
  return next
}
