/**
 * Where the directory reads names, each reader against what the PBX really answers: FreePBX's AstDB
 * (DBGetTree of AMPUSER, DBGet per key, "Database entry not found") from astdb-presence.raw, the
 * voicemail users from voicemail.raw, an Asterisk without DBGetTree from errors.raw's "Invalid/unknown
 * command"; FreePBX's extension list in the shape its GraphQL API answers; PJSIP caller IDs as
 * `PJSIPShowEndpoint`'s EndpointDetail carries them (no PJSIP capture: the lab has no pjproject).
 */
import { describe, expect, it } from 'vitest'
import type { ListResult } from '../../../src-main/core/ami/client'
import { AmiError } from '../../../src-main/core/ami/errors'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { AmiMessage, type AmiFieldsInput } from '../../../src-main/core/ami/message'
import {
  type AmiLister,
  callerIdName,
  readAstdb,
  readFreepbx,
  readPjsipCallerIds,
  readVoicemailUsers,
} from '../../../src-main/core/directory/sources'
import type { FreepbxClient } from '../../../src-main/core/freepbx/client'
import type { FreepbxRunner } from '../../../src-main/core/freepbx/config/gql'
import { readCapture } from '../../support/captures'

/** What a capture's connection received for one ActionID: the list's answer, or the PBX's refusal as the client throws it. */
function answerIn(capture: string, actionId: string): ListResult {
  const { messages } = parseAmiBytes(readCapture(capture), { expectBanner: true })
  const mine = messages.filter((m) => m.get('ActionID') === actionId)
  const response = mine.find((m) => m.get('Response') !== undefined)
  if (response === undefined) throw new Error(`no answer to ${actionId} in ${capture}`)
  if (response.get('Response') === 'Error') throw new AmiError('action_error', response.get('Message') ?? 'error', { actionId, response })
  return { response, events: mine.filter((m) => m.get('Event') !== undefined) }
}

/** An AMI lister that answers each action from a capture (by ActionID), recording what was asked. */
function lister(answers: (name: string, fields: AmiFieldsInput | undefined) => ListResult): AmiLister & { asked: string[] } {
  const asked: string[] = []
  const list = (name: string, fields?: AmiFieldsInput): Promise<ListResult> => {
    asked.push(`${name} ${JSON.stringify(fields ?? [])}`)
    try {
      return Promise.resolve(answers(name, fields))
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)))
    }
  }
  return Object.assign(list, { asked })
}

const field = (fields: AmiFieldsInput | undefined, key: string): string => (fields === undefined ? undefined : AmiMessage.from(fields).get(key)) ?? ''

describe('FreePBX AstDB (astdb-presence.raw)', () => {
  it('one DBGetTree of AMPUSER names each extension from its cidname', async () => {
    const list = lister((name) => {
      expect(name).toBe('DBGetTree')
      return answerIn('astdb-presence', 'ap-db-gettree-ampuser')
    })
    const found = await readAstdb(list, ['101', '102', '103'])
    expect([...found]).toEqual([
      ['101', { name: 'Reception' }],
      ['102', { name: 'Sales Desk' }],
    ])
    expect(list.asked).toEqual(['DBGetTree [["Family","AMPUSER"]]'])
  })

  it('an Asterisk without DBGetTree is asked per extension with DBGet; a missing key is no name, not a failure', async () => {
    const list = lister((name, fields) => {
      if (name === 'DBGetTree') return answerIn('errors', 'err-unknown')
      expect(name).toBe('DBGet')
      const key = field(fields, 'Key')
      return key === '101/cidname' ? answerIn('astdb-presence', 'ap-db-get-cidname-101') : answerIn('astdb-presence', 'ap-db-get-cf-102-missing')
    })
    const found = await readAstdb(list, ['101', '102'])
    expect([...found]).toEqual([['101', { name: 'Reception' }]])
    expect(list.asked.filter((a) => a.startsWith('DBGet '))).toHaveLength(2)
  })

  it('any other refusal is the PBX’s trouble and fails the read (the names shown stay)', async () => {
    const list = lister(() => {
      throw new AmiError('action_error', 'Permission denied', { response: AmiMessage.from([['Response', 'Error']]) })
    })
    await expect(readAstdb(list, ['101'])).rejects.toThrow('Permission denied')
  })
})

