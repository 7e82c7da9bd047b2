import { describe, expect, it } from 'vitest'
import type { InboundRouteValues } from '../../../src-preload/types/config'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

/**
 * FreePBX's call-flow toggles (Day/Night, `app-daynight,<n>,1`) as destinations: the demo's main
 * number goes through its office-hours toggle, which FreePBX's registry names `Call Flow Control:0 Office hours`.
 */
describe('call-flow toggles as configuration destinations, through the contract', () => {
  it('the main number reads as call flow 0 with its name, the picker offers it, and a route saved to it reaches FreePBX as app-daynight', async () => {
    const c = await startConfigCore(cleanups)
    const main = await c.get('inboundRoute', '4930555002/')
    expect(main.values.destination).toEqual({ type: 'callFlow', toggle: '0', name: 'Office hours' })
    expect(main.meta.readOnlyReason).toBeUndefined()

    const options = await c.call('config.destinations', { profileId: 'demo' })
    expect(options.filter((o) => o.destination.type === 'callFlow')).toEqual([
      { destination: { type: 'callFlow', toggle: '0', name: 'Office hours' }, label: 'Call flow 0 (Office hours)' },
    ])

    const route: InboundRouteValues = { ...main.values, did: '4930555088', description: 'Second line' }
    const saved = await c.call('config.save', { profileId: 'demo', changes: [{ kind: 'inboundRoute', operation: 'create', values: route }] })
    expect(saved.outcomes[0]).toMatchObject({ ok: true })
    expect(c.demo.api.handler.config.inboundRoutes.get('4930555088/')).toMatchObject({ destination: 'app-daynight,0,1' })
    // The name is how FreePBX describes the toggle, not part of it: the toggle without it is the same one.
    const renamed = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        { kind: 'inboundRoute', operation: 'create', values: { ...route, did: '4930555089', destination: { type: 'callFlow', toggle: '0' } } },
      ],
    })
    expect(renamed.outcomes[0]).toMatchObject({ ok: true })
    expect((await c.get('inboundRoute', '4930555089/')).values.destination).toEqual({ type: 'callFlow', toggle: '0', name: 'Office hours' })
  })

  it('a toggle the PBX does not show is refused in words beside the field, and nothing reaches FreePBX', async () => {
    const c = await startConfigCore(cleanups)
    const main = await c.get('inboundRoute', '4930555002/')
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        { kind: 'inboundRoute', operation: 'create', values: { ...main.values, did: '4930555087', destination: { type: 'callFlow', toggle: '7' } } },
      ],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: false })
    expect(JSON.stringify(r.outcomes[0])).toContain('call flow 7 is not one the PBX shows')
    expect(c.demo.api.handler.config.inboundRoutes.has('4930555087/')).toBe(false)
    // Not a toggle number at all: refused by the contract's schema.
    const bad = await c.core.dispatch(
      'config.save',
      {
        profileId: 'demo',
        changes: [
          {
            kind: 'inboundRoute',
            operation: 'create',
            values: { ...main.values, did: '4930555086', destination: { type: 'callFlow', toggle: '0,1,Hangup' } },
          },
        ],
      },
      { clientId: 'web-7', transport: 'web' },
    )
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
