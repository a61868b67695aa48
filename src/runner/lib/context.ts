// The runner's link to the engine: wraps engine objects as Python values (one wrapper per
// object, so `is` works), records every engine operation as an OpRecord, relays the
// warnings the engine reports, and builds the numpy / torch modules on first import.
import * as engine from '../../engine'
import type { EngineObject } from '../../engine'
import type { OpRecord } from '../types'
import type { DTypeName, ObjectInfo, OpReport, WrittenRegion } from '../../engine/types'
import { elementOffsets, offsetRuns } from '../../shared/element-offsets'
import { cStrides } from '../../files/layout'
import type { PyModule, PyValue } from '../interp/values'
import { EngineValue } from './engine_value'
import { PrintOptions } from './print_options'
import { staticInfo } from './static_info'
import { pyErr } from '../interp/exceptions'
import { resolveInFolder, type FileAccess } from './working_folder'
import type { ScalarArrays } from './scalars'

export interface LibraryHost {
  simulateCuda: boolean
  currentLine(): number
  /** The Python expression running now, in the program's words, and its unique number (see interp/op_site). */
  currentOpSite(): { text: string; seq: number } | null
  warn(category: string, message: string, once?: boolean): void
  /** Writes to the program's stderr (np.errstate's 'print' mode prints there). */
  writeErr(text: string): void
  /** A new Python value over an engine object: its lifetime is the program's to decide. */
  adopt(v: EngineValue): void
  /** The app's working folder and this run's access (./working_folder). None in the CLI: paths are the process's. */
  fileAccess?(): FileAccess | undefined
}

/** NumPy's floating-point error handling (np.errstate / np.seterr), per runner as NumPy's is per thread. */
export interface NpErrState { divide: string; over: string; under: string; invalid: string }

export type Factory = (ctx: LibraryContext, obj: EngineObject) => EngineValue

/**
 * The Python surface a context offers: the wrapper class of each engine object kind and
 * the builder of each importable module. The runner installs it (lib/library.ts) when it
 * makes the context; nothing registers itself on import.
 */
export interface LibraryInstall {
  wrappers: Record<'ndarray' | 'tensor', Factory>
  modules: Record<string, (ctx: LibraryContext) => PyModule>
  /** How NumPy scalars made in this context reach 0-d arrays (their array methods). */
  scalarArrays: (ctx: LibraryContext) => ScalarArrays
}

export class LibraryContext {
  private ops: OpRecord[] = []
  private lastReportSeq = -1
  private sourceLines: string[] = []
  private wrappers = new WeakMap<EngineObject, EngineValue>()
  private byId = new Map<number, WeakRef<EngineValue>>()
  private modules = new Map<string, PyModule>()
  /** Per-process state of torch (default dtype) that printing and creation read. */
  torchDefaultDtype: 'float32' | 'float64' = 'float32'
  /** np.set_printoptions / torch.set_printoptions state, per runner like the libraries' per process. */
  readonly printOptions = new PrintOptions()
  /** np.geterr() in a fresh process; np.errstate / np.seterr replace `err`. */
  readonly npErrState: { err: NpErrState } = { err: { divide: 'warn', over: 'warn', under: 'ignore', invalid: 'warn' } }
  /** torch's grad mode for this runner's programs (the engine's flag is set from it at each run). */
  private gradMode = true

  get gradEnabled(): boolean { return this.gradMode }
  /** torch.no_grad() / enable_grad() / set_grad_enabled(): returns the previous mode. */
  setGradEnabled(on: boolean): boolean {
    const was = this.gradMode
    this.gradMode = on
    engine.setGradEnabled(on)
    return was
  }

  /** Handed to every NumPy scalar this context makes (scalars.ts). */
  readonly scalars: ScalarArrays

  /** Files opened in the app, by the name the program reads them under (an upload's own name) → where they are. */
  private readonly provided = new Map<string, string>()

  constructor(readonly host: LibraryHost, private readonly library: LibraryInstall) {
    this.scalars = library.scalarArrays(this)
  }

  /** From now on the program reads `name` from `path` (until it writes a file of that name). */
  provideFile(name: string, path: string): void {
    this.provided.set(name, path)
  }

  /** Where the file the program names is read from. */
  fileNamed(name: string): string {
    return this.provided.get(name) ?? this.pathFor(name)
  }

