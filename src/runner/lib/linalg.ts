// Matrix products over the engine: np.matmul / dot / inner / outer and the `@` operator,
// torch.mm / bmm / matmul and their Tensor methods. The engine decides shapes, dtypes,
// layouts and errors (native/core/matmul.h); this file converts the Python arguments.
import * as engine from '../../engine'
import type { ProductFn } from '../../engine/types'
import { NOT_IMPLEMENTED, PyList, PyTuple, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName } from '../interp/ops'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { NpScalar } from './scalars'
import { npOperand } from './array_args'
import type { LibModule } from './module_builder'

/** Whether NumPy's product of operands of these ranks is 0-d (returned as a NumPy scalar). */
function scalarResult(fn: 'matmul' | 'dot' | 'inner' | 'outer', ra: number, rb: number): boolean {
  if (fn === 'outer') return false
  if (fn === 'matmul') return ra === 1 && rb === 1
  return (ra === 0 && rb === 0) || (ra === 1 && rb === 1)
}

/** A NumPy product; a 0-d result is a NumPy scalar, as NumPy returns. */
export function npProduct(ctx: LibraryContext, fn: 'matmul' | 'dot' | 'inner' | 'outer', x: PyValue, y: PyValue): PyValue {
  const a = npOperand(ctx, x, fn), b = npOperand(ctx, y, fn)
  const scalar = scalarResult(fn, a.info().shape.length, b.info().shape.length)
  const r = ctx.op([a, b], () => engine.product(`np.${fn}` as ProductFn, a, b), { transientResult: scalar })
  return scalar ? new NpScalar(r.info().dtype, r.item(), ctx.scalars) : ctx.wrap(r)
}

/** The node PyTorch's autograd records for each product (printed as grad_fn). */
function torchNode(fn: 'mm' | 'bmm' | 'matmul', da: number, db: number): string {
  if (fn === 'mm') return 'MmBackward0'
  if (fn === 'bmm') return 'BmmBackward0'
  if (da === 1 && db === 1) return 'DotBackward0'
  if (da === 2 && db === 1) return 'MvBackward0'
  if (da === 1 && db === 2) return 'SqueezeBackward3'
  if (da === 2 && db === 2) return 'MmBackward0'
  // 1.13 transposes the folded result of a matrix @ batch back and copies it.
  if (da === 2 && db >= 3) return 'CloneBackward0'
  return 'UnsafeViewBackward0'
}

function needTensor(v: PyValue | undefined, fn: string, arg: string, pos: number): EngineValue {
  if (v instanceof EngineValue && v.kind === 'tensor') return v
  const t = v instanceof EngineValue ? 'numpy.ndarray' : typeName(v ?? null)
  throw pyErr('TypeError', `${fn}(): argument '${arg}' (position ${pos}) must be Tensor, not ${t}`)
}

/** torch.mm / bmm / matmul of two tensors. */
export function torchProduct(ctx: LibraryContext, fn: 'mm' | 'bmm' | 'matmul', a: EngineValue, b: EngineValue): EngineValue {
  const r = ctx.opWrap([a.obj, b.obj], () => engine.product(`torch.${fn}`, a.obj, b.obj))
  // The tensor wrapper carries the autograd node name it prints (tensor.ts).
  const tagged = r as EngineValue & { gradFn?: string | null }
  const info = r.info()
  if (tagged.gradFn === null && info.requiresGrad && info.isLeaf === false) {
    tagged.gradFn = torchNode(fn, a.meta.shape.length, b.meta.shape.length)
  }
  return r
}

