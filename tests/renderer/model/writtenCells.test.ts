// Write flashes from op records: which bytes of a block and which elements of
// an object a recorded write reached, checked against listing every element's
// bytes.
import { describe, expect, it } from 'vitest'
import { newWrites, writtenElements, writtenRanges, type Written } from '../../../src/renderer/src/model/writtenCells'
import { elementOffsets } from '../../../src/renderer/src/model/footprint'
import { emptyWorkspace, type OpRecord, type Workspace } from '../../../src/renderer/src/model/types'

const BASE = 1n << 20n

function walk(at: number, shape: number[], byteStrides: number[], itemsize = 4, device = 'cpu'): Written {
  return { device, dataPtr: String(BASE + BigInt(at)), shape, byteStrides, itemsize }
}

/** Every element of `o` with a byte in a written element, by listing both. */
function brute(o: Written, writes: Written[]): number[] {
  const bytes = new Set<bigint>()
  for (const w of writes) {
    if (w.device !== o.device) continue
    for (const a of elementOffsets(w, 0)) for (let b = 0; b < w.itemsize; b++) bytes.add(BigInt(w.dataPtr) + BigInt(a + b))
  }
  const out: number[] = []
  elementOffsets(o, 0).forEach((a, f) => {
    for (let b = 0; b < o.itemsize; b++) if (bytes.has(BigInt(o.dataPtr) + BigInt(a + b))) { out.push(f); break }
  })
  return out
}

describe('written elements of an object', () => {
  // a = np.zeros((4, 6), float32) at BASE; t its transpose; c a clone elsewhere.
  const a = walk(0, [4, 6], [24, 4])
  const t = walk(0, [6, 4], [4, 24])
  const c = walk(4096, [4, 6], [24, 4])
  it('a[1:3, ::2] = 7 reaches those elements of a, the transposed alias at its own indices, not the clone', () => {
    const w = walk(24, [2, 3], [24, 8])
    expect(writtenElements(a, [w])).toEqual([6, 8, 10, 12, 14, 16])
    // t[j, i] is a[i, j]: a[1, 0] is t[0, 1] (flat 1), a[1, 2] is t[2, 1] (flat 9)...
    expect(writtenElements(t, [w])).toEqual([1, 2, 9, 10, 17, 18])
    expect(writtenElements(c, [w])).toEqual([])
    expect(writtenElements({ ...a, device: 'cuda:0' }, [w])).toEqual([])
  })
  it('a view over part of the bytes: a write to bytes it skips does not reach it', () => {
    const odd = walk(4, [12], [8])        // a.reshape(-1)[1::2]
    expect(writtenElements(odd, [walk(8, [], [])])).toEqual([])
    expect(writtenElements(odd, [walk(12, [], [])])).toEqual([1])
  })
  it('matches listing every byte on random layouts (negative, zero and odd strides, other itemsizes)', () => {
    let s = 11
    const r = (): number => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32 }
    for (let trial = 0; trial < 150; trial++) {
      const rand = (): Written => {
        const rank = Math.floor(r() * 4)
        const itemsize = [1, 2, 4, 8][Math.floor(r() * 4)]
        const shape = Array.from({ length: rank }, () => 1 + Math.floor(r() * 6))
        const byteStrides = shape.map(() => Math.floor((r() - 0.3) * 24))
        let low = 0
        shape.forEach((n, d) => { if (byteStrides[d] < 0) low += (n - 1) * byteStrides[d] })
        return walk(Math.floor(r() * 64) - low, shape, byteStrides, itemsize)
      }
      const o = rand(), ws = [rand(), rand()]
      expect(writtenElements(o, ws), JSON.stringify({ o, ws })).toEqual(brute(o, ws))
    }
  })
})

describe('written bytes on the memory wall', () => {
  it('merges touching elements, clips to the block and skips other devices', () => {
    const ranges = writtenRanges([walk(24, [2, 3], [24, 8]), walk(-8, [4], [4]), walk(0, [2], [4], 4, 'cuda:0')], 'cpu', BASE, 64)
    expect(ranges).toEqual([[24, 28], [32, 36], [40, 44], [48, 52], [56, 60], [0, 8]])
  })
})

describe('new writes between snapshots', () => {
  const op = (seq: number, wrote?: Written): OpRecord => ({ seq, historySeq: 0, line: '', lineNo: 1, op: 'setitem', copied: false, bytes: 4, kernel: 'view', seconds: 0, time: 0, ...(wrote ? { wrote } : {}) })
  const ws = (revision: number, ops: OpRecord[], opsTotal: number): Workspace => ({ ...emptyWorkspace, revision, ops, opsTotal, objects: [] })
  it('takes the writes recorded after the previous snapshot; none on the first one; all after a reset', () => {
    const w1 = walk(0, [], []), w2 = walk(4, [], [])
    const prev = ws(3, [op(0), op(1, w1)], 2)
    expect(newWrites(prev, ws(4, [op(0), op(1, w1), op(2), op(3, w2)], 4))).toEqual([w2])
    expect(newWrites(emptyWorkspace, ws(4, [op(1, w1)], 2))).toEqual([])
    expect(newWrites(prev, ws(5, [op(0, w2)], 1))).toEqual([w2])
  })
})
