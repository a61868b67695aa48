// Placing a newly made tensor: device= and requires_grad= as torch's factories apply them
// (torch.zeros/full/tensor/... and Tensor.new_zeros/new_full/new_tensor/...).
import * as engine from '../../engine'
import type { PyValue } from '../interp/values'
import { truthy } from '../interp/ops'
import type { LibraryContext } from './context'
import { parseDevice } from './torch_objects'
import { toDevice } from './device_ops'
import { setRequiresGrad } from './grad_ops'

/**
 * device= on creation. The engine creates on the CPU; another device is reached with the
 * engine's own move (which raises PyTorch's error when that device is unavailable). The device
 * string is checked first, so that a bad device fails before anything is made.
 */
export function parseDeviceArg(v: PyValue | undefined): string | null {
  if (v === undefined || v === null) return null
  const d = parseDevice(v)
  return d.type === 'cpu' ? null : d.name
}

/** The new tensor on its device (the engine's move), then requires_grad= on the final leaf. */
export function placeOn(ctx: LibraryContext, made: engine.EngineObject, device: string | null, grad?: PyValue): PyValue {
  const placed = device === null ? made : ctx.op([made], () => toDevice(made, device, false, false))
  return ctx.wrap(withGrad(ctx, placed, grad))
}

/** requires_grad= on creation: the flag is set on the new tensor (before any device move). */
function withGrad(ctx: LibraryContext, made: engine.EngineObject, v: PyValue | undefined): engine.EngineObject {
  if (v === undefined || !truthy(v)) return made
  return ctx.op([made], () => setRequiresGrad(made, true))
}
