import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { sleep } from '../../support/wait'

/** The independent npm library `asterisk-manager` (a third-party client) against the demo. */
interface ThirdPartyAmi {
  on(event: string, cb: (evt: Record<string, string>) => void): void
  action(action: Record<string, string>, cb: (err: unknown, res: Record<string, string> | undefined) => void): void
  disconnect(): void
}
type AmiFactory = (port: number, host: string, user: string, secret: string, events: boolean) => ThirdPartyAmi

const require = createRequire(import.meta.url)
const makeAmi = require('asterisk-manager') as AmiFactory

let pbx: DemoPbx | undefined
afterEach(async () => {
  await pbx?.stop()
  pbx = undefined
})

function act(ami: ThirdPartyAmi, action: Record<string, string>): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    ami.action(action, (err, res) => {
      if (err) reject(new Error(JSON.stringify(err)))
      else resolve(res ?? {})
    })
  })
}

describe('third-party AMI library against the demo PBX', () => {
  it('logs in, lists channels, originates and hangs up', async () => {
    pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0, seed: 3 })
    const ami = makeAmi(pbx.ami.port, '127.0.0.1', 'demo', 'demo', true)
    const events: Record<string, string>[] = []
    ami.on('managerevent', (e) => events.push(e))
    try {
      const ping = await act(ami, { action: 'Ping' })
      expect(ping.response).toBe('Success')
      const orig = await act(ami, {
        action: 'Originate',
        channel: 'PJSIP/101',
        context: 'from-internal',
        exten: '102',
        priority: '1',
        async: 'true',
        callerid: '"Test" <101>',
      })
      expect(orig.message).toBe('Originate successfully queued')
      // Phone 101 rings until answered; answer it, then 102 rings: answer too.
      await sleep(100)
      const ringing101 = pbx.engine.ringingChannels()[0]
      expect(ringing101?.name).toMatch(/^PJSIP\/101-[0-9a-f]{8}$/)
      pbx.answer(ringing101?.uniqueid ?? '')
      await sleep(100)
      const ringing102 = pbx.engine.ringingChannels()[0]
      expect(ringing102?.name).toMatch(/^PJSIP\/102-/)
      pbx.answer(ringing102?.uniqueid ?? '')
      await sleep(100)
      const list = await act(ami, { action: 'CoreShowChannels' })
      expect(list.eventlist).toBe('start')
      await sleep(100)
      const items = events.filter((e) => e.event === 'CoreShowChannel')
      expect(items.length).toBe(2)
      expect(events.some((e) => e.event === 'CoreShowChannelsComplete' && e.listitems === '2')).toBe(true)
      expect(events.some((e) => e.event === 'OriginateResponse' && e.response === 'Success')).toBe(true)
      const hang = await act(ami, { action: 'Hangup', channel: ringing101?.name ?? '' })
      expect(hang.message).toBe('Channel Hungup')
      await sleep(100)
      const newchannels = events.filter((e) => e.event === 'Newchannel').length
      const hangups = events.filter((e) => e.event === 'Hangup').length
      expect(newchannels).toBe(2)
      expect(hangups).toBe(2)
      expect(events.filter((e) => e.event === 'Cdr').length).toBe(1)
      expect(pbx.engine.channels.size).toBe(0)
    } finally {
      ami.disconnect()
    }
  })
})
