import type { StringsFragment } from '../../../src-preload/i18n/catalogue'
import { strings as common } from '../../../src-preload/i18n/strings/common'
import { strings as actionsMain } from '../actions/strings'
import { strings as callsMain } from '../calls/strings'
import { strings as guardMain } from '../guard/strings'
import { strings as supervisionScope } from '../../../src-preload/i18n/strings/supervision'
import { strings as sharedShortcut } from '../../../src-preload/i18n/strings/shortcut'
import { strings as sharedCallFlow } from '../../../src-preload/i18n/strings/call-flow'
import { strings as sharedClock } from '../../../src-preload/i18n/strings/pbx-clock'
import { strings as sharedUpdates } from '../../../src-preload/i18n/strings/updates'
import { strings as sharedInput } from '../../../src-preload/i18n/strings/input'
import { strings as configCore } from '../config/strings'
import { strings as freepbxConfig } from '../freepbx/config/strings'
import { strings as freepbxMain } from '../freepbx/strings'
import { strings as amiMain } from '../ami/strings'
import { strings as ariMain } from '../ari/strings'
import { strings as netMain } from '../net/strings'
import { strings as phonebookMain } from '../phonebook/strings'
import { strings as pickupMain } from '../pickup/strings'
import { strings as reportsMain } from '../reports/strings'
import { strings as supervisionMain } from '../supervision/strings'
import { strings as voicemailMain } from '../voicemail/strings'
import { strings as connectionMain } from '../connection/strings'
import { strings as runtimeMain } from '../runtime/strings'
import { strings as queuesMain } from '../queues/strings'
import { strings as presenceMain } from '../presence/strings'
import { strings as attentionMain } from '../attention/strings'
import { strings as directoryMain } from '../directory/strings'
import { strings as profilesMain } from '../profiles/strings'
import { strings as settingsMain } from '../settings/strings'
import { strings as webAccessMain } from '../web-access/strings'
import { strings as updatesMain } from '../updates/strings'
import { strings as cdrMain } from '../cdr/strings'
import { strings as pbxClockMain } from '../pbx-clock/strings'

/**
 * Main's catalogue fragments of the core domains, taken in at start. Any other fragment (the shells'
 * own in src-main/electron and src-main/web, the API layer's, which no core domain may import) joins
 * the catalogue the first time `say` is given it; test/unit/i18n/catalogue.test.ts checks them all.
 */
export const MAIN_FRAGMENTS: readonly StringsFragment[] = [
  common,
  configCore,
  freepbxConfig,
  freepbxMain,
  amiMain,
  ariMain,
  netMain,
  phonebookMain,
  pickupMain,
  reportsMain,
  supervisionScope,
  sharedShortcut,
  sharedCallFlow,
  sharedClock,
  sharedUpdates,
  sharedInput,
  supervisionMain,
  callsMain,
  actionsMain,
  guardMain,
  voicemailMain,
  connectionMain,
  runtimeMain,
  queuesMain,
  presenceMain,
  attentionMain,
  directoryMain,
  profilesMain,
  settingsMain,
  webAccessMain,
  updatesMain,
  cdrMain,
  pbxClockMain,
]
