// Counts a layout's cost (model/layoutCost) off the renderer's main thread: a
// 10M-element walk takes about a second, which must not stall the views.
// One request at a time; the page cancels a stale one by terminating the worker.
import { layoutCost, type StridedWalk } from '../model/layoutCost'

self.onmessage = (e: MessageEvent<{ id: number; walk: StridedWalk }>): void => {
  const { id, walk } = e.data
  try {
    self.postMessage({ id, cost: layoutCost(walk) })
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) })
  }
}
