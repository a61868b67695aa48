// CRC-32 (IEEE 802.3, the zip checksum), to verify members as Python's zipfile does.
import { STOP_CHECK_BYTES, checkStop } from './stop-check'

const TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** A gigabyte member takes a second or more: the stop request is polled between chunks. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0
  for (let start = 0; start < data.length; start += STOP_CHECK_BYTES) {
    if (start > 0) checkStop()
    const end = Math.min(data.length, start + STOP_CHECK_BYTES)
    for (let i = start; i < end; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  }
  return ~c >>> 0
}
