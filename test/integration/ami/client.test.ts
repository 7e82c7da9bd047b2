/**
 * AmiClient against a scripted AMI server over real loopback sockets.
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { AmiClient, type AmiClientOptions } from '../../../src-main/core/ami/client'
import { AmiError } from '../../../src-main/core/ami/errors'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { mulberry32 } from '../../support/random'
import { FakeAmiServer } from '../../support/fake-ami-server'
import { sleep, until } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'

const cleanups = cleanupsAfterEach()

async function serve(opts: ConstructorParameters<typeof FakeAmiServer>[0] = {}): Promise<FakeAmiServer> {
  const s = new FakeAmiServer(opts)
  await s.listen()
  cleanups.push(() => s.close())
  return s
}

function client(port: number, opts: Partial<AmiClientOptions> = {}): AmiClient {
  const c = new AmiClient({
    host: '127.0.0.1',
    port,
    username: 'console',
    secret: 'secret',
    actionTimeoutMs: 2000,
    connectTimeoutMs: 2000,
    pingIntervalMs: 0,
    reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    random: mulberry32(11),
    ...opts,
  })
  cleanups.push(() => c.stop())
  return c
}

async function rejection(p: Promise<unknown>): Promise<AmiError> {
  try {
    await p
  } catch (err) {
    if (err instanceof AmiError) return err
    throw err
  }
  throw new Error('expected a rejection')
}

const fullyBooted = [
  ['Event', 'FullyBooted'],
  ['Privilege', 'system,all'],
  ['Uptime', '38'],
  ['LastReload', '38'],
  ['Status', 'Fully Booted'],
] as const

describe('login and readiness', () => {
  it('plain login, CoreStatus readiness, FullyBooted and events delivered from the first read', async () => {
    const s = await serve({
      events: [
        fullyBooted,
        [
          ['Event', 'Newchannel'],
          ['Channel', 'Local/1@lab-1;1'],
        ],
      ],
    })
    const c = client(s.port)
    const seen: string[] = []
    let booted = 0
    c.on('event', (m) => seen.push(m.event ?? ''))
    c.on('fullyBooted', () => booted++)
    const connected: boolean[] = []
    c.on('connected', ({ reconnect }) => connected.push(reconnect))
    await c.start()
    expect(c.state).toBe('ready')
    expect(c.protocolVersion).toBe('11.0.0')
    expect(c.coreStatus?.get('CoreCurrentCalls')).toBe('0')
    expect(seen).toEqual(['FullyBooted', 'Newchannel'])
    expect(booted).toBe(1)
    expect(connected).toEqual([false])
    const login = s.allActions.find((a) => a.get('Action') === 'Login')
    expect(login?.get('Events')).toBe('on')
    expect(login?.actionId).toMatch(/^att-/)
  })

  it('a least-privileged user (CoreStatus denied, no FullyBooted) is ready through Ping', async () => {
    const s = await serve({ denyCoreStatus: true })
    const c = client(s.port)
    await c.start()
    expect(c.state).toBe('ready')
    expect(c.coreStatus).toBeUndefined()
    expect(c.fullyBooted).toBe(false)
    expect(s.count('Ping')).toBe(1)
  })

  it('MD5 challenge login: the secret never crosses the wire', async () => {
    const s = await serve({ secret: 'hunter2' })
    const c = client(s.port, { auth: 'md5', secret: 'hunter2', events: 'call,agent', filters: ['Event: Newchannel'] })
    await c.start()
    expect(s.count('Challenge')).toBe(1)
    const login = s.allActions.find((a) => a.get('Action') === 'Login')
    expect(login?.get('AuthType')).toBe('MD5')
    expect(login?.get('Key')).toMatch(/^[0-9a-f]{32}$/)
    expect(login?.has('Secret')).toBe(false)
    expect(s.allActions.some((a) => a.fields().some(([, v]) => v.includes('hunter2')))).toBe(false)
    expect(login?.get('Events')).toBe('call,agent')
    const filter = s.allActions.find((a) => a.get('Action') === 'Filter')
    expect(filter?.get('Filter')).toBe('Event: Newchannel')
    expect(filter?.get('Operation')).toBe('Add')
  })

  it('wrong password: stops after 3 attempts with auth_failed, no tight loop', async () => {
    const s = await serve({ secret: 'right' })
    const c = client(s.port, { secret: 'wrong' })
    const failed: AmiError[] = []
    c.on('auth_failed', (e) => failed.push(e))
    const err = await rejection(c.start())
    expect(err.code).toBe('auth_failed')
    expect(err.message).not.toContain('wrong')
    expect(failed).toHaveLength(1)
    expect(c.state).toBe('stopped')
    await sleep(300)
    expect(s.count('Login')).toBe(3)
    expect(s.conns).toHaveLength(3)
  })
})

/** What a careless log line would print: util.inspect at full depth with hidden properties, and a
 *  cycle-safe JSON.stringify (what loggers do with a live object that holds a socket). */
