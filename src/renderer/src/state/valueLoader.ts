// Fetches an object's values through the host in bounded C-order windows and
// hands back plain numbers for colouring. Cancellable: a new selection stops
// the old load between windows.
import type { Host } from '../host'
import { cOrderBoxes } from '../model/chunks'
import { toNumbers } from '../model/colormap'
import type { ObjectInfo } from '../model/types'

/** Elements per window request: bounded well under the protocol's MAX_WINDOW_ELEMENTS. */
export const WINDOW_ELEMENTS = 1 << 16
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
    const out = new Float64Array(info.numel)
    let at = 0
    for (const box of cOrderBoxes(info.shape, WINDOW_ELEMENTS)) {
      if (cancelled) return null
      const w = await host.window(info.id, box.start, box.shape)
      if (cancelled) return null
      const nums = toNumbers(w)
      out.set(nums.subarray(0, Math.min(nums.length, out.length - at)), at)
      at += box.numel
      onProgress(at / info.numel)
    }
    return out
  }
  return { cancel: () => { cancelled = true }, done: run() }
}
