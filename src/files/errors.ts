// The one error class every reader and writer in src/files throws. It carries the name of
// the Python exception the real library raises for the same input (NumPy's ValueError,
// pickle's UnpicklingError, zipfile's BadZipFile, safetensors' SafetensorError, torch's
// RuntimeError), so the runner can re-raise it under that name and the app can show it.

export type FileErrorType =
  | 'ValueError' | 'EOFError' | 'OSError' | 'TypeError' | 'RuntimeError' | 'MemoryError'
  | 'UnpicklingError' | 'BadZipFile' | 'SafetensorError' | 'NotImplementedError' | 'KeyError'
  | 'FileNotFoundError' | 'IsADirectoryError' | 'PermissionError' | 'RecursionError'

export class FileFormatError extends Error {
  readonly pyType: FileErrorType
  constructor(pyType: FileErrorType, message: string) {
    super(message)
    this.name = 'FileFormatError'
    this.pyType = pyType
  }
}

export function fail(pyType: FileErrorType, message: string): never {
  throw new FileFormatError(pyType, message)
}

/** True for the documented error class (what every fuzz test accepts, and nothing else). */
export function isFileFormatError(e: unknown): e is FileFormatError {
  return e instanceof FileFormatError
}
