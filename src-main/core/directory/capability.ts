import { defineCapability } from '../runtime/capability'
import { Directory } from './directory'

/** The directory of one running PBX: built on first use, read from the sources its profile offers. */
export const directoryCapability = defineCapability(
  (d) =>
    new Directory({
      profileId: () => d.profile().id,
      freepbx: d.freepbx,
      amiList: d.amiList,
      onAmiEvent: d.onAmiEvent,
      onAmiReady: d.onAmiReady,
      liveModel: d.liveModel,
    }),
)
