/**
 * A hostile seat (a window, or a web-mode socket speaking the renderer's contract) against the
 * profile channels: each hole of issue 14 attacked through the real dispatcher, as an attacker would.
 */
import { describe, expect, it } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import type { AuditEntry } from '../../../src-main/core/audit'
import type { PbxProfile } from '../../../src-main/core/profiles'
import { createTestCore } from '../../support/test-core'
import { startAmiRecorder, startHttpRecorder, type AmiRecorder, type HttpRecorder } from '../../support/secret-recorder'
import { sleep } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'

const ADMIN = 'correct horse battery staple'
const SETUP_CODE = 'KMQX-R3DA-9TWC'
const attacker = { clientId: 'web-7', transport: 'web' as const }

type Core = ReturnType<typeof createTestCore>
const cleanups = cleanupsAfterEach()

async function demoPbx(): Promise<BuiltinDemo> {
  const demo = await startBuiltinDemo({ rate: 0, seed: 3 })
  cleanups.push(() => demo.stop())
  return demo
}

/** A core past its first-run step (the admin passphrase set with the setup code), not started. */
async function adminCore(): Promise<Core> {
  const core = createTestCore({ setupCode: SETUP_CODE })
  cleanups.push(() => core.close())
  const set = await core.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, { clientId: 'web-1', transport: 'web' })
  expect(set).toMatchObject({ ok: true })
  return core
}

/** The demo PBX as a saved profile `office` with all three transports and their secrets stored. */
async function officeOn(core: Core, demo: BuiltinDemo, changes: Partial<PbxProfile> = {}): Promise<PbxProfile> {
  const profile: PbxProfile = { ...demo.builtin.profile, id: 'office', name: 'Office', ...changes }
  const saved = await core.dispatch(
    'profiles.save',
    { profile, secrets: demo.builtin.secrets, adminPassphrase: ADMIN },
    { clientId: 'ipc-1', transport: 'ipc' },
  )
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.value
}

async function auditLines(core: Core, limit = 50): Promise<AuditEntry[]> {
  const r = await core.dispatch('audit.read', { limit }, attacker)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value]
}

async function recorders(): Promise<{ ami: AmiRecorder; http: HttpRecorder }> {
  const ami = await startAmiRecorder()
  const http = await startHttpRecorder()
  cleanups.push(
    () => ami.close(),
    () => http.close(),
  )
  return { ami, http }
}

