// The Python values a restricted unpickle can produce. Nothing here is callable: a
// global is a name, a tensor is a plain record of its storage, offset, sizes and strides.
import type { DTypeName } from '../engine/types'

export class PyTuple { constructor(readonly items: PyValue[]) {} }
export class PyList { constructor(readonly items: PyValue[] = []) {} }
export class PyBytes { constructor(readonly value: Uint8Array) {} }
export class PySet { constructor(readonly items: PyValue[] = []) {} }

/** dict or collections.OrderedDict; keys kept in insertion order, as Python does. */
export class PyDict {
  private readonly map = new Map<string, [PyValue, PyValue]>()
  /** Attributes set by BUILD (a state_dict's `_metadata`); kept, never interpreted. */
  attributes: PyValue = null
  constructor(readonly ordered: boolean) {}
  set(k: PyValue, v: PyValue): void { this.map.set(dictKey(k), [k, v]) }
  get(k: PyValue): PyValue | undefined { return this.map.get(dictKey(k))?.[1] }
  entries(): Array<[PyValue, PyValue]> { return [...this.map.values()] }
  get size(): number { return this.map.size }
}

/** A module-level name the pickle referred to (only allow-listed ones ever exist). */
export class PyGlobal { constructor(readonly module: string, readonly name: string) {} get path(): string { return `${this.module}.${this.name}` } }

/** A storage named by a persistent id ('storage', type, key, location, numel). */
export class TorchStorageRef {
  constructor(
    readonly key: string,
    readonly dtype: DTypeName | null,
    /** 'FloatStorage', 'UntypedStorage', ... as pickled. */
    readonly typeName: string,
    readonly itemsize: number,
    readonly location: string,
    /** Elements of `dtype` (bytes for UntypedStorage). */
    readonly numel: number,
  ) {}
}

/** What _rebuild_tensor_v2/_v3 (and _rebuild_parameter) describe. Strides in elements. */
export class TorchTensorRef {
  constructor(
    readonly storage: TorchStorageRef,
    readonly dtype: DTypeName | null,
    readonly dtypeText: string,
    readonly itemsize: number,
    readonly storageOffset: number,
    readonly size: number[],
    readonly stride: number[],
    public requiresGrad: boolean,
    public isParameter = false,
  ) {}
}

export type PyValue =
  | null | boolean | number | bigint | string
  | PyTuple | PyList | PyDict | PySet | PyBytes | PyGlobal | TorchStorageRef | TorchTensorRef

function dictKey(k: PyValue): string {
  if (k === null) return 'N'
  switch (typeof k) {
    case 'boolean': return k ? 'i1' : 'i0' // True == 1 as a dict key, as in Python
    case 'number': return Number.isInteger(k) ? 'i' + k : 'f' + k
    case 'bigint': return 'i' + k.toString()
    case 'string': return 's' + k
  }
  if (k instanceof PyTuple) return 't(' + k.items.map(dictKey).join(',') + ')'
  if (k instanceof PyBytes) return 'b' + Array.from(k.value).join(',')
  if (k instanceof PyGlobal) return 'g' + k.path
  // Unhashable in Python (list, dict) or identity-hashed objects: key by identity.
  return 'o' + objectId(k)
}

const ids = new WeakMap<object, number>()
let nextId = 1
function objectId(o: object): number {
  let id = ids.get(o)
  if (id === undefined) { id = nextId++; ids.set(o, id) }
  return id
}

/** Python's type name of a value, for error messages. */
export function pyTypeName(v: PyValue): string {
  if (v === null) return 'NoneType'
  switch (typeof v) {
    case 'boolean': return 'bool'
    case 'number': return Number.isInteger(v) ? 'int' : 'float'
    case 'bigint': return 'int'
    case 'string': return 'str'
  }
  if (v instanceof PyTuple) return 'tuple'
  if (v instanceof PyList) return 'list'
  if (v instanceof PyDict) return v.ordered ? 'collections.OrderedDict' : 'dict'
  if (v instanceof PySet) return 'set'
  if (v instanceof PyBytes) return 'bytes'
  if (v instanceof PyGlobal) return v.path
  if (v instanceof TorchStorageRef) return 'torch.storage.TypedStorage'
  return 'torch.Tensor'
}
