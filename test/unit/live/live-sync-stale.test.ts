/**
 * meta.staleSince: the moment the shown state stopped following the PBX. Set at a disconnect and
 * when a rebuild fails on a live connection (events are then buffered, not applied), kept through
 * the reconnect's 'syncing', cleared only by a successful rebuild; a periodic resync on a live
 * connection never sets it (windows would flash "stale" every five minutes).
 */
import { describe, expect, it } from 'vitest'
import { AmiError } from '../../../src-main/core/ami/errors'
import { LiveSync } from '../../../src-main/core/live/live-sync'
import { FakeListClient } from '../../support/fake-list-client'

function setup(): { client: FakeListClient; sync: LiveSync; clock: { t: number } } {
  const clock = { t: 1000 }
  const client = new FakeListClient()
  const sync = new LiveSync({ client, now: () => clock.t, retryDelayMs: 60_000 })
  return { client, sync, clock }
}

async function rebuilt(client: FakeListClient, sync: LiveSync, run: () => unknown): Promise<void> {
  const done = new Promise<void>((resolve) =>
    sync.once('synced', () => {
      resolve()
    }),
  )
  void run()
  client.release()
  await done
}

describe('LiveSync marks the state stale from the moment it stops following the PBX', () => {
  it('disconnect → stale since then, through the reconnect, until the rebuild', async () => {
    const { client, sync, clock } = setup()
    await rebuilt(client, sync, () => {
      sync.start()
    })
    expect(sync.model.meta).toMatchObject({ status: 'live' })
    expect(sync.model.meta.staleSince).toBeUndefined()

    clock.t = 5000
    client.fire('disconnected', { error: new AmiError('connection_error', 'gone'), willReconnect: true })
    expect(sync.model.meta).toMatchObject({ status: 'disconnected', staleSince: 5000 })
    // A second loss while still away keeps the first moment: the data is as old as that.
    clock.t = 9000
    client.fire('disconnected', { error: new AmiError('connection_error', 'gone again'), willReconnect: true })
    expect(sync.model.meta.staleSince).toBe(5000)

    clock.t = 12_000
    const resync = new Promise<void>((resolve) =>
      sync.once('synced', () => {
        resolve()
      }),
    )
    client.fire('connected', {} as never)
    expect(sync.model.meta).toMatchObject({ status: 'syncing', staleSince: 5000 })
    client.release()
    await resync
    expect(sync.model.meta.status).toBe('live')
    expect(sync.model.meta.staleSince).toBeUndefined()
    sync.stop()
  })

  it('a periodic resync on a live connection never marks it stale', async () => {
    const { client, sync } = setup()
    await rebuilt(client, sync, () => {
      sync.start()
    })
    const seen: Array<number | undefined> = []
    sync.on('change', (m) => seen.push(m.meta.staleSince))
    await rebuilt(client, sync, () => sync.resync())
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((s) => s === undefined)).toBe(true)
    sync.stop()
  })

  it('a rebuild that fails while connected marks it stale (events wait unapplied) until one succeeds', async () => {
    const { client, sync, clock } = setup()
    await rebuilt(client, sync, () => {
      sync.start()
    })
    clock.t = 7000
    client.failNext = true
    const failed = sync.resync()
    client.release()
    expect(await failed).toBe(false)
    expect(sync.model.meta).toMatchObject({ status: 'syncing', staleSince: 7000 })
    client.failNext = false
    await rebuilt(client, sync, () => sync.resync())
    expect(sync.model.meta.staleSince).toBeUndefined()
    sync.stop()
  })
})
