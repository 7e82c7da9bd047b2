/**
 * Every domain slice the console has, one line each: its handlers become the contract's handlers
 * (handlers.ts), its policies the console's list of guarded actions (action-policies.ts). A slice
 * missing here leaves channels without a handler: a compile error in handlers.ts.
 */
import { attentionSlice } from '../attention/slice'
import { auditSlice } from '../audit/slice'
import { callsSlice } from '../calls/slice'
import { historySlice } from '../cdr/slice'
import { configSlice } from '../config/slice'
import { connectionsSlice } from '../connection/slice'
import { directorySlice } from '../directory/slice'
import { liveSlice } from '../live/slice'
import { phonebookSlice } from '../phonebook/slice'
import { pickupSlice } from '../pickup/slice'
import { presenceSlice } from '../presence/slice'
import { profilesSlice } from '../profiles/slice'
import { queuesSlice } from '../queues/slice'
import { reportsSlice } from '../reports/slice'
import { appSlice } from '../settings/slice'
import { supervisionSlice } from '../supervision/slice'
import { updatesSlice } from '../updates/slice'
import { voicemailSlice } from '../voicemail/slice'
import { webAccessSlice } from '../web-access/slice'
import { pbxClockSlice } from '../pbx-clock/slice'

export const slices = [
  appSlice,
  profilesSlice,
  auditSlice,
  connectionsSlice,
  liveSlice,
  callsSlice,
  queuesSlice,
  pickupSlice,
  presenceSlice,
  historySlice,
  configSlice,
  phonebookSlice,
  attentionSlice,
  directorySlice,
  supervisionSlice,
  webAccessSlice,
  pbxClockSlice,
  reportsSlice,
  updatesSlice,
  voicemailSlice,
] as const

export type AnySlice = (typeof slices)[number]
/** One type from a union of object types: every member's keys at once. */
export type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never
