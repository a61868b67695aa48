// User-defined classes: a namespace built by running the class body, single and multiple
// inheritance (C3 is approximated by depth-first order, enough for simple hierarchies),
// instances with a __dict__, bound methods, super(), and the dunder methods the
// interpreter's hooks dispatch to (__init__, __repr__, __str__, __eq__, __len__, ...).
import {
  PyObject, PyClass, PyFunction, PyExcInstance, PyBuiltin, PyTuple, OBJECT, NOT_IMPLEMENTED, fakeAddress,
  type PyValue, type Kwargs
} from './values'
import { pyErr, BASE_EXCEPTION } from './exceptions'
import { callValue } from './call'
import { repr as reprOf } from './repr'

/** Method resolution order: the class, then its bases depth-first, without repeats. */
export function mro(cls: PyClass): PyClass[] {
  const out: PyClass[] = []
  const walk = (c: PyClass | null) => {
    if (!c || out.includes(c)) return
    out.push(c)
    walk(c.base)
    c.mixins.forEach(walk)
  }
  walk(cls)
  // object last, as in every Python MRO.
  const i = out.indexOf(OBJECT)
  if (i >= 0) { out.splice(i, 1); out.push(OBJECT) }
  return out
}

export function lookupInMro(cls: PyClass, name: string, after: PyClass | null = null): PyValue | undefined {
  const order = mro(cls)
  const start = after ? order.indexOf(after) + 1 : 0
  for (const c of order.slice(start)) if (c.attrs.has(name)) return c.attrs.get(name)!
  return undefined
}

/** A function looked up through an instance: calling it passes the instance first. */
export class PyBoundMethod extends PyObject {
  constructor(readonly fn: PyValue, readonly self: PyValue) { super() }
  get pyClass() { return BOUND_METHOD }
  call(args: PyValue[], kwargs: Kwargs): PyValue { return callValue(this.fn, [this.self, ...args], kwargs) }
  repr() { return `<bound method ${(this.fn as PyFunction).name ?? '?'} of ${reprOf(this.self)}>` }
}
const BOUND_METHOD = new PyClass('method', OBJECT)

function bindIfFunction(v: PyValue, self: PyValue): PyValue {
  if (v instanceof PyFunction) return new PyBoundMethod(v, self)
  if (v instanceof PyObject && v.descrGet) return v.descrGet(self, (self as PyObject).pyClass)
  return v
}

// ---------- descriptors: staticmethod, classmethod, property ----------

const STATICMETHOD = new PyClass('staticmethod', OBJECT)
const CLASSMETHOD = new PyClass('classmethod', OBJECT)
const PROPERTY = new PyClass('property', OBJECT)

/** @staticmethod: the function itself, through the class or an instance. */
export class PyStaticMethod extends PyObject {
  constructor(readonly fn: PyValue) { super() }
  get pyClass() { return STATICMETHOD }
  descrGet(): PyValue { return this.fn }
  call(args: PyValue[], kwargs: Kwargs): PyValue { return callValue(this.fn, args, kwargs) }
}

/** @classmethod: the function bound to the class (an instance's class when looked up through it). */
export class PyClassMethod extends PyObject {
  constructor(readonly fn: PyValue) { super() }
  get pyClass() { return CLASSMETHOD }
  descrGet(_instance: PyValue | undefined, owner: PyClass): PyValue { return new PyBoundMethod(this.fn, owner) }
}

