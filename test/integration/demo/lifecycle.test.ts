import { type Socket, connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { parseTranscript } from './transcript'
import { sleep, until } from '../../support/wait'

/** A raw AMI connection that records every byte and whether the server closed it. */
class RawAmi {
  readonly chunks: Buffer[] = []
  closed = false
  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => this.chunks.push(d))
    socket.on('close', () => {
      this.closed = true
    })
    socket.on('error', () => {
      this.closed = true
    })
  }

  static async open(port: number): Promise<RawAmi> {
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => {
        resolve()
      })
      socket.once('error', reject)
    })
    return new RawAmi(socket)
  }

  send(fields: Record<string, string>): void {
    this.socket.write(
      Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') + '\r\n',
    )
  }

  messages(): { get: (k: string) => string | undefined }[] {
    return parseTranscript(Buffer.concat(this.chunks)).map((m) => ({ get: (k: string) => m.fields.find(([a]) => a === k)?.[1] }))
  }

  waitFor(test: () => boolean, ms = 5000): Promise<void> {
    return until('the AMI session', test, ms)
  }
}

let pbx: DemoPbx | undefined
afterEach(async () => {
  await pbx?.stop()
  pbx = undefined
})

async function login(port: number): Promise<RawAmi> {
  const ami = await RawAmi.open(port)
  ami.send({ Action: 'Login', ActionID: 'l', Username: 'demo', Secret: 'demo' })
  await ami.waitFor(() => ami.messages().some((m) => m.get('ActionID') === 'l'))
  return ami
}

describe('demo PBX lifecycle as Asterisk does it', () => {
  it('a sync Originate is answered before the events it caused', async () => {
    pbx = await startDemoPbx({ profile: 'lab', amiPort: 0, ariPort: 0, rate: 0 })
    const ami = await login(pbx.ami.port)
    ami.send({ Action: 'Originate', ActionID: 'sync', Channel: 'Local/101@lab', Context: 'lab', Exten: '600', Priority: '1' })
    await ami.waitFor(() => ami.messages().some((m) => m.get('ActionID') === 'sync'))
    await sleep(100)
    const msgs = ami.messages()
    const response = msgs.findIndex((m) => m.get('ActionID') === 'sync' && m.get('Event') === undefined)
    const firstNewchannel = msgs.findIndex((m) => m.get('Event') === 'Newchannel')
    expect(msgs[response]?.get('Message')).toBe('Originate successfully queued')
    expect(firstNewchannel).toBeGreaterThan(response)
    ami.socket.destroy()
  })

  it('restart() sends Shutdown (Uncleanly with calls, Cleanly without, Restart: True) and closes, then accepts again', async () => {
    pbx = await startDemoPbx({ profile: 'lab', amiPort: 0, ariPort: 0, rate: 0 })
    const port = pbx.ami.port
    const first = await login(port)
    pbx.engine.originate({ channel: 'Local/101@lab', context: 'lab', exten: '600' })
    await first.waitFor(() => pbx !== undefined && pbx.channels().length > 0)
    await pbx.restart()
    await first.waitFor(() => first.closed)
    const shutdown = first.messages().filter((m) => m.get('Event') === 'Shutdown')
    expect(shutdown.map((m) => [m.get('Privilege'), m.get('Shutdown'), m.get('Restart')])).toEqual([['system,all', 'Uncleanly', 'True']])
    expect(pbx.ami.port).toBe(port)
    expect(pbx.channels()).toEqual([])

    const second = await login(port)
    await pbx.restart()
    await second.waitFor(() => second.closed)
    expect(
      second
        .messages()
        .filter((m) => m.get('Event') === 'Shutdown')
        .map((m) => m.get('Shutdown')),
    ).toEqual(['Cleanly'])
  })
})
