// Fetches an object's values through the host in bounded C-order windows and
// hands back plain numbers for colouring. Cancellable: a new selection stops
// the old load between windows.
import type { Host } from '../host'
import { cOrderBoxes } from '../model/chunks'
import { windowNumbers } from '../../../shared/window-numbers'
import { toNumbers } from '../model/colormap'
import type { ObjectInfo } from '../model/types'
import { MAX_WINDOW_ELEMENTS } from '../../../shared/protocol'

/** Elements per window request: the protocol's most, so a 1000×1000 array loads in one request. */
export const WINDOW_ELEMENTS = MAX_WINDOW_ELEMENTS
/** Largest object whose values the logical view fetches and colours. */
export const MAX_DRAWN_VALUES = 1 << 22

export interface LoadHandle {
  cancel(): void
  done: Promise<Float64Array | null>
}

export function loadValues(host: Host, info: ObjectInfo, onProgress: (fraction: number) => void): LoadHandle {
  let cancelled = false
  const run = async (): Promise<Float64Array | null> => {
    if (info.numel > MAX_DRAWN_VALUES) return null
    let out: Float64Array | null = null
    // Base64 doubles need no per-number formatting or parsing (1M elements load in a fraction of the JSON
    // time); small 64-bit integer objects come exact, as their values are shown as text on hover.
    const exact = (info.dtype === 'int64' || info.dtype === 'uint64') && info.numel <= 65536
    let at = 0
    for (const box of cOrderBoxes(info.shape, WINDOW_ELEMENTS)) {
      if (cancelled) return null
      const w = await host.window(info.id, box.start, box.shape, exact ? 'json' : 'f64')
      if (cancelled) return null
      const nums = exact ? toNumbers(w) : w.complex ? magnitudes(windowNumbers(w)) : windowNumbers(w)
      // One window for the whole object: its doubles are the values, no copy.
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