describe('plain Asterisk', () => {
  it('voicemail users give each mailbox’s full name (voicemail.raw)', async () => {
    const found = await readVoicemailUsers(lister(() => answerIn('voicemail', 'vm-userslist')))
    expect(found.get('100')).toEqual({ name: 'Phone 100', mailbox: '100' })
    expect(found.get('101')).toEqual({ name: 'Phone 101', mailbox: '101' })
    expect([...found.keys()].every((k) => /^\d+$/.test(k))).toBe(true)
  })

  it('the PJSIP endpoint’s caller ID names an extension; an endpoint that does not exist is skipped', async () => {
    const detail = (callerId: string): ListResult => ({
      response: AmiMessage.from([['Response', 'Success']]),
      events: [
        AmiMessage.from([
          ['Event', 'EndpointDetail'],
          ['ObjectName', '105'],
          ['Callerid', callerId],
        ]),
        AmiMessage.from([['Event', 'EndpointDetailComplete']]),
      ],
    })
    const list = lister((name, fields) => {
      expect(name).toBe('PJSIPShowEndpoint')
      const ext = field(fields, 'Endpoint')
      if (ext === '105') return detail('"Eva Fischer" <105>')
      if (ext === '106') return detail('<106>')
      throw new AmiError('action_error', 'Unable to retrieve endpoint 107', { response: AmiMessage.from([['Response', 'Error']]) })
    })
    const found = await readPjsipCallerIds(list, ['105', '106', '107'])
    expect([...found]).toEqual([['105', { name: 'Eva Fischer', device: 'PJSIP/105' }]])
  })

  it('caller ID names: quoted, bare, escaped; a number or Asterisk’s placeholder is no name', () => {
    expect(callerIdName('"Eva Fischer" <105>')).toBe('Eva Fischer')
    expect(callerIdName('Farid Gül <106>')).toBe('Farid Gül')
    expect(callerIdName('"Ann \\"AJ\\" Lee" <107>')).toBe('Ann "AJ" Lee')
    expect(callerIdName('<108>')).toBe('')
    expect(callerIdName('108')).toBe('')
    expect(callerIdName('"<unknown>" <109>')).toBe('')
    expect(callerIdName('"Evil\u202eName\u0007" <110>')).toBe('EvilName')
  })
})

describe('FreePBX’s API', () => {
  /** A runner whose client answers fetchAllExtensions as FreePBX's GraphQL API does. */
  function runner(data: Record<string, unknown>, asked: string[]): FreepbxRunner {
    const client = {
      query: (doc: string, _vars: unknown, pick: (d: Record<string, unknown>) => unknown) => {
        asked.push(doc)
        return Promise.resolve(pick(data))
      },
    } as unknown as FreepbxClient
    return (work) => work(client)
  }

  it('names each extension as FreePBX shows it, with its mailbox when voicemail is on and its device', async () => {
    const asked: string[] = []
    const found = await readFreepbx(
      runner(
        {
          fetchAllExtensions: {
            status: true,
            message: 'Extension found successfully',
            extension: [
              {
                extensionId: '105',
                tech: 'pjsip',
                user: { name: 'Eva Fischer', voicemail: 'default' },
                coreDevice: { deviceId: '105', tech: 'pjsip' },
              },
              { extensionId: '106', tech: 'pjsip', user: { name: 'Farid Gül', voicemail: 'novm' }, coreDevice: { deviceId: '106', tech: 'pjsip' } },
              { extensionId: '900', tech: 'virtual', user: { name: 'Fax', voicemail: 'novm' }, coreDevice: null },
              { extensionId: '*76', tech: 'pjsip', user: { name: 'not an extension' }, coreDevice: null },
            ],
          },
        },
        asked,
      ),
    )
    expect(asked[0]).toContain('fetchAllExtensions')
    expect([...found]).toEqual([
      ['105', { name: 'Eva Fischer', mailbox: '105', device: 'PJSIP/105' }],
      ['106', { name: 'Farid Gül', device: 'PJSIP/106' }],
      ['900', { name: 'Fax' }],
    ])
  })

  it('FreePBX’s refusal fails the read', async () => {
    await expect(readFreepbx(runner({ fetchAllExtensions: { status: false, message: 'Sorry unable to find extensions' } }, []))).rejects.toThrow(
      /unable to find/,
    )
  })
})
