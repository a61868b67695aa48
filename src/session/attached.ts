// Objects of the user's own Python program, sent by the `stridescope` package
// (see src/shared/attach-protocol.ts). They sit in the workspace beside the
// engine's objects with their real addresses: read-only, grouped by the buffer
// they view, their values a bounded leading block that was sent with them.
// Re-sending an object (same process and name) updates it in place.
import type { AttachedObject, AttachedOrigin, AttachMessage } from '../shared/attach-protocol'
import type { DTypeName, ObjectInfo, StorageInfo } from '../engine/types'
import type { MemoryBlockEntry, ObjectEntry, StorageEntry } from '../shared/protocol'
import { SessionError } from './errors'
import type { RawWindow } from './session'
import { describeMemory } from './workspace-view'

/** Attached ids live far above the engine's, so the two never collide. */
export const ATTACHED_ID_BASE = 2 ** 40

interface Held {
  entry: ObjectEntry & { origin: AttachedOrigin }
  values: Float64Array | null
}

/** The unsigned dtype of the same width: only for sizing cells of dtypes the app has no name for. */
function placeholderDtype(itemsize: number): DTypeName {
  return itemsize === 2 ? 'uint16' : itemsize === 4 ? 'uint32' : itemsize === 8 ? 'uint64' : 'uint8'
}

/** The lowest and one-past-highest byte an object reaches, relative to element 0. */
function reach(shape: readonly number[], byteStrides: readonly number[], itemsize: number): [number, number] | null {
  let lo = 0
  let hi = 0
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 0) return null
    const span = (shape[d] - 1) * byteStrides[d]
    if (span < 0) lo += span
    else hi += span
  }
  return [lo, hi + itemsize]
}

/** Why an object as sent cannot be shown (it would be a half object), or null. */
export function attachedObjectProblem(o: AttachedObject): string | null {
  if (o.shape.length !== o.byteStrides.length) return `${o.name}: shape has ${o.shape.length} dims but strides ${o.byteStrides.length}`
  if (o.itemsize === 0 && o.dtype !== null) return `${o.name}: itemsize 0`
  const numel = o.shape.reduce((a, n) => a * n, 1)
  if (!Number.isSafeInteger(numel)) return `${o.name}: ${o.shape.join('x')} elements cannot be counted exactly`
  const r = reach(o.shape, o.byteStrides, o.itemsize)
  if (r && (o.byteOffset + r[0] < 0 || o.byteOffset + r[1] > o.buffer.nbytes)) {
    return `${o.name}: its elements reach bytes [${o.byteOffset + r[0]}, ${o.byteOffset + r[1]}) outside its ${o.buffer.nbytes}-byte buffer`
  }
  if (BigInt(o.dataPtr) !== BigInt(o.buffer.ptr) + BigInt(o.byteOffset)) return `${o.name}: data pointer is not buffer + byte offset`
  const w = o.window
  if (w) {
    if (w.shape.length !== o.shape.length || w.shape.some((n, d) => n > o.shape[d])) {
      return `${o.name}: value window [${w.shape.join(', ')}] does not fit shape [${o.shape.join(', ')}]`
    }
    const count = w.shape.reduce((a, n) => a * n, 1) * (w.complex ? 2 : 1)
    if (count > 2 ** 21) return `${o.name}: value window of ${count} numbers is too large`
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(w.f64) || Buffer.byteLength(w.f64, 'base64') !== count * 8) {
      return `${o.name}: value window is not ${count} base64 float64 values for shape [${w.shape.join(', ')}]`
    }
  }
  return null
}

export class AttachedObjects {
  private readonly byKey = new Map<string, Held>()
  private readonly byId = new Map<number, Held>()
  private readonly storageIds = new Map<string, number>()
  private nextObjectId = ATTACHED_ID_BASE
  private nextStorageId = ATTACHED_ID_BASE

  get size(): number {
    return this.byKey.size
  }

  /** Adds or updates every object of the message; nothing changes if any object is malformed. */
  apply(message: AttachMessage): void {
    for (const o of message.objects) {
      const problem = attachedObjectProblem(o)
      if (problem) throw new SessionError('bad-request', `cannot attach ${problem}`)
    }
    for (const o of message.objects) this.put(message.process.pid, message.process.program, o)
  }

