// The one hook through which native code (builtins, methods, library bindings) calls back
// into Python (sorted(key=...), map, warnings): set by the Runner to its interpreter.
import type { PyValue, Kwargs } from './values'

export interface RuntimeHooks {
  call(fn: PyValue, args: PyValue[], kwargs?: Kwargs): PyValue
  warn(category: string, message: string, once?: boolean): void
  write(s: string): void
  writeErr(s: string): void
  /** Counts one step against the operation budget (native loops over Python ranges call it). */
  tick(): void
}

let hooks: RuntimeHooks | null = null
export function setRuntime(h: RuntimeHooks): void { hooks = h }
export function runtime(): RuntimeHooks {
  if (!hooks) throw new Error('runner runtime not initialised')
  return hooks
}