describe('stored secrets stay with the endpoint they were entered for', () => {
  it('a Test connection pointed elsewhere with a saved profile id sends no stored secret there, and says why', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    const office = await officeOn(core, demo)
    const { ami, http } = await recorders()
    const secrets = demo.builtin.secrets

    // Control: at its own endpoints the stored secrets are used (and work).
    const home = await core.dispatch('profiles.test', { profile: office }, attacker)
    expect(home).toMatchObject({ ok: true, value: { ami: { ok: true }, ari: { ok: true }, rest: { ok: true } } })

    // The attack: the same profile id, the AMI, ARI and FreePBX endpoints re-pointed at recorders.
    const elsewhere: PbxProfile = {
      ...office,
      ami: { ...office.ami, port: ami.port },
      ari: { ...office.ari, port: http.port },
      freepbx: { ...office.freepbx, baseUrl: http.url },
    }
    const r = await core.dispatch('profiles.test', { profile: elsewhere }, attacker)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.ami).toMatchObject({
      ok: false,
      code: 'secret_unbound',
      reason: `the AMI secret was entered for 127.0.0.1:${String(office.ami.port)}; enter it again for the new address`,
    })
    expect(r.value.ari).toMatchObject({ ok: false, code: 'secret_unbound' })
    expect(r.value.rest).toMatchObject({ ok: false, code: 'secret_unbound' })
    for (const secret of Object.values(secrets)) {
      expect(ami.sawSecret(secret)).toBe(false)
      expect(http.sawSecret(secret)).toBe(false)
    }
    expect(ami.received()).not.toMatch(/Action: Login/i)
    expect(http.requests()).toEqual([])

    // Same address, weaker protection (plain login instead of MD5): not the endpoint it was entered for either.
    const plain = await core.dispatch('profiles.test', { profile: { ...office, ami: { ...office.ami, auth: 'plain' } } }, attacker)
    expect(plain).toMatchObject({ ok: true, value: { ami: { ok: false, code: 'secret_unbound' } } })

    // Only secrets typed into the request go to an edited endpoint; the recorder does see those
    // (so it would have seen the stored ones had they been sent).
    const typed = await core.dispatch('profiles.test', { profile: elsewhere, secrets: { ami: 'typed-for-this-test' } }, attacker)
    expect(typed).toMatchObject({ ok: true, value: { ami: { ok: false, code: 'auth_failed' } } })
    expect(ami.sawSecret('typed-for-this-test')).toBe(true)
    expect(ami.sawSecret(secrets.ami ?? '')).toBe(false)

    const tests = (await auditLines(core)).filter((e) => e.action === 'profile.test')
    expect(tests.map((e) => e.result)).toEqual(['error', 'error', 'error', 'ok'])
    expect(tests[3]).toMatchObject({
      seat: 'web socket 7',
      role: 'receptionist',
      endpoint: expect.stringContaining(`AMI 127.0.0.1:${String(office.ami.port)}`) as unknown,
    })
    expect(tests[2]?.endpoint).toContain(`AMI 127.0.0.1:${String(ami.port)}`)
  })

  it('re-pointing a saved profile needs the passphrase and drops the old secret: the runtime never logs in there with it', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    await core.start()
    const office = await officeOn(core, demo)
    const { ami } = await recorders()
    const moved: PbxProfile = { ...office, ami: { ...office.ami, port: ami.port } }

    const refused = await core.dispatch('profiles.save', { profile: moved }, attacker)
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'changing the AMI endpoint needs the admin passphrase' } })

    const saved = await core.dispatch('profiles.save', { profile: moved, adminPassphrase: ADMIN }, attacker)
    expect(saved).toMatchObject({ ok: true, value: { ami: { port: ami.port, hasSecret: false }, ari: { hasSecret: true } } })
    // The runtime restarted with the new address and no secret for it: nothing to log in with.
    await expect
      .poll(() => core.runtimes.statuses().find((s) => s.profileId === 'office'), { timeout: 5000 })
      .toMatchObject({ ami: 'down', amiError: 'no AMI secret stored for this profile' })
    await sleep(300)
    expect(ami.sawSecret(demo.builtin.secrets.ami ?? '')).toBe(false)
    expect(ami.received()).not.toMatch(/Action: Login/i)

    const line = (await auditLines(core)).find((e) => e.action === 'profile.save' && e.result === 'ok')
    expect(line).toMatchObject({
      seat: 'web socket 7',
      endpoint: `AMI 127.0.0.1:${String(office.ami.port)} → 127.0.0.1:${String(ami.port)}`,
      detail: expect.stringMatching(/admin passphrase given and verified; sealed: AMI endpoint; dropped AMI secret/) as unknown,
    })
  })
})

describe('the guard cannot be widened without the admin passphrase', () => {
  it('refuses every demonstrated widening, keeps the stored plan, and the guard still refuses the number', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    await core.start()
    const office = await officeOn(core, demo)
    const plan = office.dialPlan
    const attacks: [string, PbxProfile][] = [
      ['dial plan', { ...office, dialPlan: { ...plan, country: '44' } }],
      [
        'dial plan',
        {
          ...office,
          dialPlan: { ...plan, internalExtensions: { ...plan.internalExtensions, patterns: [...plan.internalExtensions.patterns, '900NXXXXXX'] } },
        },
      ],
      [
        'own extension, dial plan, originate settings',
        {
          ...office,
          operator: { ...office.operator, ownExtension: '9005551234' },
          dialPlan: { ...plan, internalExtensions: { ...plan.internalExtensions, list: ['9005551234'] } },
          originate: { ...office.originate, channelTemplate: 'Local/{ext}@from-internal' },
        },
      ],
      // A directory-enquiry number made "emergency": never blocked, only confirmed.
      ['dial plan', { ...office, dialPlan: { ...plan, emergencyNumbers: [...plan.emergencyNumbers, '11881'] } }],
      ['originate settings', { ...office, originate: { ...office.originate, context: 'from-trunk' } }],
      ['dial limits', { ...office, dialLimits: { burst: 200, perMinute: 600 } }],
    ]
    for (const [groups, profile] of attacks) {
      const r = await core.dispatch('profiles.save', { profile }, attacker)
      expect(r, groups).toMatchObject({ ok: false, error: { code: 'forbidden', message: `changing the ${groups} needs the admin passphrase` } })
    }
    const stored = await core.dispatch('profiles.list', undefined, attacker)
    expect(stored).toMatchObject({
      ok: true,
      value: { profiles: [{ id: 'office', dialPlan: plan, operator: office.operator, originate: office.originate }] },
    })
    // The number the widened plan would have let out is still refused by the guard.
    const call = await core.dispatch('calls.originate', { profileId: 'office', destination: '+442079460000' }, attacker)
    expect(call).toMatchObject({ ok: false, error: { code: 'refused' } })

    // A new profile has no trusted baseline: creating one needs the passphrase too.
    const fresh = await core.dispatch('profiles.save', { profile: { ...office, id: 'shadow', name: 'Shadow' } }, attacker)
    expect(fresh).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'creating a PBX profile needs the admin passphrase' } })
    // Even an admin may not make a premium number the operator's own phone.
    const premium = await core.dispatch(
      'profiles.save',
      { profile: { ...office, operator: { ...office.operator, ownExtension: '9005551234' } }, adminPassphrase: ADMIN },
      attacker,
    )
    expect(premium).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/9005551234 is not an internal extension/) as unknown },
    })
    const refusals = (await auditLines(core)).filter((e) => e.action === 'profile.save' && e.result === 'refused')
    expect(refusals).toHaveLength(attacks.length + 2)
  })
})

