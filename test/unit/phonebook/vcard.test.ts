import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../src-main/core/phonebook/records'
import { readVcard } from '../../../src-main/core/phonebook/vcard'

const DE = { country: '49', nationalPrefix: '0', internationalPrefix: '00' }

describe('vCard import', () => {
  it('reads 3.0: folded lines, escapes, ORG components, TYPE lists in every spelling, several numbers', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Fischer;Eva;Maria;Dr.;',
      'FN:Dr. Eva Fischer',
      'ORG:Fischer\\, Sohn & Co;Einkauf',
      'TEL;TYPE=WORK,VOICE:+49 30 1234567',
      'TEL;TYPE="cell,pref":0171 2223334',
      'TEL;TYPE=work;TYPE=fax:030 1234568',
      'NOTE:Calls before 10\\, please.\\nAsk for the ',
      ' warehouse.',
      'EMAIL;TYPE=INTERNET:eva@example.org',
      'END:VCARD',
    ].join('\r\n')
    const [card] = readVcard(text).records
    expect(card?.line).toBe(1)
    expect(card?.draft).toEqual({
      name: 'Dr. Eva Fischer',
      company: 'Fischer, Sohn & Co, Einkauf',
      numbers: [
        { label: 'work', number: '+49 30 1234567' },
        { label: 'mobile', number: '0171 2223334' },
        { label: 'work fax', number: '030 1234568' },
      ],
      notes: 'Calls before 10, please.\nAsk for the warehouse.',
    })
  })

  it('reads 2.1: bare types, quoted-printable with soft line breaks and a Latin-1 charset, N without FN', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen',
      'ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:B=C3=A4ckerei Sonne',
      'TEL;WORK;VOICE:030-555 0001',
      'TEL;CELL:0171 555 0002',
      'NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0Asecond =',
      'line',
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:',
      ' /9j/4AAQSkZJRgABAQEASABIAAD/',
      '',
      'END:VCARD',
    ].join('\n')
    const [card] = readVcard(text).records
    expect(card?.draft).toEqual({
      name: 'Jürgen Müller',
      company: 'Bäckerei Sonne',
      numbers: [
        { label: 'work', number: '030-555 0001' },
        { label: 'mobile', number: '0171 555 0002' },
      ],
      notes: 'first line\r\nsecond line',
    })
  })

  it("reads 4.0: tel: URIs with parameters, Apple's grouped labels, several cards, a card that never ends", () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Reception ACME',
      'TEL;VALUE=uri;TYPE="voice,work";PREF=1:tel:+49-30-9999-0;ext=12',
      'item1.TEL:030 9999 100',
      'item1.X-ABLabel:Warehouse',
      'item2.TEL:030 9999 200',
      'item2.X-ABLabel:_$!<Mobile>!$_',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'ORG:Taxi Zentrale',
      'TEL:030 202020',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Half a card',
      'TEL:030 1',
    ].join('\r\n')
    const file = readVcard(text)
    expect(file.records.map((r) => r.draft)).toEqual([
      {
        name: 'Reception ACME',
        company: '',
        numbers: [
          { label: 'work', number: '+49-30-9999-0' },
          { label: 'warehouse', number: '030 9999 100' },
          { label: 'mobile', number: '030 9999 200' },
        ],
        notes: '',
      },
      { name: '', company: 'Taxi Zentrale', numbers: [{ label: '', number: '030 202020' }], notes: '' },
    ])
    expect(file.unreadable).toEqual([
      { line: 15, raw: 'BEGIN:VCARD\nVERSION:4.0\nFN:Half a card\nTEL:030 1', message: 'the file ends inside this card (no END:VCARD)' },
    ])
    const checked = checkFile(file, DE)
    expect(checked.ready.map((r) => r.record.numbers.map((n) => n.key))).toEqual([['+493099990', '+49309999100', '+49309999200'], ['+4930202020']])
    expect(checked.errors.map((e) => e.line)).toEqual([15])
  })

  it('passes over a nested AGENT card and text outside cards, and refuses hidden direction marks per card', () => {
    const text = [
      'junk before',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Boss',
      'AGENT:',
      'BEGIN:VCARD',
      'FN:Assistant',
      'TEL:111',
      'END:VCARD',
      'TEL:030 7',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Evil\u202Etxt.exe',
      'END:VCARD',
    ].join('\n')
    const file = readVcard(text)
    expect(file.records.map((r) => [r.line, r.draft.name, r.draft.numbers.map((n) => n.number)])).toEqual([
      [2, 'Boss', ['030 7']],
      [12, 'Evil\u202Etxt.exe', []],
    ])
    const checked = checkFile(file, DE)
    expect(checked.ready.map((r) => r.input.name)).toEqual(['Boss'])
    expect(checked.errors[0]).toMatchObject({ line: 12, raw: 'BEGIN:VCARD\nFN:Evil\u202Etxt.exe\nEND:VCARD' })
  })
})
