// The supervisor's words from main - listening in, its scope refusal, queue and presence actions -
// reach a window in the console's language, asked through the contract as a window asks; the scope
// refusal is one shared fragment, so main refuses in the very words the board greys its buttons by.
import { afterEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import { setMainLanguage } from '../../../src-main/core/i18n'
import type { SupervisionState } from '../../../src-preload/types/supervision'
import { agentSpyOf } from '../../../src-renderer/src/features/agents/agent-spy'
import { setLanguage } from '../../../src-renderer/src/i18n'
import { extensionsByDevice } from '../../../src-renderer/src/live/talking-at'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ringingAt } from '../../support/console-harness'
import { startDemoCore, type DemoCore } from '../../support/demo-core'
import { eventually } from '../../support/wait'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'words-7', transport: 'web' }

afterEach(() => {
  // Main and the renderer each have one language for the process: the next test starts in English.
  setMainLanguage('en', [])
  setLanguage('en')
})

/** A supervisor of extension 104 on the demo PBX (own phone 100), watching supervision as a window does. */
async function supervisor(): Promise<DemoCore & { watched: () => SupervisionState | undefined }> {
  const d = await startDemoCore(
    {
      seed: 23,
      operator: { role: 'supervisor' },
      profile: { supervision: { queues: [], extensions: ['104'], spyTone: false, recordingBeep: false } },
      loadedWith: '104',
      amiUser: 'supervisor',
    },
    cleanups,
  )
  const first = await d.core.dispatch('supervision.watch', { profileId: 'demo' }, tab)
  return { ...d, watched: () => (first.ok ? first.value : undefined) }
}

async function answeredAt(d: DemoCore, ext: string): Promise<string> {
  d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName: 'Ada Lovelace' }, to: `4930555${ext}` })
  const rung = await ringingAt(d.demo, ext)
  expect(d.demo.pbx.answer(rung.uniqueid)).toBe(true)
  return eventually(
    `the call answered at ${ext}`,
    () => Object.values(d.live.state().calls).find((c) => c.channelIds.includes(rung.uniqueid) && c.state === 'up')?.id,
  )
}

/** What the agent board greys agent 103's buttons with, in the renderer's language, by the supervision state main told the window. */
function boardReason(d: DemoCore, supervision: SupervisionState): string | undefined {
  const state = d.live.state()
  return agentSpyOf({ extension: '103' }, state, extensionsByDevice(state.extensions), supervision, '100')?.refused
}

describe('a supervisor is told in the console’s language', () => {
  it('the scope refusal: main refuses and the board greys in the same words, German, French, then English', async () => {
    const d = await supervisor()
    const outside = await answeredAt(d, '103')
    const told = d.watched()
    if (told === undefined) throw new Error('no supervision state told')
    const refusal = async () => {
      const r = await d.core.dispatch('supervision.spy', { profileId: 'demo', callId: outside, mode: 'listen' }, tab)
      return r.ok ? undefined : r.error.message
    }
    expect(await refusal()).toBe('This call is not one you supervise (yours: 104)')

    expect(await d.core.dispatch('settings.set', { language: 'de' }, tab)).toMatchObject({ ok: true })
    setLanguage('de')
    expect(await refusal()).toBe('Diesen Anruf betreuen Sie nicht (Ihre: 104)')
    expect(boardReason(d, told)).toBe('Diesen Anruf betreuen Sie nicht (Ihre: 104)')

    expect(await d.core.dispatch('settings.set', { language: 'fr' }, tab)).toMatchObject({ ok: true })
    setLanguage('fr')
    expect(await refusal()).toBe('Cet appel ne fait pas partie de ceux que vous supervisez (les vôtres\u00a0: 104)')
    expect(boardReason(d, told)).toBe(await refusal())

    expect(await d.core.dispatch('settings.set', { language: 'en' }, tab)).toMatchObject({ ok: true })
    expect(await refusal()).toBe('This call is not one you supervise (yours: 104)')
  })

  it('listening in, a queue pause and do not disturb: done in German and French', async () => {
    const d = await supervisor()
    const inScope = await answeredAt(d, '104')
    expect(await d.core.dispatch('settings.set', { language: 'de' }, tab)).toMatchObject({ ok: true })
    const spy = await d.core.dispatch('supervision.spy', { profileId: 'demo', callId: inScope, mode: 'whisper' }, tab)
    expect(spy).toMatchObject({
      ok: true,
      value: { message: expect.stringMatching(/^Ihr Telefon \(100\) klingelt: Nehmen Sie ab, um .+ einzuflüstern$/) },
    })
    const dnd = await d.core.dispatch('presence.setDnd', { profileId: 'demo', extension: '105', on: true }, tab)
    expect(dnd).toMatchObject({ ok: true, value: { message: 'Nicht stören ist für 105 eingeschaltet' } })

    expect(await d.core.dispatch('settings.set', { language: 'fr' }, tab)).toMatchObject({ ok: true })
    const pause = await d.core.dispatch('queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/103', paused: true }, tab)
    expect(pause).toMatchObject({ ok: true, value: { message: expect.stringMatching(/^.+ mis en pause dans support$/) } })
    const off = await d.core.dispatch('presence.setDnd', { profileId: 'demo', extension: '105', on: false }, tab)
    expect(off).toMatchObject({ ok: true, value: { message: 'Ne pas déranger est désactivé pour 105' } })
  })
})
