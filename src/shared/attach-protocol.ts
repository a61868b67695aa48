// Attach: arrays and tensors of the user's own Python program (sent by the
// `stridescope` Python package, python/) shown beside the engine's objects.
// The package POSTs one `attachMessage` to the app's loopback endpoint
// (src/server/attach-endpoint.ts); the session validates it again with these
// schemas and adds the objects to the workspace, read-only, with their real
// addresses. Spread into the one contract (./protocol.ts) like files-protocol.
import {
  array, boolean, boundedString, count, decimal, integer, literal, nullable, number, object, optional, string,
  type Infer
} from './schema'

/** Highest rank an attached object may have (NumPy's limit). */
const MAX_ATTACH_RANK = 64
/** Most values one attached object may carry (the package's default cap is 65,536). */
export const MAX_ATTACH_WINDOW_ELEMENTS = 1 << 20
/** Largest attach message body, in bytes (one window of MAX_ATTACH_WINDOW_ELEMENTS complex doubles in base64 fits). */
export const MAX_ATTACH_BODY_BYTES = 24 * 1024 * 1024
/** Most objects / op records one message may carry. */
export const MAX_ATTACH_OBJECTS = 1_000
export const MAX_ATTACH_OPS = 20_000

const name = boundedString(256)
const shortText = boundedString(4096)

export const attachedProcess = object({ pid: count, program: name })

const attachedDtype = literal(
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'bfloat16', 'float32', 'float64', 'complex64', 'complex128'
)

/** One array/tensor as the package describes it (python/stridescope/describe.py). */
export const attachedObject = object({
  name,
  kind: literal('ndarray', 'tensor'),
  /** null for dtypes the app does not draw values of (structured, strings, objects). */
  dtype: nullable(attachedDtype),
  dtypeText: shortText,
  itemsize: count,
  shape: array(count, MAX_ATTACH_RANK),
  byteStrides: array(integer, MAX_ATTACH_RANK),
  /** Bytes from the start of the owning buffer to element 0. */
  byteOffset: count,
  dataPtr: decimal,
  buffer: object({ ptr: decimal, nbytes: count, kind: name }),
  device: name,
  flags: object({ cContiguous: boolean, fContiguous: boolean, writeable: boolean, ownsData: boolean, aligned: boolean }),
  requiresGrad: boolean,
  channelsLast: optional(boolean),
  /** The leading block of values (C order), little-endian float64 in base64; complex as re, im pairs. */
  window: optional(nullable(object({ shape: array(count, MAX_ATTACH_RANK), complex: boolean, f64: string })))
})

/** One PyTorch operation recorded by `stridescope.trace()` (python/stridescope/trace.py). */
export const attachedOp = object({
  op: name,
  kind: literal('view', 'copy', 'allocation', 'in-place'),
  why: shortText,
  bytes: count,
  seconds: number,
  time: number,
  inputs: array(name, 256),
  outputs: array(name, 256),
  devices: array(name, 16),
  file: optional(shortText),
  lineNo: optional(count),
  line: optional(shortText)
})

export const attachMessage = object({
  version: literal(1),
  process: attachedProcess,
  objects: array(attachedObject, MAX_ATTACH_OBJECTS),
  ops: array(attachedOp, MAX_ATTACH_OPS)
})

/** Where an attached workspace object came from (absent on the engine's own objects). */
export const attachedOrigin = object({
  pid: count,
  program: string,
  /** The dtype as the program's library prints it ('float32', "[('x', '<f4'), ('y', '<i4')]"). */
  dtypeText: string,
  /** Shape of the leading block of values that was sent (all zeros when none were). */
  windowShape: array(count, MAX_ATTACH_RANK),
  bufferKind: string
})

export const attachMethods = {
  /** Adds or updates (same process and name) attached objects and records traced ops. */
  attach: {
    params: attachMessage,
    result: object({ objects: count, ops: count })
  },
  /**
   * The Python line that recreates an attached object in the engine with the same
   * shape, strides, offset and values (its buffer saved to a private .npy first).
   * The renderer runs the line like any action, so it shows in the console and history.
   */
  attachedCopyLine: {
    params: object({ objectId: count, name: boundedString(256) }),
    result: object({ code: string })
  }
}

export const attachChannels = {
  attach: 'stridescope:attach',
  attachedCopyLine: 'stridescope:attached-copy-line'
} as const

type Call = <M extends keyof typeof attachMethods>(
  method: M, params: Infer<(typeof attachMethods)[M]['params']>
) => Promise<Infer<(typeof attachMethods)[M]['result']>>

/** The renderer's part of the API (src/shared/api.ts spreads it in). */
export function attachApi(call: Call) {
  return {
    attachedCopyLine: (objectId: number, name: string) => call('attachedCopyLine', { objectId, name })
  }
}

export type AttachMessage = Infer<typeof attachMessage>
export type AttachedObject = Infer<typeof attachedObject>
export type AttachedOp = Infer<typeof attachedOp>
export type AttachedOrigin = Infer<typeof attachedOrigin>
