import { describe, expect, it } from 'vitest'
import { ariaSort, columnClass, gridTemplate, nextSort } from '../../../src-renderer/src/components/table/columns'

describe('table columns', () => {
  it('flips the order on the sorted column and starts another column ascending', () => {
    expect(nextSort({ key: 'caller', descending: false }, 'caller')).toEqual({ key: 'caller', descending: true })
    expect(nextSort({ key: 'caller', descending: true }, 'caller')).toEqual({ key: 'caller', descending: false })
    expect(nextSort({ key: 'caller', descending: true }, 'state')).toEqual({ key: 'state', descending: false })
  })

  it('says aria-sort only on sortable columns of a sorted table', () => {
    const sort = { key: 'state', descending: true }
    expect(ariaSort({ key: 'state', sortable: true }, sort)).toBe('descending')
    expect(ariaSort({ key: 'caller', sortable: true }, sort)).toBe('none')
    expect(ariaSort({ key: 'caller', sortable: true }, { key: 'caller', descending: false })).toBe('ascending')
    expect(ariaSort({ key: 'via' }, sort)).toBeUndefined()
    expect(ariaSort({ key: 'caller', sortable: true }, undefined)).toBeUndefined()
  })

  it('lays a grid out from its columns’ widths and names each column’s cells', () => {
    expect(gridTemplate([{ width: '28px' }, { width: 'minmax(140px, 1.4fr)' }, {}])).toBe('28px minmax(140px, 1.4fr) 1fr')
    expect(columnClass({ key: 'via' }, 'muted')).toBe('col-via muted')
    expect(columnClass({ key: 'via' })).toBe('col-via')
  })
})
