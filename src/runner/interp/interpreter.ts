// The tree-walking evaluator: statements, expressions, scopes, calls and exceptions.
import type { Expr, Stmt, Param, Arg, CompFor, FStrPart } from './ast'
import {
  PyObject, PyList, PyTuple, PyDict, PyComplex, PySlice, PyFunction, PyClass, PyExcInstance, PyModule,
  PyBuiltin, Scope, ELLIPSIS, BUILTIN_TYPES, type PyValue, type Kwargs
} from './values'
import { PyBytes } from './bytes'
import { PyException, pyErr, BASE_EXCEPTION, excClass } from './exceptions'
import {
  binop, inplaceOp, unaryOp, compare, truthy, iterate, hashKey, typeName, typeOf
} from './ops'
import { repr, str } from './repr'
import { formatValue } from './formatting'
import { getAttribute, setAttribute } from './attributes'
import { getItem, setItem, delItem } from './subscript'
import { FnScope, collectLocals, collectTargetNames } from './scopes'
import { bindParams } from './call_binding'
import { ControlSignal, isPyCatchable, toPyException } from './errors_bridge'
import { Lifetimes } from './lifetimes'
import { WarningFilters } from './warnings'

export { FnScope, isPyCatchable, toPyException }

import { classFunctions, makeClass, PySuper } from './classes'
import { callValue } from './call'
import { withInterruptFlag, raiseIfInterrupted, RunTimedOut } from './interrupt'
import { pushAll } from './arrays'
import { opSiteText, type OpSite } from './op_site'

class BreakSignal extends ControlSignal { }
class ContinueSignal extends ControlSignal { }
class ReturnSignal extends ControlSignal { constructor(readonly value: PyValue) { super() } }
const BREAK = new BreakSignal()
const CONTINUE = new ContinueSignal()

export interface Frame {
  name: string; line: number; fn?: PyFunction; firstArg?: PyValue; scope?: FnScope
  /** The expression (or array-writing assignment) running in this frame, and its unique number: the op log's row. */
  opSite?: OpSite; opSeq?: number
}

export interface InterpreterHost {
  write(s: string): void
  writeErr(s: string): void
  importModule(name: string): PyModule | null
  filename: string
  sourceLine(line: number): string
  /** Frees the engine object behind a value the program can no longer reach. */
  release(v: PyObject): void
}

const MAX_DEPTH = 1000

/** Variable scope: module (locals === null) or a function/comprehension call. */
export class Interpreter {
  readonly globals: FnScope
  readonly builtins = new Map<string, PyValue>()
  frames: Frame[] = []
  /** Numbers the operation sites run so far (Frame.opSeq): two calls of one line are two rows. */
  private opSeqs = 0
  private handling: PyExcInstance[] = []
  private warnedOnce = new Set<string>()
  /** Set per run: expression statements at module level print their values (the console's prompt). */
  interactive = false
  /** The warnings module's filters (simplefilter, catch_warnings, ...). */
  readonly warnings = new WarningFilters()
  /** Which engine values the program still reaches (./lifetimes). */
  readonly lifetimes: Lifetimes

  /** `interrupt`: the run's stop flag (./interrupt), polled once per step. */
  constructor(readonly host: InterpreterHost, readonly interrupt: Int32Array) {
    const g: FnScope = new FnScope(null, null, new Set(), null as unknown as Scope)
    ;(g as { module: Scope }).module = g
    this.globals = g
    this.lifetimes = new Lifetimes(() => this.roots(), v => host.release(v))
  }

  /** What the program reaches directly: the globals, each running function's scope, the
   * exceptions being handled and the first argument of each call (a method's self). */
  private roots(): unknown[] {
    const out: unknown[] = [this.globals, this.handling]
    for (const f of this.frames) out.push(f.scope, f.firstArg)
    return out
  }

  /** Runs `body` with `held` kept reachable (a loop's iterable, a context manager). */
  private holding<T>(held: unknown, body: () => T): T {
    this.lifetimes.hold(held)
    try { return body() } finally { this.lifetimes.unhold() }
  }

  get frame(): Frame { return this.frames[this.frames.length - 1] }

