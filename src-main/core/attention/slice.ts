import type { attentionChannelNames } from '../../../src-preload/contract/attention.names'
import { ApiFailure } from '../errors/api-failure'
import { NO_POLICIES, type HandlersOf, type InvokeChannelsOf, type Slice } from '../slice'
import type { DesktopShell } from './desktop-shell'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

type AttentionChannel = InvokeChannelsOf<typeof attentionChannelNames>

export interface AttentionServices {
  /** The desktop shell; undefined in web mode. */
  readonly desktop?: DesktopShell
}

/**
 * Attention: native notifications, the tray and badge, click-to-dial links handed to the window.
 * No policies: nothing here acts on the PBX (a dial link is only shown; the dial itself is a
 * guarded calls.originate after the operator confirms it).
 */
export const attentionSlice = {
  policies: NO_POLICIES,
  handlers: (s: AttentionServices): HandlersOf<AttentionChannel> => ({
    'attention.notify': (input, ctx) => {
      if (s.desktop === undefined) throw new ApiFailure('unavailable', t('browser'))
      return { shown: s.desktop.notify(ctx.clientId, input) }
    },
    'attention.status': (input, ctx) => {
      s.desktop?.status(ctx.clientId, input)
      return { shown: s.desktop !== undefined }
    },
    'attention.shell': (_input, ctx) =>
      s.desktop?.state(ctx.clientId) ?? { desktop: false, shortcut: { accelerator: '', registered: false }, pendingDial: null },
  }),
} satisfies Slice<AttentionServices, AttentionChannel>
