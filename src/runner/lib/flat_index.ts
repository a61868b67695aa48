// np.unravel_index / np.ravel_multi_index: a flat index into a shape (C or F order) and back, as
// NumPy's compiled versions compute them, with their errors (numpy/_core/src/multiarray/compiled_base.c).
import * as engine from '../../engine'
import type { DTypeName } from '../../engine/types'
import { PyTuple, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import type { LibraryContext } from './context'
import { EngineValue, windowElements } from './engine_value'
import { NpScalar } from './scalars'
import { isSequence, npOrderArg, shapeArg } from './argparse'
import type { LibModule } from './module_builder'

/** order= of both functions: NumPy's converter, then only C or F. */
function cfOrder(v: PyValue | undefined): 'C' | 'F' {
  const o = npOrderArg(v, 'C')
  if (o !== 'C' && o !== 'F') throw pyErr('ValueError', "only 'C' or 'F' order is permitted")
  return o
}

/** An index array's elements as numbers, refusing non-integer dtypes as NumPy's intp cast does. */
function intElements(ctx: LibraryContext, x: EngineValue, emptyList: boolean): number[] {
  const { dtype, shape } = x.info()
  if (!/int|bool/.test(dtype)) {
    if (emptyList) throw pyErr('TypeError', "indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'")
    throw pyErr('TypeError', 'only int indices permitted')
  }
  const w = ctx.op([x.obj], () => x.obj.window(shape.map(() => 0), shape))
  // uint64 values past int64 wrap as NumPy's cast to intp wraps them.
  return windowElements(w).map(v => (typeof v === 'boolean' ? Number(v) : Number(BigInt.asIntN(64, BigInt(v as number | bigint)))))
}

/** Results shaped like the index argument: arrays, or np.int64 scalars for a 0-d argument. */
function shaped(ctx: LibraryContext, values: number[], shape: number[]): PyValue {
  if (shape.length === 0) return new NpScalar('int64' as DTypeName, BigInt(values[0]), ctx.scalars)
  return ctx.opWrap([], () => engine.fromValues('ndarray', values.map(BigInt), shape, 'int64'))
}

export function bindNumpyFlatIndex(np: LibModule, ctx: LibraryContext, asArray: (v: PyValue | undefined, fn: string) => EngineValue): void {
  np.fn('unravel_index', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('unravel_index', ['indices', 'shape', 'order='], a, kw)
    const dims = shapeArg(b.shape!)
    const order = cfOrder(b.order)
    const x = asArray(b.indices, 'unravel_index')
    const flat = intElements(ctx, x, isSequence(b.indices!) && b.indices.items.length === 0)
    const size = dims.reduce((p, d) => p * d, 1)
    const out = dims.map(() => [] as number[])
    for (const v of flat) {
      if (v < 0 || v >= size) throw pyErr('ValueError', `index ${v} is out of bounds for array with size ${size}`)
      let rest = v
      const axes = order === 'C' ? [...dims.keys()].reverse() : [...dims.keys()]
      for (const ax of axes) { out[ax].push(rest % dims[ax]); rest = Math.floor(rest / dims[ax]) }
    }
    const shape = x.info().shape
    return new PyTuple(out.map(vals => shaped(ctx, vals, shape)))
  })

  np.fn('ravel_multi_index', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('ravel_multi_index', ['multi_index', 'dims', 'mode=', 'order='], a, kw)
    const dims = shapeArg(b.dims!)
    const modes = clipModes(b.mode, dims.length)
    const order = cfOrder(b.order)
    // A sequence of coordinate arrays, or an array whose rows are they.
    const mi = b.multi_index!
    let arrays: EngineValue[]
    if (isSequence(mi)) arrays = mi.items.map(v => asArray(v, 'ravel_multi_index'))
    else {
      const x = asArray(mi, 'ravel_multi_index')
      const rows = x.info().shape.length ? x.info().shape[0] : 1
      arrays = Array.from({ length: rows }, (_, i) => x.info().shape.length ? ctx.opWrap([x.obj], () => x.obj.index([{ kind: 'int', index: i }])) : x)
    }
    if (arrays.length !== dims.length) throw pyErr('ValueError', `parameter multi_index must be a sequence of length ${dims.length}`)
    // The coordinate arrays broadcast together (np.broadcast_arrays) before the walk.
    const shape = broadcast(arrays.map(x => x.info().shape))
    const coords = arrays.map(x => {
      const vals = intElements(ctx, x, false)
      return broadcastValues(vals, x.info().shape, shape)
    })
    const n = shape.reduce((p, d) => p * d, 1)
    const strides = dims.map(() => 1)
    if (order === 'C') for (let ax = dims.length - 2; ax >= 0; ax--) strides[ax] = strides[ax + 1] * dims[ax + 1]
    else for (let ax = 1; ax < dims.length; ax++) strides[ax] = strides[ax - 1] * dims[ax - 1]
    const out: number[] = []
    for (let i = 0; i < n; i++) {
      let flat = 0
      for (let ax = 0; ax < dims.length; ax++) {
        let c = coords[ax][i]
        const d = dims[ax]
        if (c < 0 || c >= d) {
          if (modes[ax] === 'raise') throw pyErr('ValueError', 'invalid entry in coordinates array')
          c = modes[ax] === 'wrap' ? ((c % d) + d) % d : Math.min(Math.max(c, 0), d - 1)
        }
        flat += c * strides[ax]
      }
      out.push(flat)
    }
    return shaped(ctx, out, shape)
  })
}

/** mode=: one of 'raise' / 'wrap' / 'clip', or one per dimension. */
function clipModes(v: PyValue | undefined, n: number): string[] {
  const one = (m: PyValue) => {
    if (typeof m !== 'string' || !['clip', 'raise', 'wrap'].includes(m)) throw pyErr('ValueError', `clipmode must be one of 'clip', 'raise', or 'wrap' (got ${typeof m === 'string' ? `'${m}'` : String(m)})`)
    return m
  }
  if (v === undefined) return Array(n).fill('raise')
  if (isSequence(v)) {
    if (v.items.length !== n) throw pyErr('ValueError', `list of clipmodes has wrong length (${v.items.length} instead of ${n})`)
    return v.items.map(one)
  }
  return Array(n).fill(one(v))
}

function broadcast(shapes: number[][]): number[] {
  const nd = Math.max(0, ...shapes.map(s => s.length))
  const out: number[] = []
  for (let i = 0; i < nd; i++) {
    let d = 1
    for (const s of shapes) {
      const k = s[s.length - nd + i] ?? 1
      if (k !== 1) {
        if (d !== 1 && d !== k) throw pyErr('ValueError', `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${shapes[0].join(', ')}${shapes[0].length === 1 ? ',' : ''}) and arg 1 with shape (${shapes[1]?.join(', ')}${shapes[1]?.length === 1 ? ',' : ''}).`)
        d = k
      }
    }
    out.push(d)
  }
  return out
}

/** `vals` (C order over `from`) read at every position of the broadcast shape `to`. */
function broadcastValues(vals: number[], from: number[], to: number[]): number[] {
  const n = to.reduce((p, d) => p * d, 1)
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    let rest = i, src = 0, stride = 1
    for (let ax = to.length - 1; ax >= 0; ax--) {
      const c = rest % to[ax]
      rest = Math.floor(rest / to[ax])
      const fax = ax - (to.length - from.length)
      if (fax >= 0) { if (from[fax] !== 1) src += c * stride; stride *= from[fax] }
    }
    out.push(vals[src])
  }
  return out
}