/** property(fget, fset, fdel): reading, writing and deleting through an instance call them. */
export class PyProperty extends PyObject {
  /** The attribute's name in its class (set when the class is made, as __set_name__ does). */
  name = '?'
  constructor(readonly fget: PyValue, readonly fset: PyValue, readonly fdel: PyValue) { super() }
  get pyClass() { return PROPERTY }
  descrGet(instance: PyValue | undefined, owner: PyClass): PyValue {
    if (instance === undefined) return this
    if (this.fget === null) throw pyErr('AttributeError', `property '${this.name}' of '${owner.name}' object has no getter`)
    return callValue(this.fget, [instance])
  }
  set(instance: PyInstance, v: PyValue): void {
    if (this.fset === null) throw pyErr('AttributeError', `property '${this.name}' of '${instance.cls.name}' object has no setter`)
    callValue(this.fset, [instance, v])
  }
  getattr(name: string): PyValue | undefined {
    switch (name) {
      case 'fget': return this.fget
      case 'fset': return this.fset
      case 'fdel': return this.fdel
      case 'getter': return new PyBuiltin('getter', ([f]) => this.named(new PyProperty(f ?? null, this.fset, this.fdel)), this)
      case 'setter': return new PyBuiltin('setter', ([f]) => this.named(new PyProperty(this.fget, f ?? null, this.fdel)), this)
      case 'deleter': return new PyBuiltin('deleter', ([f]) => this.named(new PyProperty(this.fget, this.fset, f ?? null)), this)
    }
    return undefined
  }
  repr() { return `<property object at 0x${fakeAddress(this)}>` }
  private named(p: PyProperty): PyProperty {
    p.name = this.name
    return p
  }
}

/** The functions a class attribute runs (a method, or those inside a descriptor): they belong to the class (zero-argument super()). */
export function classFunctions(v: PyValue): PyFunction[] {
  if (v instanceof PyFunction) return [v]
  if (v instanceof PyStaticMethod || v instanceof PyClassMethod) return v.fn instanceof PyFunction ? [v.fn] : []
  if (v instanceof PyProperty) return [v.fget, v.fset, v.fdel].filter((f): f is PyFunction => f instanceof PyFunction)
  return []
}

/** The builtins staticmethod, classmethod and property. */
export function descriptorBuiltins(): Record<string, PyClass> {
  STATICMETHOD.ctor = (args) => new PyStaticMethod(args[0] ?? null)
  CLASSMETHOD.ctor = (args) => new PyClassMethod(args[0] ?? null)
  PROPERTY.ctor = (args, kw) => new PyProperty(args[0] ?? kw.get('fget') ?? null, args[1] ?? kw.get('fset') ?? null, args[2] ?? kw.get('fdel') ?? null)
  return { staticmethod: STATICMETHOD, classmethod: CLASSMETHOD, property: PROPERTY }
}

/** Calls a dunder method defined by a user class (not the builtin defaults), if there is one. */
function dunder(obj: PyObject, name: string, args: PyValue[]): PyValue | typeof NOT_IMPLEMENTED {
  const f = lookupInMro(obj.pyClass, name)
  if (f === undefined) return NOT_IMPLEMENTED
  return callValue(f, [obj, ...args])
}

/** An instance of a user class. */
export class PyInstance extends PyObject {
  readonly dict = new Map<string, PyValue>()
  constructor(readonly cls: PyClass) { super() }
  get pyClass() { return this.cls }
  getattr(name: string): PyValue | undefined {
    if (name === '__dict__') return null
    if (this.dict.has(name)) return this.dict.get(name)!
    const v = lookupInMro(this.cls, name)
    return v === undefined ? undefined : bindIfFunction(v, this)
  }
  setattr(name: string, v: PyValue): boolean {
    const d = lookupInMro(this.cls, name)
    if (d instanceof PyProperty) d.set(this, v)
    else this.dict.set(name, v)
    return true
  }
  repr(): string {
    const r = dunder(this, '__repr__', [])
    if (r !== NOT_IMPLEMENTED) return typeof r === 'string' ? r : reprOf(r)
    return `<${this.cls.module}.${this.cls.name} object at 0x${fakeAddress(this)}>`
  }
  str(): string {
    const r = dunder(this, '__str__', [])
    if (r !== NOT_IMPLEMENTED) return typeof r === 'string' ? r : reprOf(r)
    return this.repr()
  }
  truthy(): boolean {
    for (const n of ['__bool__', '__len__']) {
      const r = dunder(this, n, [])
      if (r !== NOT_IMPLEMENTED) return n === '__bool__' ? r === true : r !== 0n
    }
    return true
  }
  call(args: PyValue[], kwargs: Kwargs): PyValue {
    const f = lookupInMro(this.cls, '__call__')
    if (f === undefined) throw pyErr('TypeError', `'${this.cls.name}' object is not callable`)
    return callValue(f, [this, ...args], kwargs)
  }
  getitem(key: PyValue): PyValue { return this.required('__getitem__', [key], 'is not subscriptable') }
  setitem(key: PyValue, v: PyValue): void { this.required('__setitem__', [key, v], 'does not support item assignment') }
  len(): number {
    const r = dunder(this, '__len__', [])
    if (r === NOT_IMPLEMENTED) throw pyErr('TypeError', `object of type '${this.cls.name}' has no len()`)
    return Number(r)
  }
  binop(op: string, other: PyValue, reflected: boolean) {
    const names: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '**': 'pow', '@': 'matmul' }
    if (!names[op]) return NOT_IMPLEMENTED
    return dunder(this, `__${reflected ? 'r' : ''}${names[op]}__`, [other])
  }
  compare(op: string, other: PyValue) {
    const names: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' }
    const r = dunder(this, `__${names[op]}__`, [other])
    if (r === NOT_IMPLEMENTED && (op === '==' || op === '!=')) return op === '==' ? other === this : other !== this
    return r
  }
  hashKey(): string { return 'id:' + fakeAddress(this) }
  private required(name: string, args: PyValue[], what: string): PyValue {
    const r = dunder(this, name, args)
    if (r === NOT_IMPLEMENTED) throw pyErr('TypeError', `'${this.cls.name}' object ${what}`)
    return r
  }
}

