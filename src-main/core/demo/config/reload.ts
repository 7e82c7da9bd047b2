/**
 * Apply Config on the live side: when the simulated FreePBX's reload completes (or the voicemail
 * module reloads on its own), the PBX reloads the modules whose configuration changed, in the order
 * and with the events config-objects.raw shows for queues and voicemail:
 * - extensions: a new extension's PJSIP endpoint and hint exist at once (its device UNAVAILABLE, so
 *   the hint reports ExtensionStatus Unavailable), and its phone registers a moment later
 *   (NOT_INUSE, ExtensionStatus Idle): it shows on the console's lamps and can be dialled. A deleted
 *   extension's phone and hint are gone; Asterisk tells AMI clients nothing for a removed hint (its
 *   manager callback is not one of the hint's own watchers, as we read pbx.c), so a console learns it
 *   from ExtensionStateList after `Reload` (pbx_config.so).
 * - ring groups and inbound routes: the dialplan (office.ts) reads the applied copy, so the next
 *   call follows them; calls in progress keep the route they took.
 * - queues: static members (Queues.reloadStatic); voicemail: mailboxes (Voicemail.reload).
 */
import type { ConfigPart } from './freepbx-config'
import { PRIV_SYSTEM } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

/** How long a new extension's phone takes to register after the reload. */
export const PHONE_REGISTER_DELAY_MS = 1000

export class ConfigReload {
  constructor(private readonly pbx: Pbx) {}

  apply(parts: ReadonlySet<ConfigPart>): void {
    const { pbx } = this
    pbx.reloadedMs = pbx.now()
    if (parts.has('extensions')) this.reloadEndpoints()
    if (parts.has('extensions') || parts.has('ringGroups') || parts.has('inboundRoutes') || parts.has('queues')) this.reloaded('pbx_config.so')
    if (parts.has('queues') || parts.has('extensions')) {
      pbx.queues.reloadStatic()
      this.reloaded('app_queue.so')
    }
    if (parts.has('voicemail')) pbx.voicemail.reload()
  }

  private reloaded(module: string): void {
    this.pbx.events.emit('Reload', PRIV_SYSTEM, [
      ['Module', module],
      ['Status', '0'],
    ])
  }

  private reloadEndpoints(): void {
    const { pbx } = this
    const { added, removed } = pbx.config.reloadPhones()
    for (const ph of removed) pbx.devices.states.delete(ph.device)
    this.reloaded('res_pjsip.so')
    const unregistered = pbx.config.freepbx?.unregistered
    for (const ph of added) {
      pbx.devices.update(ph.device)
      if (unregistered?.has(ph.exten) === true) continue
      pbx.scheduler.schedule(PHONE_REGISTER_DELAY_MS, () => {
        // Deleted again before it registered: nothing to do.
        if (pbx.config.phones.get(ph.exten) !== ph) return
        ph.registered = true
        pbx.devices.update(ph.device)
      })
    }
  }
}
