// The one request/event contract between the renderer and the backend
// (Electron IPC through the preload, or the browser-mode WebSocket).
// Everything here is plain data: no pointers, no class instances, no bigint
// (addresses are decimal strings, 64-bit integers beyond 2^53 are strings).
// Every payload has a runtime schema; main validates every IPC payload and the
// server every WebSocket message with these same schemas.
//
// The data the requests carry (workspace, op records, values) is defined in
// ./workspace-protocol; each service's requests beside it (./profiler-protocol,
// ./lessons-protocol, ./files-protocol) import that, never this file, and this
// file spreads them in: the parts form no cycle.
import {
  MAX_CODE_LENGTH, MAX_RANK, memoryCaps, opRecord, pyError, runOrigin, runResult, valuesWindow, windowEncoding, workspace
} from './workspace-protocol'
import { lessonsChannels, lessonsMethods } from './lessons-protocol'
import { filesChannels, filesMethods } from './files-protocol'
import { profilerChannels, profilerMethods } from './profiler-protocol'
import { attachChannels, attachMethods } from './attach-protocol'
import {
  array, boolean, boundedString, count, integer, literal, nullable, number, object, optional, string, tagged, type Infer, type Schema
} from './schema'

export * from './workspace-protocol'

/**
 * The version of this contract as the browser-mode socket speaks it: the server says it
 * in its 'hello', and a page whose own differs stops before reading anything else (a
 * page kept open across an update would misread the newer messages). Raise it with
 * every change to what crosses the socket. 2: an 'f64' window's values cross in the
 * narrowest exact type, named by the frame's `elements` (./binary-frame).
 */
export const PROTOCOL_VERSION = 2

// ---- requests: params and results, one entry per method ----

const empty = object({})
/** Longest working-folder path accepted (Linux's PATH_MAX). */
export const MAX_FOLDER_PATH = 4096

const coreMethods = {
  /**
   * Runs Python (one line or a block) through the runner; returns output, error and the new snapshot.
   * `origin` (default 'ui'): 'console' only for a line the person typed, which alone may name an
   * absolute path for the file functions (see runOrigin).
   */
  run: { params: object({ code: boundedString(MAX_CODE_LENGTH), origin: optional(runOrigin) }), result: runResult },
  /**
   * Stops the run in progress with KeyboardInterrupt (the Stop button); what it made before the
   * interrupted statement stays. `interrupted`: whether a run was in progress.
   */
  interrupt: { params: empty, result: object({ interrupted: boolean }) },
  snapshot: { params: empty, result: workspace },
  /** Values of `objectId[start : start+shape]` (C order), at most MAX_WINDOW_ELEMENTS. */
  window: {
    params: object({
      objectId: count,
      start: array(count, MAX_RANK),
      shape: array(count, MAX_RANK),
      encoding: optional(windowEncoding)
    }),
    result: valuesWindow
  },
  /**
   * A dry run of `as_strided(shape, strides, offset)` on a live object: the engine's own
   * checks (tensor: element strides, offset null for storage_offset(); ndarray: byte
   * strides, offset null). Answers the exception the line would raise, or null; makes nothing.
   */
  checkAsStrided: {
    params: object({
      objectId: count,
      shape: array(integer, MAX_RANK),
      strides: array(integer, MAX_RANK),
      offset: nullable(integer)
    }),
    result: object({ error: nullable(pyError) })
  },
  /** Turns the simulated cuda device on or off; the session's history is replayed so no line is lost. */
  setSimulateCuda: { params: object({ on: boolean }), result: workspace },
  /**
   * Sets the memory caps (bytes per device type; null: half of RAM). An allocation that would take a
   * device past its cap raises the library's out-of-memory error before it allocates; nothing is lost.
   */
  setMemoryCaps: { params: memoryCaps, result: workspace },
  /**
   * Sets the working folder (an absolute path, or one starting with ~): it must exist and be a folder,
   * else a bad-request error says which. Objects and history stay; later runs resolve in it.
   */
  setWorkingFolder: { params: object({ path: boundedString(MAX_FOLDER_PATH) }), result: workspace },
  /** Forgets every object, the history and the op log. */
  reset: { params: empty, result: workspace },
  /** The session's successful lines as a runnable .py file. */
  exportScript: { params: empty, result: object({ script: string }) }
}

