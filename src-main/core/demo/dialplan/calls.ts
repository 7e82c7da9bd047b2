/**
 * Where calls come from: a trunk's inbound call, a phone dialling, and what a dial string
 * (`Local/…@…`, `PJSIP/101`, `PJSIP/trunk/0301234`) reaches.
 */
import type { Phone } from '../config/config-state'
import type { Channel } from '../model'
import type { Pbx } from '../pbx/pbx'

export type DialTarget =
  | { readonly kind: 'local'; readonly exten: string; readonly context: string; readonly suffix: string }
  | { readonly kind: 'phone'; readonly phone: Phone }
  | { readonly kind: 'trunk'; readonly trunk: string; readonly tech: string; readonly number: string }

export class Calls {
  constructor(private readonly pbx: Pbx) {}

  /** Parses a dial string into what it reaches. */
  resolveDialString(dial: string): DialTarget | undefined {
    const local = /^Local\/([^@/]+)@([^/]+)(\/n)?$/i.exec(dial)
    if (local?.[1] !== undefined && local[2] !== undefined) return { kind: 'local', exten: local[1], context: local[2], suffix: local[3] ?? '' }
    const ep = /^(PJSIP|SIP|IAX2)\/([^/]+)(?:\/(.+))?$/i.exec(dial)
    if (ep?.[1] === undefined || ep[2] === undefined) return undefined
    const trunk = this.pbx.config.trunk(ep[2])
    if (trunk) return { kind: 'trunk', trunk: trunk.name, tech: trunk.tech, number: ep[3] ?? '' }
    const phone = this.pbx.config.phoneOnDevice(`${ep[1]}/${ep[2]}`)
    return phone ? { kind: 'phone', phone } : undefined
  }

  /**
   * Places an inbound call from a trunk: the channel arrives in the trunk's context with the
   * caller's number already set (as the captured IAX2 trunk's Newchannel shows).
   */
  inbound(trunkName: string, did: string, callerNum: string, callerName: string): Channel | undefined {
    const trunk = this.pbx.config.trunk(trunkName)
    if (!trunk) return undefined
    const { channels } = this.pbx
    const ch = channels.make({
      name: channels.endpointName(trunk.tech, trunk.name),
      tech: trunk.tech,
      device: `${trunk.tech}/${trunk.name}`,
      state: 4,
      context: trunk.inboundContext,
      exten: did,
      callerNum,
      callerName,
    })
    ch.cdr.src = callerNum
    this.pbx.processedCalls++
    channels.announce(ch)
    this.pbx.dialplan.run(ch, trunk.inboundContext, did)
    return ch
  }

  /** An internal call from a phone: the phone's channel dials `exten` in its context. */
  fromPhone(fromExten: string, exten: string): Channel | undefined {
    const phone = this.pbx.config.phones.get(fromExten)
    if (!phone) return undefined
    if (phone.device.startsWith('Local/')) {
      const res = this.pbx.originates.originate({
        channel: `Local/${fromExten}@${phone.context}`,
        context: phone.context,
        exten,
        callerNum: fromExten,
        callerName: phone.name,
      })
      return res.channel
    }
    const ch = this.pbx.channels.endpoint(fromExten, phone.device, 'PJSIP', 4, phone.context, exten)
    this.pbx.processedCalls++
    this.pbx.channelEvents.setCallerId(ch, fromExten, phone.name)
    ch.cdr.src = fromExten
    this.pbx.devices.update(phone.device)
    this.pbx.dialplan.run(ch, phone.context, exten)
    return ch
  }
}
