/** `npm run demo:pbx` serves the FreePBX API too, and its ready line says how to reach it. */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { cleanupsAfterEach } from '../../support/cleanups'

const cleanups = cleanupsAfterEach()

interface ReadyLine {
  readonly freepbx: {
    baseUrl: string
    tokenUrl: string
    graphqlUrl: string
    restUrl: string
    clientId: string
    clientSecret: string
    version: string
  }
}

async function startCli(args: readonly string[]): Promise<ReadyLine> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/demo-pbx.ts', '--ami-port', '0', '--ari-port', '0', '--freepbx-port', '0', '--rate', '0', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve()
        })
        child.kill('SIGTERM')
      }),
  )
  const lines = createInterface({ input: child.stdout })
  for await (const line of lines) return JSON.parse(line) as ReadyLine
  throw new Error('demo:pbx ended without a ready line')
}

describe('npm run demo:pbx', () => {
  it('prints the FreePBX API base URL, token URL and a client id and secret that work', async () => {
    const ready = await startCli(['--freepbx-version', '16'])
    const { freepbx } = ready
    expect(freepbx.tokenUrl).toBe(`${freepbx.baseUrl}/admin/api/api/token`)
    expect(freepbx.graphqlUrl).toBe(`${freepbx.baseUrl}/admin/api/api/gql`)
    expect(freepbx.clientId).toMatch(/^[0-9a-f]{64}$/)
    expect(freepbx.clientSecret).toMatch(/^[0-9a-f]{32}$/)
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: freepbx.clientId, client_secret: freepbx.clientSecret })
    const token = (await (
      await request(freepbx.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })
    ).body.json()) as { access_token: string }
    const res = await request(freepbx.graphqlUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ system { version } fetchAllExtensions { totalCount } }' }),
    })
    expect(await res.body.json()).toEqual({ data: { system: { version: '16.0.40.7' }, fetchAllExtensions: { totalCount: 20 } } })
  }, 30_000)
})
