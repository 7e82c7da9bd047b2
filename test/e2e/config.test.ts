/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'
import { until } from '../support/wait'
import { startFreepbxDemoServer } from '../../src-main/core/demo-freepbx/index'
import { openSocket, nextFrame } from '../support/web-harness'

let browser: Browser
chromiumForFile((b) => (browser = b))
/** Screenshots of each list and editor, light and dark, to look at. */
const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/config')

const nav = (page: Page, view: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).click()
const grid = (page: Page, name: string) => page.getByRole('grid', { name, exact: true })
const tray = (page: Page) => page.getByRole('region', { name: 'Pending changes' })

/** Waits until `l` (one element) says `text`. */
async function shows(l: Locator, text: string | RegExp, timeoutMs = 10_000): Promise<void> {
  await until(
    `${String(l)} to say ${String(text)}`,
    async () => {
      const said = (await l.textContent({ timeout: 500 }).catch(() => null)) ?? ''
      return typeof text === 'string' ? said.includes(text) : text.test(said)
    },
    timeoutMs,
    50,
  )
}

const valueOf = (l: Locator): Promise<string> => l.inputValue()

async function openWorkspace(page: Page): Promise<void> {
  await nav(page, 'Configuration')
  // The extensions list is shown first; its first row once the PBX answered.
  await grid(page, 'Extensions').locator('[role=row][tabindex]').first().waitFor()
}

/** Opens `name`'s row of the shown list in the editor (search, then Enter on the first row). */
async function openRow(page: Page, search: string): Promise<void> {
  await page.keyboard.press('/')
  await page.keyboard.type(search)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  // The shell's notification prompt would cover the pending tray: hidden while shooting (through
  // the CSSOM, which the page's CSP allows), never clicked (that would take the focus from the
  // field being shown).
  const prompt = (visibility: string): Promise<void> =>
    page.evaluate((v) => {
      for (const el of document.querySelectorAll<HTMLElement>('.notification-prompt')) el.style.visibility = v
    }, visibility)
  await prompt('hidden')
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t
    }, theme)
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light'
  })
  await prompt('')
}

