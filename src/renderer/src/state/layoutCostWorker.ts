// The page's side of the layout-cost worker: one count in flight; asking for
// another (the selection changed) terminates the worker running the stale one,
// so a 10M-element walk never delays the next answer. Where no Worker exists
// (unit tests in Node), the count runs here after a yield.
import { layoutCost, type LayoutCost, type StridedWalk } from '../model/layoutCost'

let worker: Worker | null = null
let pending: { id: number; resolve: (c: LayoutCost) => void; reject: (e: Error) => void } | null = null
let nextId = 1

function start(): Worker {
  const w = new Worker(new URL('../workers/layoutCost.worker.ts', import.meta.url), { type: 'module' })
  w.onmessage = (e: MessageEvent<{ id: number; cost: LayoutCost }>): void => {
    if (pending && pending.id === e.data.id) { const p = pending; pending = null; p.resolve(e.data.cost) }
  }
  w.onerror = (e): void => {
    if (pending) { const p = pending; pending = null; p.reject(new Error(e.message || 'layout cost worker failed')) }
  }
  return w
}

/** Counts `walk` off the main thread. `cancel()` drops it (and stops the walk when it is still running). */
export function countLayoutCost(walk: StridedWalk): { done: Promise<LayoutCost>; cancel: () => void } {
  if (typeof Worker === 'undefined') {
    let timer: ReturnType<typeof setTimeout> | undefined
    const done = new Promise<LayoutCost>((resolve) => { timer = setTimeout(() => resolve(layoutCost(walk)), 0) })
    return { done, cancel: () => clearTimeout(timer) }
  }
  if (pending) {
    // A walk still running for an older request: stop it rather than wait for it.
    worker?.terminate()
    worker = null
    pending.reject(new Error('cancelled'))
    pending = null
  }
  worker ??= start()
  const id = nextId++
  const done = new Promise<LayoutCost>((resolve, reject) => { pending = { id, resolve, reject } })
  worker.postMessage({ id, walk })
  const cancel = (): void => {
    if (pending?.id !== id) return
    worker?.terminate()
    worker = null
    pending.reject(new Error('cancelled'))
    pending = null
  }
  return { done, cancel }
}
