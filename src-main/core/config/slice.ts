import type { configChannelNames } from '../../../src-preload/contract/config.names'
import type { ConfigApplyProgress, ConfigKind } from '../../../src-preload/types/config'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { startApply, type ApplyTiming } from './apply'
import { directoryCapability } from '../directory/capability'
import { configCapability } from './capability'
import { describeKinds } from './descriptors'
import { PendingChanges } from './pending'
import { CONFIG_POLICIES } from './policy'
import { ConfigService } from './service'

type ConfigChannel = InvokeChannelsOf<typeof configChannelNames>

export interface ConfigServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
  /** Apply progress goes to the window or socket that applied. */
  readonly bus: { sendTo(clientId: string, channel: 'config.progress', payload: ConfigApplyProgress): void }
  /** Tests shorten the apply polling. */
  readonly configApplyTiming?: Partial<ApplyTiming>
}

/**
 * Configuration (issue 17): admins read and edit the PBX's configuration through its API and
 * apply it. The pending batch lives here, for the whole console: a profile's runtime restarting
 * does not lose it.
 */
export const configSlice = {
  policies: CONFIG_POLICIES,
  handlers: (s: ConfigServices): HandlersOf<ConfigChannel> => {
    const pending = new PendingChanges()
    const service = (profileId: string): ConfigService => {
      const ports = s.runtimes.get(profileId).use(configCapability)
      return new ConfigService({ ...ports, pending })
    }
    return {
      'config.describe': () => describeKinds(),
      'config.status': ({ profileId }, ctx) => service(profileId).status(ctx),
      'config.list': ({ profileId, kind }, ctx) => service(profileId).list<ConfigKind>(kind, ctx),
      'config.get': ({ profileId, kind, id }, ctx) => service(profileId).get<ConfigKind>(kind, id, ctx),
      'config.destinations': ({ profileId }, ctx) => service(profileId).destinations(ctx),
      'config.save': ({ profileId, changes }, ctx) => service(profileId).save(changes, ctx),
      'config.createRange': ({ profileId, range }, ctx) => service(profileId).createRange(range, ctx),
      'config.remove': ({ profileId, kind, id, baseVersion }, ctx) => service(profileId).remove(kind, id, baseVersion, ctx),
      'config.restore': ({ profileId, changeId }, ctx) => service(profileId).restore(changeId, ctx),
      'config.rotateSecret': ({ profileId, extension, baseVersion, secret }, ctx) =>
        service(profileId).rotateSecret(extension, baseVersion, secret, ctx),
      'config.pending': ({ profileId }, ctx) => service(profileId).pendingView(ctx),
      'config.apply': ({ profileId }, ctx) => {
        const ports = s.runtimes.get(profileId).use(configCapability)
        return startApply(
          {
            ...ports,
            pending,
            send: (clientId, progress) => {
              s.bus.sendTo(clientId, 'config.progress', progress)
              // Applied: the PBX runs the new configuration, so names may have changed.
              if (progress.state === 'executed') s.runtimes.get(profileId).use(directoryCapability).reloadSoon()
            },
            ...(s.configApplyTiming === undefined ? {} : { timing: s.configApplyTiming }),
          },
          ctx,
        )
      },
    }
  },
} satisfies Slice<ConfigServices, ConfigChannel>