function everyPrintedForm(x: unknown): string[] {
  const seen = new WeakSet()
  const json = JSON.stringify(x, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[cycle]'
      seen.add(value)
    }
    return value
  })
  return [inspect(x, { depth: Infinity, showHidden: true, getters: true }), json]
}

describe('the login secret is kept where no log line can reach it', () => {
  const SECRET = 'S3cret-never-printed'

  it('not in the client before, during and after login, nor in its options, plain and MD5', async () => {
    for (const auth of ['plain', 'md5'] as const) {
      const s = await serve({ secret: SECRET })
      // Hold the Login unanswered for a moment, so it sits in the client's pending actions.
      let release: (() => void) | undefined
      s.handler = (action) => {
        if (action.get('Action') !== 'Login' || release !== undefined) return false
        release = () => {
          s.handler = undefined
        }
        return true
      }
      const opts: AmiClientOptions = {
        host: '127.0.0.1',
        port: s.port,
        username: 'console',
        secret: SECRET,
        auth,
        pingIntervalMs: 0,
        reconnect: false,
        actionTimeoutMs: 300,
      }
      const c = new AmiClient(opts)
      cleanups.push(() => c.stop())
      for (const form of everyPrintedForm(c)) expect(form).not.toContain(SECRET)
      expect(Object.values(c).some((v) => v === SECRET)).toBe(false)
      const started = c.start().catch((err: unknown) => err)
      await until('the Login to arrive', () => release !== undefined, 2000, 5)
      // Mid-login: the Login action (with its Secret line in plain auth) is pending in the client.
      for (const form of everyPrintedForm(c)) expect(form).not.toContain(SECRET)
      release?.()
      // The held Login times out (no answer): login fails, the client stops (reconnect: false).
      await started
      for (const form of everyPrintedForm(c)) expect(form).not.toContain(SECRET)
      // And a working login with the same secret still succeeds.
      const ok = client(s.port, { secret: SECRET, auth })
      await ok.start()
      expect(ok.state).toBe('ready')
      for (const form of everyPrintedForm(ok)) expect(form).not.toContain(SECRET)
    }
  })
})