  /** Runs `body` as the operation `site` of the current frame (what the op log names), then restores the enclosing one. */
  private atSite<T>(site: OpSite, body: () => T): T {
    const f = this.frame
    const site0 = f.opSite, seq0 = f.opSeq
    f.opSite = site
    f.opSeq = ++this.opSeqs
    try { return body() } finally { f.opSite = site0; f.opSeq = seq0 }
  }

  /** The operation running now in words the program wrote, and its number (one op-log row per number). */
  currentOpSite(): { text: string; seq: number } | null {
    const f = this.frame
    return f?.opSite && f.opSeq !== undefined ? { text: opSiteText(f.opSite), seq: f.opSeq } : null
  }

  /** super() with no arguments: the running method's class and its first argument. */
  zeroArgSuper(): PySuper {
    const f = this.frame
    if (!f?.fn?.definingClass || f.firstArg === undefined) throw pyErr('RuntimeError', 'super(): no arguments')
    return new PySuper(f.fn.definingClass, f.firstArg)
  }

  tick(): void {
    if (this.interrupt[0] !== 0) raiseIfInterrupted(this.interrupt)
  }

  /** Runs a module body in the persistent globals. Exceptions propagate with their traceback. */
  runModule(body: Stmt[]): void {
    this.frames = [{ name: '<module>', line: body[0]?.line ?? 1 }]
    // The flag stays current while the error is mapped: a kernel's KeyboardInterrupt reads it.
    withInterruptFlag(this.interrupt, () => {
      try {
        this.execBlock(body, this.globals)
      } catch (e) {
        if (e instanceof RunTimedOut) throw e
        if (!isPyCatchable(e)) throw pyErr('SyntaxError', `'${e instanceof ReturnSignal ? 'return' : 'break/continue'}' outside function or loop`)
        const pe = toPyException(e)
        pe.exc.traceback.unshift({ ...this.frame })
        throw pe
      }
    })
  }

  /**
   * A warning raised at the current line, through the program's warning filters (./warnings):
   * by default printed once per category, text and line as CPython prints it. `once`: the
   * library warns only the first time in a process, whatever the filters (torch's TORCH_WARN_ONCE).
   */
  warn(category: string | PyClass, message: string, once = false): void {
    const line = this.frame?.line ?? 0
    const cls = typeof category === 'string' ? excClass(category) : category
    if (once) {
      const key = `${cls.name}\0${message}`
      if (this.warnedOnce.has(key)) return
      this.warnedOnce.add(key)
    }
    this.warnings.handle({ category: cls, message, filename: this.host.filename, line }, (w) => {
      const src = this.host.sourceLine(w.line).trim()
      this.host.writeErr(`${w.filename}:${w.line}: ${w.category.name}: ${w.message}\n${src ? `  ${src}\n` : ''}`)
    })
  }

  /** sys.displayhook: a value other than None is printed with repr and bound to builtins._ */
  private displayhook(v: PyValue): void {
    if (v === null) return
    this.builtins.set('_', v)
    this.host.write(repr(v) + '\n')
  }

  // ---------- statements ----------

  execBlock(body: Stmt[], scope: FnScope): void {
    for (const s of body) {
      this.exec(s, scope)
      // A completed statement holds no temporaries: release what it left unreachable.
      this.lifetimes.collect(this.frames.length)
    }
  }

