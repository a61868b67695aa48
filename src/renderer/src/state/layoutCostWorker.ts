// The page's side of the layout-cost worker: one count in flight; asking for
// another (the selection changed) terminates the worker running the stale one,
// so a 10M-element walk never delays the next answer. Where no Worker exists
// (unit tests in Node) or the worker cannot load, the count runs here after a yield.
import { layoutCost, type LayoutCost, type StridedWalk } from '../model/layoutCost'

let worker: Worker | null = null
let pending: { id: number; walk: StridedWalk; resolve: (c: LayoutCost) => void; reject: (e: Error) => void } | null = null
let nextId = 1
/** The message a cancelled count rejects with. */
export const CANCELLED = 'cancelled'
/** Set when the worker failed to load or run: later counts stay on this thread. */
let workerFailed = false

function onThisThread(walk: StridedWalk): { done: Promise<LayoutCost>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const done = new Promise<LayoutCost>((resolve, reject) => {
    timer = setTimeout(() => { try { resolve(layoutCost(walk)) } catch (e) { reject(e instanceof Error ? e : new Error(String(e))) } }, 0)
  })
  return { done, cancel: () => clearTimeout(timer) }
}

function start(): Worker {
  const w = new Worker(new URL('../workers/layoutCost.worker.ts', import.meta.url), { type: 'module' })
  w.onmessage = (e: MessageEvent<{ id: number; cost?: LayoutCost; error?: string }>): void => {
    if (!pending || pending.id !== e.data.id) return
    const p = pending
    pending = null
    if (e.data.cost) p.resolve(e.data.cost)
    else p.reject(new Error(e.data.error ?? 'the count failed'))
  }
  w.onerror = (e): void => {
    e.preventDefault()
    workerFailed = true
    worker?.terminate()
    worker = null
    // The count still lands: computed here instead.
    if (pending) { const p = pending; pending = null; onThisThread(p.walk).done.then(p.resolve, p.reject) }
  }
  return w
}

/** Counts `walk` off the main thread. `cancel()` drops it (and stops the walk when it is still running). */
export function countLayoutCost(walk: StridedWalk): { done: Promise<LayoutCost>; cancel: () => void } {
  if (typeof Worker === 'undefined' || workerFailed) return onThisThread(walk)
  if (pending) {
    // A walk still running for an older request: stop it rather than wait for it.
    worker?.terminate()
    worker = null
    pending.reject(new Error(CANCELLED))
    pending = null
  }
  try {
    worker ??= start()
  } catch {
    workerFailed = true
    return onThisThread(walk)
  }
  const id = nextId++
  const done = new Promise<LayoutCost>((resolve, reject) => { pending = { id, walk, resolve, reject } })
  worker.postMessage({ id, walk })
  const cancel = (): void => {
    if (pending?.id !== id) return
    worker?.terminate()
    worker = null
    pending.reject(new Error(CANCELLED))
    pending = null
  }
  return { done, cancel }
}
