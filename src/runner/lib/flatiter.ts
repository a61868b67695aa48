// a.flat: NumPy's flatiter, the array's elements in C order whatever its strides. Reads index a
// C-order copy (as NumPy's return copies); writes go into the array itself.
import { PyObject, PyClass, PyTuple, PyBuiltin, BUILTIN_TYPES, ELLIPSIS, fakeAddress, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import type { EngineValue } from './engine_value'

export class NpFlatIter extends PyObject {
  constructor(private readonly a: EngineValue) { super() }
  get pyClass() { return FLATITER_CLASS }
  repr() { return `<numpy.flatiter object at 0x${fakeAddress(this)}>` }

  /** The elements as a new 1-d array in C order (np.array(a.flat), a.flat.copy()). */
  flat(): EngineValue {
    return this.a.ctx.opWrap([this.a.obj], () => this.a.obj.flatten({ order: 'C' })) as EngineValue
  }

  len() { return this.a.info().numel }
  iter() { return this.flat().iter() }
  getitem(key: PyValue): PyValue {
    if (typeof key === 'bigint') {
      const size = BigInt(this.a.info().numel)
      if (key < -size || key >= size) throw pyErr('IndexError', `index ${key} is out of bounds for size ${size}`)
    }
    return this.flat().getitem(key)
  }

  setitem(key: PyValue, v: PyValue): void {
    const info = this.a.info()
    if (!info.flags.writeable) throw pyErr('ValueError', 'underlying array is read-only')
    if (info.flags.cContiguous) {
      const view = this.a.ctx.opWrap([this.a.obj], () => this.a.obj.reshape([info.numel])) as EngineValue
      return view.setitem(key, v)
    }
    // A strided array: the write lands in a C-order copy that then goes back in place.
    const f = this.flat()
    f.setitem(key, v)
    this.a.setitem(ELLIPSIS, this.a.ctx.opWrap([f.obj], () => f.obj.reshape(info.shape)))
  }

  getattr(name: string): PyValue | undefined {
    switch (name) {
      case 'base': return this.a
      case 'index': return 0n
      case 'coords': return new PyTuple(this.a.info().shape.map(() => 0n))
      case 'copy': return new PyBuiltin('copy', () => this.flat(), this)
      case '__array__': return new PyBuiltin('__array__', () => this.flat(), this)
    }
    return undefined
  }
}

const FLATITER_CLASS = new PyClass('flatiter', BUILTIN_TYPES.object, 'numpy')
