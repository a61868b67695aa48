// Tensor.new_zeros / new_ones / new_empty / new_full / new_tensor: a new tensor with this
// tensor's dtype and device unless dtype= / device= say otherwise (never its requires_grad).
import * as engine from '../../engine'
import type { DTypeName } from '../../engine/types'
import type { PyValue, Kwargs } from '../interp/values'
import { bindArgs } from '../interp/args'
import { EngineValue } from './engine_value'
import { torchDtypeOf } from './dtypes'
import { shapeFromArgs, shapeArg } from './argparse'
import { flattenNested } from './nested'
import { scalarArg } from './module_builder'
import { parseDeviceArg, placeOn } from './torch_create'

type Method = (self: EngineValue, args: PyValue[], kw: Kwargs) => PyValue

const FACTORY_KW = ['*', 'dtype=', 'device=', 'requires_grad=', 'layout=', 'pin_memory=']

interface Placement { dtype: DTypeName; device: string | null }

function placement(s: EngineValue, b: Record<string, PyValue | undefined>): Placement {
  const dtype = b.dtype === undefined || b.dtype === null ? s.info().dtype : torchDtypeOf(b.dtype)
  const own = s.info().device
  const device = b.device === undefined || b.device === null ? (own === 'cpu' ? null : own) : parseDeviceArg(b.device)
  return { dtype, device }
}

function filled(name: 'new_zeros' | 'new_ones' | 'new_empty'): Method {
  const fill = ({ new_zeros: 'zeros', new_ones: 'ones', new_empty: 'empty' } as const)[name]
  return (s, a, kw) => {
    const b = bindArgs(name, ['*size', ...FACTORY_KW], a, kw)
    const size = b.__rest!.length === 0 && kw.has('size') ? shapeArg(kw.get('size')!) : shapeFromArgs(b.__rest!)
    const p = placement(s, b)
    return placeOn(s.ctx, s.ctx.op([s.obj], () => engine[fill]('tensor', size, p.dtype)), p.device, b.requires_grad)
  }
}

export function newTensorMethods(): Record<string, Method> {
  return {
    new_zeros: filled('new_zeros'),
    new_ones: filled('new_ones'),
    new_empty: filled('new_empty'),
    new_full: (s, a, kw) => {
      const b = bindArgs('new_full', ['size', 'fill_value', ...FACTORY_KW], a, kw)
      const p = placement(s, b)
      const value = scalarArg(b.fill_value, 'fill_value')
      // fill_ semantics: a float value into an integer tensor is truncated, as PyTorch does.
      const made = s.ctx.op([s.obj], () => engine.empty('tensor', shapeArg(b.size!), p.dtype))
      s.ctx.op([made], () => made.fill(value))
      return placeOn(s.ctx, made, p.device, b.requires_grad)
    },
    new_tensor: (s, a, kw) => {
      const b = bindArgs('new_tensor', ['data', ...FACTORY_KW], a, kw)
      const p = placement(s, b)
      const data = b.data!
      let made: engine.EngineObject
      if (data instanceof EngineValue) {
        made = s.ctx.op([data.obj], () => engine.tensor(data.obj, p.dtype))
      } else {
        const { values, shape } = flattenNested(data, 'tensor')
        made = s.ctx.op([], () => engine.fromValues('tensor', values, shape, p.dtype))
      }
      return placeOn(s.ctx, made, p.device, b.requires_grad)
    },
  }
}