  /** Where the program's path `name` is (written to): inside the working folder when the app has one. */
  pathFor(name: string): string {
    const access = this.host.fileAccess?.()
    return access === undefined ? name : resolveInFolder(access, name)
  }

  /** The program wrote a file under `name`: reading it back reads what it wrote. */
  forgetFile(name: string): void {
    this.provided.delete(name)
  }

  beginRun(source: string): void {
    this.sourceLines = source.split('\n')
    this.ops = []
    // Grad mode lives in the engine (per thread): each runner restores its own for its runs.
    if (this.modules.size) engine.setGradEnabled(this.gradMode)
  }

  takeOps(): OpRecord[] {
    const out = this.ops
    this.ops = []
    return out
  }

  engineObjectOf(v: PyValue): EngineObject | null {
    return v instanceof EngineValue ? v.obj : null
  }

  module(name: string): PyModule | null {
    const cached = this.modules.get(name)
    if (cached) return cached
    const build = Object.hasOwn(this.library.modules, name) ? this.library.modules[name] : undefined
    if (!build) return null
    // numpy and torch live in the native engine: without it their import fails, as a Python
    // import of a missing extension module does, with the loader's explanation.
    try {
      engine.loadAddon()
    } catch (e) {
      throw pyErr('ImportError', `cannot import ${name}: ${(e as Error).message.split('\n').join(' ')}`)
    }
    engine.setGradEnabled(this.gradMode)
    const m = build(this)
    this.modules.set(name, m)
    return m
  }

  /** The Python value for an engine object (the same wrapper each time). */
  wrap(obj: EngineObject): EngineValue {
    const w = this.wrappers.get(obj)
    if (w) return w
    const info = staticInfo(obj)
    const made = this.library.wrappers[info.kind](this, obj)
    // A view keeps its base's Python object alive, so `v.base is a` (and printing v.base)
    // works for as long as the view does, as in NumPy.
    if (info.baseId !== null) made.baseRef = this.byEngineId(info.baseId)
    this.wrappers.set(obj, made)
    this.byId.set(info.id, new WeakRef(made))
    this.host.adopt(made)
    return made
  }

  /** The program can no longer reach `v`: drops its engine object now, which frees the
   * storage when it was the last view (the engine keeps views' bases alive itself). */
  release(v: PyValue): void {
    if (!(v instanceof EngineValue)) return
    const id = v.meta.id
    if (this.byId.get(id)?.deref() === v) this.byId.delete(id)
    this.wrappers.delete(v.obj)
    v.obj.dispose()
  }

  /** The live wrapper of an engine object id (NumPy's .base), if the program still holds it. */
  byEngineId(id: number): EngineValue | null {
    return this.byId.get(id)?.deref() ?? null
  }

  /**
   * Runs one engine call and records it: the engine's OpReport, the line and its source,
   * the ids of the inputs and the result. Warnings the engine reports are printed as Python does.
   */
  op<T>(inputs: EngineObject[], fn: () => T, opts: { transientResult?: boolean; report?: Partial<OpReport>; wrote?: Written } = {}): T {
    const result = fn()
    const report = engine.lastReport()
    // A call that began no report (a value read such as item(), or nothing native at all)
    // is not an operation of its own: the report is still the previous op's.
    if (report.seq !== undefined) {
      if (report.seq === this.lastReportSeq) return result
      this.lastReportSeq = report.seq
    }
    const line = this.host.currentLine()
    const site = this.host.currentOpSite()
    // A transient result (the 0-d array behind a NumPy scalar) is never a program object.
    const resultId = isEngineObject(result) && !opts.transientResult ? staticInfo(result).id : null
    const { seq: _seq, ...fields } = report
    const record: OpRecord = {
      // `opts.report`: what the runner did around the engine call (an aligning copy), said in the record.
      ...fields, ...opts.report, line, source: (this.sourceLines[line - 1] ?? '').trim(), resultId,
      inputIds: inputs.map(i => staticInfo(i).id),
    }
    if (site) { record.userOp = site.text; record.userOpSeq = site.seq }
    if (opts.wrote) {
      const region = this.writtenRegion(opts.wrote)
      if (region) record.wrote = region
    }
    this.ops.push(record)
    for (const w of report.warnings ?? []) {
      // PyTorch's C++ warnings are TORCH_WARN_ONCE (once per process); NumPy's go through
      // Python's default filter (once per location).
      this.host.warn(w.category, w.message, w.category === 'UserWarning')
    }
    this.floatingPointErrors(report.fpErrors)
    return result
  }

