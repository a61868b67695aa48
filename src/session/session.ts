// The workspace service behind every front-end (Electron IPC, browser mode):
// every action is Python run through the Runner; the session keeps the history
// of lines, the operation log with timings, and answers snapshots and bounded
// value windows. Requests run one at a time, in arrival order.
import type { DeviceInfo, EventName, EventPayload, HistoryEntry, MemoryCaps, OpRecord, PyErrorInfo, RunOrigin, ValuesWindow, Workspace, RunResult } from '../shared/protocol'
import { MAX_SNAPSHOT_HISTORY, MAX_SNAPSHOT_HISTORY_BYTES, MAX_SNAPSHOT_OPS } from '../shared/protocol'
import { INTERRUPT_STOP, newInterruptFlag } from '../runner/types'
import { checkWindow } from './bounds'
import { SessionError } from './errors'
import { exportScript } from './history'
import { toPyError } from './py-error'
import { opWhy } from './op-why'
import type { DeviceLister, MemoryMeter, RunnerFactory, SessionRunner } from './runner-port'
import { collectObjects, type LiveObjects } from './workspace-view'
import { checkWorkingFolder } from './working-folder'
import { AttachedObjects } from './attached'
import { attachedCopyLine } from './attached-copy'
import type { AttachMessage } from '../shared/attach-protocol'
import { engineValuesToF64, packEngineValues, unpackValues, type PackedValues } from './packed-values'
import { narrowValues } from '../shared/binary-frame'
import type { ValueWindow } from '../engine/types'

export interface SessionOptions {
  createRunner: RunnerFactory
  listDevices?: DeviceLister
  /** Live bytes per device and the caps (the engine's); without it the snapshot has no `memory`. */
  memory?: MemoryMeter
  simulateCuda?: boolean
  /**
   * The runs' stop flag (src/runner/interp/interrupt.ts). In a worker the parent thread holds it
   * too and writes it while a run blocks this thread (./worker-service).
   */
  interruptFlag?: Int32Array
  /** Wall clock in ms since the epoch (tests pass a fixed one). */
  now?: () => number
  /** Where the programs' relative file paths resolve (none: the process's, as in the CLI); setWorkingFolder changes it. */
  workingFolder?: string
}

/** What beginLesson puts aside and endLesson brings back. */
interface PutAside {
  runner: SessionRunner
  history: HistoryEntry[]
  ops: OpRecord[]
  opsTotal: number
  attached: AttachedObjects
  onCleared: Array<() => void>
  simulateCuda: boolean
}

type Listener<E extends EventName> = (payload: EventPayload<E>) => void

/** A value window whose values are still packed. */
export type PackedWindow = Omit<ValuesWindow, 'values' | 'f64'> & { packed: PackedValues }
/** A value window as read, its values the engine's typed array. */
export type RawWindow = Omit<ValuesWindow, 'values' | 'f64'> & { values: ValueWindow['values'] }

export const CPU_DEVICE: DeviceInfo = { name: 'cpu', type: 'cpu', index: null, simulated: false, label: 'cpu' }

/** The devices when the engine cannot say: cpu, and the simulated cuda:0 when enabled. */
export function defaultDevices({ simulateCuda }: { simulateCuda: boolean }): ReturnType<DeviceLister> {
  if (!simulateCuda) return { devices: [CPU_DEVICE] }
  return { devices: [CPU_DEVICE, { name: 'cuda:0', type: 'cuda', index: 0, simulated: true, label: 'cuda:0 (simulated)' }] }
}

export class Session {
  private runner: SessionRunner
  private simulateCuda: boolean
  private history: HistoryEntry[] = []
  private ops: OpRecord[] = []
  private opsTotal = 0
  /** The person's own workspace, put aside while a lesson runs in one of its own (see beginLesson). */
  private asideForLesson: PutAside | null = null
  private revision = 0
  private progressId = 0
  private live: LiveObjects = { objects: [], storages: [], memoryBlocks: [], handles: new Map() }
  /** Objects of other Python programs, sent by the `stridescope` package. */
  private attached = new AttachedObjects()
  private queue: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>()
  private readonly now: () => number
  private readonly interruptFlag: Int32Array
  private running = false
  /** The user's memory caps (null: the engine's default, half of RAM). */
  private memoryCaps: MemoryCaps = { cpu: null, cuda: null }
  /** One-shot cleanups for what the history needs until it is cleared (uploaded files). */
  private onCleared: Array<() => void> = []
  private workingFolder: string | undefined

