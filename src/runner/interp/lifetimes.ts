// Object lifetimes: an engine value (an ndarray or tensor wrapper) is released as soon as
// the program can no longer reach it, as CPython's reference counting frees an object
// when its last reference goes (rebinding, `del`, leaving a function, removal from a
// container, an exception unwinding). Releasing the last view of a storage frees the
// storage at once, back to the engine's allocator cache.
//
// The runner does not count references on every value; it traces. After a statement
// completes, if a reference may have been dropped since the last check, it marks what
// the roots reach (every active frame's scope, the globals, values a running statement
// holds across its body: loop iterables, context managers, the exception being handled)
// and releases the tracked values left unmarked. Cycles are therefore freed at once too.
//
// One difference from CPython remains: a temporary lives until its statement ends (CPython
// frees it when the expression that used it is done).
//
// Temporaries of an expression still being evaluated live only on the JavaScript stack,
// which the tracer cannot see. A value is made (or returned) at a frame depth; a check at
// the end of a statement at depth d only considers values of depth >= d, which no
// evaluation in progress at a shallower depth can hold. When a frame exits, its values
// move to the caller's depth (the caller may hold what it returned).
import { PyObject, PyList, PyTuple, PyDict, PyFunction, PyClass, PyModule, PyBuiltin, PyExcInstance, Scope } from './values'

/** Numbers the marking passes (objects remember the last one that reached them). */

let epoch = 0

export class Lifetimes {
  /** Tracked values by the depth that made them or to which they were returned (= their gcDepth). */
  private readonly byDepth: Set<PyObject>[] = []
  private count = 0
  /** A reference may have been dropped since the last check. */
  private dirty = false
  /** Values a running statement holds across the statements of its body. */
  private readonly held: unknown[] = []

  constructor(
    /** The scopes and objects the program reaches directly. */
    private readonly roots: () => unknown[],
    /** Frees the engine object behind a value nothing reaches any more. */
    private readonly release: (v: PyObject) => void,
  ) {}

  /** The number of tracked values still alive. */
  get live(): number { return this.count }

  /** A new engine value made at frame `depth`. */
  track(v: PyObject, depth: number): void {
    if (v.gcDepth >= 0) return
    this.bucket(depth).add(v)
    v.gcDepth = depth
    this.count++
    this.dirty = true
  }

  /** A reference may have gone (a rebinding, a deletion, a container or attribute write). */
  dropped(): void { if (this.count) this.dirty = true }

  /** The frame at `depth + 1` returned or unwound: what it made now belongs to depth `depth`. */
  frameExited(depth: number): void {
    for (let d = this.byDepth.length - 1; d > depth; d--) {
      const set = this.byDepth[d]
      if (!set?.size) continue
      const into = this.bucket(depth)
      for (const v of set) { into.add(v); v.gcDepth = depth }
      set.clear()
    }
    if (this.count) this.dirty = true
  }

  /** Keeps `v` reachable until the matching unhold() (a loop's iterable, a context manager). */
  hold(v: unknown): void { this.held.push(v) }
  unhold(): void { this.held.pop(); this.dropped() }

  /** After a statement at `depth` (0: the run ended): releases what nothing reaches. */
  collect(depth: number): void {
    if (!this.dirty) return
    this.dirty = false
    let candidates = 0
    for (let d = depth; d < this.byDepth.length; d++) candidates += this.byDepth[d]?.size ?? 0
    if (!candidates) return
    const mark = new Marking(++epoch, depth, candidates)
    if (mark.all(this.roots()) || mark.all(this.held)) return
    for (let d = depth; d < this.byDepth.length; d++) {
      const set = this.byDepth[d]
      if (!set) continue
      for (const v of set) {
        if (v.gcMark === epoch) continue
        set.delete(v)
        v.gcDepth = -1
        this.count--
        this.release(v)
      }
    }
  }

  /** Releases every tracked value (the interpreter is being discarded). */
  releaseAll(): void {
    for (const set of this.byDepth) {
      if (!set) continue
      for (const v of set) { v.gcDepth = -1; this.release(v) }
      set.clear()
    }
    this.count = 0
    this.dirty = false
  }

  private bucket(depth: number): Set<PyObject> {
    let set = this.byDepth[depth]
    if (!set) this.byDepth[depth] = set = new Set()
    return set
  }
}

/** One marking pass; stops as soon as every candidate (a value of depth >= `depth`) is reached. */
class Marking {
  private readonly stack: unknown[] = []
  constructor(private readonly epoch: number, private readonly depth: number, private left: number) {}

  /** Marks everything the roots reach; true when every candidate has been reached. */
  all(roots: readonly unknown[]): boolean {
    const stack = this.stack
    for (const r of roots) stack.push(r)
    while (stack.length) {
      const v = stack.pop()
      if (typeof v !== 'object' || v === null) continue
      if (v instanceof PyObject) {
        if (v.gcMark === this.epoch) continue
        v.gcMark = this.epoch
        if (v.gcDepth >= this.depth && --this.left === 0) return true
        pushChildren(v, stack)
      } else if (v instanceof Scope) {
        if (v.gcMark === this.epoch) continue
        v.gcMark = this.epoch
        pushValues(v.vars, stack)
        stack.push(v.parent)
      } else if (Array.isArray(v)) pushAll(v, stack)
      else if (v instanceof Map) pushValues(v, stack)
    }
    return false
  }
}

type Children = (v: PyObject, out: unknown[]) => void

/** How to find the values an object holds, chosen once per class. */
const childrenByClass = new Map<unknown, Children>()

function pushChildren(v: PyObject, out: unknown[]): void {
  let f = childrenByClass.get(v.constructor)
  if (!f) childrenByClass.set(v.constructor, f = childrenOf(v))
  f(v, out)
}

/** Library modules and classes hold only library code unless the program set an attribute
 * on them; functions hold their defaults and closure; other objects, every field. */
function childrenOf(v: PyObject): Children {
  if (v instanceof PyList || v instanceof PyTuple) return (o, out) => pushAll((o as PyList).items, out)
  if (v instanceof PyDict) return (o, out) => { for (const [k, x] of (o as PyDict).entries.values()) out.push(k, x) }
  if (v instanceof PyFunction) return (o, out) => { const f = o as PyFunction; pushValues(f.defaults, out); out.push(f.closure, f.definingClass) }
  if (v instanceof PyModule) return (o, out) => { const m = o as PyModule; for (const name of m.userAttrs) out.push(m.attrs.get(name)) }
  if (v instanceof PyClass) {
    return (o, out) => {
      const c = o as PyClass
      if (c.module === '__main__') pushValues(c.attrs, out)
      out.push(c.base, ...c.mixins)
    }
  }
  if (v instanceof PyBuiltin) return (o, out) => { out.push((o as PyBuiltin).self) }
  if (v instanceof PyExcInstance) return (o, out) => { const e = o as PyExcInstance; pushAll(e.args, out); pushValues(e.dict, out); out.push(e.context) }
  // Instances, bound methods, engine values (their base) and library objects.
  return (o, out) => {
    const fields = o as unknown as Record<string, unknown>
    for (const k in fields) {
      const x = fields[k]
      if (typeof x === 'object' && x !== null && (x instanceof PyObject || x instanceof Scope || Array.isArray(x) || x instanceof Map)) out.push(x)
    }
  }
}

function pushAll(items: readonly unknown[], out: unknown[]): void {
  for (const x of items) if (typeof x === 'object' && x !== null) out.push(x)
}

function pushValues(m: Map<unknown, unknown>, out: unknown[]): void {
  for (const x of m.values()) if (typeof x === 'object' && x !== null) out.push(x)
}