/** An instance of a user exception class: its class's methods and attributes, bound to it. */
class PyUserExcInstance extends PyExcInstance {
  getattr(name: string): PyValue | undefined {
    const own = super.getattr(name)
    if (own !== undefined) return own
    const v = lookupInMro(this.cls, name)
    return v === undefined ? undefined : bindIfFunction(v, this)
  }
}

/** Builds a class from its evaluated bases and the namespace its body produced. */
export function makeClass(name: string, bases: PyValue[], namespace: Map<string, PyValue>): PyClass {
  for (const b of bases) if (!(b instanceof PyClass)) throw pyErr('TypeError', 'bases must be types')
  const [first, ...rest] = bases as PyClass[]
  const isException = (first ?? OBJECT).isSubclassOf(BASE_EXCEPTION) || rest.some(b => b.isSubclassOf(BASE_EXCEPTION))
  const cls: PyClass = new PyClass(name, first ?? OBJECT, '__main__', (args, kwargs) => {
    const obj: PyObject = isException ? new PyUserExcInstance(cls, args) : new PyInstance(cls)
    const init = lookupInMro(cls, '__init__')
    if (init !== undefined) {
      const r = callValue(init, [obj, ...args], kwargs)
      if (r !== null) throw pyErr('TypeError', `__init__() should return None, not '${typeof r}'`)
    } else if (!isException && (args.length || kwargs.size)) {
      throw pyErr('TypeError', `${name}() takes no arguments`)
    }
    return obj
  })
  cls.mixins.push(...rest)
  for (const [k, v] of namespace) {
    if (v instanceof PyProperty) v.name = k
    cls.attrs.set(k, v)
  }
  return cls
}

/** super(): the next class after `cls` in the MRO of `self`'s class, bound to `self`. */
export class PySuper extends PyObject {
  constructor(readonly cls: PyClass, readonly self: PyValue) { super() }
  get pyClass() { return SUPER }
  getattr(name: string): PyValue | undefined {
    // In a classmethod, super() is bound to the class itself.
    const onClass = this.self instanceof PyClass
    const selfCls = onClass ? this.self as PyClass : (this.self as PyObject).pyClass
    const v = lookupInMro(selfCls, name, this.cls)
    if (v !== undefined) {
      if (!onClass) return bindIfFunction(v, this.self)
      return v instanceof PyObject && v.descrGet ? v.descrGet(undefined, selfCls) : v
    }
    // BaseException.__init__ sets args; object.__init__ accepts nothing.
    if (name === '__init__') {
      return new PyBuiltin('__init__', (args) => {
        if (this.self instanceof PyExcInstance) (this.self as { args: PyValue[] }).args = args
        return null
      })
    }
    return undefined
  }
}
const SUPER = new PyClass('super', OBJECT)

export { PyTuple }

