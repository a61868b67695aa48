// A tiny external store around the reducer: React reads it with
// useSyncExternalStore; the three.js views subscribe directly so that a hover
// never re-renders the component tree.
import { useRef, useSyncExternalStore } from 'react'
import { initialState, reduce, type Action, type AppState } from './appState'

export class Store {
  private state: AppState
  private readonly listeners = new Set<() => void>()

  constructor(state: AppState = initialState) {
    this.state = state
  }

  get = (): AppState => this.state

  dispatch = (a: Action): void => {
    const next = reduce(this.state, a)
    if (next === this.state) return
    this.state = next
    for (const l of [...this.listeners]) l()
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l)
    return () => this.listeners.delete(l)
  }
}

/**
 * Reads a slice of the state. The slice is recomputed only when the state
 * object changes, and an array slice equal item by item to the last one is
 * returned as the same object, so derived lists (names, ...) re-render nothing.
 */
export function useStore<T>(store: Store, pick: (s: AppState) => T): T {
  const cache = useRef<{ state: AppState; value: T } | null>(null)
  const pickRef = useRef(pick)
  pickRef.current = pick
  const read = (): T => {
    const state = store.get()
    const c = cache.current
    if (c && c.state === state) return c.value
    const value = pickRef.current(state)
    const same = c !== null && (Object.is(c.value, value) || shallowEqualArrays(c.value, value))
    cache.current = { state, value: same ? c!.value : value }
    return cache.current.value
  }
  return useSyncExternalStore(store.subscribe, read, read)
}

function shallowEqualArrays(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false
  return true
}
