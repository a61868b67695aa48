// Messages between the app and its session worker thread (structured clone, same process).
import type { EventName, EventPayload, Method, Reply } from '../shared/protocol'

export interface WorkerInit {
  simulateCuda: boolean
}

export type ToWorker = { type: 'request'; id: number; method: unknown; params: unknown }

export type FromWorker =
  | { type: 'ready' }
  | { type: 'reply'; id: number; reply: Reply<Method> }
  | { type: 'event'; event: EventName; payload: EventPayload<EventName> }
