// The session layer: the workspace service and the request handlers every front-end shares.
export { Session, defaultDevices, type SessionOptions } from './session'
export { handleRequest } from './handlers'
export { localService, type SessionService } from './service'
export { packedToJson, packedValuesOf } from './packed-values'
export { SessionError } from './errors'
export type { SessionRunner, SessionObject, RunnerFactory, RunnerOptions, RunnerOutcome, RunnerOp, DeviceLister } from './runner-port'
