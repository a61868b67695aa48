// The Python value model. Primitives map to JS values so that arithmetic stays cheap:
//   None -> null, bool -> boolean, int -> bigint (Python ints are unbounded),
//   float -> number, str -> string. Everything else is a PyObject subclass.
import type { Stmt, Expr, Param } from './ast'
import { pollInterrupt } from './interrupt'

export type PyValue = null | boolean | bigint | number | string | PyObject

export type Kwargs = Map<string, PyValue>

/** Base of every non-primitive Python object. Hooks return undefined when unsupported. */
export abstract class PyObject {
  /** For ./lifetimes: the marking pass that last reached this object. */
  gcMark = 0
  /** For ./lifetimes: the frame depth a tracked engine value belongs to (-1: not tracked). */
  gcDepth = -1
  abstract get pyClass(): PyClass
  getattr?(name: string): PyValue | undefined
  setattr?(name: string, v: PyValue): boolean
  getitem?(key: PyValue): PyValue
  setitem?(key: PyValue, v: PyValue): void
  delitem?(key: PyValue): void
  call?(args: PyValue[], kwargs: Kwargs): PyValue
  iter?(): Iterable<PyValue>
  len?(): number
  truthy?(): boolean
  repr?(): string
  str?(): string
  /** Binary operator; `reflected` is true for __rop__. Return NOT_IMPLEMENTED to defer. */
  binop?(op: string, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED
  /** In-place operator (__iadd__ ...); undefined/NOT_IMPLEMENTED falls back to binop. */
  inplace?(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED
  unary?(op: '-' | '+' | '~' | 'abs'): PyValue | typeof NOT_IMPLEMENTED
  compare?(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED
  contains?(v: PyValue): boolean
  /** A descriptor (staticmethod, classmethod, property): what a lookup through a class (instance undefined) or an instance gives. */
  descrGet?(instance: PyValue | undefined, owner: PyClass): PyValue
  hashKey?(): string
  format?(spec: string): string
  /** `int(x)`, `float(x)`, `x.__index__()` for library scalars. */
  toNumber?(): bigint | number | boolean | undefined
}

export const NOT_IMPLEMENTED: unique symbol = Symbol('NotImplemented')

export type NativeFn = (args: PyValue[], kwargs: Kwargs) => PyValue

/** A Python class: builtin types, exception classes and library types. */
export class PyClass extends PyObject {
  attrs = new Map<string, PyValue>()
  constructor(
    readonly name: string,
    readonly base: PyClass | null,
    readonly module = 'builtins',
    public ctor: NativeFn | null = null
  ) { super() }
  get pyClass(): PyClass { return TYPE }
  /** Extra bases (NumPy's float64 is also a float; AxisError is a ValueError and an IndexError). */
  mixins: PyClass[] = []
  isSubclassOf(other: PyClass): boolean {
    for (let c: PyClass | null = this; c; c = c.base) {
      if (c === other) return true
      if (c.mixins.some(m => m.isSubclassOf(other))) return true
    }
    return false
  }
  get qualName(): string { return this.module === 'builtins' ? this.name : `${this.module}.${this.name}` }
  repr(): string { return `<class '${this.qualName}'>` }
  getattr(name: string): PyValue | undefined {
    if (name === '__name__') return this.name
    if (name === '__qualname__') return this.name
    if (name === '__module__') return this.module
    for (let c: PyClass | null = this; c; c = c.base) {
      if (!c.attrs.has(name)) continue
      const v = c.attrs.get(name)!
      return v instanceof PyObject && v.descrGet ? v.descrGet(undefined, this) : v
    }
    return undefined
  }
  hashKey(): string { return 'class:' + this.qualName }
  /** Class attributes of user classes are writable (Counter.count += 1); builtin types are not. */
  setattr(name: string, v: PyValue): boolean {
    if (this.module !== '__main__') return false
    this.attrs.set(name, v)
    return true
  }
  call(args: PyValue[], kwargs: Kwargs): PyValue {
    if (!this.ctor) throw new Error(`cannot create '${this.qualName}' instances`)
    return this.ctor(args, kwargs)
  }
}

export const OBJECT = new PyClass('object', null)
export const TYPE = new PyClass('type', OBJECT)

export class PyList extends PyObject {
  constructor(public items: PyValue[]) { super() }
  get pyClass() { return BUILTIN_TYPES.list }
  len() { return this.items.length }
  iter() { return this.items.slice() }
  truthy() { return this.items.length > 0 }
}

export class PyTuple extends PyObject {
  constructor(readonly items: readonly PyValue[]) { super() }
  get pyClass() { return BUILTIN_TYPES.tuple }
  /** The tuple a slice, `+` or `*` of this one makes (a subclass such as torch.Size keeps its type). */
  derived(items: readonly PyValue[]): PyTuple { return new PyTuple(items) }
  len() { return this.items.length }
  iter() { return this.items }
  truthy() { return this.items.length > 0 }
}

/** dict keeps insertion order; keys are compared through their hash key (1 == 1.0 == True). */
export class PyDict extends PyObject {
  entries = new Map<string, [PyValue, PyValue]>()
  /** d[key] = v: an existing equal key keeps its original object (as in CPython). */
  set(hash: string, key: PyValue, v: PyValue): void {
    const e = this.entries.get(hash)
    if (e) e[1] = v
    else this.entries.set(hash, [key, v])
  }
  get pyClass() { return BUILTIN_TYPES.dict }
  len() { return this.entries.size }
  truthy() { return this.entries.size > 0 }
  iter() { return [...this.entries.values()].map(e => e[0]) }
}

export class PyComplex extends PyObject {
  constructor(readonly re: number, readonly im: number) { super() }
  get pyClass() { return BUILTIN_TYPES.complex }
  truthy() { return this.re !== 0 || this.im !== 0 }
}

export class PySlice extends PyObject {
  constructor(readonly start: PyValue, readonly stop: PyValue, readonly step: PyValue) { super() }
  get pyClass() { return BUILTIN_TYPES.slice }
}

export class PyEllipsisType extends PyObject {
  get pyClass() { return BUILTIN_TYPES.ellipsis }
  repr() { return 'Ellipsis' }
  hashKey() { return 'Ellipsis' }
}
export const ELLIPSIS = new PyEllipsisType()

export class PyRange extends PyObject {
  constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) { super() }
  get pyClass() { return BUILTIN_TYPES.range }
  len(): number {
    const { start, stop, step } = this
    const n = step > 0n ? (stop - start + step - 1n) / step : (start - stop - step - 1n) / -step
    return n > 0n ? Number(n) : 0
  }
  *iter(): Iterable<PyValue> {
    // Each element polls the interrupt flag, so Stop reaches list(range(10**12)).
    const tick = pollInterrupt
    if (this.step > 0n) for (let i = this.start; i < this.stop; i += this.step) { tick(); yield i }
    else for (let i = this.start; i > this.stop; i += this.step) { tick(); yield i }
  }
  truthy() { return this.len() > 0 }
  repr() { return this.step === 1n ? `range(${this.start}, ${this.stop})` : `range(${this.start}, ${this.stop}, ${this.step})` }
}

/** A user-defined function (def or lambda): code, defaults evaluated at definition, and its closure. */
/** What runs a Python function's body: the interpreter it was defined in. */
export interface FunctionOwner {
  call(fn: PyValue, args: PyValue[], kwargs: Kwargs): PyValue
}

export class PyFunction extends PyObject {
  constructor(
    readonly name: string,
    readonly params: Param[],
    readonly defaults: Map<string, PyValue>,
    readonly body: Stmt[] | Expr,
    readonly closure: Scope | null,
    readonly locals: Set<string>,
    readonly globalsDeclared: Set<string>,
    /** The interpreter that defined the function and runs its calls, wherever they come from. */
    readonly owner: FunctionOwner
  ) { super() }
  /** The class whose body defined this function (for zero-argument super()). */
  definingClass: PyClass | null = null
  get pyClass() { return BUILTIN_TYPES.function }
  repr() { return `<function ${this.definingClass ? this.definingClass.name + '.' : ''}${this.name} at 0x${fakeAddress(this)}>` }
  getattr(name: string) { return name === '__name__' ? this.name : undefined }
}

export class PyBuiltin extends PyObject {
  constructor(readonly name: string, readonly fn: NativeFn, readonly self: PyValue | undefined = undefined) { super() }
  get pyClass() { return this.self === undefined ? BUILTIN_TYPES.builtin_function_or_method : BUILTIN_TYPES.method }
  call(args: PyValue[], kwargs: Kwargs) { return this.fn(args, kwargs) }
  repr() { return `<built-in function ${this.name}>` }
  getattr(name: string) { return name === '__name__' ? this.name : undefined }
}

export class PyModule extends PyObject {
  constructor(readonly name: string, readonly attrs: Map<string, PyValue>) { super() }
  get pyClass() { return BUILTIN_TYPES.module }
  /** Attributes the program set (`np.keep = a`): what a module holds beyond library code. */
  readonly userAttrs = new Set<string>()
  getattr(name: string) { return this.attrs.get(name) }
  setattr(name: string, v: PyValue) { this.attrs.set(name, v); this.userAttrs.add(name); return true }
  repr() { return `<module '${this.name}'>` }
}

/** An instance of an exception class. */
export class PyExcInstance extends PyObject {
  traceback: { line: number; name: string }[] = []
  context: PyExcInstance | null = null
  /** Attributes a user exception class sets on its instances (self.code = ...). */
  readonly dict = new Map<string, PyValue>()
  constructor(readonly cls: PyClass, public args: PyValue[]) { super() }
  get pyClass() { return this.cls }
  getattr(name: string): PyValue | undefined {
    if (name === 'args') return new PyTuple(this.args)
    return this.dict.get(name)
  }
  setattr(name: string, v: PyValue): boolean {
    if (name === 'args') { this.args = v instanceof PyTuple ? [...v.items] : [v]; return true }
    this.dict.set(name, v)
    return true
  }
}

/** A variable scope: module globals or a function call's locals, chained for closures. */
export class Scope {
  vars = new Map<string, PyValue>()
  /** For ./lifetimes: the marking pass that last reached this scope. */
  gcMark = 0
  constructor(readonly parent: Scope | null, readonly fn: PyFunction | null) {}
}

const addresses = new WeakMap<object, number>()
let nextAddress = 0x7f3a1c000000
export function fakeAddress(o: object): string {
  let a = addresses.get(o)
  if (a === undefined) { a = nextAddress; nextAddress += 0x40; addresses.set(o, a) }
  return a.toString(16)
}

function builtinType(name: string, base: PyClass = OBJECT): PyClass { return new PyClass(name, base) }
const INT = builtinType('int')
export const BUILTIN_TYPES = {
  object: OBJECT, type: TYPE,
  int: INT, bool: builtinType('bool', INT), float: builtinType('float'), complex: builtinType('complex'),
  str: builtinType('str'), bytes: builtinType('bytes'), list: builtinType('list'), tuple: builtinType('tuple'), dict: builtinType('dict'),
  NoneType: builtinType('NoneType'), slice: builtinType('slice'), range: builtinType('range'),
  ellipsis: builtinType('ellipsis'), function: builtinType('function'), module: builtinType('module'),
  builtin_function_or_method: builtinType('builtin_function_or_method'), method: builtinType('method'),
}
