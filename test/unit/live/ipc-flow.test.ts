import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('../../support/electron-mock')).makeElectronMock())

import type { WebContents } from 'electron'
import { ipcName } from '../../../src-preload/contract'
import type { LiveMessage } from '../../../src-preload/types/live'
import { EventBus } from '../../../src-main/core/events/bus'
import { forwardEvents } from '../../../src-main/electron/ipc-transport'
import { FakeWebContents } from '../../support/electron-mock'

const APP_FRAME = { url: 'app://attendant/index.html', parent: null }

function patch(seq: number): LiveMessage {
  const id = `b${String(seq)}`
  return {
    kind: 'patch',
    patch: { profileId: 'p', seq, bridges: { upsert: { [id]: { id, type: 'basic', technology: 't', channelIds: [] } }, remove: [] } },
  }
}

function setup(): { bus: EventBus; contents: FakeWebContents; clientId: string; logged: string[]; live: () => LiveMessage[] } {
  const bus = new EventBus()
  const contents = new FakeWebContents()
  const logged: string[] = []
  forwardEvents({ bus }, contents as unknown as WebContents, (m) => logged.push(m))
  const live = (): LiveMessage[] => contents.sent.filter(([c]) => c === ipcName('live.message')).map(([, p]) => p as LiveMessage)
  return { bus, contents, clientId: `ipc-${String(contents.id)}`, logged, live }
}

const ack = (contents: FakeWebContents, input: unknown, frame: unknown = APP_FRAME): void => {
  contents.ipc.emit(ipcName('live.ack'), { senderFrame: frame }, input)
}

describe('Electron IPC live flow control (electron mocked)', () => {
  it("sends one live message at a time and the next, merged, on the window's ack", () => {
    const { bus, contents, clientId, live } = setup()
    for (let s = 1; s <= 3; s++) bus.sendTo(clientId, 'live.message', patch(s))
    expect(live()).toHaveLength(1)
    // Other events are never held back.
    bus.sendTo(clientId, 'settings.changed', { theme: 'dark' } as never)
    expect(contents.sent.some(([c]) => c === ipcName('settings.changed'))).toBe(true)
    ack(contents, { restart: false })
    expect(live()).toHaveLength(2)
    expect(live()[1]).toMatchObject({ kind: 'patch', patch: { seq: 3, baseSeq: 1 } })
  })

  it('refuses an ack from a foreign or child frame, or a malformed one, at the edge', () => {
    const { bus, contents, clientId, logged, live } = setup()
    bus.sendTo(clientId, 'live.message', patch(1))
    bus.sendTo(clientId, 'live.message', patch(2))
    ack(contents, { restart: false }, { url: 'https://evil.example/', parent: null })
    ack(contents, { restart: false }, { url: 'app://attendant/index.html', parent: {} })
    ack(contents, { restart: 'yes' })
    ack(contents, undefined)
    expect(live()).toHaveLength(1)
    expect(logged).toHaveLength(4)
    ack(contents, { restart: false })
    expect(live()).toHaveLength(2)
  })

  it('drops what waits on a restart (reload) and sends nothing to a destroyed window', () => {
    const { bus, contents, clientId, live } = setup()
    bus.sendTo(clientId, 'live.message', patch(1))
    bus.sendTo(clientId, 'live.message', patch(2))
    ack(contents, { restart: true })
    expect(live()).toHaveLength(1)
    bus.sendTo(clientId, 'live.message', patch(5))
    expect(live()[1]).toMatchObject({ patch: { seq: 5 } })
    bus.sendTo(clientId, 'live.message', patch(6))
    contents.destroyed = true
    ack(contents, { restart: false })
    expect(live()).toHaveLength(2)
  })
})
