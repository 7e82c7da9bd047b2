import { getIntrospectionQuery } from 'graphql'
import { request } from 'undici'
import { describe, expect, it } from 'vitest'
import { cleanupsAfterEach } from '../../support/cleanups'
import { CLIENT_ID, CLIENT_SECRET, applyConfig, startFreepbxApi, waitForReload } from './harness'

const cleanups = cleanupsAfterEach()

const ADD_EXT = 'mutation { addExtension(input: { extensionId: "140", name: "Apply Test", email: "" }) { status message } }'

describe('demo FreePBX: Apply Config (doreload, fetchApiStatus, needReload)', () => {
  it('doreload answers at once with a transaction that goes Processing → Executed; needReload follows', async () => {
    const h = await startFreepbxApi(cleanups, { reload: { delayMs: 150 } })
    const needs = async (): Promise<unknown> => (await h.gql('{ fetchNeedReload { status message } }')).body.data.fetchNeedReload
    expect(await needs()).toEqual({ status: true, message: 'Doreload is not required' })
    await h.gql(ADD_EXT)
    expect(await needs()).toEqual({ status: true, message: 'Doreload is required' })
    expect((await h.gql('{ system { version engine needReload } }')).body.data.system).toEqual({
      version: '17.0.19.32',
      engine: 'asterisk 22.10.1',
      needReload: true,
    })

    const started = await h.gql('mutation { doreload(input: { clientMutationId: "a1" }) { status message transaction_id clientMutationId } }')
    expect(started.body.data.doreload).toMatchObject({ status: true, transaction_id: '1', clientMutationId: 'a1' })
    expect(started.body.data.doreload.message).toMatch(/check the status using fetchApiStatus api/)
    const processing = await h.gql('{ fetchApiStatus(txnId: "1") { status message details } }')
    expect(processing.body.data.fetchApiStatus).toEqual({ status: true, message: 'Processing', details: '' })
    expect(h.pbx.engine.phones.has('140')).toBe(false)

    const done = await waitForReload(h, '1')
    expect(done.body.data.fetchApiStatus).toEqual({ status: true, message: 'Executed', details: '' })
    expect(await needs()).toEqual({ status: true, message: 'Doreload is not required' })
    expect(h.pbx.engine.phones.has('140')).toBe(true)
    const unknown = await h.gql('{ fetchApiStatus(txnId: "99") { status message } }')
    expect(unknown.body.data.fetchApiStatus).toEqual({ status: true, message: 'Sorry unable to fetch the status' })
  })

  it('a reload can fail (with FreePBX details, nothing applied) or hang in Processing', async () => {
    const h = await startFreepbxApi(cleanups, { reload: { delayMs: 30, outcome: 'failed', details: 'exit: 1, retrieve_conf failed' } })
    await h.gql(ADD_EXT)
    const failed = await applyConfig(h)
    expect(failed.body.data.fetchApiStatus).toEqual({ status: true, message: 'Failed', details: 'exit: 1, retrieve_conf failed' })
    expect(h.pbx.engine.phones.has('140')).toBe(false)
    expect(h.pbx.freepbx?.needReload).toBe(true)

    h.api.handler.setReloadBehaviour({ outcome: 'stuck' })
    const stuck = await h.gql('mutation { doreload(input: {}) { transaction_id } }')
    await new Promise((r) => setTimeout(r, 120))
    const still = await h.gql('query($id: ID!) { fetchApiStatus(txnId: $id) { message } }', { id: stuck.body.data.doreload.transaction_id })
    expect(still.body.data.fetchApiStatus.message).toBe('Processing')

    h.api.handler.setReloadBehaviour({ outcome: 'executed' })
    expect((await applyConfig(h)).body.data.fetchApiStatus.message).toBe('Executed')
    expect(h.pbx.engine.phones.has('140')).toBe(true)
  })

  it("the demo PBX's control endpoint sets how the next Apply ends (for tests that run the demo in another process)", async () => {
    const h = await startFreepbxApi(cleanups, { controlPort: 0, reload: { delayMs: 20 } })
    const control = h.pbx.info().control
    if (control === undefined) throw new Error('no control endpoint')
    const res = await request(`http://127.0.0.1:${String(control.port)}/control/freepbxReload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${control.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'failed', details: 'Syntax error in extensions_additional.conf' }),
    })
    expect(await res.body.json()).toEqual({
      ok: true,
      result: { outcome: 'failed', delayMs: 20, details: 'Syntax error in extensions_additional.conf' },
    })
    expect((await applyConfig(h)).body.data.fetchApiStatus).toEqual({
      status: true,
      message: 'Failed',
      details: 'Syntax error in extensions_additional.conf',
    })
  })
})

describe('demo FreePBX: tokens, scopes and error shapes', () => {
  it('client_credentials tokens: wrong secret 401 invalid_client, scope outside the application 400 invalid_scope, expiry', async () => {
    let t = 1_000_000
    const h = await startFreepbxApi(cleanups, {
      tokenLifetimeSec: 60,
      now: () => t,
      moreClients: [{ clientId: 'rg-only', clientSecret: CLIENT_SECRET, allowedScopes: ['gql:ringgroups'] }],
    })
    const ok = await h.tokenReply({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 60 })
    const wrong = await h.tokenReply({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: 'f'.repeat(32) })
    expect(wrong).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client authentication failed', message: 'Client authentication failed' },
    })
    const scope = await h.tokenReply({ grant_type: 'client_credentials', client_id: 'rg-only', client_secret: CLIENT_SECRET, scope: 'gql:core' })
    expect(scope.status).toBe(400)
    expect(scope.body).toMatchObject({ error: 'invalid_scope', hint: 'Check the `gql:core` scope' })

    const token = String(ok.body.access_token)
    expect((await h.gql('{ system { needReload } }', {}, token)).status).toBe(200)
    t += 60_000
    const expired = await h.gql('{ system { needReload } }', {}, token)
    expect(expired.status).toBe(500)
    expect(expired.body.error.type).toBe('League\\OAuth2\\Server\\Exception\\OAuthServerException')
    h.api.handler.setVersion('16')
    const expired16 = await h.gql('{ system { needReload } }', {}, token)
    expect(expired16.status).toBe(401)
    expect(expired16.body).toMatchObject({ error: 'access_denied', hint: 'Access token could not be verified' })
    const none = await h.gql('{ system { needReload } }', {}, null)
    expect(none.body.hint).toBe('Missing "Authorization" header')
  })

  it('a field the token has no scope for is absent: a validation error, not a 403; fine scopes only where the module checks them', async () => {
    const h = await startFreepbxApi(cleanups)
    const rgOnly = await h.token('gql:ringgroups')
    const ext = await h.gql('{ fetchAllExtensions { totalCount } }', {}, rgOnly)
    expect(ext.status).toBe(200)
    expect(ext.body.errors[0].message).toBe('Cannot query field "fetchAllExtensions" on type "Query".')
    expect((await h.gql('{ fetchAllRingGroups { totalCount } }', {}, rgOnly)).body.data.fetchAllRingGroups.totalCount).toBe(1)

    // Extensions check only the coarse scopes: write:extension is not enough.
    const fine = await h.token('gql:core:write:extension gql:core:read')
    const add = await h.gql('mutation { addExtension(input: { extensionId: "150", name: "x", email: "" }) { status } }', {}, fine)
    // With no mutation the token may use, the schema has no Mutation type at all.
    expect(add.body.errors[0].message).toMatch(/^Cannot query field "addExtension" on type "Mutation"|mutation operation is not supported/)
    // Inbound routes accept the fine form.
    const did = await h.token('gql:core:read:did')
    expect((await h.gql('{ allInboundRoutes { totalCount } }', {}, did)).body.data.allInboundRoutes.totalCount).toBe(23)
    expect((await h.gql('{ fetchAllExtensions { totalCount } }', {}, did)).body.errors[0].message).toMatch(/Cannot query field "fetchAllExtensions"/)
    const framework = await h.token('gql:framework:read:system')
    expect((await h.gql('{ fetchNeedReload { message } }', {}, framework)).status).toBe(200)
    expect((await h.gql('mutation { doreload(input: {}) { status } }', {}, framework)).body.errors[0].message).toMatch(/doreload|mutation/)
  })

  it('16 and 17 answer errors differently: resolver errors, validation errors', async () => {
    const h = await startFreepbxApi(cleanups, { quirks: { voicemailDestinationError: true } })
    const vmRoute = 'mutation { addInboundRoute(input: { extension: "4930555300", destination: "ext-local,vmb101,1" }) { status message } }'
    const r17 = await h.gql(vmRoute)
    expect(r17.status).toBe(200)
    expect(r17.body).toEqual({
      errors: [{ message: 'Internal server error', locations: [{ line: 1, column: 12 }], path: ['addInboundRoute'] }],
      data: { addInboundRoute: null },
    })
    const v17 = await h.gql('{ nosuchField }')
    expect(v17.status).toBe(200)
    expect(v17.body.errors[0]).toMatchObject({ message: 'Cannot query field "nosuchField" on type "Query".', locations: [{ line: 1, column: 3 }] })

    h.api.handler.setVersion('16')
    const r16 = await h.gql(vmRoute)
    expect(r16).toEqual({ status: 400, body: { errors: [{ message: 'Internal server error', status: false }] } })
    const v16 = await h.gql('{ nosuchField }')
    expect(v16).toEqual({ status: 400, body: { errors: [{ message: 'Cannot query field "nosuchField" on type "Query".', status: false }] } })
    expect((await h.gql('{ system { version } }')).body.data.system.version).toBe('16.0.40.7')
    // A business failure looks the same in both.
    expect((await h.gql('{ fetchExtension(extensionId: "1") { status message } }')).body).toEqual({
      errors: [{ message: 'Extension does not exists', status: false }],
    })
  })

  it('only the FIRST root field decides a business failure', async () => {
    const h = await startFreepbxApi(cleanups)
    const firstOk = await h.gql('{ a: fetchExtension(extensionId: "101") { status } b: fetchExtension(extensionId: "1") { status message } }')
    expect(firstOk.status).toBe(200)
    expect(firstOk.body.data).toEqual({ a: { status: true }, b: { status: false, message: 'Extension does not exists' } })
  })

  it('introspection describes the types used (Relay inputs and payloads included)', async () => {
    const h = await startFreepbxApi(cleanups)
    const schema = await h.gql(getIntrospectionQuery())
    const types = new Map((schema.body.data.__schema.types as { name: string; fields: { name: string }[] | null }[]).map((t) => [t.name, t]))
    for (const name of [
      'extension',
      'coreuser',
      'coredevice',
      'ringgroup',
      'ringstrategies',
      'did',
      'voiceMail',
      'cdr',
      'addExtensionInput',
      'CreateRangeofExtensionInput',
      'DeleteRingGroupInput',
      'doreloadPayload',
    ]) {
      expect(types.has(name), name).toBe(true)
    }
    expect(types.get('coreuser')?.fields?.map((f) => f.name)).toContain('extPassword')
  })
})

describe('demo FreePBX: queue members over REST (queues Api/Rest/Queues.php)', () => {
  it('lists queues and members, replaces static members (needreload), refuses a token without the rest scope', async () => {
    const h = await startFreepbxApi(cleanups)
    expect((await h.rest('GET', '/')).body).toEqual({ 200: { extension: '200', name: 'support' }, 201: { extension: '201', name: 'sales' } })
    expect((await h.rest('GET', '/members')).body).toEqual({
      200: { members: ['101', '102'], dynmembers: ['103', '104'] },
      201: { members: ['105'], dynmembers: ['106', '107'] },
    })
    expect((await h.rest('GET', '/members/200')).body).toEqual({ dynmembers: ['103', '104'], member: ['101', '102'] })

    const put = await h.rest('PUT', '/members/200', { member: 'P101,0\nP108,2' })
    expect(put).toEqual({ status: 200, body: true })
    expect(h.pbx.freepbx?.queues.get('200')?.members).toEqual(['Local/101@from-queue/n,0', 'Local/108@from-queue/n,2'])
    expect(h.pbx.freepbx?.needReload).toBe(true)
    expect((await h.rest('GET', '/200')).body).toMatchObject({ extension: '200', member: ['101', '108'] })

    const gqlOnly = await h.token('gql')
    expect(await h.rest('GET', '/members', undefined, gqlOnly)).toEqual({ status: 401, body: { status: false, message: 'unauthorized' } })
    const restQueues = await h.token('rest:queues')
    expect((await h.rest('GET', '/', undefined, restQueues)).status).toBe(200)
  })
})
