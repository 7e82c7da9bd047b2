import { useEffect } from 'react'
import type { AttentionActivated, DialRequest } from '../../../../src-preload/types/attention'
import { useToastStore } from '../../stores/toast-store'
import { bridge } from '../../bridge/current'
import { useAppStore } from '../../stores/app-store'
import { useAttentionStore } from '../../stores/attention-store'
import { nameOf } from '../../stores/directory-store'
import { useLiveStore } from '../../stores/live-store'
import { lookupNumber } from '../../stores/phonebook-store'
import { setDnd, usePresenceStore } from '../../stores/presence-store'
import { runAction } from '../../actions/run-action'
import { AttentionEngine } from './attention-engine'
import { attentionAlerts, callsWaiting, type Alert } from './attention-rules'
import { browserNotification, titleWith, trayConnection, typingInDialog, windowWatched } from './deliver'
import { DialConfirm } from './DialConfirm'
import { NotificationPrompt } from './NotificationPrompt'
import { playAlertSound, unlockSoundOnFirstGesture } from './sound'
import { whoIs } from './who-is'
import './attention.css'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** The calls screen with this call selected (or the longest waiting one), in front. */
function showCall(target: AttentionActivated): void {
  useAppStore.getState().setView('calls')
  const live = useLiveStore.getState()
  if (target.callId !== undefined && live.state.calls[target.callId] !== undefined) live.select(target.callId)
  else if (live.selected === undefined) live.selectSuggested()
}

/**
 * The app's one engine. Its sinks read the settings and the shown PBX when an alert is raised
 * (never a render's copy), so a change of mind in Settings counts at once.
 */
const engine = new AttentionEngine({
  notify: (alert: Alert) => {
    const { settings, info } = useAppStore.getState()
    const profileId = useLiveStore.getState().profileId
    if (settings?.attention.notifications !== true || profileId === null || windowWatched()) return
    if (info?.mode === 'electron') {
      void bridge().invoke('attention.notify', {
        profileId,
        kind: alert.kind,
        title: alert.title.slice(0, 120),
        body: alert.body.slice(0, 300),
        ...(alert.callId === undefined ? {} : { callId: alert.callId }),
      })
    } else
      browserNotification(alert, (clicked) => {
        showCall(clicked.callId === undefined ? {} : { callId: clicked.callId })
      })
  },
  sound: () => {
    const a = useAppStore.getState().settings?.attention
    if (a !== undefined && !a.muted) playAlertSound(a.sound, a.volume)
  },
})

/** How often what deserves attention is looked at: a ringing call is told within a quarter second. */
const TICK_MS = 250

/** The seat's own extension on the shown PBX, read when acting ('' when unknown). */
function ownExtensionNow(): string {
  const { profileId, statuses } = useLiveStore.getState()
  return profileId === null ? '' : (statuses[profileId]?.ownExtension ?? '')
}

/** A number's name from the PBX's directory (an extension), else the phonebook ("Eva Fischer, Acme"). */
function knownName(number: string): string | undefined {
  const extension = nameOf(number)
  if (extension !== undefined) return t('extensionNamed', { name: extension, number })
  const contact = lookupNumber(number)?.contact
  if (contact === undefined) return undefined
  return contact.company === '' || contact.company === contact.name
    ? contact.name
    : t('contactAtCompany', { name: contact.name, company: contact.company })
}

/**
 * Getting the operator's attention, for the app's whole life beside the views: decides what
 * deserves it from the live state (attention-rules.ts), raises each alert once as a notification
 * (native through main on the desktop, the browser's in web mode) with the chosen sound, holds
 * alerts back while the operator types in a dialog, keeps the tray, badge and title current, and
 * asks before dialling a number a link or the clipboard shortcut brought.
 */
