// The few standard-library modules snippets use: time (perf_counter), math, warnings.
import { PyModule, PyBuiltin, PyClass, PyObject, PyExcInstance, type PyValue, type Kwargs } from '../interp/values'
import { pyErr, excClass } from '../interp/exceptions'
import { typingModule } from './typing_module'
import { WARN_ACTIONS, warningCategory, type WarnAction, type WarningFilters } from '../interp/warnings'
import { toFloat } from '../interp/builtins'
import { bindArgs } from '../interp/args'
import { repr, str } from '../interp/repr'
import { binop, iterate, truthy } from '../interp/ops'

function mod(name: string, fns: Record<string, (a: PyValue[], kw: Kwargs) => PyValue>, consts: Record<string, PyValue> = {}): PyModule {
  const attrs = new Map<string, PyValue>()
  for (const [k, f] of Object.entries(fns)) attrs.set(k, new PyBuiltin(k, f))
  for (const [k, v] of Object.entries(consts)) attrs.set(k, v)
  return new PyModule(name, attrs)
}

const t0 = process.hrtime.bigint()

function mathFn(name: string, f: (x: number) => number, domainCheck?: (x: number) => boolean) {
  return (a: PyValue[]) => {
    const x = toFloat(a[0])
    if (domainCheck && !domainCheck(x)) throw pyErr('ValueError', 'math domain error')
    return f(x)
  }
}

/** The runner's output streams, warning printer and filters, which sys and warnings use. */
export interface StdlibHost {
  write(s: string): void
  writeErr(s: string): void
  warn(category: string | PyClass, message: string): void
  warnings: WarningFilters
}

/** Common standard-library modules (CPython always has them). */
const STDLIB_MODULES = new Set([
  'abc', 'argparse', 'array', 'ast', 'asyncio', 'base64', 'bisect', 'collections', 'contextlib', 'copy', 'csv', 'ctypes',
  'dataclasses', 'datetime', 'decimal', 'enum', 'fractions', 'functools', 'gc', 'glob', 'gzip', 'hashlib', 'heapq', 'inspect',
  'io', 'itertools', 'json', 'logging', 'multiprocessing', 'operator', 'os', 'pathlib', 'pickle', 'platform', 'pprint',
  'queue', 'random', 're', 'shutil', 'signal', 'socket', 'statistics', 'string', 'struct', 'subprocess', 'tempfile',
  'textwrap', 'threading', 'timeit', 'traceback', 'types', 'unittest', 'uuid', 'weakref', 'zipfile',
])

/**
 * A standard module CPython always has is missing from the runner, not from the machine: its
 * ModuleNotFoundError says so (null for other names, which keep CPython's plain message).
 */
export function missingStdlibError(name: string): Error | null {
  if (!STDLIB_MODULES.has(name.split('.')[0])) return null
  return pyErr('ModuleNotFoundError', `No module named '${name}' (a standard module the Stridescope runner does not provide; it has math, sys, time, typing and warnings)`)
}

export function createStdlibModules(name: string, host: StdlibHost): PyModule | null {
  switch (name) {
    case 'time':
      return mod('time', {
        perf_counter: () => Number(process.hrtime.bigint() - t0) / 1e9,
        perf_counter_ns: () => process.hrtime.bigint() - t0,
        time: () => Date.now() / 1000,
        monotonic: () => Number(process.hrtime.bigint() - t0) / 1e9,
        sleep: () => { throw pyErr('NotImplementedError', 'time.sleep() is not supported by the Stridescope runner') },
      })
    case 'math':
      return mod('math', {
        sqrt: mathFn('sqrt', Math.sqrt, x => x >= 0 || Number.isNaN(x)),
        exp: mathFn('exp', Math.exp),
        log: (a) => {
          const x = toFloat(a[0])
          if (x <= 0) throw pyErr('ValueError', 'math domain error')
          return a.length > 1 ? Math.log(x) / Math.log(toFloat(a[1])) : Math.log(x)
        },
        log2: mathFn('log2', Math.log2, x => x > 0),
        log10: mathFn('log10', Math.log10, x => x > 0),
        sin: mathFn('sin', Math.sin), cos: mathFn('cos', Math.cos), tan: mathFn('tan', Math.tan),
        floor: (a) => BigInt(Math.floor(toFloat(a[0]))),
        ceil: (a) => BigInt(Math.ceil(toFloat(a[0]))),
        fabs: mathFn('fabs', Math.abs),
        isnan: (a) => Number.isNaN(toFloat(a[0])),
        isinf: (a) => { const x = toFloat(a[0]); return !Number.isFinite(x) && !Number.isNaN(x) },
        prod: (a) => {
          let acc: PyValue = 1n
          for (const v of iterate(a[0])) acc = binop('*', acc, v)
          return acc
        },
      }, { pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN, tau: 2 * Math.PI })
    case 'sys': {
      const stream = (name: string, w: (s: string) => void) => {
        const m = mod(name, { write: (a) => { const s = str(a[0]); w(s); return BigInt(s.length) }, flush: () => null })
        return m
      }
      return mod('sys', {}, {
        stdout: stream('stdout', s => host.write(s)),
        stderr: stream('stderr', s => host.writeErr(s)),
        maxsize: 2n ** 63n - 1n,
        byteorder: 'little',
        platform: process.platform,
      })
    }
    case '__future__':
      // Future statements change nothing here: the runner already has Python 3 semantics.
      return mod('__future__', {}, { annotations: true, division: true, print_function: true })
    case 'warnings':
      return warningsModule(host)
    case 'typing':
      return typingModule()
  }
  return null
}

