// requires_grad and detach (no autograd: only the flag PyTorch's bridge rules look at).
// NOTE: the engine's TS API (src/engine) does not wrap the addon's requiresGrad_/detach
// (native/binding/ops_math.cc) yet; this adapter calls them on the loaded addon until it does.
import { EngineObject, loadAddon } from '../../engine'
import { pyErr } from '../interp/exceptions'

type Handle = EngineObject['handle']
interface GradAddon {
  requiresGrad_(h: Handle, flag: boolean): Handle
  detach(h: Handle): Handle
}

function addon(): GradAddon {
  const a = loadAddon() as unknown as Partial<GradAddon>
  if (typeof a.requiresGrad_ !== 'function' || typeof a.detach !== 'function') {
    throw pyErr('NotImplementedError', 'requires_grad is not available: the Stridescope engine was built without requiresGrad_/detach')
  }
  return a as GradAddon
}

/** `t.requires_grad_(flag)`: sets the flag on the tensor itself (PyTorch's leaf rules apply in the engine). */
export function setRequiresGrad(obj: EngineObject, flag: boolean): EngineObject {
  addon().requiresGrad_(obj.handle, flag)
  return obj
}

/** `t.detach()`: a new alias of the same storage without requires_grad. */
export function detach(obj: EngineObject): EngineObject {
  const h = addon().detach(obj.handle)
  return h === obj.handle ? obj : new EngineObject(h)
}