export function AttentionHost(): React.JSX.Element | null {
  const info = useAppStore((s) => s.info)
  const notifications = useAppStore((s) => s.settings?.attention.notifications)
  const dialShortcut = useAppStore((s) => s.settings?.desktop.dialShortcut)
  const dial = useAttentionStore((s) => s.dial)
  const desktop = info?.mode === 'electron'

  useEffect(() => unlockSoundOnFirstGesture(), [])

  // What deserves attention, and the tray's or the title's count, a few times a second: read from
  // the stores when due (never re-rendered per live frame: under load a frame holds thousands of calls).
  useEffect(() => {
    let sent = ''
    const tick = (): void => {
      const { settings, info: shell } = useAppStore.getState()
      const { state, health, profileId, statuses } = useLiveStore.getState()
      const ownExtension = ownExtensionNow()
      if (settings !== null) {
        const live = profileId !== null && health.stale === undefined && state.meta.status === 'live'
        const input = {
          state,
          now: Date.now(),
          ownExtension,
          settings: settings.attention,
          holdAlertSeconds: settings.holdAlertSeconds,
          ringAlertSeconds: settings.ringAlertSeconds,
        }
        engine.update(live ? attentionAlerts(input) : [], typingInDialog())
        useAttentionStore.getState().setDeferred(engine.deferred)
      }
      if (shell === null) return
      const waiting = callsWaiting(state)
      // The seat's phone on do not disturb, as the PBX says (null: it says nothing, the tray offers no switch).
      const dnd = ownExtension === '' ? null : (usePresenceStore.getState().extensions[ownExtension]?.dnd ?? null)
      const pbx = profileId === null ? '' : (statuses[profileId]?.name ?? '').slice(0, 80)
      const status = { connection: trayConnection(profileId, state.meta, health), waiting, pbx, dnd }
      const key = JSON.stringify(status)
      if (key === sent) return
      sent = key
      if (shell.mode === 'electron') void bridge().invoke('attention.status', status)
      else document.title = titleWith(waiting)
    }
    tick()
    const timer = setInterval(tick, TICK_MS)
    return () => {
      clearInterval(timer)
    }
  }, [])

  // Leaving a dialog's field raises what waited (focus moves, or the dialog closes).
  useEffect(() => {
    const onFocusChange = (): void => {
      // After the focus settled: focusout fires before the next element has it.
      setTimeout(() => {
        if (!typingInDialog()) {
          engine.resume()
          useAttentionStore.getState().setDeferred(engine.deferred)
        }
      }, 0)
    }
    document.addEventListener('focusout', onFocusChange)
    return () => {
      document.removeEventListener('focusout', onFocusChange)
    }
  }, [])

  // Clicks on native notifications and the tray, and numbers from links or the dial shortcut.
  useEffect(() => {
    const offActivated = bridge().on('attention.activated', showCall)
    const offDial = bridge().on('attention.dialRequest', (request) => {
      if (request.kind === 'dial') useAttentionStore.getState().offerDial(request)
      else useToastStore.getState().push('error', t('nothingDialled', { reason: request.reason }))
    })
    // The tray's DND switch: done here, as the lamp menu does it, through main's guard and audit.
    const offTray = bridge().on('attention.trayAction', () => {
      // The one tray action there is: do not disturb, switched.
      const ext = useLiveStore.getState().profileId === null ? '' : ownExtensionNow()
      const on = ext === '' ? undefined : usePresenceStore.getState().extensions[ext]?.dnd
      const pending = on === undefined ? undefined : setDnd(ext, !on)
      if (pending !== undefined) void runAction(pending)
    })
    return () => {
      offActivated()
      offDial()
      offTray()
    }
  }, [])

  // What the shell offers: at start (a link the desktop app was started with waited in main until
  // this window could take it), and again when the dial shortcut changed (is it registered?).
  useEffect(() => {
    void bridge()
      .invoke('attention.shell')
      .then((r) => {
        if (!r.ok) return
        useAttentionStore.getState().setShell(r.value)
        const pending = r.value.pendingDial
        if (pending?.kind === 'dial') useAttentionStore.getState().offerDial(pending)
        else if (pending?.kind === 'refused') useToastStore.getState().push('error', t('nothingDialled', { reason: pending.reason }))
      })
  }, [dialShortcut])

  return (
    <>
      {!desktop && info !== null && notifications === true && <NotificationPrompt />}
      {dial !== null && <DialQuestion key={dial.id} request={dial} />}
    </>
  )
}

/** The dial confirmation for the PBX shown now, with who the number is when the console knows. */
function DialQuestion({ request }: { request: Extract<DialRequest, { kind: 'dial' }> }): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const pbxName = useLiveStore((s) => (s.profileId === null ? '' : (s.statuses[s.profileId]?.name ?? '')))
  const ownExtension = useLiveStore((s) => (s.profileId === null ? '' : (s.statuses[s.profileId]?.ownExtension ?? '')))
  return (
    <DialConfirm
      request={request}
      who={whoIs(request.number, useLiveStore.getState().state, knownName)}
      profile={profileId === null ? undefined : { id: profileId, name: pbxName === '' ? profileId : pbxName }}
      ownExtension={ownExtension}
      onClose={() => {
        useAttentionStore.getState().closeDial()
      }}
    />
  )
}
