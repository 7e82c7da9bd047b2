import { invokeChannels, isInvokeChannel } from '../../../src-preload/contract'
import { profileIdSchema } from '../../../src-preload/types/profile-id'
import type { PbxProfile } from '../../../src-preload/types/profile'
import { seatLabel, type AuditLog } from '../audit'
import type { CallContext, Dispatch } from '../slice'

/** The audit action of each phonebook write, as the service's own lines name it. */
const WRITES: Readonly<Record<string, string>> = {
  'phonebook.save': 'phonebook.save',
  'phonebook.remove': 'phonebook.remove',
  'phonebook.importStage': 'phonebook.import',
  'phonebook.importPreview': 'phonebook.import',
  'phonebook.importCommit': 'phonebook.import',
}

/**
 * A phonebook write refused by the contract's schema (a hidden direction mark in a name, a control
 * character in a number, an unknown key) never reaches the service, yet it is an attempt to
 * change the phonebook: it gets an audit line like every refusal there, with the seat's real role
 * when the input names a profile it can be read from.
 */
export function auditPhonebookEdgeRefusals(
  dispatch: Dispatch,
  deps: { readonly audit: AuditLog; readonly profileOf: (profileId: string) => Promise<PbxProfile | undefined> },
): Dispatch {
  const audited = async (channel: string, input: unknown, ctx: CallContext): Promise<Awaited<ReturnType<Dispatch>>> => {
    const result = await dispatch(channel, input, ctx)
    const action = WRITES[channel]
    if (result.ok || result.error.code !== 'invalid_input' || action === undefined || !isInvokeChannel(channel)) return result
    // Only what the schema refused: the service audits its own refusals.
    if (invokeChannels[channel].input.safeParse(input).success) return result
    const claimed = typeof input === 'object' && input !== null && 'profileId' in input ? input.profileId : undefined
    const profileId = profileIdSchema.safeParse(claimed).success ? (claimed as string) : undefined
    const profile = profileId === undefined ? undefined : await deps.profileOf(profileId).catch(() => undefined)
    await deps.audit.append({
      profileId: profile?.id ?? '-',
      role: profile?.operator.role ?? 'system',
      action,
      target: '',
      result: 'refused',
      errorCode: 'invalid_input',
      detail: result.error.message,
      seat: seatLabel(ctx),
      ...(profile === undefined ? {} : { operator: profile.operator.ownExtension }),
    })
    return result
  }
  return audited as Dispatch
}
