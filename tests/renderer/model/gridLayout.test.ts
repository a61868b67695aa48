import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cellCount, cellOf, indexOfCell, layoutExtent, makeLayout, normalizeDisplayDims, pixelCell, slicePixel, WRAP_AT } from '../../../src/renderer/src/model/gridLayout'
import { buildCellMap, cellMapOf } from '../../../src/renderer/src/views/cellMap'
import { unravel } from '../../../src/renderer/src/model/address'

describe('logical grid layout', () => {
  it('shows the last three dims as axes and folds the rest into tiles', () => {
    const L = makeLayout([2, 3, 4, 5])
    expect(L.display).toEqual([1, 2, 3])
    expect(L.folded).toEqual([0])
    expect([L.nz, L.ny, L.nx, L.tiles]).toEqual([3, 4, 5, 2])
    expect(cellCount(L)).toBe(120)
  })

  it('keeps a user choice of axes and folds the others', () => {
    const L = makeLayout([2, 3, 4, 5], [0, 3])
    // Two chosen dims fill up to three from the innermost unused one.
    expect(L.display).toEqual([0, 2, 3])
    expect(L.folded).toEqual([1])
    expect(normalizeDisplayDims(4, [7, 9])).toEqual([1, 2, 3])
  })

  it('ranks 0, 1 and 2', () => {
    expect(cellCount(makeLayout([]))).toBe(1)
    const v = makeLayout([7])
    expect([v.nz, v.ny, v.nx]).toEqual([1, 1, 7])
    const m = makeLayout([3, 4])
    expect([m.nz, m.ny, m.nx]).toEqual([1, 3, 4])
  })

  it('wraps a long vector into a square-ish picture and back', () => {
    const L = makeLayout([WRAP_AT * 10 + 3])
    expect(L.wrap).toBeGreaterThan(0)
    expect(L.cols * L.rows).toBeGreaterThanOrEqual(L.nx)
    for (const x of [0, 1, L.wrap - 1, L.wrap, L.nx - 1]) {
      const [c, r] = slicePixel(L, 0, x)
      expect(pixelCell(L, c, r)).toEqual({ y: 0, x })
    }
    // Past the end of the last wrapped row there is no element.
    expect(pixelCell(L, L.cols - 1, L.rows - 1)).toBe(L.cols * L.rows > L.nx ? null : { y: 0, x: L.nx - 1 })
  })

  it('cellOf and indexOfCell are inverse for any shape and choice of axes', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
      (shape, choice) => {
        const L = makeLayout(shape, choice)
        const n = shape.reduce((a, b) => a * b, 1)
        const seen = new Set<string>()
        for (let f = 0; f < n; f++) {
          const idx = unravel(f, shape)
          const c = cellOf(L, idx)
          expect(indexOfCell(L, c.tile, c.z, c.y, c.x)).toEqual(idx)
          seen.add(`${c.tile},${c.z},${c.y},${c.x}`)
        }
        expect(seen.size).toBe(n) // no two elements share a cell
      }
    ), { numRuns: 150 })
  })

  it('the cell map agrees with cellOf for every element', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 5 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
      (shape, choice) => {
        const L = makeLayout(shape, choice)
        const map = buildCellMap(L)
        expect(map.count).toBe(shape.reduce((a, b) => a * b, 1))
        for (let f = 0; f < map.count; f++) {
          const c = cellOf(L, unravel(f, shape))
          expect(map.slice[f]).toBe(c.tile * L.nz + c.z)
          const [col, row] = slicePixel(L, c.y, c.x)
          expect(map.pixel[f]).toBe(row * L.cols + col)
        }
      }
    ), { numRuns: 150 })
  })
})

describe('texture-slice mosaic for large objects', () => {
  it('switches to a mosaic above the cube limit and gives every element its own position', async () => {
    const { cellPosition, MAX_CUBES } = await import('../../../src/renderer/src/model/gridLayout')
    expect(makeLayout([16, 16, 16]).mosaic).toBe(false)
    const L = makeLayout([3, 70, 90]) // 18,900 cells: above the limit
    expect(cellCount(L)).toBeGreaterThan(MAX_CUBES)
    expect(L.mosaic).toBe(true)
    const seen = new Set<string>()
    for (let z = 0; z < L.nz; z++) for (let y = 0; y < L.ny; y++) for (let x = 0; x < L.nx; x++) {
      const p = cellPosition(L, 0, z, y, x)
      expect(p[2]).toBe(0) // side by side, never stacked in depth
      seen.add(p.join(','))
    }
    expect(seen.size).toBe(cellCount(L))
    const ext = layoutExtent(L)
    expect(ext.w).toBeGreaterThan(0)
    expect(ext.h).toBeGreaterThan(0)
  })
})

describe('cellMapOf', () => {
  it('reuses the map of an equal layout (a new object of the same shape) and builds one for another', () => {
    const a = cellMapOf(makeLayout([40, 30, 20]))
    expect(cellMapOf(makeLayout([40, 30, 20]))).toBe(a)
    const b = cellMapOf(makeLayout([20, 30, 40]))
    expect(b).not.toBe(a)
    expect(Array.from(b.pixel)).toEqual(Array.from(buildCellMap(makeLayout([20, 30, 40])).pixel))
    expect(cellMapOf(makeLayout([40, 30, 20]))).toBe(a) // two are kept
    expect(cellMapOf(makeLayout([7]))).not.toBe(a)
  })
})
