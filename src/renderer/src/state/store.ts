// A tiny external store around the reducer: React reads it with
// useSyncExternalStore; the three.js views subscribe directly so that a hover
// never re-renders the component tree.
import { useSyncExternalStore } from 'react'
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

export function useStore<T>(store: Store, pick: (s: AppState) => T): T {
  return useSyncExternalStore(store.subscribe, () => pick(store.get()))
}