describe('actions', () => {
  it('Error responses reject with action_error and the PBX answer', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'Hangup') return false
      conn.reply([
        ['Response', 'Error'],
        ['ActionID', a.actionId ?? ''],
        ['Message', 'No such channel'],
      ])
      return true
    }
    const c = client(s.port)
    await c.start()
    const err = await rejection(c.action('Hangup', { Channel: 'nosuch' }))
    expect(err.code).toBe('action_error')
    expect(err.response?.get('Message')).toBe('No such channel')
  })

  it('timeout per action; the connection stays; a late answer is not taken for an event', async () => {
    const s = await serve()
    let late: (() => void) | undefined
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'Slow') return false
      late = () => {
        conn.reply([
          ['Response', 'Success'],
          ['ActionID', a.actionId ?? ''],
        ])
        conn.reply([
          ['Event', 'SlowItem'],
          ['ActionID', a.actionId ?? ''],
        ])
      }
      return true
    }
    const c = client(s.port)
    await c.start()
    const events: AmiMessage[] = []
    c.on('event', (m) => events.push(m))
    const err = await rejection(c.action('Slow', [], { timeoutMs: 100 }))
    expect(err.code).toBe('timeout')
    expect(c.state).toBe('ready')
    late?.()
    const pong = await c.action('Ping')
    expect(pong.get('Ping')).toBe('Pong')
    expect(events.filter((e) => e.event === 'SlowItem')).toHaveLength(0)
  })

  it('EventList with 10,000 entries, an unsolicited event interleaved', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'CoreShowChannels') return false
      const id = a.actionId ?? ''
      let out = `Response: Success\r\nActionID: ${id}\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n`
      for (let i = 0; i < 10_000; i++) {
        out += `Event: CoreShowChannel\r\nActionID: ${id}\r\nChannel: Local/${String(i)}@lab-1;1\r\nUniqueid: lab-1.${String(i)}\r\n\r\n`
        if (i === 5000) out += 'Event: Newchannel\r\nPrivilege: call,all\r\nChannel: Local/x@lab-9;1\r\n\r\n'
      }
      out += `Event: CoreShowChannelsComplete\r\nActionID: ${id}\r\nEventList: Complete\r\nListItems: 10000\r\n\r\n`
      conn.send(out)
      return true
    }
    const c = client(s.port)
    await c.start()
    const live: string[] = []
    c.on('event', (m) => live.push(m.event ?? ''))
    const r = await c.list('CoreShowChannels')
    expect(r.response.get('EventList')).toBe('start')
    expect(r.events).toHaveLength(10_000)
    expect(r.events[9999]?.get('Uniqueid')).toBe('lab-1.9999')
    expect(live).toEqual(['Newchannel'])
  })

  it('a …Complete event without an EventList key still ends the list', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'Parkinglots') return false
      const id = a.actionId ?? ''
      conn.send(`Response: Success\r\nActionID: ${id}\r\nEventList: start\r\n\r\nEvent: Parkinglot\r\nActionID: ${id}\r\nName: default\r\n\r\n`)
      conn.send(`Event: ParkinglotsComplete\r\nActionID: ${id}\r\nListItems: 1\r\n\r\n`)
      return true
    }
    const c = client(s.port)
    await c.start()
    const r = await c.list('Parkinglots', [], { timeoutMs: 1000 })
    expect(r.events.map((e) => e.get('Name'))).toEqual(['default'])
  })

  it('list items answering a plain action() never pose as live events', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'ExtensionStateList') return false
      const id = a.actionId ?? ''
      conn.send(`Response: Success\r\nActionID: ${id}\r\nEventList: start\r\n\r\n`)
      conn.send(`Event: ExtensionStatus\r\nActionID: ${id}\r\nExten: 101\r\nStatus: 0\r\n\r\n`)
      conn.send(`Event: ExtensionStateListComplete\r\nActionID: ${id}\r\nEventList: Complete\r\nListItems: 1\r\n\r\n`)
      conn.send('Event: ExtensionStatus\r\nPrivilege: call,all\r\nExten: 102\r\nStatus: 1\r\n\r\n')
      return true
    }
    const c = client(s.port)
    await c.start()
    const live: string[] = []
    c.on('event', (m) => live.push(`${m.event ?? ''}:${m.get('Exten') ?? ''}`))
    const r = await c.action('ExtensionStateList')
    expect(r.get('EventList')).toBe('start')
    await until('live event', () => live.length > 0, 2000, 5)
    expect(live).toEqual(['ExtensionStatus:102'])
  })

  it('a cancelled EventList rejects with action_error', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'Status') return false
      const id = a.actionId ?? ''
      conn.send(`Response: Success\r\nActionID: ${id}\r\nEventList: start\r\n\r\nEvent: Status\r\nActionID: ${id}\r\nChannel: A\r\n\r\n`)
      conn.send(`Event: StatusComplete\r\nActionID: ${id}\r\nEventList: Cancelled\r\n\r\n`)
      return true
    }
    const c = client(s.port)
    await c.start()
    const err = await rejection(c.list('Status'))
    expect(err.code).toBe('action_error')
    expect(c.state).toBe('ready')
  })

  it('header injection is refused before anything is written', async () => {
    const s = await serve()
    const c = client(s.port)
    await c.start()
    const before = s.allActions.length
    const err = await rejection(c.action('Originate', { Channel: 'Local/100@lab', Exten: '100\r\n\r\nAction: Command\r\nCommand: core stop now' }))
    expect(err.code).toBe('invalid_action')
    await c.action('Ping')
    expect(s.allActions.slice(before).map((a) => a.get('Action'))).toEqual(['Ping'])
  })

  it('Originate: Async with a ChannelId, outcome settled by OriginateResponse', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'Originate') return false
      const id = a.actionId ?? ''
      conn.reply([
        ['Response', 'Success'],
        ['ActionID', id],
        ['Message', 'Originate successfully queued'],
      ])
      setTimeout(() => {
        conn.reply([
          ['Event', 'OriginateResponse'],
          ['Privilege', 'call,all'],
          ['ActionID', id],
          ['Response', 'Success'],
          ['Uniqueid', a.get('ChannelId') ?? ''],
        ])
      }, 20)
      return true
    }
    const c = client(s.port)
    await c.start()
    const h = await c.originate({ Channel: 'Local/101@lab', Context: 'lab', Exten: '300', Priority: 1 })
    const sent = s.allActions.find((a) => a.get('Action') === 'Originate')
    expect(sent?.get('Async')).toBe('true')
    expect(sent?.get('ChannelId')).toBe(h.channelId)
    const outcome = await h.outcome
    expect(outcome.status).toBe('success')
    if (outcome.status === 'success') expect(outcome.event.get('Uniqueid')).toBe(h.channelId)
  })
})

