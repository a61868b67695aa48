// Tensor.sort, Tensor.argsort, Tensor.topk and Tensor.unique (torch.* reach them through the
// methods), as PyTorch 1.13 gives them, each one engine op (native/core/sort.h): NaN greatest,
// ties in index order (PyTorch's stable sort; its default sort and topk leave ties open).
// Layout (aten/src/ATen/native/Sorting.cpp, TORCH_META_FUNC2(sort, stable)): sort's values and
// indices take the input's strides when it is non-overlapping and dense (a transposed input gives
// transposed results), else dense strides in the input's order, as the engine's clone() lays them
// out; topk's and unique's results are contiguous.
import type { DTypeName } from '../../engine/types'
import * as engine from '../../engine'
import { bindArgs } from '../interp/args'
import { pyErr } from '../interp/exceptions'
import { ELLIPSIS, PyTuple, type Kwargs, type PyValue } from '../interp/values'
import { boolArg, intArg } from './argparse'
import { EngineValue } from './engine_value'
import { TorchReturnType } from './math_ops'
import { unique } from './sorting'

type Method = (self: EngineValue, args: PyValue[], kw: Kwargs) => PyValue
type Tag = (r: PyValue, name: string) => PyValue
type Wrap = (d: number, ndim: number) => number

/** c10 ScalarType names, as PyTorch's dtype refusals print them. */
const SCALAR_TYPE: Partial<Record<DTypeName, string>> = { float16: 'Half', bool: 'Bool', complex64: 'ComplexFloat', complex128: 'ComplexDouble' }

/**
 * The dtypes PyTorch 1.13's CPU kernels refuse (aten/src/ATen/native/cpu/SortingKernel.cpp
 * dispatches sort over all but complex and topk without Half or Bool; Unique.cpp's "unique" has no
 * Half). PyTorch 2.x adds Half to topk and unique; 1.13 is the version matched here.
 */
const REFUSED: Record<string, DTypeName[]> = {
  sorting_kernel_method_name: ['complex64', 'complex128'],
  topk_cpu: ['float16', 'bool', 'complex64', 'complex128'],
  unique: ['float16', 'complex64', 'complex128'],
}
function checkDtype(kernel: keyof typeof REFUSED, dtype: DTypeName): void {
  if (REFUSED[kernel].includes(dtype)) throw pyErr('RuntimeError', `"${kernel}" not implemented for '${SCALAR_TYPE[dtype]}'`)
}

/** torch.sort (values and indices) or torch.argsort (indices only) of `x` along `dim`: one engine op. */
function sortAlong(x: EngineValue, fn: 'torch.sort' | 'torch.argsort', dim: number, descending: boolean): EngineValue[] {
  checkDtype('sorting_kernel_method_name', x.meta.dtype)
  return x.ctx.op([x.obj], () => engine.sort(fn, x.obj, dim, descending)).map((o) => x.ctx.wrap(o))
}

/**
 * torch.unique's values as a tensor that carries the input's autograd state (grad_fn=<Unique2Backward0>):
 * a clone of the input's first elements, written with the values.
 */
function withHistory(x: EngineValue, values: EngineValue, tag: Tag): EngineValue {
  if (!(x.info() as { requiresGrad?: boolean }).requiresGrad || !x.ctx.gradEnabled) return values
  const m = values.meta.numel
  const out = x.ctx.opWrap([x.obj], () => x.obj.reshape([-1]).narrow(0, 0, m).clone('contiguous_format'))
  // Written through a view, so that `out` shows the unique node rather than the write's.
  x.ctx.opWrap([out.obj], () => out.obj.view([m])).setitem(ELLIPSIS, values)
  return tag(out, 'Unique2Backward0') as EngineValue
}

export function torchSortMethods(tag: Tag, wrapDim: Wrap): Record<string, Method> {
  const dimOf = (x: EngineValue, v: PyValue | undefined): number => wrapDim(v === undefined || v === null ? -1 : intArg(v), x.meta.shape.length)
  return {
    sort: (s, a, kw) => {
      const b = bindArgs('sort', ['dim=', 'descending=', '*', 'stable='], a, kw)
      // sort(stable=...) is aten::sort.stable, whose backward node is SortBackward1.
      const node = b.stable === undefined ? 'SortBackward0' : 'SortBackward1'
      const [values, indices] = sortAlong(s, 'torch.sort', dimOf(s, b.dim), boolArg(b.descending, false))
      return new TorchReturnType('sort', tag(values, node), indices)
    },
    argsort: (s, a, kw) => {
      const b = bindArgs('argsort', ['dim=', 'descending='], a, kw)
      return sortAlong(s, 'torch.argsort', dimOf(s, b.dim), boolArg(b.descending, false))[0]
    },
    topk: (s, a, kw) => {
      const b = bindArgs('topk', ['k', 'dim=', 'largest=', 'sorted='], a, kw)
      const k = intArg(b.k!)
      const dim = dimOf(s, b.dim)
      const n = s.meta.shape.length === 0 ? 1 : s.meta.shape[dim]
      if (k < 0 || k > n) throw pyErr('RuntimeError', 'selected index k out of range')
      checkDtype('topk_cpu', s.meta.dtype)
      // The k first of a stable sort, contiguous (sorted=False leaves the order open; this keeps it sorted).
      const r = s.ctx.op([s.obj], () => engine.topk(s.obj, k, dim, boolArg(b.largest, true)))
      const values = s.ctx.wrap(r.values), indices = s.ctx.wrap(r.indices)
      return new TorchReturnType('topk', tag(values, 'TopkBackward0'), indices)
    },
    unique: (s, a, kw) => {
      const b = bindArgs('unique', ['sorted=', 'return_inverse=', 'return_counts=', 'dim='], a, kw)
      if (b.dim !== undefined && b.dim !== null) throw pyErr('NotImplementedError', 'torch.unique(dim=...) is not supported by the Stridescope runner')
      checkDtype('unique', s.meta.dtype)
      // torch.unique on the CPU sorts even when sorted=False; each NaN is a value of its own.
      const r = unique(s.ctx, s, { index: false, inverse: boolArg(b.return_inverse, false), counts: boolArg(b.return_counts, false) }, false)
      return r instanceof PyTuple ? new PyTuple([withHistory(s, r.items[0] as EngineValue, tag), ...r.items.slice(1)]) : withHistory(s, r as EngineValue, tag)
    },
  }
}
