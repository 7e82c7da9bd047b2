import { describe, expect, it } from 'vitest'
import { rootFieldName } from '../../../src-main/core/demo-freepbx/handler'
import { CDR_PAGE_QUERY, rootField } from '../../../src-main/core/freepbx/index'

describe('GraphQL helpers', () => {
  it('finds the root field of named, anonymous and variable-taking operations', () => {
    expect(rootFieldName('query AttendantHealth { fetchAllExtensions(first: 1) { status } }')).toBe('fetchAllExtensions')
    expect(rootFieldName('{ system { version } }')).toBe('system')
    expect(rootFieldName(CDR_PAGE_QUERY)).toBe('fetchAllCdrs')
    expect(rootFieldName('nonsense')).toBeUndefined()
  })

  it('rootField turns status:false into a graphql_error and rejects missing fields', () => {
    expect(rootField({ a: { status: true, x: 1 } }, 'a')).toEqual({ status: true, x: 1 })
    expect(() => rootField({ a: { status: false, message: 'Extension does not exists' } }, 'a')).toThrow(/Extension does not exists/)
    expect(() => rootField({}, 'a')).toThrow(/no a/)
    expect(() => rootField({ a: [] }, 'a')).toThrow()
  })
})