  /**
   * A NumPy ufunc's floating-point errors under the program's np.errstate, in NumPy's order
   * (_error_handler): 'warn' a RuntimeWarning, 'raise' a FloatingPointError (the op's result
   * is dropped, as NumPy drops it), 'print' a line on stderr, 'ignore' nothing.
   */
  floatingPointErrors(errors: Readonly<OpReport['fpErrors']>): void {
    for (const e of errors ?? []) {
      const mode = this.npErrState.err[e.kind]
      if (mode === 'warn') this.host.warn('RuntimeWarning', e.message)
      else if (mode === 'raise') throw pyErr('FloatingPointError', e.message)
      else if (mode === 'print') this.host.writeErr(`Warning: ${e.message}\n`)
    }
  }

  /**
   * Where a write landed (the views flash those bytes in every alias): the whole destination,
   * the view `at()` makes of it (`a[key]` for a setitem), or, for a write through an index or
   * mask, the elements `scatter` picks. A view that is not in the destination's storage (an
   * indexing that copied) or that fails says nothing rather than something wrong.
   */
  private writtenRegion(w: Written): WrittenRegion | null {
    const into = w.into.info()
    if (w.scatter) return this.scatteredRegion(into, w.scatter)
    let i = into
    if (w.at) {
      let view: EngineObject | null = null
      try { view = w.at() } catch { /* no region */ } finally { this.skipHelperReports() }
      if (!view) return null
      i = view.info()
      view.dispose()
      if (i.storage.id !== into.storage.id) return null
    }
    return { device: i.device, dataPtr: i.dataPtr, shape: [...i.shape], byteStrides: [...i.byteStrides], itemsize: i.itemsize }
  }

  /**
   * The elements an index or mask write reached, found by the same selection on a witness:
   * an array of the destination's shape and kind whose every element holds its own byte
   * offset. Selecting from it with the program's index (the engine's own rules, so
   * broadcasting, negative and repeated indices and masks all agree with the write) gives
   * the written offsets, sent as runs.
   */
  private scatteredRegion(into: ObjectInfo, scatter: (witness: EngineObject) => EngineObject): WrittenRegion | null {
    if (into.numel === 0 || into.numel > MAX_SCATTER_WITNESS) return null
    const offsets = elementOffsets(into, 0)
    let witness: EngineObject | null = null, picked: EngineObject | null = null
    try {
      const storage = engine.storageFromBytes(new Uint8Array(offsets.buffer))
      witness = engine.viewOfStorage(storage, { kind: into.kind, dtype: 'float64', shape: [...into.shape], byteStrides: cStrides(into.shape, 8), byteOffset: 0 })
      storage.dispose()
      picked = scatter(witness)
      const values = picked.window(picked.info().shape.map(() => 0), [...picked.info().shape]).values as ArrayLike<number>
      return { device: into.device, dataPtr: into.dataPtr, shape: [], byteStrides: [], itemsize: into.itemsize, runs: offsetRuns(values) }
    } catch {
      return null
    } finally {
      picked?.dispose()
      witness?.dispose()
      this.skipHelperReports()
    }
  }

  /** Views and witnesses made to locate a write began reports of their own: not operations of the program. */
  private skipHelperReports(): void {
    const seq = engine.lastReport().seq
    if (seq !== undefined) this.lastReportSeq = seq
  }

  /** op() whose result is an engine object, returned wrapped. */
  opWrap(inputs: EngineObject[], fn: () => EngineObject, opts: { report?: Partial<OpReport> } = {}): EngineValue {
    return this.wrap(this.op(inputs, fn, opts))
  }
}

/**
 * What an operation writes into: `into` (whole), the view of it `at()` makes, or the elements
 * `scatter` selects from a witness of `into` (an index or mask write). Temporaries are disposed after.
 */
export interface Written { into: EngineObject; at?: () => EngineObject; scatter?: (witness: EngineObject) => EngineObject }

/** Largest destination (elements) whose index or mask writes are located for the views (an 8-byte witness each). */
const MAX_SCATTER_WITNESS = 1 << 22

function isEngineObject(v: unknown): v is EngineObject {
  return v instanceof engine.EngineObject
}
