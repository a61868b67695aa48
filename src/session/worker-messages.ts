// Messages between the app and its session worker thread (structured clone, same process).
import type { EventName, EventPayload, Method, Reply } from '../shared/protocol'
import type { PackedWindow } from './session'

export interface WorkerInit {
  simulateCuda: boolean
  /** The working folder the programs' file functions resolve relative paths in (src/runner/lib/working_folder.ts). */
  workingFolder?: string
  /** The runs' stop flag over a SharedArrayBuffer: the parent writes it while a run blocks the worker. */
  interruptFlag?: Int32Array
}

export type ToWorker = { type: 'request'; id: number; method: unknown; params: unknown }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'reply'; id: number; reply: Reply<Method> }
  /** A successful `window` reply, its values packed (see ./packed-values). */
  | { type: 'window-reply'; id: number; result: PackedWindow }
  | { type: 'event'; event: EventName; payload: EventPayload<EventName> }
