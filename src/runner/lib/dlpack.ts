// DLPack on both kinds: `x.__dlpack__(max_version=, stream=)`, `x.__dlpack_device__()`,
// and the capsule object that np.from_dlpack / torch.from_dlpack consume.
import * as engine from '../../engine'
import { PyObject, PyClass, PyTuple, BUILTIN_TYPES, type PyValue, type Kwargs } from '../interp/values'
import { bindArgs } from '../interp/args'
import { pyErr } from '../interp/exceptions'
import { isSequence, intArg } from './argparse'
import type { EngineValue } from './engine_value'

export class PyCapsule extends PyObject {
  constructor(readonly capsule: engine.Capsule) { super() }
  get pyClass() { return CAPSULE_CLASS }
  repr() { return '<capsule object "dltensor">' }
}
const CAPSULE_CLASS = new PyClass('PyCapsule', BUILTIN_TYPES.object)

export function dlpackMethods(self: EngineValue): Record<string, (s: EngineValue, a: PyValue[], kw: Kwargs) => PyValue> {
  void self
  return {
    __dlpack__: (s, a, kw) => {
      const b = bindArgs('__dlpack__', ['*', 'stream=', 'max_version=', 'dl_device=', 'copy='], a, kw)
      let maxVersion: [number, number] | null = null
      if (b.max_version !== undefined && b.max_version !== null) {
        if (!isSequence(b.max_version) || b.max_version.items.length !== 2) throw pyErr('TypeError', 'max_version must be a tuple of two ints')
        maxVersion = [intArg(b.max_version.items[0]), intArg(b.max_version.items[1])]
      }
      let stream: number | null = null
      if (b.stream !== undefined && b.stream !== null) {
        if (typeof b.stream !== 'bigint') throw pyErr('TypeError', 'stream must be ``int`` or ``none``')
        stream = Number(b.stream)
      }
      const cap = s.ctx.op([s.obj], () => engine.toDlpack(s.obj, { maxVersion, stream } as engine.DlpackExportOptions))
      return new PyCapsule(cap)
    },
    __dlpack_device__: (s) => {
      const [t, i] = s.ctx.op([s.obj], () => engine.dlpackDevice(s.obj))
      return new PyTuple([BigInt(t), BigInt(i)])
    },
  }
}
