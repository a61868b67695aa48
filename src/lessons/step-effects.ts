// What a lesson step changed, for the presenter to show and animate: derived
// from the workspace before and after the step and the op records the step
// produced (never from the code's text). Pure; tested on real session runs.
import type { OpRecord, Workspace } from '../shared/protocol'
import { bufferIds } from '../shared/buffer-ids'

export type StepEffect =
  /** Bytes that did not exist before: a fresh allocation (creation, a copy, a device move's target). */
  | { kind: 'new-storage'; storageId: number; device: string; nbytes: number; names: string[] }
  /** A new object over bytes that already existed (a view, or from_numpy/numpy() sharing them); storageId names the buffer. */
  | { kind: 'new-view'; objectId: number; names: string[]; storageId: number; sharesWith: string[] }
  /** An operation wrote into existing bytes (setitem, in-place math, copy_). */
  | { kind: 'bytes-written'; storageId: number | null; bytes: number; names: string[]; line: string }
  /** Bytes crossed between devices. */
  | { kind: 'transfer'; from: string; to: string; bytes: number; pinned: boolean; line: string }

export interface StepChanges {
  effects: StepEffect[]
  /** The object the 3D views should show: the last one the step made or wrote; null when none. */
  focusObjectId: number | null
  /** True when the step moved bytes between devices (the device lanes tell it best). */
  hasTransfer: boolean
}

export function stepChanges(before: Workspace, after: Workspace, ops: OpRecord[]): StepChanges {
  const oldObjects = new Set(before.objects.map((o) => o.info.id))
  const oldStorages = new Set(before.storages.map((s) => s.info.id))
  const namesOnStorage = (ids: Iterable<number>, w: Workspace): string[] => {
    const want = new Set(ids)
    return w.objects.filter((o) => want.has(o.info.storage.id)).flatMap((o) => o.names)
  }
  // Storages over the same bytes are one buffer with one id (the lowest); a buffer is new
  // when none of its storages existed before the step.
  const buffers = bufferIds(after.memoryBlocks)
  const bufferOf = (storageId: number): number => buffers.get(storageId) ?? storageId
  const oldBuffers = new Set([...buffers].filter(([id]) => oldStorages.has(id)).map(([, buffer]) => buffer))
  const effects: StepEffect[] = []
  let focusObjectId: number | null = null

  // New buffers, each with the names of the objects on its first storage (the one that allocated).
  for (const s of after.storages) {
    if (bufferOf(s.info.id) !== s.info.id || oldBuffers.has(s.info.id)) continue
    const names = after.objects.filter((o) => o.info.storage.id === s.info.id).flatMap((o) => o.names)
    effects.push({ kind: 'new-storage', storageId: s.info.id, device: s.info.device, nbytes: s.info.nbytes, names })
  }
  // New objects over bytes that existed before the step, or that another new object of this
  // step allocated (arr = np.zeros(3); t = torch.from_numpy(arr) in one step).
  for (const o of after.objects) {
    if (oldObjects.has(o.info.id)) continue
    focusObjectId = o.info.id
    const storageId = o.info.storage.id
    const buffer = bufferOf(storageId)
    const sameBuffer = [...buffers].filter(([, b]) => b === buffer).map(([id]) => id)
    if (!oldBuffers.has(buffer) && storageId === buffer) {
      // This object's own storage allocated the buffer: a view of another new object on it shares.
      const earlier = after.objects.filter((x) => x.info.storage.id === storageId && x.info.id < o.info.id)
      if (earlier.length === 0) continue
      effects.push({ kind: 'new-view', objectId: o.info.id, names: o.names, storageId: buffer, sharesWith: earlier.flatMap((x) => x.names) })
      continue
    }
    const sharesWith = namesOnStorage(sameBuffer, oldBuffers.has(buffer) ? before : after).filter((n) => !o.names.includes(n))
    effects.push({ kind: 'new-view', objectId: o.info.id, names: o.names, storageId: buffer, sharesWith })
  }
  // Writes and transfers, in the order they ran.
  for (const op of ops) {
    if (op.transfer) {
      effects.push({ kind: 'transfer', from: op.transfer.from, to: op.transfer.to, bytes: op.bytes, pinned: op.transfer.pinned, line: op.line })
      continue
    }
    const target = writtenObject(op)
    if (target === null || op.bytes === 0) continue
    const obj = after.objects.find((o) => o.info.id === target)
    // Writes into bytes made in this same step are part of making them.
    if (obj && !oldBuffers.has(bufferOf(obj.info.storage.id))) continue
    if (obj) focusObjectId = obj.info.id
    const storageId = obj ? bufferOf(obj.info.storage.id) : null
    // Everyone who sees those bytes: the objects of every storage of that buffer.
    const names = storageId === null ? [] : after.objects.filter((o) => bufferOf(o.info.storage.id) === storageId).flatMap((o) => o.names)
    effects.push({ kind: 'bytes-written', storageId, bytes: op.bytes, names, line: op.line })
  }
  return { effects, focusObjectId, hasTransfer: effects.some((e) => e.kind === 'transfer') }
}

/** The object an op wrote into, when it wrote into an existing one (no result, or its own input). */
function writtenObject(op: OpRecord): number | null {
  if (!op.copied || !op.inputIds || op.inputIds.length === 0) return null
  if (op.resultId === null || op.resultId === undefined) return op.inputIds[0]
  return op.inputIds.includes(op.resultId) ? op.resultId : null
}

/** One line for an effect, as the presenter prints it. */
export function describeEffect(e: StepEffect): string {
  const list = (names: string[]): string => (names.length ? names.join(', ') : 'a temporary')
  switch (e.kind) {
    case 'new-storage':
      return `new storage #${e.storageId} on ${e.device}: ${formatBytes(e.nbytes)} (${list(e.names)})`
    case 'new-view':
      return e.sharesWith.length
        ? `${list(e.names)} now shares storage #${e.storageId} with ${e.sharesWith.join(', ')}: nothing copied`
        : `new view ${list(e.names)} over storage #${e.storageId}: nothing copied`
    case 'bytes-written':
      return `${formatBytes(e.bytes)} written into ${e.storageId === null ? 'an object' : `storage #${e.storageId}`}${e.names.length ? ` (seen by ${e.names.join(', ')})` : ''}`
    case 'transfer':
      return `transfer ${e.from} → ${e.to}: ${formatBytes(e.bytes)} copied${e.pinned ? ' (pinned)' : ''}`
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${+(n / 1024).toFixed(1)} KiB`
  if (n < 1024 ** 3) return `${+(n / 1024 / 1024).toFixed(1)} MiB`
  return `${+(n / 1024 ** 3).toFixed(2)} GiB`
}