  exec(s: Stmt, scope: FnScope): void {
    this.tick()
    this.frame.line = s.line
    switch (s.k) {
      case 'expr': {
        const v = this.eval(s.e, scope)
        if (this.interactive && scope === this.globals) this.displayhook(v)
        return
      }
      case 'assign': {
        const v = this.eval(s.value, scope)
        // Assigning into an array (`a[i] = v`) is an operation of its own; binding a name is not.
        if (s.targets.some(t => t.k !== 'name')) this.atSite(s, () => { for (const t of s.targets) this.assign(t, v, scope) })
        else for (const t of s.targets) this.assign(t, v, scope)
        return
      }
      case 'augassign': return this.atSite(s, () => this.augAssign(s.target, s.op, s.value, scope))
      case 'if':
        if (truthy(this.eval(s.test, scope))) this.execBlock(s.body, scope)
        else this.execBlock(s.orelse, scope)
        return
      case 'while': {
        while (truthy(this.eval(s.test, scope))) {
          this.tick()
          try { this.execBlock(s.body, scope) } catch (e) {
            if (e === BREAK) return
            if (e === CONTINUE) continue
            throw e
          }
        }
        this.execBlock(s.orelse, scope)
        return
      }
      case 'for': {
        const iterable = this.eval(s.iter, scope)
        const it = iterate(iterable)
        const broke = this.holding([iterable, it], () => {
          for (const v of it) {
            this.tick()
            this.frame.line = s.line
            this.assign(s.target, v, scope)
            try { this.execBlock(s.body, scope) } catch (e) {
              if (e === BREAK) return true
              if (e === CONTINUE) continue
              throw e
            }
          }
          return false
        })
        if (!broke) this.execBlock(s.orelse, scope)
        return
      }
      case 'break': throw BREAK
      case 'continue': throw CONTINUE
      case 'pass': return
      case 'def': {
        // Decorators are evaluated before the function is made, and applied bottom-up.
        const decorators = (s.decorators ?? []).map(d => this.eval(d, scope))
        let f: PyValue = this.makeFunction(s.name, s.params, s.body, scope)
        for (const d of decorators.reverse()) f = this.holding([f], () => callValue(d, [f]))
        this.store(s.name, f, scope)
        return
      }
      case 'return': throw new ReturnSignal(s.value ? this.eval(s.value, scope) : null)
      case 'try': return this.execTry(s, scope)
      case 'raise': return this.execRaise(s.exc, s.cause, scope)
      case 'assert':
        if (!truthy(this.eval(s.test, scope))) {
          const args = s.msg ? [this.eval(s.msg, scope)] : []
          throw new PyException(new PyExcInstance(excClass('AssertionError'), args))
        }
        return
      case 'del':
        for (const t of s.targets) this.del(t, scope)
        return
      case 'import':
        for (const { module, asname } of s.names) {
          const mod = this.importModule(module)
          // `import a.b` binds `a`; `import a.b as c` binds the submodule.
          if (asname) this.store(asname, mod, scope)
          else this.store(module.split('.')[0], this.importModule(module.split('.')[0]), scope)
        }
        return
      case 'from': {
        const mod = this.importModule(s.module)
        for (const n of s.names) {
          const v = mod.getattr(n.name)
          if (v === undefined) throw pyErr('ImportError', `cannot import name '${n.name}' from '${s.module}'`)
          this.store(n.asname ?? n.name, v, scope)
        }
        return
      }
      case 'global':
        if (scope.locals) for (const n of s.names) scope.globalNames.add(n)
        return
      case 'nonlocal':
        for (const n of s.names) {
          if (!scope.locals) throw pyErr('SyntaxError', 'nonlocal declaration not allowed at module level')
          if (!scope.owner(n)) throw pyErr('SyntaxError', `no binding for nonlocal '${n}' found`)
          scope.nonlocalNames.add(n)
        }
        return
      case 'with': return this.execWith(s.items, 0, s.body, scope)
      case 'class': {
        const decorators = (s.decorators ?? []).map(d => this.eval(d, scope))
        const bases = s.bases.map(b => this.eval(b, scope))
        const names = new Set<string>()
        collectLocals(s.body, names, new Set())
        const body = new FnScope(scope, names, new Set(), this.globals)
        body.isClass = true
        this.holding([bases, body], () => this.execBlock(s.body, body))
        const cls = makeClass(s.name, bases, body.vars)
        for (const v of body.vars.values()) for (const fn of classFunctions(v)) fn.definingClass = cls
        let result: PyValue = cls
        for (const d of decorators.reverse()) result = callValue(d, [result])
        this.store(s.name, result, scope)
        return
      }
      case 'unsupported':
        throw pyErr('NotImplementedError', `${s.what} is not supported by the Stridescope runner (line ${s.line})`)
    }
  }

