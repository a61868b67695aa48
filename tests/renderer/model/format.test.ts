import { describe, expect, it } from 'vitest'
import { count } from '../../../src/renderer/src/model/format'

describe('count', () => {
  it('says the noun in the singular for exactly one, plural otherwise', () => {
    expect(count(1, 'element')).toBe('1 element')
    expect(count(0, 'element')).toBe('0 elements')
    expect(count(21, 'storage')).toBe('21 storages')
  })
})
