// The file requests, added to the one contract (./protocol.ts) by spreading
// `filesMethods` into `methods` and `filesChannels` into `Channel` (as the lessons'
// are). `openFile` loads every tensor of a file on the backend's disk into the
// workspace through the runner (so the history replays); `openFileBytes` does the
// same for a file the renderer read (drag-and-drop, <input type=file>), size-capped.
import { runResult, type RunResult } from './workspace-protocol'
import { array, boolean, boundedString, count, integer, literal, nullable, object, string, type Infer } from './schema'

/** Longest path accepted (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096
/**
 * Most bytes a renderer may send in one openFileBytes. Base64 makes 4/3 of this, which must
 * fit the browser-mode server's 4 MiB WebSocket message cap (src/server/server.ts) with its
 * envelope; bigger files are opened by path (openFile).
 */
export const MAX_UPLOAD_BYTES = 3_000_000
/** Most entries listed in one file table (a checkpoint with more is cut, `truncated` says so). */
export const MAX_TABLE_ENTRIES = 10_000

export const fileTableEntry = object({
  name: string,
  /** The workspace variable the tensor was bound to ('' when it was not loaded). */
  variable: string,
  kind: literal('ndarray', 'tensor'),
  dtype: string,
  shape: array(count),
  /** Byte strides. */
  strides: array(integer),
  byteOffset: count,
  storage: string,
  /** Bytes of this entry's elements. */
  nbytes: count,
  /** Bytes of the whole storage it views (why a small view can make a big file). */
  storageBytes: count,
  byteOrder: literal('<', '>', '|'),
  fortranOrder: boolean,
  readOnly: boolean,
  sharesWith: array(string),
  /** Why the engine cannot load it (an unsupported dtype), else null. */
  unsupported: nullable(string)
})

export const fileTable = object({
  path: string,
  format: literal('npy', 'npz', 'safetensors', 'pt'),
  fileBytes: count,
  entries: array(fileTableEntry),
  truncated: boolean,
  warnings: array(string),
  /** The Python lines that loaded it (also in the session history). */
  code: string
})

/** The run part of an open: exactly `run`'s result. */
export type FileRunResult = RunResult

const openResult = object({ table: fileTable, run: runResult })

export const filesMethods = {
  /** Loads every tensor of the file at `path` (on the backend's machine) into the workspace. */
  openFile: { params: object({ path: boundedString(MAX_PATH_LENGTH) }), result: openResult },
  /** The same for a file's bytes sent by the renderer (base64, at most MAX_UPLOAD_BYTES decoded). */
  openFileBytes: {
    params: object({ name: boundedString(255), base64: boundedString(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4) }),
    result: openResult
  }
}

export const filesChannels = {
  openFile: 'stridescope:open-file',
  openFileBytes: 'stridescope:open-file-bytes'
} as const satisfies Record<keyof typeof filesMethods, string>

export type FilesMethod = keyof typeof filesMethods
export type FileTable = Infer<typeof fileTable>
export type FileTableEntry = Infer<typeof fileTableEntry>
export type OpenFileResult = Infer<typeof openResult>
type P<M extends FilesMethod> = Infer<(typeof filesMethods)[M]['params']>
type R<M extends FilesMethod> = Infer<(typeof filesMethods)[M]['result']>

/** The files' part of the renderer's Api. */
export function filesApi(call: <M extends FilesMethod>(method: M, params: P<M>) => Promise<R<M>>) {
  return {
    openFile: (path: string) => call('openFile', { path }),
    openFileBytes: (name: string, base64: string) => call('openFileBytes', { name, base64 })
  }
}
export type FilesApi = ReturnType<typeof filesApi>
