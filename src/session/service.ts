// What a front-end (Electron IPC, the browser-mode server) talks to: requests
// in, replies and events out. The session runs either in this thread
// (`localService`, for tests and tools) or in a worker thread
// (`startSessionWorker`, for the app: a long run never blocks main or the server).
import type { EventName, EventPayload, Method, Reply } from '../shared/protocol'
import { handleRequest } from './handlers'
import type { Session } from './session'

export interface SessionService {
  /** Handles one untrusted request (method and params are validated). */
  request(method: unknown, params: unknown): Promise<Reply<Method>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  dispose(): Promise<void>
}

export function localService(session: Session): SessionService {
  return {
    request: (method, params) => handleRequest(session, method, params),
    on: (event, listener) => session.on(event, listener),
    dispose: async () => session.dispose()
  }
}
