// Whether bytes are UTF-8, checked in place: a 100 MB safetensors header decoded to one string
// first (as TextDecoder would) is 100 MB more for V8 to collect; its JSON is decoded batch by
// batch instead (./json-members), once these bytes are known to be good.
import { STOP_CHECK_BYTES, checkStop } from './stop-check'

/**
 * Valid UTF-8 as TextDecoder's fatal mode and Rust's str::from_utf8 take it: no overlong forms,
 * no surrogates, nothing past U+10FFFF, no truncated sequence. Polls for Stop every few MiB.
 */
export function isValidUtf8(b: Uint8Array): boolean {
  const n = b.length
  let nextPoll = STOP_CHECK_BYTES
  let i = 0
  while (i < n) {
    if (i >= nextPoll) {
      checkStop()
      nextPoll += STOP_CHECK_BYTES
    }
    const c = b[i]
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) need = 1
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      if (c === 0xe0) lo = 0xa0 // overlong
      else if (c === 0xed) hi = 0x9f // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      if (c === 0xf0) lo = 0x90 // overlong
      else if (c === 0xf4) hi = 0x8f // past U+10FFFF
    } else return false
    if (i + need > n - 1) return false
    if (b[i + 1] < lo || b[i + 1] > hi) return false
    for (let k = 2; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return false
    i += need + 1
  }
  return true
}