  private put(pid: number, program: string, o: AttachedObject): void {
    const key = `${pid}\u0000${o.name}`
    const storageKey = `${pid}\u0000${o.device}\u0000${o.buffer.ptr}`
    let storageId = this.storageIds.get(storageKey)
    if (storageId === undefined) this.storageIds.set(storageKey, (storageId = this.nextStorageId++))
    const old = this.byKey.get(key)
    const id = old ? old.entry.info.id : this.nextObjectId++
    const numel = o.shape.reduce((a, n) => a * n, 1)
    const elem = (bytes: number): number => (o.itemsize > 0 ? Math.trunc(bytes / o.itemsize) : 0)
    const storage: StorageInfo = {
      id: storageId, device: o.device, simulated: false, pinned: false,
      nbytes: o.buffer.nbytes, dataPtr: o.buffer.ptr, resizable: false
    }
    const info: ObjectInfo = {
      id, kind: o.kind, dtype: o.dtype ?? placeholderDtype(o.itemsize), itemsize: o.itemsize,
      shape: [...o.shape], strides: o.byteStrides.map(elem), byteStrides: [...o.byteStrides],
      offset: elem(o.byteOffset), byteOffset: o.byteOffset, numel, nbytes: numel * o.itemsize,
      dataPtr: o.dataPtr, device: o.device, storage, flags: { ...o.flags }, requiresGrad: o.requiresGrad,
      ...(o.kind === 'tensor' ? { isLeaf: true } : {}),
      baseId: null, byteOrder: '=', conj: false, neg: false
    }
    const window = o.window ?? null
    const values = window ? f64FromBase64(window.f64) : null
    const origin: AttachedOrigin = {
      pid, program, dtypeText: o.dtypeText, bufferKind: o.buffer.kind,
      windowShape: window ? [...window.shape] : o.shape.map(() => 0)
    }
    const held: Held = { entry: { names: [o.name], info, origin }, values }
    this.byKey.set(key, held)
    this.byId.set(id, held)
  }

  /** The entry and all values that were sent for it (null when none were). */
  get(id: number): { entry: ObjectEntry; values: Float64Array | null } | undefined {
    const held = this.byId.get(id)
    return held && { entry: held.entry, values: held.values }
  }

  has(id: number): boolean {
    return this.byId.has(id)
  }

  /**
   * The attached objects, the buffers they view and the memory blocks those form,
   * worked out per process: equal addresses in two processes are different memory.
   */
  entries(): { objects: ObjectEntry[]; storages: StorageEntry[]; memoryBlocks: MemoryBlockEntry[] } {
    const objects = [...this.byId.values()].map((h) => h.entry).sort((a, b) => a.info.id - b.info.id)
    const byPid = new Map<number, ObjectEntry[]>()
    for (const o of objects) {
      const pid = o.origin!.pid
      byPid.set(pid, [...(byPid.get(pid) ?? []), o])
    }
    const storages: StorageEntry[] = []
    const memoryBlocks: MemoryBlockEntry[] = []
    for (const group of byPid.values()) {
      const memory = describeMemory(group)
      storages.push(...memory.storages)
      memoryBlocks.push(...memory.memoryBlocks)
    }
    return { objects, storages, memoryBlocks }
  }

  /** Values of an attached object's window; only the block that was sent can be read. */
  window(id: number, start: number[], shape: number[]): RawWindow {
    const held = this.byId.get(id)
    if (!held) throw new SessionError('not-found', `no object with id ${id} in the workspace`)
    const { info, origin, names } = held.entry
    if (!held.values) {
      throw new SessionError('not-found', `no values of ${names[0]} were sent (dtype ${origin.dtypeText}): its layout only`)
    }
    const sent = origin.windowShape
    for (let d = 0; d < sent.length; d++) {
      if (start[d] + shape[d] > sent[d]) {
        throw new SessionError(
          'out-of-range',
          `only the leading [${sent.join(', ')}] block of ${names[0]} was sent (raise it with stridescope.set_window_cap())`,
          'IndexError'
        )
      }
    }
    const complex = info.dtype.startsWith('complex')
    const width = complex ? 2 : 1
    const total = shape.reduce((a, n) => a * n, 1)
    const out = new Float64Array(total * width)
    // Walk the requested block in C order, reading from the sent block's C-order layout.
    const rank = shape.length
    const sentStrides = new Array<number>(rank)
    let acc = width
    for (let d = rank - 1; d >= 0; d--) {
      sentStrides[d] = acc
      acc *= sent[d]
    }
    const index = new Array<number>(rank).fill(0)
    for (let k = 0; k < total; k++) {
      let at = 0
      for (let d = 0; d < rank; d++) at += (start[d] + index[d]) * sentStrides[d]
      for (let c = 0; c < width; c++) out[k * width + c] = held.values[at + c]
      for (let d = rank - 1; d >= 0; d--) {
        if (++index[d] < shape[d]) break
        index[d] = 0
      }
    }
    return { objectId: id, dtype: info.dtype, start: [...start], shape: [...shape], complex, values: out }
  }

  clear(): void {
    this.byKey.clear()
    this.byId.clear()
    this.storageIds.clear()
  }
}

/** Little-endian doubles from base64 (copied into an aligned buffer). */
function f64FromBase64(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64')
  const out = new Float64Array(bytes.length / 8)
  new Uint8Array(out.buffer).set(bytes)
  return out
}
