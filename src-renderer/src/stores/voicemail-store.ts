import { create } from 'zustand'
import type { MailboxView, VoicemailState } from '../../../src-preload/types/voicemail'
import { bridge } from '../bridge/current'

/**
 * The mailboxes of the PBX the window shows and their counts: main's `voicemail.watch` answer,
 * then each `voicemail.changed`. Lamps find their extension's box by its number.
 */
interface VoicemailStore {
  readonly state: VoicemailState | undefined
  /** Mailboxes by number (`104`), the `default` context's first when a number is in several. */
  readonly byNumber: Readonly<Record<string, MailboxView>>
  watch: (profileId: string) => Promise<void>
  receive: (state: VoicemailState) => void
}

function byNumberOf(state: VoicemailState | undefined): Record<string, MailboxView> {
  const out: Record<string, MailboxView> = {}
  for (const m of state?.mailboxes ?? []) {
    const before = out[m.mailbox]
    if (before === undefined || (before.context !== 'default' && m.context === 'default')) out[m.mailbox] = m
  }
  return out
}

export const useVoicemailStore = create<VoicemailStore>((set, get) => ({
  state: undefined,
  byNumber: {},
  watch: async (profileId) => {
    if (get().state?.profileId !== profileId) set({ state: undefined, byNumber: {} })
    const r = await bridge().invoke('voicemail.watch', { profileId })
    if (r.ok) set({ state: r.value, byNumber: byNumberOf(r.value) })
  },
  receive: (state) => {
    const shown = get().state
    if (shown === undefined || shown.profileId === state.profileId) set({ state, byNumber: byNumberOf(state) })
  },
}))

let listening = false

/** Follows main's pushes (once per window). */
export function followVoicemail(): void {
  if (listening) return
  listening = true
  bridge().on('voicemail.changed', (state) => {
    useVoicemailStore.getState().receive(state)
  })
}
