// The memory wall's row widths and stride arrows.
import { describe, expect, it } from 'vitest'
import { innermostRunBytes, rowLabel, strideArrows, wallShape, MAX_WALL_ROWS } from '../../../src/renderer/src/model/wallShape'

describe('wall shape', () => {
  it('auto rows follow the innermost run in memory order, widened to a square-ish wall', () => {
    // float32 (3, 4): rows of 4 elements would be 3 rows; auto widens by powers of two only while far too narrow.
    const a = { shape: [3, 4], byteStrides: [16, 4], itemsize: 4 }
    expect(innermostRunBytes(a)).toBe(16)
    const w = wallShape(48, 4, 'auto', a)
    expect(w.unitBytes).toBe(16)
    expect(w.cols % 4).toBe(0)
    // permute(3, 1, 2, 0) of an 8^4 block: the fastest memory dim is d3 (stride 1): runs of 8 elements.
    const p = { shape: [8, 8, 8, 8], byteStrides: [4, 256, 32, 2048], itemsize: 4 }
    expect(innermostRunBytes(p)).toBe(32)
    const wp = wallShape(16384, 4, 'auto', p)
    expect(wp.cols % 8).toBe(0)
    expect(wp.cols * wp.rows).toBeGreaterThanOrEqual(4096)
  })

  it('a cache line or page row is repeated across the row only to keep rows bounded', () => {
    const line = wallShape(4096, 4, 'line', null)
    expect(line).toMatchObject({ cols: 16, rows: 64, rowBytes: 64, unitBytes: 64, repeat: 1 })
    const big = wallShape(4 << 20, 4, 'line', null)
    expect(big.rows).toBeLessThanOrEqual(MAX_WALL_ROWS)
    expect(big.rowBytes % 64).toBe(0)
    expect(big.repeat).toBe(big.rowBytes / 64)
    const page = wallShape(1 << 16, 1, 'page', null)
    expect(page).toMatchObject({ cols: 4096, rows: 16, cellBytes: 1 })
  })

  it('a dim stride row: one row per step along that dim', () => {
    const o = { shape: [5, 6], byteStrides: [48, 8], itemsize: 8 }
    expect(wallShape(240, 8, 'dim0', o)).toMatchObject({ cols: 6, rows: 5, rowBytes: 48, label: 'd0 stride 48 B' })
  })

  it('arrows: one per dim longer than one, labelled with the signed byte stride', () => {
    const arrows = strideArrows({ shape: [3, 1, 4], byteStrides: [-32, 99, 0], itemsize: 8 }, 64)
    expect(arrows.map((a) => a.label)).toEqual(['d0: −32 B', 'd2: +0 B (repeats)'])
    expect(arrows[0]).toMatchObject({ fromByte: 64, toByte: 32 })
  })

  it('the ruler prints offset and address', () => {
    expect(rowLabel(3, 64, 0x1000n)).toEqual({ offset: '+192', address: '0x10c0' })
  })
})
