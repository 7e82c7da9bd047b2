// The directory through the contract, as a window or socket reads it: the real dispatcher and core
// against the demo PBX and its FreePBX. Names come from FreePBX's API when the profile has it, from
// FreePBX's AstDB (AMPUSER/<ext>/cidname) without it; a rename applied at the PBX reaches every
// window as directory.changed; bad input and unknown profiles are refused.
import { describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { DirectoryList } from '../../../src-preload/types/directory'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, type TestCore } from '../../support/demo-core'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-7', transport: 'web' }

async function list(core: TestCore): Promise<DirectoryList> {
  const r = await core.dispatch('directory.list', { profileId: 'demo' }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** A plain profile without FreePBX's API: names must come over AMI. */
const NO_FREEPBX = { enabled: false, baseUrl: 'http://127.0.0.1:80', clientId: 'attendant-demo', hasSecret: false }

const entry = (l: DirectoryList, ext: string) => l.entries.find((e) => e.extension === ext)

describe('the directory through the contract (demo PBX)', () => {
  it('names every extension from FreePBX’s extension list, with mailbox, device and the queues it answers for', async () => {
    const { core } = await startDemoCore({ seed: 5 }, cleanups)
    const l = await list(core)
    expect(l.sources).toEqual(['freepbx'])
    expect(entry(l, '105')).toMatchObject({ name: 'Eva Fischer', source: 'freepbx', mailbox: '105', device: 'PJSIP/105' })
    expect(entry(l, '106')?.name).toBe('Farid Gül')
    expect(entry(l, '106')?.groups).toContain('sales')
    expect(l.entries.length).toBeGreaterThanOrEqual(20)
    // No raw identifiers as names.
    for (const e of l.entries) expect(e.name).not.toMatch(/^(PJSIP|SIP|Local)[/_]/)
  })

  it('without FreePBX’s API reads FreePBX’s AstDB (AMPUSER/<ext>/cidname) over AMI', async () => {
    const { core } = await startDemoCore({ seed: 5, profile: { freepbx: NO_FREEPBX } }, cleanups)
    const l = await list(core)
    expect(l.sources).toEqual(['astdb'])
    expect(entry(l, '105')).toMatchObject({ name: 'Eva Fischer', source: 'astdb', mailbox: '105' })
    expect(entry(l, '100')?.name).toBe('Reception')
  })

  it('a rename applied at the PBX reaches every window as directory.changed', async () => {
    const { core, demo } = await startDemoCore({ seed: 5, profile: { freepbx: NO_FREEPBX } }, cleanups)
    const seen: DirectoryList[] = []
    core.bus.register('other-window', {
      send: (channel, payload) => {
        if (channel === 'directory.changed') seen.push(payload as DirectoryList)
      },
      isBackedUp: () => false,
    })
    await list(core)
    const config = demo.pbx.freepbx
    if (config === undefined) throw new Error('the demo has no FreePBX configuration')
    const record = config.extensions.get('105')
    if (record === undefined) throw new Error('no extension 105')
    record.name = 'Eva Fischer-Lang'
    config.markChanged()
    config.apply()
    // The operator seat's AMI user hears no Reload (no system read): the refresh asked for reads it.
    const r = await core.dispatch('directory.refresh', { profileId: 'demo' }, tab)
    expect(r.ok && entry(r.value, '105')?.name).toBe('Eva Fischer-Lang')
    await expect.poll(() => seen.length).toBeGreaterThan(0)
    expect(entry(seen[seen.length - 1] as DirectoryList, '105')?.name).toBe('Eva Fischer-Lang')
  })

  it('refuses bad input and unknown profiles in plain words', async () => {
    const { core } = await startDemoCore({ seed: 5 }, cleanups)
    const bad = await core.dispatch('directory.list', { profileId: '../etc' }, tab)
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input')
    const extra = await core.dispatch('directory.list', { profileId: 'demo', filter: 'x' }, tab)
    expect(extra.ok).toBe(false)
    const unknown = await core.dispatch('directory.list', { profileId: 'nosuch' }, tab)
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.error.code).toBe('not_found')
  })
})