  /** `with a as x, b:` is nested withs; __exit__ sees the exception and may suppress it. */
  private execWith(items: { ctx: Expr; target: Expr | null }[], i: number, body: Stmt[], scope: FnScope): void {
    if (i === items.length) { this.execBlock(body, scope); return }
    const mgr = this.eval(items[i].ctx, scope)
    let enter: PyValue, exit: PyValue
    try {
      enter = getAttribute(mgr, '__enter__')
      exit = getAttribute(mgr, '__exit__')
    } catch {
      throw pyErr('TypeError', `'${typeName(mgr)}' object does not support the context manager protocol`)
    }
    const entered = this.call(enter, [], new Map())
    if (items[i].target) this.assign(items[i].target!, entered, scope)
    try {
      this.holding([mgr, exit, entered], () => this.execWith(items, i + 1, body, scope))
    } catch (e) {
      if (!isPyCatchable(e)) { this.call(exit, [null, null, null], new Map()); throw e }
      const pe = toPyException(e)
      if (truthy(this.call(exit, [pe.exc.cls, pe.exc, null], new Map()))) return
      throw pe
    }
    this.call(exit, [null, null, null], new Map())
  }

  importModule(name: string): PyModule {
    const m = this.host.importModule(name)
    if (!m) throw pyErr('ModuleNotFoundError', `No module named '${name}'`)
    return m
  }

  private execTry(s: Extract<Stmt, { k: 'try' }>, scope: FnScope): void {
    try {
      let raised = false
      try {
        this.execBlock(s.body, scope)
      } catch (e) {
        if (!isPyCatchable(e)) throw e
        raised = true
        const pe = toPyException(e)
        const h = s.handlers.find(h => h.type === null || this.matches(pe.exc, this.eval(h.type, scope)))
        if (!h) throw pe
        this.handling.push(pe.exc)
        try {
          if (h.name) this.store(h.name, pe.exc, scope)
          this.frame.line = h.line
          this.execBlock(h.body, scope)
        } finally {
          this.handling.pop()
          if (h.name && scope.vars.delete(h.name)) this.lifetimes.dropped()
        }
      }
      if (!raised) this.execBlock(s.orelse, scope)
    } catch (e) {
      if (!s.final.length) throw e
      // What is in flight (an exception, a return value) stays reachable through the finally block.
      this.holding(e instanceof ReturnSignal ? e.value : e instanceof PyException ? e.exc : null, () => this.execBlock(s.final, scope))
      throw e
    }
    if (s.final.length) this.execBlock(s.final, scope)
  }

  private matches(exc: PyExcInstance, t: PyValue): boolean {
    if (t instanceof PyTuple) return t.items.some(x => this.matches(exc, x))
    if (t instanceof PyClass && t.isSubclassOf(BASE_EXCEPTION)) return exc.cls.isSubclassOf(t)
    throw pyErr('TypeError', 'catching classes that do not inherit from BaseException is not allowed')
  }

  private execRaise(excE: Expr | null, causeE: Expr | null, scope: FnScope): void {
    if (!excE) {
      const cur = this.handling[this.handling.length - 1]
      if (!cur) throw pyErr('RuntimeError', 'No active exception to reraise')
      throw new PyException(cur)
    }
    const v = this.eval(excE, scope)
    if (causeE) this.eval(causeE, scope)
    throw new PyException(this.toExcInstance(v))
  }

  private toExcInstance(v: PyValue): PyExcInstance {
    if (v instanceof PyExcInstance) return v
    if (v instanceof PyClass && v.isSubclassOf(BASE_EXCEPTION)) return v.call([], new Map()) as PyExcInstance
    throw pyErr('TypeError', 'exceptions must derive from BaseException')
  }

  // ---------- names and targets ----------

