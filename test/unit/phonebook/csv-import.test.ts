import { describe, expect, it } from 'vitest'
import { detectDelimiter, guessTarget, readCsv } from '../../../src-main/core/phonebook/csv-import'
import { checkFile } from '../../../src-main/core/phonebook/records'

const DE = { country: '49', nationalPrefix: '0', internationalPrefix: '00' }

describe('CSV import', () => {
  it('maps Outlook, Google and German Outlook headers', () => {
    expect(
      ['First Name', 'Last Name', 'Company', 'Business Phone', 'Mobile Phone', 'Home Phone', 'Notes', 'E-mail Address'].map(guessTarget),
    ).toEqual(['firstName', 'lastName', 'company', 'phone:work', 'phone:mobile', 'phone:home', 'notes', 'ignore'])
    expect(
      ['Name', 'Given Name', 'Family Name', 'Organization 1 - Name', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Value'].map(guessTarget),
    ).toEqual(['name', 'firstName', 'lastName', 'company', 'phoneLabel:1', 'phoneValue:1', 'phoneValue:2'])
    expect(['Vorname', 'Nachname', 'Firma', 'Telefon geschäftlich', 'Mobiltelefon', 'Notizen'].map(guessTarget)).toEqual([
      'firstName',
      'lastName',
      'company',
      'phone:work',
      'phone:mobile',
      'notes',
    ])
  })

  it('reads a Google export: numbered label/value pairs, several values in one cell, a BOM', () => {
    const text =
      '\uFEFFName,Given Name,Family Name,Organization 1 - Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\r\n' +
      'Eva Fischer,Eva,Fischer,Fischer GmbH,* Work,030 1234567 ::: 030 1234568,Mobile,+49 171 2223334\r\n'
    const file = readCsv(text)
    expect(file.columns[0]?.header).toBe('Name')
    expect(file.records[0]?.draft).toEqual({
      name: 'Eva Fischer',
      company: 'Fischer GmbH',
      numbers: [
        { label: 'work', number: '030 1234567' },
        { label: 'work', number: '030 1234568' },
        { label: 'mobile', number: '+49 171 2223334' },
      ],
      notes: '',
    })
  })

  it("reads German Outlook's semicolons, quoted line breaks, and names each record's first line", () => {
    const text =
      'Vorname;Nachname;Firma;Telefon geschäftlich;Notizen\n' +
      'Jürgen;Müller;"Bäckerei; Sonne";030 555;"line one\nline two"\n' +
      'Anna;Schmidt;;0171 1;\n'
    expect(detectDelimiter(text)).toBe(';')
    const file = readCsv(text)
    expect(file.records.map((r) => r.line)).toEqual([2, 4])
    expect(file.records[0]?.draft).toMatchObject({ name: 'Jürgen Müller', company: 'Bäckerei; Sonne', notes: 'line one\nline two' })
  })

  it('loses nothing: unreadable records, numbers that are not numbers and extra cells are kept and said', () => {
    const text =
      'Name,Company,Phone\n' +
      'Eva,ACME,030 1234567\n' +
      ',,\n' +
      ',,0301111\n' +
      'Bob,,ask the reception\n' +
      'Carl,,030 2,surplus\n' +
      'Evil\u202Egnp.exe,,030 3\n' +
      '"Dora,never closed,030 4\n'
    const file = readCsv(text)
    const checked = checkFile(file, DE)
    expect(checked.ready.map((r) => r.input.name)).toEqual(['Eva', 'Bob', 'Carl'])
    expect(checked.ready[1]?.input.notes).toBe('number: ask the reception')
    expect(checked.ready[1]?.input.numbers).toEqual([])
    expect(checked.ready[2]?.input.notes).toBe('surplus')
    expect(checked.warnings.map((w) => w.line)).toEqual([5, 6])
    const errors = checked.errors.map((e) => [e.line, e.message, e.raw])
    expect(errors).toEqual([
      [4, 'no name and no company: who is this?', ',,0301111'],
      [7, 'name: must not contain line breaks, tabs, control characters or hidden text-direction marks', 'Evil\u202Egnp.exe,,030 3'],
      [8, 'a quote opened here is never closed', '"Dora,never closed,030 4\n'.trimEnd()],
    ])
  })

  it('takes the mapping the operator chose over the guess', () => {
    const text = 'Who,Where,Tel\nEva,ACME,030 1\n'
    expect(readCsv(text).columns.map((c) => c.target)).toEqual(['ignore', 'ignore', 'phone:'])
    const file = readCsv(text, ['name', 'company', 'phone:reception'])
    expect(file.records[0]?.draft).toEqual({ name: 'Eva', company: 'ACME', numbers: [{ label: 'reception', number: '030 1' }], notes: '' })
  })
})
