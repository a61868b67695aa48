// Fetches an object's values through the host in bounded C-order windows and
// hands back plain numbers for colouring. Cancellable: a new selection stops
// the old load between windows.
import type { Host } from '../host'
import { cOrderBoxes } from '../model/chunks'
import { windowNumbers } from '../../../shared/window-numbers'
import { toNumbers } from '../model/colormap'
import type { ObjectInfo } from '../model/types'
import { MAX_WINDOW_ELEMENTS, type ValuesWindow } from '../../../shared/protocol'

/** Elements per window request: the protocol's most, so a 1000×1000 array loads in one request. */
export const WINDOW_ELEMENTS = MAX_WINDOW_ELEMENTS
/** Largest object whose values the logical view fetches and colours. */
export const MAX_DRAWN_VALUES = 1 << 22

export interface LoadHandle {
  cancel(): void
  done: Promise<Float64Array | null>
}

/** Small 64-bit integer objects come exact ('json'), as their values are shown as text on hover; the rest as doubles. */
function exactValues(info: ObjectInfo): boolean {
  return (info.dtype === 'int64' || info.dtype === 'uint64') && info.numel <= 65536
}

/**
 * The first window of the object the logical view is about to show, asked for as
 * soon as a snapshot names it (see prefetchValues): the session reads it while the
 * renderer builds the views, instead of after.
 */
let ahead: { objectId: number; revision: number; start: number[]; shape: number[]; reply: Promise<ValuesWindow> } | null = null
/** The objects whose values were asked for (ahead or by a load) at the newest revision seen: never asked twice. */
let asked = { revision: -1, ids: new Set<number>() }

/** Notes that `objectId`'s values at `revision` are being asked for; false when they already were (or are stale). */
function firstAsk(objectId: number, revision: number): boolean {
  if (revision > asked.revision) asked = { revision, ids: new Set() }
  else if (revision < asked.revision || asked.ids.has(objectId)) return false
  asked.ids.add(objectId)
  return true
}

/** Asks now for the first window loadValues will want for this object at this revision (nothing for objects not drawn). */
export function prefetchValues(host: Host, info: ObjectInfo, revision: number): void {
  if (info.numel > MAX_DRAWN_VALUES || exactValues(info)) return
  if (!firstAsk(info.id, revision)) return
  const box = cOrderBoxes(info.shape, WINDOW_ELEMENTS)[0]
  if (!box) return
  const reply = host.window(info.id, box.start, box.shape, 'f64')
  reply.catch(() => {}) // a failure is loadValues' to report, if it asks
  ahead = { objectId: info.id, revision, start: box.start, shape: box.shape, reply }
}

function takeAhead(objectId: number, revision: number | undefined, start: number[], shape: number[]): Promise<ValuesWindow> | null {
  const a = ahead
  if (!a || a.objectId !== objectId || a.revision !== revision || !sameInts(a.start, start) || !sameInts(a.shape, shape)) return null
  ahead = null
  return a.reply
}

function sameInts(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/** Loads an object's values (at workspace `revision`: a window prefetched for it is used). */
export function loadValues(host: Host, info: ObjectInfo, onProgress: (fraction: number) => void, revision?: number): LoadHandle {
  let cancelled = false
  if (revision !== undefined) firstAsk(info.id, revision)
  const run = async (): Promise<Float64Array | null> => {
    if (info.numel > MAX_DRAWN_VALUES) return null
    let out: Float64Array | null = null
    // 'f64' doubles cross as bytes (../../../shared/binary-frame): no per-number formatting or parsing.
    const exact = exactValues(info)
    let at = 0
    for (const box of cOrderBoxes(info.shape, WINDOW_ELEMENTS)) {
      if (cancelled) return null
      const w = await (takeAhead(info.id, revision, box.start, box.shape) ?? host.window(info.id, box.start, box.shape, exact ? 'json' : 'f64'))
      if (cancelled) return null
      const nums = exact ? toNumbers(w) : w.complex ? magnitudes(windowNumbers(w)) : windowNumbers(w)
      // One window for the whole object: its doubles (as windowNumbers widened them) are the values.
      if (box.numel === info.numel && nums.length === info.numel) {
        onProgress(1)
        return nums
      }
      out ??= new Float64Array(info.numel)
      out.set(nums.subarray(0, Math.min(nums.length, out.length - at)), at)
      at += box.numel
      onProgress(at / info.numel)
    }
    return out ?? new Float64Array(0)
  }
  return { cancel: () => { cancelled = true }, done: run() }
}

/** |z| of interleaved (re, im) pairs: the logical view colours complex values by magnitude. */
function magnitudes(pairs: Float64Array): Float64Array {
  const out = new Float64Array(pairs.length >> 1)
  for (let i = 0; i < out.length; i++) out[i] = Math.hypot(pairs[2 * i], pairs[2 * i + 1])
  return out
}