/** `x @ y` / `y @ x` (reflected) with x an ndarray or tensor, as each library's __matmul__. */
export function matmulOperator(self: EngineValue, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED {
  if (self.kind === 'tensor') {
    // Tensor.__matmul__ takes tensors only; anything else falls back to Python's TypeError.
    if (!(other instanceof EngineValue) || other.kind !== 'tensor') return NOT_IMPLEMENTED
    return reflected ? torchProduct(self.ctx, 'matmul', other, self) : torchProduct(self.ctx, 'matmul', self, other)
  }
  // ndarray.__matmul__ defers to a tensor (its __rmatmul__ wins in Python).
  if (other instanceof EngineValue && other.kind !== 'ndarray') return NOT_IMPLEMENTED
  return reflected ? npProduct(self.ctx, 'matmul', other, self) : npProduct(self.ctx, 'matmul', self, other)
}

/** Keywords of the matmul ufunc the engine does not take. */
function refuseUfuncKwargs(fn: string, b: Record<string, PyValue | undefined>, names: string[]): void {
  for (const k of names) {
    if (b[k] !== undefined && b[k] !== null) throw pyErr('NotImplementedError', `np.${fn}(${k}=...) is not supported by the Stridescope engine`)
  }
}

export function bindNumpyLinalg(np: LibModule, ctx: LibraryContext): void {
  np.fn('einsum', (a: PyValue[], kw: Kwargs) => {
    for (const k of kw.keys()) if (k !== 'optimize') throw pyErr('NotImplementedError', `np.einsum(${k}=...) is not supported by the Stridescope engine`)
    if (typeof a[0] !== 'string') throw pyErr('NotImplementedError', 'np.einsum in the sublist form is not supported by the Stridescope engine (pass a subscripts string)')
    const ops = a.slice(1).map(v => npOperand(ctx, v, 'einsum'))
    const r = ctx.op(ops, () => engine.einsum('ndarray', a[0] as string, ops))
    // A 0-d result is returned as a NumPy scalar, as einsum does.
    return r.info().shape.length === 0 && !r.info().baseId ? new NpScalar(r.info().dtype, r.item(), ctx.scalars) : ctx.wrap(r)
  })
  np.fn('matmul', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('matmul', ['x1', 'x2', 'out=', '*', 'casting=', 'order=', 'dtype=', 'subok=', 'signature=', 'axes=', 'axis='], a, kw)
    refuseUfuncKwargs('matmul', b, ['out', 'dtype', 'signature', 'axes', 'axis'])
    return npProduct(ctx, 'matmul', b.x1!, b.x2!)
  })
  np.fn('dot', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('dot', ['a', 'b', 'out='], a, kw)
    refuseUfuncKwargs('dot', b, ['out'])
    return npProduct(ctx, 'dot', b.a!, b.b!)
  })
  np.fn('inner', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('inner', ['a', 'b'], a, kw)
    return npProduct(ctx, 'inner', b.a!, b.b!)
  })
  np.fn('outer', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('outer', ['a', 'b', 'out='], a, kw)
    refuseUfuncKwargs('outer', b, ['out'])
    return npProduct(ctx, 'outer', b.a!, b.b!)
  })
}

export function bindTorchLinalg(torch: LibModule, ctx: LibraryContext): void {
  torch.fn('einsum', (a: PyValue[], kw: Kwargs) => {
    if (typeof a[0] !== 'string') throw pyErr('TypeError', `einsum(): argument 'equation' (position 1) must be str, not ${typeName(a[0] ?? null)}`)
    // torch.einsum(eq, a, b) or torch.einsum(eq, [a, b]).
    const rest = a.length === 2 && (a[1] instanceof PyList || a[1] instanceof PyTuple) ? [...a[1].items] : a.slice(1)
    const ops = rest.map((v, i) => needTensor(v, 'einsum', 'operands', i + 2))
    const r = ctx.opWrap(ops.map(o => o.obj), () => engine.einsum('tensor', a[0] as string, ops.map(o => o.obj)))
    const tagged = r as EngineValue & { gradFn?: string | null }
    const info = r.info()
    if (tagged.gradFn === null && info.requiresGrad && info.isLeaf === false) tagged.gradFn = 'ViewBackward0'
    return r
  })
  const names: Record<'mm' | 'bmm' | 'matmul', [string, string]> = { mm: ['input', 'mat2'], bmm: ['input', 'mat2'], matmul: ['input', 'other'] }
  for (const fn of ['mm', 'bmm', 'matmul'] as const) {
    const [x, y] = names[fn]
    torch.fn(fn, (a: PyValue[], kw: Kwargs) => {
      const b = bindArgs(fn, [x, y, '*', 'out='], a, kw)
      if (b.out !== undefined && b.out !== null) throw pyErr('NotImplementedError', `torch.${fn}(out=...) is not supported by the Stridescope engine`)
      return torchProduct(ctx, fn, needTensor(b[x], fn, x, 1), needTensor(b[y], fn, y, 2))
    })
  }
}

type Method = (self: EngineValue, args: PyValue[], kw: Kwargs) => PyValue

/** Tensor.mm / bmm / matmul / __matmul__. */
export function linalgTensorMethods(): Record<string, Method> {
  const method = (fn: 'mm' | 'bmm' | 'matmul', arg: string): Method => (s, a, kw) => {
    const b = bindArgs(fn, [arg], a, kw)
    return torchProduct(s.ctx, fn, s, needTensor(b[arg], fn, arg, 1))
  }
  return { mm: method('mm', 'mat2'), bmm: method('bmm', 'mat2'), matmul: method('matmul', 'other') }
}

/** ndarray.dot(b). */
export function linalgNdarrayMethods(): Record<string, Method> {
  return {
    dot: (s, a, kw) => {
      const b = bindArgs('dot', ['b', 'out='], a, kw)
      refuseUfuncKwargs('dot', b, ['out'])
      return npProduct(s.ctx, 'dot', s, b.b!)
    },
  }
}
