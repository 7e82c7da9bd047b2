import {
  configCreateRangeInputSchema,
  configGetInputSchema,
  configListInputSchema,
  configProfileInputSchema,
  configRemoveInputSchema,
  configRestoreInputSchema,
  configRotateSecretInputSchema,
  configSaveInputSchema,
  type ConfigApplyProgress,
  type ConfigItem,
  type ConfigKindDescriptor,
  type ConfigList,
  type ConfigPending,
  type ConfigSaveResult,
  type ConfigStatus,
  type DestinationOption,
  type PendingChange,
  type RevealedSecret,
} from '../types/config'
import type { configChannelNames } from './config.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

/**
 * Configuration, one set of channels for every kind (extension, ring group, inbound route,
 * voicemail, queue members), typed by `kind`. Admins only; a read-only profile refuses every write.
 * Writes answer `invalid_input` with `ConfigInvalidDetail`, `conflict` with `ConfigConflictDetail`;
 * a batch (`config.save`) answers per item instead.
 */
export const configContract = {
  invoke: {
    /** Each kind's fields, their rules and what FreePBX's API can do with it. */
    'config.describe': channel(noInput, returns<readonly ConfigKindDescriptor[]>()),
    /** Whether the profile can be configured, and what it needs if not (module, application, scopes). */
    'config.status': channel(configProfileInputSchema, returns<ConfigStatus>()),
    'config.list': channel(configListInputSchema, returns<ConfigList>()),
    /** One object, fresh from the PBX, with the `version` to send back as `baseVersion`. */
    'config.get': channel(configGetInputSchema, returns<ConfigItem>()),
    /** What a destination picker offers: the objects that exist on the PBX now. */
    'config.destinations': channel(configProfileInputSchema, returns<readonly DestinationOption[]>()),
    /** A batch of creates and updates, each checked, re-read, written and reported on its own. */
    'config.save': channel(configSaveInputSchema, returns<ConfigSaveResult>()),
    'config.createRange': channel(configCreateRangeInputSchema, returns<ConfigSaveResult>()),
    /** Deletes an object (voicemail: disables the mailbox; queue members cannot be removed as a whole). */
    'config.remove': channel(configRemoveInputSchema, returns<PendingChange>()),
    /** Writes a change's before-image back (undo, or repair a half-written delete-and-recreate). */
    'config.restore': channel(configRestoreInputSchema, returns<PendingChange>()),
    /** A new SIP secret (generated in main unless typed): answered this once, never again. */
    'config.rotateSecret': channel(configRotateSecretInputSchema, returns<RevealedSecret>()),
    'config.pending': channel(configProfileInputSchema, returns<ConfigPending>()),
    /** Starts Apply Config; progress arrives as `config.progress` events to this window. */
    'config.apply': channel(configProfileInputSchema, returns<{ readonly applyId: string }>()),
  },
  events: {
    /** Targeted at the window that applied: started → processing → executed | failed | unknown. */
    'config.progress': returns<ConfigApplyProgress>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof configChannelNames>