  constructor(private readonly options: SessionOptions) {
    this.simulateCuda = options.simulateCuda ?? false
    this.workingFolder = options.workingFolder
    this.now = options.now ?? Date.now
    this.interruptFlag = options.interruptFlag ?? newInterruptFlag()
    this.runner = this.makeRunner()
  }

  private makeRunner(): SessionRunner {
    return this.options.createRunner({ simulateCuda: this.simulateCuda, interruptFlag: this.interruptFlag, workingFolder: this.workingFolder })
  }

  /**
   * Asks the run in progress to stop (KeyboardInterrupt at its next step, or when a long kernel
   * next polls). Returns whether one was in progress. On this thread a run blocks every request,
   * so this matters only while a runner awaits (the worker's parent writes the flag directly).
   */
  interrupt(): boolean {
    if (!this.running) return false
    Atomics.store(this.interruptFlag, 0, INTERRUPT_STOP)
    return true
  }

  /** Subscribes to an event; returns a disposer. */
  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as Listener<EventName>)
    return () => set.delete(listener as Listener<EventName>)
  }

  /**
   * Runs Python source; a Python exception is part of the result, never a rejection.
   * `origin`: 'console' for a line the person typed, the only kind that may name absolute file paths.
   */
  run(code: string, origin: RunOrigin = 'ui'): Promise<RunResult> {
    return this.serial(() => this.runNow(code, origin))
  }

  snapshot(): Workspace {
    const { devices, cudaUnavailableReason } = (this.options.listDevices ?? defaultDevices)({ simulateCuda: this.simulateCuda })
    const attached = this.attached.size ? this.attached.entries() : { objects: [], storages: [], memoryBlocks: [] }
    return {
      revision: this.revision,
      objects: attached.objects.length ? [...this.live.objects, ...attached.objects] : this.live.objects,
      storages: attached.storages.length ? [...this.live.storages, ...attached.storages] : this.live.storages,
      memoryBlocks: attached.memoryBlocks.length ? [...this.live.memoryBlocks, ...attached.memoryBlocks] : this.live.memoryBlocks,
      ops: this.ops.slice(-MAX_SNAPSHOT_OPS),
      opsTotal: this.opsTotal,
      history: newestHistory(this.history),
      historyTotal: this.history.length,
      devices,
      simulateCuda: this.simulateCuda,
      ...(cudaUnavailableReason ? { cudaUnavailableReason } : {}),
      ...(this.asideForLesson ? { lesson: true } : {}),
      ...(this.options.memory ? { memory: this.options.memory.usage(), memoryCaps: { ...this.memoryCaps } } : {}),
      ...(this.workingFolder !== undefined ? { workingFolder: this.workingFolder } : {})
    }
  }

  async window(objectId: number, start: number[], shape: number[], encoding: 'json' | 'f64' = 'json'): Promise<ValuesWindow> {
    const { values, ...rest } = await this.rawWindow(objectId, start, shape)
    if (encoding === 'f64') return { ...rest, values: [], f64: narrowValues(engineValuesToF64(values)) }
    return { ...rest, values: unpackValues(packEngineValues(values)) }
  }

  /** The same window with its values packed (see ./packed-values): what the worker sends for 'json'. */
  async windowPacked(objectId: number, start: number[], shape: number[]): Promise<PackedWindow> {
    const { values, ...rest } = await this.rawWindow(objectId, start, shape)
    return { ...rest, packed: packEngineValues(values) }
  }

  /** A window's values as the engine copied them out (a fresh typed array the caller owns). */
  private rawWindow(objectId: number, start: number[], shape: number[]): Promise<RawWindow> {
    return this.serial(() => {
      if (this.attached.has(objectId)) return this.attached.window(objectId, start, shape)
      const handle = this.live.handles.get(objectId)
      if (!handle) throw new SessionError('not-found', `no object with id ${objectId} in the workspace`)
      const info = handle.info()
      checkWindow(info.shape, start, shape)
      const w = handle.window(start, shape)
      return {
        objectId,
        dtype: info.dtype,
        start: [...start],
        shape: [...shape],
        complex: info.dtype.startsWith('complex'),
        values: w.values
      }
    })
  }

  /**
   * A dry run of `as_strided` on a live object: the engine runs its own checks and
   * makes nothing, so the form can say before a line runs what it would raise, in
   * the engine's words. A Python exception is the answer; anything else is a fault.
   */
  checkAsStrided(objectId: number, shape: number[], strides: number[], offset: number | null): Promise<{ error: PyErrorInfo | null }> {
    return this.serial(() => {
      const handle = this.live.handles.get(objectId)
      if (!handle) throw new SessionError('not-found', `no object with id ${objectId} in the workspace`)
      try {
        handle.checkAsStrided(shape, strides, offset)
        return { error: null }
      } catch (e) {
        if (typeof (e as { pyType?: unknown })?.pyType !== 'string') throw e
        return { error: toPyError(e) }
      }
    })
  }

  /**
   * Adds (or updates, same process and name) objects sent by another program,
   * and appends the PyTorch operations it traced to the op log.
   */
  attach(message: AttachMessage): Promise<{ objects: number; ops: number }> {
    return this.serial(() => {
      this.attached.apply(message)
      const from = `python ${message.process.pid}: ${message.process.program}`
      const historySeq = this.history.length
      for (const op of message.ops) {
        this.ops.push({
          seq: this.opsTotal++,
          historySeq,
          line: op.line ?? '',
          lineNo: op.lineNo ?? 0,
          op: op.op,
          copied: op.kind === 'copy',
          bytes: op.bytes,
          kernel: 'pytorch',
          reason: `${op.kind}: ${op.why}`,
          seconds: op.seconds,
          time: op.time,
          attachedFrom: from
        })
      }
      this.trimOps()
      this.changed()
      return { objects: message.objects.length, ops: message.ops.length }
    })
  }

  /** The Python line that recreates an attached object in the engine (./attached-copy.ts). */
  attachedCopyLine(objectId: number, name: string): Promise<{ code: string }> {
    return this.serial(() => {
      const held = this.attached.get(objectId)
      if (!held) throw new SessionError('not-found', `no attached object with id ${objectId}`)
      if (!held.values) {
        throw new SessionError('not-found', `no values of ${held.entry.names[0]} were sent (dtype ${held.entry.origin!.dtypeText}): its layout only`)
      }
      const { line, file } = attachedCopyLine(held.entry, held.values, name)
      // The line is the app's, not typed: the one absolute path it may read is the copy it loads.
      this.provideFile(file, file)
      return { code: line }
    })
  }

  /**
   * Switches the simulated cuda device and keeps the workspace: nothing is run again,
   * so no id, address or random value changes. Turning it off is what losing the device
   * does: the names bound to objects on it are deleted (`del`), and the rest stays.
   */
  setSimulateCuda(on: boolean): Promise<Workspace> {
    return this.serial(async () => {
      if (on === this.simulateCuda) return this.snapshot()
      if (!on) {
        const onDevice = this.runner.variables().filter((v) => onSimulatedDevice(v.object.info())).map((v) => v.name)
        if (onDevice.length) await this.runner.run(`del ${onDevice.join(', ')}`)
      }
      this.simulateCuda = on
      this.runner.setSimulateCuda?.(on)
      return this.changed()
    })
  }

  /**
   * Lets the program read the file at `path` under `name` (an upload under its own name).
   * False when the runner cannot: the lines must then name `path` itself.
   */
  provideFile(name: string, path: string): boolean {
    if (!this.runner.provideFile) return false
    this.runner.provideFile(name, path)
    return true
  }

  /**
   * Sets what the program may hold per device type (bytes; null: half of RAM). Objects already
   * past a lowered cap stay; the next allocation that would pass it is refused.
   */
  setMemoryCaps(caps: MemoryCaps): Promise<Workspace> {
    return this.serial(() => {
      // 0 asks for the default, as null does.
      this.memoryCaps = { cpu: caps.cpu || null, cuda: caps.cuda || null }
      this.options.memory?.setCap('cpu', caps.cpu ?? 0)
      this.options.memory?.setCap('cuda', caps.cuda ?? 0)
      return this.changed()
    })
  }

  /**
   * Sets the folder later runs resolve relative file paths in (a lesson's workspace and the
   * person's put aside alike). Refused, with the reason, unless it is an existing folder.
   */
  setWorkingFolder(folder: string): Promise<Workspace> {
    return this.serial(() => {
      const checked = checkWorkingFolder(folder)
      this.workingFolder = checked
      this.runner.setWorkingFolder?.(checked)
      this.asideForLesson?.runner.setWorkingFolder?.(checked)
      return this.changed()
    })
  }

  /** The names a tool's generated lines must not rebind (globals, builtins). */
  namesInUse(): string[] {
    return this.runner.namesInUse?.() ?? []
  }

  /**
   * Forgets every object and the history, and a workspace put aside for a lesson too
   * (a reset starts the session afresh; a lesson goes back with beginLesson instead).
   */
  reset(): Promise<Workspace> {
    return this.serial(() => {
      this.dropAside()
      this.clearCurrent()
      return this.changed()
    })
  }

  /**
   * A lesson runs in an empty workspace of its own: the first call puts the person's
   * workspace aside as it is (the runner with its objects, storages, values and random
   * state untouched, the history, the op log, attached objects); later calls empty the
   * lesson's workspace again (a lesson's restart or step back).
   */
  beginLesson(): Promise<Workspace> {
    return this.serial(() => {
      if (this.asideForLesson) {
        this.clearCurrent()
        return this.changed()
      }
      this.asideForLesson = {
        runner: this.runner, history: this.history, ops: this.ops, opsTotal: this.opsTotal,
        attached: this.attached, onCleared: this.onCleared, simulateCuda: this.simulateCuda
      }
      this.runner = this.makeRunner()
      this.history = []
      this.ops = []
      this.opsTotal = 0
      this.attached = new AttachedObjects()
      this.onCleared = []
      return this.changed()
    })
  }

  /**
   * Runs a lesson's code in the lesson's workspace; refused when no lesson is open (another
   * window closed it), so a lesson's line never lands in the person's workspace.
   */
  runInLesson(code: string): Promise<RunResult> {
    return this.serial(() => {
      if (!this.asideForLesson) throw new SessionError('bad-request', 'the lesson was closed (from another window, or a reset): its step did not run, and your workspace is unchanged')
      return this.runNow(code)
    })
  }

  /** Leaves the lesson: its workspace goes, the person's comes back as it was. Without a lesson: nothing changes. */
  endLesson(): Promise<Workspace> {
    return this.serial(() => {
      const aside = this.asideForLesson
      if (!aside) return this.snapshot()
      this.asideForLesson = null
      this.runner.dispose?.()
      this.runCleared()
      ;({ runner: this.runner, history: this.history, ops: this.ops, opsTotal: this.opsTotal, attached: this.attached, onCleared: this.onCleared } = aside)
      // A cuda lesson may have turned the simulated device on: the person's setting comes back with their objects.
      this.simulateCuda = aside.simulateCuda
      this.runner.setSimulateCuda?.(aside.simulateCuda)
      return this.changed()
    })
  }

  /** Empties the current workspace (the lesson's while one runs). */
  private clearCurrent(): void {
    this.runner.reset()
    this.attached.clear()
    this.history.length = 0
    this.ops.length = 0
    this.opsTotal = 0
    this.runCleared()
  }

  /** Frees a workspace put aside for a lesson (a reset, or the session going). */
  private dropAside(): void {
    const aside = this.asideForLesson
    if (!aside) return
    this.asideForLesson = null
    aside.runner.dispose?.()
    this.runCleared(aside.onCleared)
  }

  /**
   * Runs `fn` once, when the history is next cleared (reset) or the session goes (dispose):
   * a file the history loads must outlive every replay of it, and no longer.
   */
  whenCleared(fn: () => void): void {
    this.onCleared.push(fn)
  }

  private runCleared(cleanups = this.onCleared): void {
    for (const fn of cleanups.splice(0)) {
      try {
        fn()
      } catch {
        // a cleanup that fails (a file already gone) must not stop the others
      }
    }
  }

  exportScript(): string {
    return exportScript(this.history, this.simulateCuda)
  }

  dispose(): void {
    this.dropAside()
    this.runner.dispose?.()
    this.listeners.clear()
    this.runCleared()
  }

  private async runNow(code: string, origin: RunOrigin = 'ui'): Promise<RunResult> {
    const started = this.now()
    const t0 = performance.now()
    const id = this.progressId++
    this.emit('progress', { id, label: firstLine(code), fraction: null, done: false })
    let outcome
    this.running = true
    try {
      // A typed line runs as at Python's prompt (its expressions echo); the app's own lines do not echo.
      outcome = await this.runner.run(code, { absolutePaths: origin === 'console', interactive: origin === 'console' })
    } catch (e) {
      // The runner should return Python errors, not throw; treat a throw as that error.
      outcome = { stdout: '', stderr: '', error: e, ops: [] }
    } finally {
      this.running = false
      this.emit('progress', { id, label: firstLine(code), fraction: 1, done: true })
    }
    const seconds = (performance.now() - t0) / 1000
    const error = outcome.error == null ? null : toPyError(outcome.error, code.split('\n'))
    const historySeq = this.history.length
    this.history.push({ seq: historySeq, code, ok: error === null, ...(error ? { error } : {}), seconds, time: started })

    const lines = code.split('\n')
    const recorded: OpRecord[] = outcome.ops.map((op) => {
      const lineNo = Number.isSafeInteger(op.line) && op.line! >= 1 && op.line! <= lines.length ? op.line! : 0
      const record: OpRecord = {
        seq: this.opsTotal++,
        historySeq,
        line: typeof op.source === 'string' ? op.source : lineNo ? lines[lineNo - 1] : lines.length === 1 ? code : '',
        lineNo,
        op: op.op,
        copied: op.copied,
        bytes: op.bytes,
        kernel: op.kernel,
        seconds: op.seconds,
        time: started
      }
      record.reason = opWhy(op.op, op.copied, op.reason)
      if (op.transfer) record.transfer = { ...op.transfer }
      if (op.userOp !== undefined) record.userOp = op.userOp
      if (op.userOpSeq !== undefined) record.userOpSeq = op.userOpSeq
      if (op.resultId !== undefined) record.resultId = op.resultId
      if (op.inputIds) record.inputIds = [...op.inputIds]
      if (op.wrote) {
        record.wrote = { ...op.wrote, shape: [...op.wrote.shape], byteStrides: [...op.wrote.byteStrides] }
        if (op.wrote.runs) record.wrote.runs = [...op.wrote.runs]
      }
      return record
    })
    this.ops.push(...recorded)
    this.trimOps()
    const snapshot = this.changed()
    return { stdout: outcome.stdout, stderr: outcome.stderr, error, ops: recorded, snapshot }
  }

  /** Keeps memory bounded in long sessions: the log keeps twice what a snapshot shows. */
  private trimOps(): void {
    if (this.ops.length > 2 * MAX_SNAPSHOT_OPS) this.ops.splice(0, this.ops.length - MAX_SNAPSHOT_OPS)
  }

  /** Re-reads the live objects, bumps the revision, tells listeners. */
  private changed(): Workspace {
    this.live = collectObjects(this.runner.variables())
    this.revision++
    const snapshot = this.snapshot()
    this.emit('workspace', snapshot)
    return snapshot
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload)
      } catch {
        // A failing listener (a closed window, a dead socket) must not break the session.
      }
    }
  }

  private serial<T>(task: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(task, task)
    this.queue = next.catch(() => undefined)
    return next
  }
}

function firstLine(code: string): string {
  const line = code.trim().split('\n')[0] ?? ''
  return line.length > 80 ? `${line.slice(0, 77)}...` : line
}

/** An object whose memory is on the simulated cuda device (gone when the device is turned off). */
function onSimulatedDevice(info: { device: string; storage: { simulated: boolean } }): boolean {
  return info.device.startsWith('cuda') && info.storage.simulated
}

/** The newest history entries that fit one snapshot (at least the newest one, however long). */
function newestHistory(history: HistoryEntry[]): HistoryEntry[] {
  let bytes = 0
  let from = history.length
  while (from > 0 && history.length - from < MAX_SNAPSHOT_HISTORY) {
    bytes += history[from - 1].code.length
    if (bytes > MAX_SNAPSHOT_HISTORY_BYTES && from < history.length) break
    from--
  }
  return history.slice(from)
}
