/**
 * Audit lines and toasts name people as the PBX's directory does: an extension the caller ID left
 * bare or named only by an identifier, a destination typed as digits, a queue member Asterisk lists
 * by its interface. Outside callers keep what the PBX said; without names the numbers stay.
 */
import { describe, expect, it } from 'vitest'
import {
  callText,
  destinationText,
  extensionIn,
  memberText,
  movedText,
  partyText,
  spokenDestination,
} from '../../../src-main/core/actions/audit-target'

const names = (ext: string): string | undefined => ({ '105': 'Eva Fischer', '106': 'Farid Gül' })[ext]

describe('audit targets with names', () => {
  it('finds the extension in a PBX identifier, and nothing in an outside number or a code', () => {
    expect(
      ['105', 'PJSIP/105', 'PJSIP/105-0000002a', 'SIP/105', 'Local/105@from-queue/n', 'Local/105@from-internal-0001;2', 'PJSIP_105'].map(extensionIn),
    ).toEqual(Array(7).fill('105'))
    expect(['+4930123', '*105', 'support', 'PJSIP/trunk-0001', ''].map(extensionIn)).toEqual(Array(5).fill(undefined))
  })

  it('names parties the PBX left bare; keeps a caller’s own name and outside numbers', () => {
    expect(partyText({ name: '', number: '105' }, names)).toBe('Eva Fischer <105>')
    expect(partyText({ name: 'PJSIP/106', number: '106' }, names)).toBe('Farid Gül <106>')
    expect(partyText({ name: 'Eva at home', number: '105' }, names)).toBe('Eva at home <105>')
    expect(partyText({ name: '', number: '+4930123' }, names)).toBe('+4930123')
    expect(partyText({ name: '', number: '105' })).toBe('105')
    expect(callText({ caller: { name: 'Anna Berg', number: '+4930123' }, callee: { name: '', number: '105' } }, names)).toBe(
      'Anna Berg <+4930123> → Eva Fischer <105>',
    )
    expect(movedText({ caller: { name: '', number: '106' }, callee: { name: '', number: '' } }, destinationText('105', names), names)).toBe(
      'Farid Gül <106> → Eva Fischer <105>',
    )
  })

  it('destinations: named for the log and for the operator, as typed otherwise', () => {
    expect(destinationText('105', names)).toBe('Eva Fischer <105>')
    expect(spokenDestination('105', names)).toBe('Eva Fischer (105)')
    expect(spokenDestination('0301234', names)).toBe('0301234')
    expect(spokenDestination('107', names)).toBe('107')
  })

  it('a queue member listed by its interface is named from the directory', () => {
    expect(memberText('PJSIP/106', 'PJSIP/106', names)).toBe('Farid Gül (PJSIP/106)')
    expect(memberText('', 'Local/105@from-queue/n', names)).toBe('Eva Fischer (Local/105@from-queue/n)')
    expect(memberText('Anna Berger', 'PJSIP/101', names)).toBe('Anna Berger (PJSIP/101)')
    expect(memberText('PJSIP/107', 'PJSIP/107', names)).toBe('PJSIP/107')
    expect(memberText('PJSIP/106', 'PJSIP/106')).toBe('PJSIP/106')
  })
})