describe('removing a profile is an admin decision once a passphrase exists', () => {
  it('a seat without the passphrase cannot wipe a profile and its secrets; with it the profile goes, audited', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    await core.start()
    await officeOn(core, demo)
    const bare = await core.dispatch('profiles.remove', { id: 'office' }, attacker)
    expect(bare).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'removing a PBX profile needs the admin passphrase' } })
    const listed = await core.dispatch('profiles.list', undefined, attacker)
    expect(listed).toMatchObject({ ok: true, value: { profiles: [{ id: 'office', ami: { hasSecret: true } }] } })
    const done = await core.dispatch('profiles.remove', { id: 'office', adminPassphrase: ADMIN }, { clientId: 'ipc-1', transport: 'ipc' })
    expect(done).toMatchObject({ ok: true })
    const after = await core.dispatch('profiles.list', undefined, attacker)
    expect(after).toMatchObject({ ok: true, value: { profiles: [] } })
    const lines = (await auditLines(core)).filter((e) => e.action === 'profile.remove')
    expect(lines.map((e) => [e.result, e.seat])).toEqual([
      ['ok', 'window 1'],
      ['refused', 'web socket 7'],
    ])
  })
})

describe('passphrase attempts are throttled for the whole console', () => {
  it('a wrong guess makes the next one wait, whichever socket sends it, and every attempt is audited', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    const office = await officeOn(core, demo)
    const widened = { ...office, dialPlan: { ...office.dialPlan, allowedOutboundPrefixes: ['+44'] } }
    const sockets = Array.from({ length: 5 }, (_, i) => ({ clientId: `web-${String(20 + i)}`, transport: 'web' as const }))
    // Five sockets guess at once: one guess is checked, the rest wait (more sockets buy no more guesses).
    const guesses = await Promise.all(
      sockets.map((ctx, i) => core.dispatch('profiles.save', { profile: widened, adminPassphrase: `guess number ${String(i)}` }, ctx)),
    )
    expect(guesses.filter((g) => !g.ok && g.error.code === 'forbidden')).toHaveLength(1)
    const waiting = guesses.filter((g) => !g.ok && g.error.code === 'refused')
    expect(waiting).toHaveLength(4)
    expect(waiting[0]).toMatchObject({
      error: { message: 'too many wrong admin passphrase attempts; try again in 1 s', detail: { rule: 'passphrase_throttle' } },
    })
    // Even the right passphrase waits its turn.
    const early = await core.dispatch('profiles.save', { profile: widened, adminPassphrase: ADMIN }, attacker)
    expect(early).toMatchObject({ ok: false, error: { code: 'refused' } })
    await sleep(1100)
    // A second wrong guess doubles the wait, also for changing the passphrase itself.
    expect(await core.dispatch('admin.setPassphrase', { next: 'attacker passphrase', current: 'not it at all' }, attacker)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await core.dispatch('admin.setPassphrase', { next: 'attacker passphrase', current: ADMIN }, attacker)).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'too many wrong admin passphrase attempts; try again in 2 s' },
    })
    await sleep(2100)
    expect(await core.dispatch('profiles.save', { profile: widened, adminPassphrase: ADMIN }, attacker)).toMatchObject({ ok: true })
    const lines = await auditLines(core)
    const attempts = lines.filter(
      (e) => (e.action === 'profile.save' || e.action === 'admin.setPassphrase') && e.seat !== 'window 1' && e.seat !== 'web socket 1',
    )
    expect(attempts).toHaveLength(5 + 1 + 2 + 1)
    expect(attempts.filter((e) => e.errorCode === 'passphrase_throttled')).toHaveLength(4 + 1 + 1)
    expect(attempts.filter((e) => e.errorCode === 'passphrase_wrong')).toHaveLength(2)
    expect(attempts[0]).toMatchObject({ result: 'ok', detail: expect.stringContaining('admin passphrase given and verified') as unknown })
  })
})

