// A request the session cannot serve (unknown object, window out of range):
// carries the protocol error code the handlers put in the reply.
import type { ErrorCode } from '../shared/protocol'

export class SessionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly pyType?: string
  ) {
    super(message)
    this.name = 'SessionError'
  }
}
