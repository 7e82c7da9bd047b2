import { afterEach, describe, expect, it } from 'vitest'
import { AmiClient } from '../../../src-main/core/ami/client'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { sleep } from '../../support/wait'

let pbx: DemoPbx | undefined
let client: AmiClient | undefined
afterEach(async () => {
  await client?.stop()
  await pbx?.stop()
  client = undefined
  pbx = undefined
})

describe("the project's AMI client against the demo PBX", () => {
  for (const auth of ['plain', 'md5'] as const) {
    it(`logs in (${auth}) as operator, lists, originates and hangs up`, async () => {
      pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0, seed: 5 })
      client = new AmiClient({
        host: '127.0.0.1',
        port: pbx.ami.port,
        username: 'operator',
        secret: 'operator',
        auth,
        reconnect: false,
        pingIntervalMs: 0,
      })
      await client.start()
      const queues = await client.list('QueueSummary')
      expect(queues.events.filter((e) => e.get('Event') === 'QueueSummary').map((e) => e.get('Queue'))).toEqual(['support', 'sales'])
      const res = await client.action('Originate', { Channel: 'PJSIP/103', Context: 'from-internal', Exten: '104', Async: 'true' })
      expect(res.get('Message')).toBe('Originate successfully queued')
      await sleep(50)
      const ch = pbx.engine.ringingChannels()[0]
      expect(ch).toBeDefined()
      const channels = await client.list('CoreShowChannels')
      expect(channels.events.some((e) => e.get('Channel') === ch?.name)).toBe(true)
      const hang = await client.action('Hangup', { Channel: ch?.name ?? '' })
      expect(hang.get('Message')).toBe('Channel Hungup')
      // Operator may not run CLI commands (no `command` class): Asterisk's permission error.
      await expect(client.action('Command', { Command: 'core show version' })).rejects.toThrow()
    })
  }
})
