// The runner: runs Python-subset source over the engine and reports what CPython would print.
// Used by the app's console (src/session) and by `stridescope run` (src/cli).
import type { PyErrorInfo, RunResult } from './types'
import type { EngineObject } from '../engine'
import { parseModule, PySyntaxError } from './interp/parse'
import { Interpreter, toPyException } from './interp/interpreter'
import { installBuiltins } from './interp/builtins'
import { excMessage } from './interp/exceptions'
import { newInterruptFlag, RunTimedOut, INTERRUPT_STOP } from './interp/interrupt'
import { setInterruptFlag } from '../engine'
import { PyModule, PyBuiltin, PyClass, type PyValue } from './interp/values'
import { PySuper } from './interp/classes'
import { pyErr } from './interp/exceptions'
import { createStdlibModules, missingStdlibError } from './lib/stdlib'
import { LibraryContext } from './lib/context'
import { setSimulateCuda } from './lib/device_ops'
import { LIBRARY } from './lib/library'

export type { PyErrorInfo, OpRecord, RunResult } from './types'
export { newInterruptFlag, INTERRUPT_NONE, INTERRUPT_STOP, INTERRUPT_TIMEOUT, RUNNER_STACK_MB } from './types'

export interface RunnerOptions {
  /** Enables the simulated cuda device (torch.cuda.is_available() is then True). */
  simulateCuda?: boolean
  /**
   * The stop flag (an Int32Array over a SharedArrayBuffer, ./interp/interrupt): another thread
   * or a signal handler writes it to stop the run in progress. A private one when absent.
   */
  interruptFlag?: Int32Array
  /** What a run that hits its time limit reports (the CLI's --timeout). */
  timeoutMessage?: string
  /** Receives program output as it is printed (the console streams it). */
  onStdout?: (s: string) => void
  /**
   * Whether tracebacks and warnings quote the lines of a program named '<stdin>'. The app's
   * console does; CPython running a script it read from stdin cannot, so `stridescope run -` says false.
   */
  quoteStdinLines?: boolean
  /** Receives what goes to stderr (warnings, the traceback) as it is written, in order with onStdout. */
  onStderr?: (s: string) => void
  /** The app's working folder: relative paths of the file functions resolve inside it (lib/working_folder). */
  workingFolder?: string
}

/** How one run may reach files (the app's session decides it from where the code came from). */
export interface RunFileAccess {
  /**
   * Whether the file functions take absolute paths. True by default, as in Python; the app passes
   * false for lines it wrote itself, so those stay inside the working folder.
   */
  absolutePaths?: boolean
  /**
   * A line typed into the console, run as CPython's interactive prompt runs it: the value of each
   * expression statement outside a function or class body is printed (repr) and bound to `_`.
   */
  interactive?: boolean
}

export class Runner {
  private interp!: Interpreter
  private lib!: LibraryContext
  private modules = new Map<string, PyModule>()
  private stdout = ''
  private stderr = ''
  private filename = '<stdin>'
  private lines: string[] = []
  private absolutePaths = true
  /** Write INTERRUPT_STOP here (from any thread) to raise KeyboardInterrupt in the run in progress. */
  readonly interruptFlag: Int32Array

  constructor(private readonly opts: RunnerOptions = {}) {
    this.interruptFlag = opts.interruptFlag ?? newInterruptFlag()
    this.reset()
  }

  /** Stops the run in progress with KeyboardInterrupt (same thread: from a callback such as onStdout). */
  interrupt(): void {
    Atomics.store(this.interruptFlag, 0, INTERRUPT_STOP)
  }

  /** Runs `source` in the persistent globals (a console session). Never throws. */
  run(source: string, filename = '<stdin>', access: RunFileAccess = {}): RunResult {
    this.absolutePaths = access.absolutePaths ?? true
    this.interp.interactive = access.interactive ?? false
    this.stdout = ''
    this.stderr = ''
    this.filename = filename
    this.lines = filename === '<stdin>' && this.opts.quoteStdinLines === false ? [] : source.split('\n')
    this.lib.beginRun(source)
    // The simulated device is engine-wide state: each runner sets it for its own runs.
    setSimulateCuda(!!this.opts.simulateCuda)
    let error: PyErrorInfo | null = null
    // A Stop that arrived between runs is not for this one.
    Atomics.compareExchange(this.interruptFlag, 0, INTERRUPT_STOP, 0)
    setInterruptFlag(this.interruptFlag)
    try {
      const body = parseModule(source)
      this.interp.runModule(body)
    } catch (e) {
      error = this.describe(e)
      this.writeErr(error.traceback)
    } finally {
      setInterruptFlag(null)
    }
    // The run is over: nothing but the globals holds anything now.
    this.interp.lifetimes.collect(0)
    return { stdout: this.stdout, stderr: this.stderr, error, ops: this.lib.takeOps() }
  }

  /** Live arrays and tensors bound to global names, in binding order. */
  variables(): { name: string; object: EngineObject }[] {
    const out: { name: string; object: EngineObject }[] = []
    for (const [name, v] of this.interp.globals.vars) {
      const obj = this.lib.engineObjectOf(v)
      if (obj) out.push({ name, object: obj })
    }
    return out
  }

  /** Every global name the program has bound, and every builtin: names a tool must not rebind. */
  namesInUse(): string[] {
    return [...this.interp.globals.vars.keys(), ...this.interp.builtins.keys()]
  }

  /** Turns the simulated cuda device on or off for the runs that follow (nothing else changes). */
  setSimulateCuda(on: boolean): void {
    this.opts.simulateCuda = on
    setSimulateCuda(on)
  }

