import { describe, expect, it } from 'vitest'
import { createTestCore } from '../../support/test-core'

const ctx = { clientId: 'test', transport: 'web' as const }

// A seat's lamp groups travel in settings.set like any preference: what a window sends is checked
// by the contract's schema before anything is stored, and the next settings.get returns it.
describe('lamp groups through settings.set', () => {
  it('stores a seat’s groups by profile and returns them', async () => {
    const c = createTestCore()
    const lampGroups = { demo: { groups: [{ name: 'Sales', extensions: ['105', '101'] }], shown: 'Sales' } }
    expect(await c.dispatch('settings.set', { lampGroups }, ctx)).toMatchObject({ ok: true, value: { lampGroups } })
    expect(await c.dispatch('settings.get', undefined, ctx)).toMatchObject({ ok: true, value: { lampGroups, ringAlertSeconds: 20 } })
  })

  it.each([
    [
      'a group twice (in another case)',
      {
        demo: {
          groups: [
            { name: 'Sales', extensions: [] },
            { name: 'sales', extensions: [] },
          ],
        },
      },
    ],
    ['an extension twice in a group', { demo: { groups: [{ name: 'Sales', extensions: ['105', '105'] }] } }],
    ['an extension that is no number', { demo: { groups: [{ name: 'Sales', extensions: ['PJSIP/105'] }] } }],
    ['a name with a direction override', { demo: { groups: [{ name: 'Sales\u202e', extensions: [] }] } }],
    ['an unknown key', { demo: { groups: [], colour: 'red' } }],
    ['too many groups', { demo: { groups: Array.from({ length: 25 }, (_, i) => ({ name: `G${String(i)}`, extensions: [] })) } }],
  ])('refuses %s and keeps what was stored', async (_, lampGroups) => {
    const c = createTestCore()
    const r = await c.dispatch('settings.set', { lampGroups }, ctx)
    expect(r.ok).toBe(false)
    expect(await c.dispatch('settings.get', undefined, ctx)).toMatchObject({ ok: true, value: { lampGroups: {} } })
  })
})
