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

export class Lifetimes {
  /** Tracked values by the depth that made them or to which they were returned. */
  private readonly byDepth: Set<PyObject>[] = []
  private count = 0
  /** A reference may have been dropped since the last check. */
  private dirty = false
  /** Values a running statement holds across the statements of its body. */
  private readonly held: unknown[] = []

  constructor(
    /** The scopes and objects the program reaches directly. */
    private readonly roots: () => Iterable<unknown>,
    /** Frees the engine object behind a value nothing reaches any more. */
    private readonly release: (v: PyObject) => void,
  ) {}

  /** The number of tracked values still alive. */
  get live(): number { return this.count }

  /** A new engine value made at frame `depth`. */
  track(v: PyObject, depth: number): void {
    let set = this.byDepth[depth]
    if (!set) this.byDepth[depth] = set = new Set()
    if (set.has(v)) return
    set.add(v)
    this.count++
    this.dirty = true
  }

  /** A reference may have gone (a rebinding, a deletion, a container or attribute write). */
  dropped(): void { if (this.count) this.dirty = true }

  /** The frame at `depth + 1` returned or unwound: what it made now belongs to depth `depth`. */
  frameExited(depth: number): void {
    for (let d = this.byDepth.length - 1; d > depth; d--) {
      const set = this.byDepth[d]
      if (!set || !set.size) continue
      let into = this.byDepth[depth]
      if (!into) this.byDepth[depth] = into = new Set()
      for (const v of set) into.add(v)
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
    const candidates = new Set<PyObject>()
    for (let d = depth; d < this.byDepth.length; d++) {
      const set = this.byDepth[d]
      if (set) for (const v of set) candidates.add(v)
    }
    if (!candidates.size) return
    const reached = new Reach(candidates)
    for (const r of this.roots()) if (reached.visit(r)) return
    for (const r of this.held) if (reached.visit(r)) return
    for (const v of candidates) {
      if (reached.has(v)) continue
      for (let d = depth; d < this.byDepth.length; d++) if (this.byDepth[d]?.delete(v)) break
      this.count--
      this.release(v)
    }
  }

  /** Releases every tracked value (the interpreter is being discarded). */
  releaseAll(): void {
    for (const set of this.byDepth) {
      if (!set) continue
      for (const v of set) this.release(v)
      set.clear()
    }
    this.count = 0
    this.dirty = false
  }
}

/** One marking pass; stops as soon as every candidate is found reachable. */
class Reach {
  private readonly seen = new Set<object>()
  private found = 0
  constructor(private readonly candidates: Set<PyObject>) {}

  has(v: PyObject): boolean { return this.seen.has(v) }

  /** Marks everything `v` reaches; true when every candidate has been reached. */
  visit(root: unknown): boolean {
    const stack: unknown[] = [root]
    while (stack.length) {
      const v = stack.pop()
      if (typeof v !== 'object' || v === null || this.seen.has(v)) continue
      this.seen.add(v)
      if (v instanceof PyObject && this.candidates.has(v) && ++this.found === this.candidates.size) return true
      pushChildren(v, stack)
    }
    return false
  }
}

/** The values an object holds. Library modules and classes hold only library code unless
 * the program set an attribute on them; functions hold their defaults and closure. */
function pushChildren(v: object, out: unknown[]): void {
  if (v instanceof Scope) { pushValues(v.vars, out); out.push(v.parent); return }
  if (Array.isArray(v)) { pushAll(v, out); return }
  if (v instanceof Map) { pushValues(v, out); return }
  if (!(v instanceof PyObject)) return
  if (v instanceof PyList || v instanceof PyTuple) { pushAll(v.items, out); return }
  if (v instanceof PyDict) { for (const [k, x] of v.entries.values()) out.push(k, x); return }
  if (v instanceof PyFunction) { pushValues(v.defaults, out); out.push(v.closure, v.definingClass); return }
  if (v instanceof PyModule) { for (const name of v.userAttrs) out.push(v.attrs.get(name)); return }
  if (v instanceof PyClass) {
    if (v.module === '__main__') pushValues(v.attrs, out)
    out.push(v.base, ...v.mixins)
    return
  }
  if (v instanceof PyBuiltin) { out.push(v.self); return }
  if (v instanceof PyExcInstance) { pushAll(v.args, out); pushValues(v.dict, out); out.push(v.context); return }
  // Instances, bound methods, engine values (their base) and library objects: every field.
  for (const x of Object.values(v)) {
    if (typeof x === 'object' && x !== null && (x instanceof PyObject || x instanceof Scope || Array.isArray(x) || x instanceof Map)) out.push(x)
  }
}

function pushAll(items: readonly unknown[], out: unknown[]): void {
  for (const x of items) if (typeof x === 'object' && x !== null) out.push(x)
}

function pushValues(m: Map<unknown, unknown>, out: unknown[]): void {
  for (const x of m.values()) if (typeof x === 'object' && x !== null) out.push(x)
}
