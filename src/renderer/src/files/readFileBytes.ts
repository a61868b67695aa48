// A dropped or chosen File as base64 for openFileBytes, refusing files over the upload cap
// before reading them (the backend checks again).
import { encodeBase64 } from '../../../shared/base64'
import { MAX_UPLOAD_BYTES } from '../../../shared/files-protocol'

export async function fileAsBase64(file: File): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new Error(`${file.name} is ${file.size} bytes; files over ${MAX_UPLOAD_BYTES} bytes must be opened by their path (the box beside the button)`)
  }
  return encodeBase64(new Uint8Array(await file.arrayBuffer()))
}