/**
 * Every request: the core ones above, the profiler's (./profiler-protocol) and
 * the lesson service's (./lessons-protocol), each part defined beside its handlers.
 */
export const methods = {
  ...coreMethods,
  ...profilerMethods,
  ...lessonsMethods,
  ...filesMethods,
  ...attachMethods
} satisfies Record<string, { params: Schema<unknown>; result: Schema<unknown> }>

export type Method = keyof typeof methods
export type Params<M extends Method> = Infer<(typeof methods)[M]['params']>
export type Result<M extends Method> = Infer<(typeof methods)[M]['result']>
export const METHOD_NAMES = Object.keys(methods) as Method[]

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name)
}

// ---- events (backend → renderer) ----

export const progress = object({
  id: count,              // one id per long operation
  label: string,
  fraction: nullable(number), // 0..1, or null when indeterminate
  done: boolean
})

export const events = {
  /** The workspace changed (after a run, reset, or the cuda toggle), possibly from another window. */
  workspace,
  /** A long operation's progress; `done: true` ends it. */
  progress
} satisfies Record<string, Schema<unknown>>

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = Infer<(typeof events)[E]>
export const EVENT_NAMES = Object.keys(events) as EventName[]

// ---- errors and replies (protocol-level; a Python exception in `run` is a result, not an error) ----

export const errorCode = literal('bad-request', 'unknown-method', 'not-found', 'out-of-range', 'internal')
export const protocolError = object({ code: errorCode, message: string, pyType: optional(string) })

/** What a handler returns across IPC/WebSocket: thrown errors lose their shape, so replies are data. */
export type Reply<M extends Method> = { ok: true; result: Result<M> } | { ok: false; error: ProtocolErrorInfo }

// ---- Electron IPC channels: one enum; main registers exactly these (the allow-list) ----
export const Channel = {
  ...profilerChannels,
  ...lessonsChannels,
  ...filesChannels,
  ...attachChannels,
  run: 'stridescope:run',
  interrupt: 'stridescope:interrupt',
  snapshot: 'stridescope:snapshot',
  window: 'stridescope:window',
  checkAsStrided: 'stridescope:check-as-strided',
  setSimulateCuda: 'stridescope:set-simulate-cuda',
  setMemoryCaps: 'stridescope:set-memory-caps',
  setWorkingFolder: 'stridescope:set-working-folder',
  reset: 'stridescope:reset',
  exportScript: 'stridescope:export-script',
  event: 'stridescope:event'
} as const satisfies Record<Method | 'event', string>

/** Body of an IPC event message on Channel.event (same shape as the WebSocket event). */
export const eventMessage = tagged('event', {
  workspace: object({ event: literal('workspace'), payload: workspace }),
  progress: object({ event: literal('progress'), payload: progress })
})

// ---- WebSocket messages (browser mode) ----

/** Client → server. `params` is validated per method after the envelope. */
export const clientMessage = object({
  type: literal('request'),
  id: count,
  method: string,
  params: optional({ name: 'any', check: () => null } as Schema<unknown>)
})

export const serverMessage = tagged('type', {
  hello: object({ type: literal('hello'), version: count }),
  response: {
    name: 'response',
    check: (v, path) =>
      (v as { ok?: unknown }).ok === true
        ? object({ type: literal('response'), id: count, ok: literal(true), result: { name: 'any', check: () => null } }).check(v, path)
        : object({ type: literal('response'), id: nullable(count), ok: literal(false), error: protocolError }).check(v, path)
  } as Schema<
    | { type: 'response'; id: number; ok: true; result: unknown }
    | { type: 'response'; id: number | null; ok: false; error: ProtocolErrorInfo }
  >,
  event: {
    name: 'event',
    // Same body as an IPC event message, plus the `type` tag that `tagged` has already matched.
    check: (v, path) => {
      const { type: _tag, ...body } = v as Record<string, unknown>
      return eventMessage.check(body, path)
    }
  } as Schema<{ type: 'event' } & EventMessage>
})

// ---- exported plain types ----
export type Progress = Infer<typeof progress>
export type ProtocolErrorInfo = Infer<typeof protocolError>
export type ErrorCode = ProtocolErrorInfo['code']
export type EventMessage = Infer<typeof eventMessage>
export type ClientMessage = Infer<typeof clientMessage>
export type ServerMessage = Infer<typeof serverMessage>