  lookup(name: string, scope: FnScope): PyValue {
    if (scope.locals && scope.globalNames.has(name)) return this.lookupGlobal(name)
    for (let s: FnScope | null = scope; s; s = s.parent as FnScope | null) {
      if (!s.locals) break
      if (s.locals.has(name)) {
        if (s.vars.has(name)) return s.vars.get(name)!
        if (s === scope) throw pyErr('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`)
        throw pyErr('NameError', `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`)
      }
    }
    return this.lookupGlobal(name)
  }

  private lookupGlobal(name: string): PyValue {
    const g = this.globals.vars
    if (g.has(name)) return g.get(name)!
    if (this.builtins.has(name)) return this.builtins.get(name)!
    throw pyErr('NameError', `name '${name}' is not defined`)
  }

  store(name: string, v: PyValue, scope: FnScope): void {
    const vars = scope.locals && scope.globalNames.has(name) ? this.globals.vars
      : scope.nonlocalNames.has(name) ? scope.owner(name)!.vars : scope.vars
    const old = vars.get(name)
    vars.set(name, v)
    if (typeof old === 'object' && old !== null && old !== v) this.lifetimes.dropped()
  }

  assign(t: Expr, v: PyValue, scope: FnScope): void {
    switch (t.k) {
      case 'name': this.store(t.id, v, scope); return
      case 'tuple': case 'list': return this.unpack(t.elts, v, scope)
      case 'attr': setAttribute(this.eval(t.obj, scope), t.name, v); this.lifetimes.dropped(); return
      case 'sub': {
        const obj = this.eval(t.obj, scope)
        setItem(obj, this.evalIndex(t.index, scope), v)
        this.lifetimes.dropped()
        return
      }
      case 'starred': throw pyErr('SyntaxError', 'starred assignment target must be in a list or tuple')
      default: throw pyErr('SyntaxError', `cannot assign to ${t.k === 'call' ? 'function call' : 'expression'}`)
    }
  }

  private unpack(targets: Expr[], v: PyValue, scope: FnScope): void {
    const items = [...iterate(v)]
    const starAt = targets.findIndex(t => t.k === 'starred')
    if (starAt < 0) {
      if (items.length < targets.length) throw pyErr('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`)
      if (items.length > targets.length) throw pyErr('ValueError', `too many values to unpack (expected ${targets.length})`)
      targets.forEach((t, i) => this.assign(t, items[i], scope))
      return
    }
    const after = targets.length - starAt - 1
    if (items.length < targets.length - 1) throw pyErr('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`)
    targets.slice(0, starAt).forEach((t, i) => this.assign(t, items[i], scope))
    this.assign((targets[starAt] as Extract<Expr, { k: 'starred' }>).e, new PyList(items.slice(starAt, items.length - after)), scope)
    targets.slice(starAt + 1).forEach((t, i) => this.assign(t, items[items.length - after + i], scope))
  }

  private augAssign(t: Expr, op: string, valueE: Expr, scope: FnScope): void {
    // The target is evaluated once; `a[i] += x` reads a[i], applies __iop__, stores back (as Python does).
    if (t.k === 'name') {
      const cur = this.lookup(t.id, scope)
      this.store(t.id, inplaceOp(op, cur, this.eval(valueE, scope)), scope)
    } else if (t.k === 'attr') {
      const obj = this.eval(t.obj, scope)
      const cur = getAttribute(obj, t.name)
      setAttribute(obj, t.name, inplaceOp(op, cur, this.eval(valueE, scope)))
    } else if (t.k === 'sub') {
      const obj = this.eval(t.obj, scope)
      const idx = this.evalIndex(t.index, scope)
      const cur = getItem(obj, idx)
      setItem(obj, idx, inplaceOp(op, cur, this.eval(valueE, scope)))
    } else throw pyErr('SyntaxError', "'tuple' is an illegal expression for augmented assignment")
  }

  private del(t: Expr, scope: FnScope): void {
    if (t.k === 'name') {
      const target = scope.locals && scope.globalNames.has(t.id) ? this.globals : scope
      if (!target.vars.delete(t.id)) throw pyErr('NameError', `name '${t.id}' is not defined`)
      this.lifetimes.dropped()
    } else if (t.k === 'sub') { delItem(this.eval(t.obj, scope), this.evalIndex(t.index, scope)); this.lifetimes.dropped() }
    else if (t.k === 'tuple' || t.k === 'list') t.elts.forEach(e => this.del(e, scope))
    else if (t.k === 'attr') throw pyErr('NotImplementedError', `deleting attributes is not supported (line ${t.line})`)
    else throw pyErr('SyntaxError', 'cannot delete expression')
  }

  // ---------- expressions ----------

  eval(e: Expr, scope: FnScope): PyValue {
    switch (e.k) {
      case 'int': return e.v
      case 'float': return e.v
      case 'imag': return new PyComplex(0, e.v)
      case 'str': return e.v
      case 'bytes': return new PyBytes(Uint8Array.from(e.v))
      case 'fstr': return this.fstring(e.parts, scope)
      case 'const': return e.v === 'None' ? null : e.v === 'True' ? true : e.v === 'False' ? false : ELLIPSIS
      case 'name': return this.lookup(e.id, scope)
      case 'attr': {
        const obj = this.eval(e.obj, scope)
        this.frame.line = e.line
        return this.atSite(e, () => getAttribute(obj, e.name))
      }
      case 'sub': {
        const obj = this.eval(e.obj, scope)
        const idx = this.evalIndex(e.index, scope)
        this.frame.line = e.line
        return this.atSite(e, () => getItem(obj, idx))
      }
      case 'slice': return this.evalIndex(e, scope)
      case 'call': {
        const fn = this.eval(e.fn, scope)
        const [args, kwargs] = this.evalArgs(e.args, scope)
        this.frame.line = e.line
        return this.atSite(e, () => this.call(fn, args, kwargs))
      }
      case 'bin': {
        const l = this.eval(e.l, scope)
        const r = this.eval(e.r, scope)
        this.frame.line = e.line
        return this.atSite(e, () => binop(e.op, l, r))
      }
      case 'unary': {
        const v = this.eval(e.e, scope)
        if (e.op === 'not') return !truthy(v)
        const op = e.op
        return this.atSite(e, () => unaryOp(op, v))
      }
      case 'bool': {
        let v: PyValue = null
        for (const x of e.values) {
          v = this.eval(x, scope)
          if (e.op === 'and' ? !truthy(v) : truthy(v)) return v
        }
        return v
      }
      case 'cmp': {
        let left = this.eval(e.operands[0], scope)
        let result: PyValue = true
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.eval(e.operands[i + 1], scope)
          this.frame.line = e.line
          const l = left
          result = this.atSite(e, () => compare(e.ops[i], l, right))
          if (i < e.ops.length - 1 && !truthy(result)) return result
          left = right
        }
        return result
      }
      case 'tuple': return new PyTuple(this.evalElts(e.elts, scope))
      case 'list': return new PyList(this.evalElts(e.elts, scope))
      case 'dict': {
        const d = new PyDict()
        for (const [k, v] of e.items) {
          const kv = this.eval(k, scope)
          d.set(hashKey(kv), kv, this.eval(v, scope))
        }
        return d
      }
      case 'starred': throw pyErr('SyntaxError', "can't use starred expression here")
      case 'listcomp': {
        const out: PyValue[] = []
        this.comprehend(e.gens, scope, s => { out.push(this.eval(e.elt, s)) })
        return new PyList(out)
      }
      case 'dictcomp': {
        const d = new PyDict()
        this.comprehend(e.gens, scope, s => {
          const k = this.eval(e.key, s)
          d.set(hashKey(k), k, this.eval(e.value, s))
        })
        return d
      }
      case 'ifexp': return truthy(this.eval(e.test, scope)) ? this.eval(e.body, scope) : this.eval(e.orelse, scope)
      case 'lambda': return this.makeFunction('<lambda>', e.params, e.body, scope)
      case 'unsupported':
        throw pyErr('NotImplementedError', `${e.what} is not supported by the Stridescope runner (line ${e.line})`)
    }
  }

  private evalElts(elts: Expr[], scope: FnScope): PyValue[] {
    const out: PyValue[] = []
    for (const x of elts) {
      if (x.k === 'starred') pushAll(out, iterate(this.eval(x.e, scope)))
      else out.push(this.eval(x, scope))
    }
    return out
  }

  evalIndex(e: Expr, scope: FnScope): PyValue {
    if (e.k === 'slice') {
      const g = (x: Expr | null) => (x ? this.eval(x, scope) : null)
      return new PySlice(g(e.lo), g(e.hi), g(e.step))
    }
    if (e.k === 'tuple') return new PyTuple(e.elts.map(x => this.evalIndex(x, scope)))
    return this.eval(e, scope)
  }

  private evalArgs(args: Arg[], scope: FnScope): [PyValue[], Kwargs] {
    const pos: PyValue[] = []
    const kw: Kwargs = new Map()
    for (const a of args) {
      const v = this.eval(a.value, scope)
      if (a.kind === 'pos') pos.push(v)
      else if (a.kind === 'star') pushAll(pos, iterate(v))
      else if (a.kind === 'kw') {
        if (kw.has(a.name!)) throw pyErr('SyntaxError', `keyword argument repeated: ${a.name}`)
        kw.set(a.name!, v)
      } else {
        if (!(v instanceof PyDict)) throw pyErr('TypeError', `argument after ** must be a mapping, not ${typeName(v)}`)
        for (const [k, x] of v.entries.values()) {
          if (typeof k !== 'string') throw pyErr('TypeError', 'keywords must be strings')
          kw.set(k, x)
        }
      }
    }
    return [pos, kw]
  }

  private comprehend(gens: CompFor[], scope: FnScope, emit: (s: FnScope) => void): void {
    // A comprehension runs in its own scope: its loop variables do not leak (Python 3).
    const names = new Set<string>()
    for (const g of gens) collectTargetNames(g.target, names)
    const inner = new FnScope(scope, names, new Set(), scope.module)
    const loop = (i: number) => {
      if (i === gens.length) { emit(inner); return }
      const g = gens[i]
      for (const v of iterate(this.eval(g.iter, i === 0 ? scope : inner))) {
        this.tick()
        this.assign(g.target, v, inner)
        if (g.ifs.every(c => truthy(this.eval(c, inner)))) loop(i + 1)
      }
    }
    loop(0)
  }

  private fstring(parts: FStrPart[], scope: FnScope): string {
    let out = ''
    for (const p of parts) {
      if (typeof p === 'string') { out += p; continue }
      const v = this.eval(p.expr, scope)
      const spec = p.spec ? this.fstring(p.spec, scope) : ''
      if (p.selfDoc) out += p.selfDoc
      const conv = p.conv ?? (p.selfDoc && !p.spec ? 'r' : null)
      if (conv === 'r' || conv === 'a') out += formatValue(repr(v), spec)
      else if (conv === 's') out += formatValue(str(v), spec)
      else out += formatValue(v, spec)
    }
    return out
  }

  // ---------- functions ----------

  private makeFunction(name: string, params: Param[], body: Stmt[] | Expr, scope: FnScope): PyFunction {
    const defaults = new Map<string, PyValue>()
    for (const p of params) if (p.default) defaults.set(p.name, this.eval(p.default, scope))
    const locals = new Set(params.map(p => p.name))
    const globalsDeclared = new Set<string>()
    if (Array.isArray(body)) collectLocals(body, locals, globalsDeclared)
    // Names declared global or nonlocal are not locals of this function.
    for (const g of [...globalsDeclared]) {
      if (g.startsWith('\0nonlocal:')) { locals.delete(g.slice(10)); globalsDeclared.delete(g) }
      else locals.delete(g)
    }
    const closure = scope.isClass ? (scope.parent as FnScope) : scope
    return new PyFunction(name, params, defaults, body, closure, locals, globalsDeclared, this)
  }

  call(fn: PyValue, args: PyValue[], kwargs: Kwargs): PyValue {
    if (fn instanceof PyFunction) return this.callFunction(fn, args, kwargs)
    if (fn instanceof PyObject && fn.call) {
      // Library code (list.pop, dict.update, setattr, ...) may drop references.
      this.lifetimes.dropped()
      return fn.call(args, kwargs)
    }
    throw pyErr('TypeError', `'${typeName(fn)}' object is not callable`)
  }

  callFunction(fn: PyFunction, args: PyValue[], kwargs: Kwargs): PyValue {
    if (this.frames.length >= MAX_DEPTH) throw pyErr('RecursionError', 'maximum recursion depth exceeded')
    this.tick()
    const scope = new FnScope(fn.closure, fn.locals, new Set(fn.globalsDeclared), this.globals)
    bindParams(fn, args, kwargs, scope)
    const frame: Frame = { name: fn.name, line: Array.isArray(fn.body) ? fn.body[0]?.line ?? 0 : (fn.body as Expr).line, fn, firstArg: args[0], scope }
    this.frames.push(frame)
    try {
      if (!Array.isArray(fn.body)) return this.eval(fn.body as Expr, scope)
      this.execBlock(fn.body as Stmt[], scope)
      return null
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value
      if (!isPyCatchable(e)) throw e
      const pe = toPyException(e)
      pe.exc.traceback.unshift({ ...frame })
      throw pe
    } finally {
      this.frames.pop()
      // Its locals are gone; what it made now belongs to the caller (which may hold the result).
      this.lifetimes.frameExited(this.frames.length)
    }
  }
}

export { typeOf, BUILTIN_TYPES, PyBuiltin }
