// Size lists ("1K,1M,64M") and the operand shapes a size maps to.
import { describe, expect, it } from 'vitest'
import { formatSize, parseSize, parseSizes, shape1d, shape2d, shapeNchw } from '../../src/profiler/sizes'

describe('sizes', () => {
  it('binary units, sorted and deduplicated', () => {
    expect(parseSizes('64M,1K,1M,1k')).toEqual([1024, 1 << 20, 64 << 20])
    expect(parseSize('512')).toBe(512)
    expect(parseSize('1.5K')).toBe(1536)
    expect(parseSize('2GiB')).toBe(2 * 2 ** 30)
  })

  it('ranges: every power of two between, or every step of a factor', () => {
    expect(parseSizes('4K..64K')).toEqual([4096, 8192, 16384, 32768, 65536])
    expect(parseSizes('1K..1M*4')).toEqual([1024, 4096, 16384, 65536, 262144, 1048576])
    expect(parseSizes('1K..3K, 16M')).toEqual([1024, 2048, 16 << 20])
    expect(() => parseSizes('1M..1K')).toThrow('1M is above 1K')
    expect(() => parseSizes('1K..1M*1')).toThrow('factor of at least 2')
    expect(() => parseSizes('1..4G')).toThrow('at most 32 sizes')
  })

  it('refuses junk, zero and sizes beyond 4G', () => {
    for (const bad of ['', 'abc', '1Q', '0', '-1K', '5G']) expect(() => parseSize(bad)).toThrow(/size/)
    expect(() => parseSizes(',')).toThrow('no sizes given')
  })

  it('formats back', () => {
    expect([1024, 1 << 20, 64 << 20, 1 << 30, 100, 1536].map(formatSize)).toEqual(['1K', '1M', '64M', '1G', '100B', '1.5K'])
  })

  it('shapes hold exactly the elements of the size', () => {
    expect(shape1d(1 << 20, 4)).toEqual([262144])
    expect(shape2d(1 << 20, 4)).toEqual([512, 512])
    expect(shape2d(8 << 10, 4)).toEqual([32, 64])
    expect(shapeNchw(1 << 20, 4)).toEqual([1, 64, 64, 64])
    expect(shapeNchw(96, 4)).toEqual([1, 8, 1, 3])
    for (const b of [4, 100, 4096, 3 << 20]) {
      const n = Math.floor(b / 4)
      for (const s of [shape1d(b, 4), shape2d(b, 4), shapeNchw(b, 4)]) expect(s.reduce((x, y) => x * y, 1)).toBe(n)
    }
  })
})
