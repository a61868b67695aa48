// requires_grad and detach (no autograd: only the flag PyTorch's bridge rules look at;
// the engine applies PyTorch's leaf rules and errors).
import type { EngineObject } from '../../engine'

/** `t.requires_grad_(flag)`: sets the flag on the tensor itself. */
export function setRequiresGrad(obj: EngineObject, flag: boolean): EngineObject {
  return obj.requiresGrad_(flag)
}

/** `t.detach()`: a new alias of the same storage without requires_grad. */
export function detach(obj: EngineObject): EngineObject {
  return obj.detach()
}