describe('configuration workspace in Chromium (web mode, demo FreePBX)', () => {
  describe('an admin seat', () => {
    let h: ConsoleHarness
    consoleForEachTest((harness) => (h = harness), { role: 'admin' })

    it('creates an extension, applies it with progress, and it appears on the lamps and rings', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await until('New extension to be offered', () => page.getByRole('button', { name: 'New extension' }).isEnabled())
      await page.keyboard.press('n')
      const editor = page.getByRole('form', { name: 'New extension' })
      expect(await valueOf(editor.getByRole('textbox', { name: 'Extension number' }))).toBe('120')
      // A name is required: said beside the field, and nothing is sent.
      await editor.getByRole('button', { name: 'Create extension' }).click()
      await shows(editor.locator('.field-error'), 'required')
      expect(await editor.getByRole('textbox', { name: 'Display name' }).getAttribute('aria-invalid')).toBe('true')
      expect(h.demo.pbx.freepbx?.extensions.has('120')).toBe(false)
      await editor.getByRole('textbox', { name: 'Display name' }).fill('Front desk two')
      await editor.getByRole('button', { name: 'Create extension' }).click()
      await editor.waitFor({ state: 'detached' })
      await grid(page, 'Extensions').getByRole('row').filter({ hasText: 'Front desk two' }).waitFor()

      // The tray: the change with its diff, FreePBX's own "needs apply", and nothing live yet.
      await tray(page).getByText('1 pending change').waitFor()
      await tray(page).getByText('Needs Apply').waitFor()
      await tray(page).getByRole('button', { name: '1 pending change' }).click()
      await shows(tray(page).getByRole('table', { name: 'What changed' }).getByRole('row').filter({ hasText: 'Display name' }), 'Front desk two')
      expect(h.demo.pbx.engine.ringingChannels()).toEqual([])
      await shoot(page, 'extensions-pending')

      const progress = tray(page).getByRole('status')
      await tray(page).getByRole('button', { name: 'Apply Config' }).click()
      await shows(progress, 'Applying…')
      await shows(progress, 'Applied in', 15_000)
      await tray(page).getByText('No pending changes').waitFor()
      await tray(page).getByText('Needs Apply').waitFor({ state: 'detached' })

      // One tool: the new extension is on the lamps and takes a call.
      await nav(page, 'Calls')
      const lamp = page.getByRole('region', { name: 'Extensions' }).getByRole('button', { name: /^Extension 120\b/ })
      await lamp.waitFor({ timeout: 10_000 })
      // The endpoint exists at once; its phone registers a moment later, then the lamp says so.
      // The tile's name is its own text ('Extension 120 Front desk two, Available').
      await until('the new phone to register', async () => ((await lamp.textContent()) ?? '').includes('Available'), 15_000, 100)
      await shoot(page, 'new-extension-on-lamps')
      expect(h.demo.pbx.placeCall({ from: { exten: '101' }, to: '120' })).toBeDefined()
      await ringingAt(h.demo, '120')
      expect(errors).toEqual([])
    })

    it('creates a range of extensions from one form', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await until('New extension to be offered', () => page.getByRole('button', { name: 'New extension' }).isEnabled())
      await page.getByRole('button', { name: 'New extension' }).click()
      const editor = page.getByRole('form', { name: 'New extension' })
      await editor.getByRole('textbox', { name: 'Extension number' }).fill('150')
      await editor.getByRole('textbox', { name: 'Display name' }).fill('Desk')
      await editor.getByRole('spinbutton', { name: 'How many' }).fill('3')
      await shows(editor, 'extensions 150 to 152')
      await editor.getByRole('button', { name: 'Create 3 extensions' }).click()
      await editor.waitFor({ state: 'detached' })
      // FreePBX names each by its number, then the name given (createRangeofExtension).
      for (const n of ['150', '151', '152']) {
        await grid(page, 'Extensions').getByRole('row').filter({ hasText: n }).filter({ hasText: 'Desk' }).waitFor()
        expect(h.demo.pbx.freepbx?.extensions.get(n)?.name).toMatch(new RegExp(`^${n}\\s+Desk$`))
      }
      await tray(page).getByText('3 pending changes').waitFor()
      expect(errors).toEqual([])
    })

    it('adds a ring group member by name; after Apply the next call to the group rings it too', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await page.keyboard.press('2')
      await grid(page, 'Ring groups').locator('[role=row][tabindex]').first().waitFor()
      await openRow(page, 'Sales team')
      const editor = page.getByRole('form', { name: 'Ring group 600' })
      const add = editor.getByRole('combobox', { name: 'Add a member to members' })
      await add.fill('david')
      expect(await editor.getByRole('listbox', { name: 'Add a member to members: choices' }).getByRole('option').allTextContents()).toEqual([
        '104 David Eze',
      ])
      await add.press('Enter')
      expect(await editor.getByRole('list', { name: 'Members' }).getByRole('listitem').allTextContents()).toEqual([
        expect.stringContaining('101 Anna Berger'),
        expect.stringContaining('102 Ben Cho'),
        expect.stringContaining('103 Carla Diaz'),
        expect.stringContaining('104 David Eze'),
      ])
      await shoot(page, 'ring-group-member-added')
      await editor.getByRole('button', { name: 'Save' }).click()
      await editor.waitFor({ state: 'detached' })
      await tray(page).getByRole('button', { name: 'Apply Config' }).click()
      await shows(tray(page).getByRole('status'), 'Applied in', 15_000)
      // The group's DID: all four phones ring now.
      h.demo.pbx.placeCall({ from: { trunk: 'peer' }, to: '4930555100' })
      await until('four phones ringing', () => h.demo.pbx.engine.ringingChannels().length === 4)
      expect(
        h.demo.pbx.engine
          .ringingChannels()
          .map((c) => c.device)
          .sort(),
      ).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103', 'PJSIP/104'])
      expect(errors).toEqual([])
    })

    it('deletes an inbound route with Delete (asked first), and undoes it from the tray', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await page.keyboard.press('3')
      await grid(page, 'Inbound routes').locator('[role=row][tabindex]').first().waitFor()
      await openRow(page, 'Direct line 105')
      await page.getByRole('form', { name: 'Inbound route 4930555105' }).waitFor()
      await page.locator('body').focus()
      await page.keyboard.press('Delete')
      const confirm = page.getByRole('dialog', { name: /^Delete inbound route 4930555105/ })
      await confirm.waitFor()
      await shoot(page, 'delete-confirm')
      // Escape keeps it; Delete again and Enter deletes (the dialog's Delete has the focus).
      await page.keyboard.press('Escape')
      await confirm.waitFor({ state: 'detached' })
      expect(h.demo.pbx.freepbx?.inboundRoutes.has('4930555105/')).toBe(true)
      await page.keyboard.press('Delete')
      await confirm.waitFor()
      await page.keyboard.press('Enter')
      await confirm.waitFor({ state: 'detached' })
      await until('the route gone from FreePBX', () => h.demo.pbx.freepbx?.inboundRoutes.has('4930555105/') === false)
      await grid(page, 'Inbound routes').getByRole('row').filter({ hasText: 'Direct line 105' }).waitFor({ state: 'detached' })
      await tray(page).getByRole('button', { name: '1 pending change' }).click()
      await tray(page)
        .getByRole('button', { name: /^Restore Inbound route 4930555105/ })
        .click()
      await until('the route back on FreePBX', () => h.demo.pbx.freepbx?.inboundRoutes.has('4930555105/') === true)
      await grid(page, 'Inbound routes').getByRole('row').filter({ hasText: 'Direct line 105' }).waitFor()
      expect(errors).toEqual([])
    })

    it('rotates a SIP secret and shows it once, never again', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await openRow(page, 'Ben Cho')
      const editor = page.getByRole('form', { name: 'Extension 102' })
      await editor.waitFor()
      await editor.getByText('Set (never shown)').waitFor()
      await shoot(page, 'extension-editor')
      const before = h.demo.pbx.freepbx?.extensions.get('102')?.secret
      await editor.getByRole('button', { name: 'Rotate secret…' }).click()
      await page.getByRole('dialog', { name: 'Rotate the SIP secret of 102' }).getByRole('button', { name: 'Rotate secret' }).click()
      const reveal = page.getByRole('dialog', { name: 'New SIP secret of 102' })
      const shown = await reveal.getByRole('textbox', { name: 'New SIP secret' }).inputValue()
      // What the dialog shows is what FreePBX now holds, and it is strong.
      expect(shown.length).toBeGreaterThanOrEqual(16)
      expect(shown).not.toBe(before)
      expect(h.demo.pbx.freepbx?.extensions.get('102')?.secret).toBe(shown)
      await shoot(page, 'secret-reveal')
      await reveal.getByRole('button', { name: 'Done — forget it' }).click()
      await reveal.waitFor({ state: 'detached' })
      // Gone from the page: not in the DOM, not in the list, not in the tray's diff.
      expect(await page.content()).not.toContain(shown)
      await tray(page)
        .getByRole('button', { name: /pending change/ })
        .click()
      await shows(tray(page).getByRole('table', { name: 'What changed' }), '(changed)')
      expect(await page.content()).not.toContain(shown)
      // The audit says it was revealed, without it.
      const audit = await h.core.dispatch('audit.read', { limit: 50 }, { clientId: 'ipc-1', transport: 'ipc' })
      expect(JSON.stringify(audit)).not.toContain(shown)
      expect(errors).toEqual([])
    })

    it('says why an apply failed, in FreePBX’s own words', async () => {
      const config = h.demo.pbx.freepbx
      if (config === undefined) throw new Error('the demo has no FreePBX configuration')
      config.reloadBehaviour = { ...config.reloadBehaviour, outcome: 'failed', delayMs: 300, details: 'Reload failed: exit code 255 (core dialplan)' }
      const { page } = await openConsole(browser, h)
      await openWorkspace(page)
      await page.keyboard.press('3')
      await grid(page, 'Inbound routes').locator('[role=row][tabindex]').first().waitFor()
      await openRow(page, 'Support line')
      const editor = page.getByRole('form', { name: /^Inbound route/ })
      // The destination by name, never as context,exten,priority.
      const picker = editor.getByRole('combobox', { name: 'Destination' })
      expect(await valueOf(picker)).toMatch(/support/i)
      await picker.fill('ring group 600')
      await editor.getByRole('listbox', { name: 'Destination: choices' }).waitFor()
      expect(await editor.getByRole('listbox', { name: 'Destination: choices' }).getByRole('option').allTextContents()).toEqual([
        'Ring group 600 Sales team',
      ])
      await shoot(page, 'route-editor-picker')
      await picker.press('Enter')
      expect(await valueOf(picker)).toBe('Ring group 600 Sales team')
      await editor.getByRole('button', { name: 'Save' }).click()
      await editor.waitFor({ state: 'detached' })
      await tray(page).getByRole('button', { name: 'Apply Config' }).click()
      const progress = tray(page).getByRole('status')
      await shows(progress, 'Apply failed', 15_000)
      expect(await tray(page).getByRole('note', { name: 'FreePBX’s details' }).textContent()).toBe('Reload failed: exit code 255 (core dialplan)')
      expect(await tray(page).getByRole('button', { name: 'Apply Config' }).isEnabled()).toBe(true)
      await shoot(page, 'apply-failed')
    })

    it('shows both versions when the object changed on the PBX meanwhile, and writes mine over theirs when asked', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await openRow(page, 'Carla')
      const editor = page.getByRole('form', { name: 'Extension 103' })
      await editor.getByText('Set (never shown)').waitFor()
      // Another admin renames it on the PBX while this editor is open.
      const ipc = { clientId: 'ipc-1', transport: 'ipc' as const }
      const read = await h.core.dispatch('config.get', { profileId: 'demo', kind: 'extension', id: '103' }, ipc)
      if (!read.ok || read.value.kind !== 'extension') throw new Error('extension 103 not readable')
      const theirs = await h.core.dispatch(
        'config.save',
        {
          profileId: 'demo',
          changes: [
            {
              kind: 'extension',
              operation: 'update',
              id: '103',
              baseVersion: read.value.version,
              values: { ...read.value.values, name: 'Carla (sales)' },
            },
          ],
        },
        ipc,
      )
      expect(theirs.ok && theirs.value.outcomes[0]?.ok).toBe(true)

      await editor.getByRole('textbox', { name: 'Email', exact: true }).fill('carla@example.com')
      await editor.getByRole('button', { name: 'Save' }).click()
      // FreePBX deletes and recreates an extension to update it: said first, then asked.
      await shows(editor.getByRole('alert').filter({ hasText: 'Before you save' }), 'Follow-Me')
      await editor.getByRole('button', { name: 'Save anyway' }).click()
      const conflict = page.getByRole('dialog', { name: 'Extension 103 changed on the PBX' })
      await conflict.waitFor()
      const row = (field: string) => conflict.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${field}`) }) })
      expect(await row('Display name').getByRole('cell').allTextContents()).toEqual(['Carla Diaz', 'Carla (sales)'])
      expect(await row('Email').getByRole('cell').allTextContents()).toEqual(['carla@example.com', '(empty)'])
      await shoot(page, 'conflict')
      await conflict.getByRole('button', { name: 'Save mine over theirs' }).click()
      await editor.waitFor({ state: 'detached' })
      const now = h.demo.pbx.freepbx?.extensions.get('103')
      expect([now?.name, now?.email]).toEqual(['Carla Diaz', 'carla@example.com'])
      expect(errors).toEqual([])
    })

    it('shows each list and its editor (screenshots, light and dark)', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      const lists = [
        ['1', 'Extensions', 'extensions'],
        ['2', 'Ring groups', 'ring-groups'],
        ['3', 'Inbound routes', 'inbound-routes'],
        ['4', 'Voicemail', 'voicemail'],
        ['5', 'Queue members', 'queue-members'],
      ] as const
      for (const [key, name, file] of lists) {
        await page.keyboard.press(key)
        const rows = grid(page, name).locator('[role=row][tabindex]')
        await rows.first().waitFor()
        await shoot(page, `${file}-list`)
        await rows.first().focus()
        await page.keyboard.press('Enter')
        await page.locator('.config-editor form').waitFor()
        await shoot(page, `${file}-editor`)
        await page.keyboard.press('Escape')
        await page.locator('.config-editor').waitFor({ state: 'detached' })
      }
      expect(errors).toEqual([])
    })
  })

  describe('an admin seat, calls placed through the demo PBX’s control API, Apply’s limit shortened to 2.5 s', () => {
    let h: ConsoleHarness
    consoleForEachTest((harness) => (h = harness), { role: 'admin', controlPort: 0, configApplyTiming: { pollMs: 200, timeoutMs: 2500 } })

    /** An inbound call from the trunk on `did`, as the demo's HTTP control API places it. */
    async function callDid(did: string): Promise<void> {
      const control = h.demo.pbx.info().control
      if (control === undefined) throw new Error('the demo PBX serves no control API')
      const res = await fetch(`http://127.0.0.1:${String(control.port)}/control/placeCall`, {
        method: 'POST',
        headers: { authorization: `Bearer ${control.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ trunk: 'peer', callerNum: '4915112345678', callerName: 'Night caller', to: did }),
      })
      expect(res.status).toBe(200)
    }

    const ringingPhones = (): string[] =>
      h.demo.pbx.engine
        .ringingChannels()
        .map((c) => c.device)
        .sort()

    it('adds an inbound route; after Apply the next call on that DID follows it', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await page.keyboard.press('3')
      await grid(page, 'Inbound routes').locator('[role=row][tabindex]').first().waitFor()
      await page.keyboard.press('n')
      const editor = page.getByRole('form', { name: 'New inbound route' })
      await editor.getByRole('textbox', { name: 'DID number' }).fill('4930555199')
      await editor.getByRole('textbox', { name: 'Description' }).fill('Night line')
      const picker = editor.getByRole('combobox', { name: 'Destination' })
      await picker.fill('carla')
      expect(await editor.getByRole('listbox', { name: 'Destination: choices' }).getByRole('option').first().textContent()).toBe('103 Carla Diaz')
      await picker.press('Enter')
      expect(await valueOf(picker)).toBe('103 Carla Diaz')
      await editor.getByRole('button', { name: 'Create inbound route' }).click()
      await editor.waitFor({ state: 'detached' })
      await grid(page, 'Inbound routes').getByRole('row').filter({ hasText: 'Night line' }).waitFor()
      expect(h.demo.pbx.freepbx?.inboundRoutes.has('4930555199/')).toBe(true)
      // Written, not applied: the PBX still runs the old configuration, so the DID leads nowhere.
      await callDid('4930555199')
      await new Promise((r) => setTimeout(r, 800))
      expect(ringingPhones()).not.toContain('PJSIP/103')
      for (const c of h.demo.pbx.channels()) h.demo.pbx.hangup(c.name)
      await tray(page).getByRole('button', { name: 'Apply Config' }).click()
      await shows(tray(page).getByRole('status'), 'Applied in', 15_000)
      await callDid('4930555199')
      await until('the call on the new DID ringing at 103', () => ringingPhones().includes('PJSIP/103'))
      expect(ringingPhones()).toEqual(['PJSIP/103'])
      await page.keyboard.press('/')
      await page.keyboard.type('night')
      await shoot(page, 'route-added-applied')
      expect(errors).toEqual([])
    })

    it('an apply that hangs in Processing says "outcome unknown — check the PBX" after the limit, and offers Apply again', async () => {
      const config = h.demo.pbx.freepbx
      if (config === undefined) throw new Error('the demo has no FreePBX configuration')
      config.reloadBehaviour = { ...config.reloadBehaviour, outcome: 'stuck' }
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await openRow(page, 'Ben Cho')
      const editor = page.getByRole('form', { name: 'Extension 102' })
      await editor.getByRole('textbox', { name: 'Display name' }).fill('Ben Cho (desk)')
      await editor.getByRole('button', { name: 'Save' }).click()
      await editor.getByRole('button', { name: 'Save anyway' }).click()
      await editor.waitFor({ state: 'detached' })
      const started = Date.now()
      await tray(page).getByRole('button', { name: 'Apply Config' }).click()
      const progress = tray(page).getByRole('status')
      await shows(progress, 'FreePBX is processing')
      expect(await tray(page).getByRole('button', { name: 'Applying…' }).isDisabled()).toBe(true)
      await shows(progress, 'Outcome unknown — check the PBX', 10_000)
      expect(Date.now() - started).toBeGreaterThanOrEqual(2500)
      // Never a guess: the change stays pending, and Apply is offered again.
      expect(await tray(page).getByRole('button', { name: '1 pending change' }).isVisible()).toBe(true)
      expect(await tray(page).getByRole('button', { name: 'Apply Config' }).isEnabled()).toBe(true)
      await shoot(page, 'apply-unknown')
      const audit = await h.core.dispatch('audit.read', { limit: 50 }, { clientId: 'ipc-1', transport: 'ipc' })
      expect(JSON.stringify(audit)).toContain('outcome_unknown')
      expect(errors).toEqual([])
    })
  })

  describe('Test connection of a new admin profile', () => {
    let h: ConsoleHarness
    consoleForEachTest((harness) => (h = harness), { role: 'admin' })

    it('says what configuration needs: the scopes its FreePBX API application lacks, read and write apart', async () => {
      const passphrase = 'correct horse battery staple'
      const set = await h.core.dispatch('admin.setPassphrase', { next: passphrase }, { clientId: 'ipc-1', transport: 'ipc' })
      expect(set.ok).toBe(true)
      // The demo's FreePBX configuration behind an API application allowed only to read extensions and routes.
      const client = { clientId: 'narrow-app', clientSecret: 'narrow-secret', allowedScopes: ['gql:core:read', 'gql:framework'] }
      const narrow = await startFreepbxDemoServer({ port: 0, clients: [client], config: h.demo.pbx.freepbx })
      try {
        const { page, errors } = await openConsole(browser, h)
        const info = h.demo.pbx.info()
        const operator = info.ami.users.find((u) => u.username === 'operator')
        if (operator === undefined) throw new Error('the demo PBX has no operator user')
        await nav(page, 'Admin')
        await page.getByRole('button', { name: 'New profile' }).click()
        const form = page.getByRole('form', { name: 'New PBX profile' })
        const pbxGroup = form.getByRole('group', { name: 'PBX', exact: true })
        await pbxGroup.getByRole('textbox', { name: 'Name' }).fill('Head office')
        await pbxGroup.getByRole('textbox', { name: 'Profile id' }).fill('head-office')
        await pbxGroup.getByRole('textbox', { name: 'Host' }).fill(info.ami.host)
        const ami = form.getByRole('group', { name: 'AMI', exact: true })
        await ami.getByRole('textbox', { name: 'Port' }).fill(String(info.ami.port))
        await ami.getByRole('textbox', { name: 'User' }).fill(operator.username)
        await ami.getByLabel('AMI secret').fill(operator.secret)
        const api = form.getByRole('group', { name: 'FreePBX API', exact: true })
        await api.getByRole('checkbox', { name: 'Use the FreePBX API' }).check()
        await api.getByRole('textbox', { name: 'Base URL' }).fill(narrow.baseUrl)
        await api.getByRole('textbox', { name: 'Client id' }).fill(client.clientId)
        await api.getByLabel('Client secret').fill(client.clientSecret)
        await form.getByRole('combobox', { name: 'Role' }).selectOption('admin')
        await form.getByRole('button', { name: 'Test connection' }).click()
        const results = form.getByRole('list', { name: 'Connection test results' })
        const line = results.getByRole('listitem').filter({ hasText: /^Configuration:/ })
        await line.waitFor()
        const said = (await line.textContent()) ?? ''
        expect(said).toMatch(/^Configuration: partly: extensions and inbound routes only read; ring groups, voicemail and queue members not at all/)
        expect(said).toContain('may read extensions but not change them: add the scope gql:core (or gql:core:write)')
        expect(said).toContain('may not read or change ring groups: add the scope gql:ringgroups')
        expect(said).toContain('Scopes to add: gql:core gql:ringgroups gql:voicemail rest:queues')
        expect(
          await results
            .getByRole('listitem')
            .filter({ hasText: /^FreePBX API:/ })
            .textContent(),
        ).toMatch(/connected/)
        await line.scrollIntoViewIfNeeded()
        await shoot(page, 'test-connection-config')
        expect(errors).toEqual([])
      } finally {
        await narrow.close()
      }
    })
  })

  describe('an admin seat whose FreePBX API application may only read extensions and routes', () => {
    let h: ConsoleHarness
    consoleForEachTest((harness) => (h = harness), { role: 'admin', freepbxScopes: ['gql:core:read', 'gql:framework:read:system'] })

    it('the workspace says what to add on FreePBX, shows what it can read without offering writes, and keeps Apply off', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      const needs = page.getByRole('region', { name: 'What this PBX needs' })
      await shows(needs, 'Scopes to add: gql:core gql:ringgroups gql:voicemail gql:framework rest:queues')
      expect(await needs.getByRole('listitem').allTextContents()).toContain(
        'The API application may read extensions but not change them: add the scope gql:core (or gql:core:write).',
      )
      // Lists it cannot read are off, with the reason; the ones it can are shown but not written.
      expect(await page.getByRole('tab', { name: /^Ring groups/ }).isDisabled()).toBe(true)
      expect(await page.getByRole('button', { name: 'New extension' }).isDisabled()).toBe(true)
      expect(await page.getByRole('button', { name: 'New extension' }).getAttribute('title')).toMatch(/may read the extensions but not change them/)
      await openRow(page, 'Ben Cho')
      const editor = page.getByRole('form', { name: 'Extension 102' })
      await page
        .locator('.config-editor')
        .getByText(/may read the extensions but not change them/)
        .first()
        .waitFor()
      expect(await editor.getByRole('textbox', { name: 'Display name' }).isDisabled()).toBe(true)
      expect(await editor.getByRole('combobox', { name: 'Technology' }).isDisabled()).toBe(true)
      const apply = tray(page).getByRole('button', { name: 'Apply Config' })
      expect(await apply.isDisabled()).toBe(true)
      expect(await apply.getAttribute('title')).toMatch(/may not run Apply Config/)
      await shoot(page, 'scopes-missing')
      expect(errors).toEqual([])
    })
  })

  describe('a read-only admin seat', () => {
    let h: ConsoleHarness
    consoleForEachTest((harness) => (h = harness), { role: 'admin', readOnly: true })

    it('shows the configuration but offers no write, and main refuses one sent anyway', async () => {
      const { page, errors } = await openConsole(browser, h)
      await openWorkspace(page)
      await page
        .getByText(/This seat’s profile is read-only/)
        .first()
        .waitFor()
      expect(await page.getByRole('button', { name: 'New extension' }).isDisabled()).toBe(true)
      expect(await tray(page).getByRole('button', { name: 'Apply Config' }).isDisabled()).toBe(true)
      await openRow(page, 'Anna')
      const editor = page.getByRole('form', { name: 'Extension 101' })
      expect(await editor.getByRole('textbox', { name: 'Display name' }).isDisabled()).toBe(true)
      expect(await editor.getByRole('combobox', { name: 'Technology' }).isDisabled()).toBe(true)
      expect(await editor.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
      await shoot(page, 'read-only')

      // As an attacker would: the same socket the page uses, a write the page does not offer.
      const url = new URL(h.server.url)
      const ws = await openSocket(`ws://${url.host}/ws?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`, url.origin)
      try {
        const item = await h.core.dispatch('config.get', { profileId: 'demo', kind: 'extension', id: '101' }, { clientId: 'ipc-1', transport: 'ipc' })
        if (!item.ok || item.value.kind !== 'extension') throw new Error('extension 101 not readable')
        const values = { ...item.value.values, name: 'Taken over' }
        ws.send(
          JSON.stringify({
            id: 1,
            channel: 'config.save',
            input: { profileId: 'demo', changes: [{ kind: 'extension', operation: 'update', id: '101', baseVersion: item.value.version, values }] },
          }),
        )
        let reply = await nextFrame(ws)
        while (reply.kind !== 'reply') reply = await nextFrame(ws)
        const outcome = reply.result.ok ? reply.result.value.outcomes[0] : reply.result.error
        expect(outcome.code).toBe('forbidden')
      } finally {
        ws.close()
      }
      expect(h.demo.pbx.freepbx?.extensions.get('101')?.name).not.toBe('Taken over')
      expect(errors).toEqual([])
    })
  })

  describe('a receptionist seat', () => {
    let h: ConsoleHarness
    consoleForEachTest((harness) => (h = harness))

    it('is told configuration is for admins', async () => {
      const { page } = await openConsole(browser, h)
      await nav(page, 'Configuration')
      await shows(page.getByRole('region', { name: 'Configuration is for admins' }), 'receptionist')
      expect(await page.getByRole('grid').count()).toBe(0)
    })
  })
})
