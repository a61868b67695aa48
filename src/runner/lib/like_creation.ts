// np.empty_like / zeros_like / ones_like / full_like and torch's: a new array or tensor of
// the input's shape, laid out as each library lays out a "like" result (the engine's
// createLike: NumPy order='K' keeps the input's memory order, torch preserve_format keeps
// dense strides). The layout rules live in the engine; this binds the arguments.
import * as engine from '../../engine'
import type { MemoryFormat, Order } from '../../engine/types'
import type { PyValue, Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName } from '../interp/ops'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { PyNdarray } from './ndarray'
import { PyTensor } from './tensor'
import { npDtypeOf, torchDtypeOf } from './dtypes'
import { npOrderArg, memoryFormatArg } from './argparse'
import { LibModule, scalarArg } from './module_builder'
import { parseDeviceArg, placeOn } from './torch_create'

type LikeFill = 'empty' | 'zeros' | 'ones' | 'full'
const FILLS: LikeFill[] = ['empty', 'zeros', 'ones', 'full']

/** np.X_like(a, [fill_value,] dtype=None, order='K', subok=True, shape=None, *, device=None). */
export function bindNumpyLike(np: LibModule, ctx: LibraryContext, asArray: (v: PyValue | undefined, fn: string) => EngineValue): void {
  for (const fill of FILLS) {
    const name = `${fill}_like`
    np.fn(name, (a: PyValue[], kw: Kwargs) => {
      const spec = fill === 'full' ? ['a', 'fill_value', 'dtype=', 'order=', 'subok=', 'shape=', '*', 'device='] : ['a', 'dtype=', 'order=', 'subok=', 'shape=', '*', 'device=']
      const b = bindArgs(name, spec, a, kw)
      if (b.shape !== undefined && b.shape !== null) throw pyErr('NotImplementedError', `np.${name}(shape=...) is not supported by the Stridescope engine`)
      const x = asArray(b.a, name)
      const order: Order = npOrderArg(b.order, 'K')
      const dtype = b.dtype === undefined || b.dtype === null ? null : npDtypeOf(b.dtype)
      const value = fill === 'full' ? scalarArg(b.fill_value, 'fill_value') : null
      return ctx.opWrap([x.obj], () => engine.createLike(x.obj, fill, order, dtype, value))
    })
  }
}

/** torch.X_like(input, [fill_value,] *, dtype=None, layout=None, device=None, requires_grad=False, memory_format=torch.preserve_format). */
export function bindTorchLike(torch: LibModule, ctx: LibraryContext): void {
  for (const fill of FILLS) {
    const name = `${fill}_like`
    torch.fn(name, (a: PyValue[], kw: Kwargs) => {
      const spec = fill === 'full'
        ? ['input', 'fill_value', '*', 'dtype=', 'layout=', 'device=', 'requires_grad=', 'pin_memory=', 'memory_format=']
        : ['input', '*', 'dtype=', 'layout=', 'device=', 'requires_grad=', 'pin_memory=', 'memory_format=']
      const b = bindArgs(name, spec, a, kw)
      const x = b.input
      if (!(x instanceof PyTensor)) {
        const tp = x instanceof PyNdarray ? 'numpy.ndarray' : typeName(x ?? null)
        throw pyErr('TypeError', `${name}(): argument 'input' (position 1) must be Tensor, not ${tp}`)
      }
      const mf: MemoryFormat = memoryFormatArg(b.memory_format, 'preserve_format')
      const dtype = b.dtype === undefined || b.dtype === null ? null : torchDtypeOf(b.dtype)
      const value = fill === 'full' ? scalarArg(b.fill_value, 'fill_value') : null
      const made = ctx.op([x.obj], () => engine.createLike(x.obj, fill, mf, dtype, value))
      return placeOn(ctx, made, parseDeviceArg(b.device), b.requires_grad)
    })
  }
}