describe('connection loss and recovery', () => {
  it('socket closed mid-message: outcome_unknown, reconnect, the action is never replayed', async () => {
    const s = await serve()
    s.handler = (a, conn) => {
      if (a.get('Action') !== 'Originate' || s.count('Originate') > 1) return false
      conn.socket.end(`Response: Success\r\nActionID: ${a.actionId ?? ''}\r\nMess`)
      return true
    }
    const c = client(s.port)
    await c.start()
    const events: string[] = []
    c.on('disconnected', () => events.push('disconnected'))
    c.on('reconnected', () => events.push('reconnected'))
    const err = await rejection(c.originate({ Channel: 'Local/101@lab', Context: 'lab', Exten: '300' }))
    expect(err.code).toBe('outcome_unknown')
    await until('reconnected', () => events.includes('reconnected'), 5000, 5)
    expect(events).toEqual(['disconnected', 'reconnected'])
    await c.action('Ping')
    expect(s.count('Originate')).toBe(1)
    expect(s.count('Login')).toBe(2)
  })

  it('half-open socket: an unanswered Ping drops the connection and it comes back', async () => {
    const s = await serve()
    const c = client(s.port, { pingIntervalMs: 50, pingTimeoutMs: 100 })
    await c.start()
    let disconnects = 0
    c.on('disconnected', ({ error }) => {
      disconnects++
      expect(error?.message).toMatch(/half-open/)
      s.answerPing = true
    })
    const t0 = Date.now()
    s.answerPing = false
    await until('reconnect after half-open', () => disconnects === 1 && c.state === 'ready', 5000, 5)
    expect(Date.now() - t0).toBeLessThan(2000)
    expect(s.conns.length).toBe(2)
  })

  it('server restart: reconnects with backoff, emits reconnected, keeps working', async () => {
    const s = await serve()
    const port = s.port
    const c = client(port)
    await c.start()
    let reconnected = 0
    c.on('reconnected', () => reconnected++)
    await s.close()
    await sleep(150)
    expect(c.state).toBe('waiting')
    const s2 = new FakeAmiServer()
    await s2.listen(port)
    cleanups.push(() => s2.close())
    await until('reconnected', () => reconnected === 1, 5000, 5)
    expect((await c.action('Ping')).get('Ping')).toBe('Pong')
  })

  it('Reload keeps the session; Shutdown is followed by a reconnect', async () => {
    const s = await serve()
    const c = client(s.port)
    await c.start()
    const seen: string[] = []
    c.on('reload', () => seen.push('reload'))
    c.on('shutdown', () => seen.push('shutdown'))
    c.on('disconnected', () => seen.push('disconnected'))
    c.on('reconnected', () => seen.push('reconnected'))
    const conn = s.conns[0]
    conn?.reply([
      ['Event', 'Reload'],
      ['Privilege', 'system,all'],
      ['Module', 'manager'],
      ['Status', '0'],
    ])
    await c.action('Ping')
    expect(seen).toEqual(['reload'])
    conn?.reply([
      ['Event', 'Shutdown'],
      ['Privilege', 'system,all'],
      ['Shutdown', 'Cleanly'],
      ['Restart', 'True'],
    ])
    conn?.socket.end()
    await until('reconnected', () => seen.includes('reconnected'), 5000, 5)
    expect(seen).toEqual(['reload', 'shutdown', 'disconnected', 'reconnected'])
  })

  it('a message over the size limit is a protocol error: nothing more from that stream, fresh connection', async () => {
    const s = await serve()
    const c = client(s.port, { maxMessageBytes: 4096 })
    await c.start()
    const seen: string[] = []
    const errors: string[] = []
    c.on('event', (m) => seen.push(m.event ?? ''))
    c.on('error', (e) => errors.push(e.code))
    let reconnected = 0
    c.on('reconnected', () => reconnected++)
    s.conns[0]?.send(`Event: Huge\r\nData: ${'x'.repeat(10_000)}\r\n\r\nEvent: AfterHuge\r\n\r\n`)
    await until('reconnected', () => reconnected === 1, 5000, 5)
    expect(errors).toContain('protocol_error')
    expect(seen).toEqual([])
  })

  it('Events mask and filters set at runtime are re-applied after a reconnect', async () => {
    const s = await serve()
    const c = client(s.port)
    await c.start()
    await c.setEvents('call,agent')
    await c.addFilter('Event: Hangup')
    await expect(c.addFilter('x\r\nAction: Command')).rejects.toMatchObject({ code: 'invalid_action' })
    let reconnected = 0
    c.on('reconnected', () => reconnected++)
    s.conns[0]?.socket.destroy()
    await until('reconnected', () => reconnected === 1, 5000, 5)
    const second = s.conns[1]?.actions ?? []
    expect(second.find((a) => a.get('Action') === 'Login')?.get('Events')).toBe('call,agent')
    expect(second.filter((a) => a.get('Action') === 'Filter').map((a) => a.get('Filter'))).toEqual(['Event: Hangup'])
  })

  it('slow reader: writes wait for drain, overflow is refused unsent, the rest completes', async () => {
    const s = await serve()
    const c = client(s.port, { maxQueuedWriteBytes: 2_000_000, actionTimeoutMs: 20_000 })
    await c.start()
    const conn = s.conns[0]
    conn?.socket.pause()
    // Big actions (40 KB each) so the kernel buffers fill and the socket asks us to wait.
    const fields: Array<readonly [string, string]> = [['UserEvent', 'Bulk']]
    for (let h = 0; h < 40; h++) fields.push([`H${String(h)}`, 'v'.repeat(1000)])
    const N = 1500
    const results = await (async () => {
      const ps: Array<Promise<string>> = []
      for (let i = 0; i < N; i++) {
        ps.push(
          c.action('UserEvent', fields).then(
            () => 'ok',
            (e: unknown) => (e instanceof AmiError ? e.code : 'other'),
          ),
        )
      }
      await sleep(200)
      conn?.socket.resume()
      return Promise.all(ps)
    })()
    const ok = results.filter((r) => r === 'ok').length
    const refused = results.filter((r) => r === 'backpressure').length
    expect(ok + refused).toBe(N)
    expect(refused).toBeGreaterThan(0)
    expect(ok).toBeGreaterThan(0)
    // Refused actions never reached the PBX: it saw exactly the ones that succeeded.
    expect(s.count('UserEvent')).toBe(ok)
  })
})
