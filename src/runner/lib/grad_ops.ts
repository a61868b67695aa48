// Autograd bookkeeping without autograd: requires_grad, detach, grad mode and the
// names of the nodes PyTorch records (grad_fn). The engine applies PyTorch's leaf
// rules, its errors and grad mode; no gradient is ever computed.
import type { EngineObject } from '../../engine'
import { PyBuiltin, PyObject, PyClass, PyFunction, BUILTIN_TYPES, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { callValue } from '../interp/call'
import { bindArgs } from '../interp/args'
import { truthy } from '../interp/ops'
import type { LibraryContext } from './context'

/** `t.requires_grad_(flag)`: sets the flag on the tensor itself. */
export function setRequiresGrad(obj: EngineObject, flag: boolean): EngineObject {
  return obj.requiresGrad_(flag)
}

/** `t.detach()`: a new alias of the same storage without requires_grad. */
export function detach(obj: EngineObject): EngineObject {
  return obj.detach()
}

const GRAD_MODE_CLASS = new PyClass('no_grad', BUILTIN_TYPES.object, 'torch.autograd.grad_mode')

/**
 * torch.no_grad() / enable_grad() / inference_mode(): entering sets the mode, leaving
 * restores the one before. torch.set_grad_enabled(mode) sets it at the call, and as a
 * context manager restores, on leaving, the mode from before that call.
 */
class GradMode extends PyObject {
  private saved: boolean[] = []
  constructor(private readonly ctx: LibraryContext, private readonly mode: boolean, private readonly before: boolean | null = null) { super() }
  get pyClass() { return GRAD_MODE_CLASS }
  getattr(n: string): PyValue | undefined {
    if (n === '__enter__') {
      return new PyBuiltin('__enter__', () => {
        this.saved.push(this.before ?? this.ctx.setGradEnabled(this.mode))
        return null
      }, this)
    }
    if (n === '__exit__') return new PyBuiltin('__exit__', () => { this.ctx.setGradEnabled(this.saved.pop() ?? true); return false }, this)
    return undefined
  }
  /** As a decorator (@torch.no_grad()): the function runs in this mode, the one before restored after. */
  call(args: PyValue[]): PyValue {
    const f = args[0]
    if (args.length !== 1 || !(f instanceof PyFunction || (f instanceof PyObject && f.call))) {
      throw pyErr('TypeError', `${GRAD_MODE_CLASS.name}.__call__() takes 2 positional arguments but ${args.length + 1} were given`)
    }
    return new PyBuiltin(f instanceof PyFunction ? f.name : 'wrapper', (a, kw) => {
      const before = this.ctx.setGradEnabled(this.mode)
      try {
        return callValue(f, a, kw)
      } finally {
        this.ctx.setGradEnabled(before)
      }
    })
  }
}

export function gradModeManager(ctx: LibraryContext, name: 'no_grad' | 'enable_grad' | 'inference_mode'): GradMode {
  return new GradMode(ctx, name === 'enable_grad')
}

export function setGradEnabledCall(ctx: LibraryContext, a: PyValue[], kw: Map<string, PyValue>): GradMode {
  const mode = truthy(bindArgs('set_grad_enabled', ['mode'], a, kw).mode!)
  return new GradMode(ctx, mode, ctx.setGradEnabled(mode))
}

/** A node of the autograd graph as Python shows it: `<MulBackward0 object at 0x...>`, `.name()`. */
export class GradFnNode extends PyObject {
  private static classes = new Map<string, PyClass>()
  constructor(readonly nodeName: string) { super() }
  get pyClass() {
    let c = GradFnNode.classes.get(this.nodeName)
    if (!c) GradFnNode.classes.set(this.nodeName, c = new PyClass(this.nodeName, BUILTIN_TYPES.object, 'builtins'))
    return c
  }
  getattr(n: string): PyValue | undefined {
    // name(): the C++ node's name; the two nodes autograd defines by hand carry their namespace.
    const qualified = this.nodeName === 'CopySlices' || this.nodeName === 'CopyBackwards' ? `torch::autograd::${this.nodeName}` : this.nodeName
    if (n === 'name') return new PyBuiltin('name', (a, kw) => { bindArgs('name', [], a, kw); return qualified }, this)
    return undefined
  }
}
