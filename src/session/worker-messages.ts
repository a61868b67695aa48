// Messages between the app and its session worker thread (structured clone, same process).
import type { EventName, EventPayload, Method, Reply, Result } from '../shared/protocol'
import type { PackedValues } from './packed-values'

export interface WorkerInit {
  simulateCuda: boolean
}

export type ToWorker = { type: 'request'; id: number; method: unknown; params: unknown }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'reply'; id: number; reply: Reply<Method> }
  /** A successful `window` reply, its values packed (see ./packed-values). */
  | { type: 'window-reply'; id: number; result: Omit<Result<'window'>, 'values'>; packed: PackedValues }
  | { type: 'event'; event: EventName; payload: EventPayload<EventName> }
