import { freepbxConfigBackend } from '../freepbx/config/backend'
import { type CapabilityDeps, defineCapability } from '../runtime/capability'
import type { ConfigBackend } from './backend'

/** What one runtime gives the configuration service: its profile, its audit and its PBX's backend. */
export interface ConfigPorts {
  readonly profile: CapabilityDeps['profile']
  readonly audit: CapabilityDeps['audit']
  readonly backend: ConfigBackend | undefined
}

/**
 * The FreePBX configuration backend of one runtime (through the session's breaker); undefined when
 * the profile has no FreePBX API. Members logged in now are changed over the runtime's AMI port.
 */
export const configCapability = defineCapability((d): ConfigPorts => ({
  profile: d.profile,
  audit: d.audit,
  backend:
    d.freepbx === undefined
      ? undefined
      : freepbxConfigBackend({
          run: d.freepbx,
          live: {
            queue: (number, name) => d.liveModel()?.queues[number] ?? d.liveModel()?.queues[name],
            ami: d.ami,
            amiReady: d.amiReady,
          },
        }),
}))