  /** Later runs resolve the file functions' relative paths in `folder`. */
  setWorkingFolder(folder: string): void {
    this.opts.workingFolder = folder
  }

  /**
   * A file opened in the app: the program reads `name` (the file's own name, as the person
   * chose it) from `path` (its private copy), so the lines it runs never show that copy.
   */
  provideFile(name: string, path: string): void {
    this.lib.provideFile(name, path)
  }

  /** Frees every object the program holds (the runner is no longer used). */
  dispose(): void {
    this.interp.lifetimes.releaseAll()
  }

  /** Forgets every variable and import (a fresh interpreter). */
  reset(): void {
    // The old interpreter's objects go with it, at once (not when JavaScript collects them).
    this.interp?.lifetimes.releaseAll()
    this.interp = new Interpreter({
      write: s => this.write(s),
      writeErr: s => this.writeErr(s),
      importModule: name => this.importModule(name),
      filename: this.filename,
      sourceLine: n => this.lines[n - 1] ?? '',
      release: v => this.lib.release(v),
    }, this.interruptFlag)
    Object.defineProperty(this.interp.host, 'filename', { get: () => this.filename })
    installBuiltins(this.interp.builtins, s => this.write(s))
    const interp = this.interp
    this.interp.builtins.set('super', new PyBuiltin('super', (args) => {
      if (args.length === 0) return interp.zeroArgSuper()
      if (!(args[0] instanceof PyClass)) throw pyErr('TypeError', 'super() argument 1 must be a type')
      return new PySuper(args[0], args[1] ?? null)
    }))
    this.interp.globals.vars.set('__name__', '__main__')
    this.modules.clear()
    this.lib = new LibraryContext({
      simulateCuda: !!this.opts.simulateCuda,
      currentLine: () => this.interp.frame?.line ?? 0,
      currentOpSite: () => this.interp.currentOpSite(),
      warn: (cat, msg, once) => this.interp.warn(cat, msg, once),
      writeErr: s => this.writeErr(s),
      adopt: v => interp.lifetimes.track(v, interp.frames.length),
      fileAccess: () => this.opts.workingFolder === undefined ? undefined : { folder: this.opts.workingFolder, absolutePaths: this.absolutePaths },
    }, LIBRARY)
  }

  private write(s: string): void {
    this.stdout += s
    this.opts.onStdout?.(s)
  }

  private writeErr(s: string): void {
    this.stderr += s
    this.opts.onStderr?.(s)
  }

  private importModule(name: string): PyModule | null {
    const cached = this.modules.get(name)
    if (cached) return cached
    const made = createStdlibModules(name, {
      write: s => this.write(s),
      writeErr: s => this.writeErr(s),
      warn: (c, m) => this.interp.warn(c, m),
      warnings: this.interp.warnings,
    }) ?? this.lib.module(name)
    if (made) {
      this.modules.set(name, made)
      return made
    }
    // The interpreter says 'No module named ...'; a standard module's error says why it is missing.
    const missing = missingStdlibError(name)
    if (missing) throw missing
    return null
  }

  private describe(e: unknown): PyErrorInfo {
    if (e instanceof PySyntaxError) {
      // CPython's layout: the line without its indentation, then a caret line (none for
      // TabError or an unexpected indent), ^ under each column the error spans.
      const src = this.lines[e.line - 1] ?? ''
      const trimmed = src.replace(/^\s+/, '')
      const indent = src.length - trimmed.length
      const width = e.endColumn !== undefined && e.endColumn > e.column ? e.endColumn - e.column : 1
      const caret = e.caret ? `    ${' '.repeat(Math.max(0, e.column - indent))}${'^'.repeat(width)}\n` : ''
      const tb = `  File "${this.filename}", line ${e.line}\n    ${trimmed}\n${caret}${e.type}: ${e.message}\n`
      return { type: e.type, message: e.message, traceback: tb, line: e.line }
    }
    if (e instanceof RunTimedOut) {
      const frames = this.interp.frames.map(f => ({ name: f.name, line: f.line }))
      const line = frames.length ? frames[frames.length - 1].line : null
      const msg = this.opts.timeoutMessage ?? e.message
      return { type: 'TimeoutError', message: msg, traceback: this.formatTraceback(frames, 'TimeoutError', msg), line }
    }
    const pe = toPyException(e)
    const type = pe.exc.cls.name
    const message = excMessage(pe.exc)
    const frames = pe.exc.traceback
    const line = frames.length ? frames[frames.length - 1].line : null
    return { type, message, traceback: this.formatTraceback(frames, pe.exc.cls.qualName, message), line }
  }

  private formatTraceback(frames: { name: string; line: number }[], type: string, message: string): string {
    let tb = 'Traceback (most recent call last):\n'
    // CPython prints a frame that repeats the one before it 3 times at most, then counts the rest.
    let repeats = 0
    const flush = () => {
      if (repeats > 3) tb += `  [Previous line repeated ${repeats - 3} more time${repeats - 3 > 1 ? 's' : ''}]\n`
    }
    for (let i = 0; i < frames.length; i++) {
      const f = frames[i]
      const prev = frames[i - 1]
      if (prev && prev.line === f.line && prev.name === f.name) repeats++
      else {
        flush()
        repeats = 1
      }
      if (repeats > 3) continue
      tb += `  File "${this.filename}", line ${f.line}, in ${f.name}\n`
      const src = (this.lines[f.line - 1] ?? '').trim()
      if (src) tb += `    ${src}\n`
    }
    flush()
    return tb + (message ? `${type}: ${message}\n` : `${type}\n`)
  }
}

export type { PyValue }