/** CPython's asserts on a filter's arguments (Lib/warnings.py), as AssertionError. */
function check(ok: boolean, message: string): void {
  if (!ok) throw pyErr('AssertionError', message)
}

/** `checkCategory`: filterwarnings asserts the category is a Warning subclass; simplefilter does not (and its filter never matches then). */
function filterArgs(b: Record<string, PyValue | undefined>, checkCategory: boolean): { action: WarnAction; category: PyClass; lineno: number; append: boolean } {
  const action = b.action
  check(typeof action === 'string' && (WARN_ACTIONS as readonly string[]).includes(action), `invalid action: ${repr(action ?? null)}`)
  let category = b.category ?? excClass('Warning')
  if (checkCategory) {
    check(category instanceof PyClass, 'category must be a class')
    check((category as PyClass).isSubclassOf(excClass('Warning')), 'category must be a Warning subclass')
  }
  if (!(category instanceof PyClass)) category = NO_CATEGORY
  const lineno = b.lineno ?? 0n
  check(typeof lineno === 'bigint' && lineno >= 0n, 'lineno must be an int >= 0')
  return { action: action as WarnAction, category: category as PyClass, lineno: Number(lineno), append: b.append !== undefined && truthy(b.append) }
}

/** What a filter of a non-class category stands for: no warning is a subclass of it. */
const NO_CATEGORY = new PyClass('<not a class>', null, 'warnings')

/** catch_warnings(): the filters as they were are restored on leaving; record=True collects the warnings. */
class CatchWarnings extends PyObject {
  private static cls = new PyClass('catch_warnings', null, 'warnings')
  constructor(private readonly filters: WarningFilters, private readonly record: boolean, private readonly first: (() => void) | null) { super() }
  get pyClass() { return CatchWarnings.cls }
  getattr(n: string): PyValue | undefined {
    if (n === '__enter__') {
      return new PyBuiltin('__enter__', () => {
        const list = this.filters.enter(this.record)
        this.first?.()
        return list
      }, this)
    }
    if (n === '__exit__') return new PyBuiltin('__exit__', () => { this.filters.exit(); return false }, this)
    return undefined
  }
}

function warningsModule(host: StdlibHost): PyModule {
  const filters = host.warnings
  return mod('warnings', {
    warn: (a, kw) => {
      const b = bindArgs('warn', ['message', 'category=', 'stacklevel=', 'source='], a, kw)
      // A Warning instance carries its own category.
      const m = b.message!
      if (m instanceof PyExcInstance && m.cls.isSubclassOf(excClass('Warning'))) host.warn(m.cls, str(m))
      else host.warn(warningCategory(b.category), str(m))
      return null
    },
    simplefilter: (a, kw) => {
      const f = filterArgs(bindArgs('simplefilter', ['action', 'category=', 'lineno=', 'append='], a, kw), false)
      filters.add(f.action, f.category, { lineno: f.lineno, append: f.append })
      return null
    },
    filterwarnings: (a, kw) => {
      const b = bindArgs('filterwarnings', ['action', 'message=', 'category=', 'module=', 'lineno=', 'append='], a, kw)
      const f = filterArgs(b, true)
      const message = b.message ?? ''
      check(typeof message === 'string', 'message must be a string')
      const module = b.module ?? ''
      check(typeof module === 'string', 'module must be a string')
      filters.add(f.action, f.category, { message: message as string, module: module as string, lineno: f.lineno, append: f.append })
      return null
    },
    resetwarnings: () => { filters.reset(); return null },
    catch_warnings: (a, kw) => {
      const b = bindArgs('catch_warnings', ['*', 'record=', 'module=', 'action=', 'category=', 'lineno=', 'append='], a, kw)
      const record = b.record !== undefined && truthy(b.record)
      // Python 3.11's catch_warnings(action=...) applies simplefilter(action, ...) on entering.
      const first = b.action === undefined || b.action === null ? null : (() => {
        const f = filterArgs(b, false)
        return () => filters.add(f.action, f.category, { lineno: f.lineno, append: f.append })
      })()
      return new CatchWarnings(filters, record, first)
    },
  })
}
