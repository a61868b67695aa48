// The few standard-library modules snippets use: time (perf_counter), math, warnings.
import { PyModule, PyBuiltin, PyClass, type PyValue, type Kwargs } from '../interp/values'
import { pyErr, excClass } from '../interp/exceptions'
import { toFloat } from '../interp/builtins'
import { bindArgs } from '../interp/args'
import { str } from '../interp/repr'
import { binop, iterate } from '../interp/ops'

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

/** The runner's output streams and warning printer, which sys and warnings write to. */
export interface StdlibHost {
  write(s: string): void
  writeErr(s: string): void
  warn(category: string, message: string): void
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
      return mod('warnings', {
        warn: (a, kw) => {
          const b = bindArgs('warn', ['message', 'category=', 'stacklevel=', 'source='], a, kw)
          const cat = b.category instanceof PyClass ? b.category : excClass('UserWarning')
          host.warn(cat.name, str(b.message!))
          return null
        },
        simplefilter: () => null,
        filterwarnings: () => null,
      })
  }
  return null
}