describe('unclean input is refused, naming the field', () => {
  it('refuses control characters, direction overrides and unknown keys in profiles, passphrases, searches and pause reasons', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    const office = await officeOn(core, demo)
    const cases: [string, unknown, RegExp][] = [
      ['profiles.save', { profile: { ...office, name: 'Evil\u202eelif.exe\u0000' }, adminPassphrase: ADMIN }, /^profile\.name: must not contain/],
      [
        'profiles.save',
        JSON.parse(JSON.stringify({ profile: office, adminPassphrase: ADMIN }).replace('"operator":{', '"operator":{"__proto__":{"role":"admin"},')),
        /^profile\.operator: Unrecognized key: "__proto__"/,
      ],
      ['profiles.save', { profile: { ...office, constructor: 'x' }, adminPassphrase: ADMIN }, /^profile: Unrecognized key: "constructor"/],
      [
        'profiles.save',
        { profile: { ...office, dialPlan: { ...office.dialPlan, premium: true } } },
        /^profile\.dialPlan: Unrecognized key: "premium"/,
      ],
      ['profiles.save', { profile: office, adminPassphrase: `${ADMIN}\u0000` }, /^adminPassphrase: must not contain/],
      ['admin.setPassphrase', { next: 'new\u202epassphrase!', current: ADMIN }, /^next: must not contain/],
      ['history.query', { filter: { profileId: 'office' }, search: 'smith\u2066' }, /^search: must not contain/],
      ['history.query', { filter: { profileId: 'office', text: 'a\u001bb' } }, /^filter\.text: must not contain/],
      [
        'queues.pause',
        { profileId: 'office', queue: 'support', iface: 'PJSIP/101', paused: true, reason: 'Lunch\u200f' },
        /^reason: must not contain/,
      ],
    ]
    for (const [channel, input, message] of cases) {
      const r = await core.dispatch(channel, input, attacker)
      expect(r, `${channel} ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(message) as unknown },
      })
    }
    const stored = await core.dispatch('profiles.list', undefined, attacker)
    expect(stored).toMatchObject({ ok: true, value: { profiles: [{ name: 'Office' }] } })
    // The profile and passphrase attempts are audited, refused at the edge, in the same words.
    const edge = (await auditLines(core)).filter((e) => e.errorCode === 'invalid_input')
    expect(edge.map((e) => `${e.action} ${e.seat ?? ''}`)).toEqual([
      'admin.setPassphrase web socket 7',
      ...Array.from({ length: 5 }, () => 'profile.save web socket 7'),
    ])
    expect(edge[0]?.detail).toMatch(/^next: must not contain/)
  })
})

describe('audit lines for profile channels tell the truth', () => {
  it('name the seat and the role of the profile it works on, and a Test connection of enabled transports that all work is ok', async () => {
    const demo = await demoPbx()
    const core = await adminCore()
    await core.start()
    const office = await officeOn(core, demo, {
      ari: { ...demo.builtin.profile.ari, enabled: false },
      freepbx: { ...demo.builtin.profile.freepbx, enabled: false },
    })
    await core.dispatch(
      'profiles.save',
      { profile: { ...office, id: 'boss', name: 'Boss', operator: { ...office.operator, role: 'supervisor' } }, adminPassphrase: ADMIN },
      attacker,
    )
    const onBoss = { clientId: 'web-30', transport: 'web' as const }
    core.bus.register(onBoss.clientId, { send: () => undefined, isBackedUp: () => false })
    expect(await core.dispatch('live.subscribe', { profileId: 'boss' }, onBoss)).toMatchObject({ ok: true })

    const amiOnly = { ...office, ari: { ...office.ari, enabled: false }, freepbx: { ...office.freepbx, enabled: false } }
    expect(await core.dispatch('profiles.test', { profile: amiOnly }, onBoss)).toMatchObject({
      ok: true,
      value: { ami: { ok: true }, ari: { code: 'disabled' } },
    })
    await core.dispatch('profiles.save', { profile: { ...office, name: 'Renamed' } }, attacker)

    const [rename, test] = await auditLines(core, 2)
    expect(rename).toMatchObject({ action: 'profile.save', result: 'ok', seat: 'web socket 7', role: 'receptionist' })
    expect(rename?.detail).toBeUndefined()
    expect(test).toMatchObject({
      action: 'profile.test',
      result: 'ok',
      seat: 'web socket 30',
      role: 'supervisor',
      endpoint: `AMI 127.0.0.1:${String(office.ami.port)}`,
      detail: 'ami: ok',
    })
    // No line claims a role the seat does not have.
    expect((await auditLines(core)).filter((e) => e.role === 'admin')).toEqual([])
  })
})
