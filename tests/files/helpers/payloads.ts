// Payloads the stop-poll tests read and write: incompressible bytes, and those bytes as a .npy.
import { npyHeaderBytes } from '../../../src/files/npy-write'

/** Bytes that deflate hardly at all (a fixed xorshift stream from `seed`). */
export function noise(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

/** `data` as a 1-d uint8 .npy file. */
export function npy(data: Uint8Array): Uint8Array {
  const head = npyHeaderBytes('|u1', false, [data.length]).bytes
  const out = new Uint8Array(head.length + data.length)
  out.set(head)
  out.set(data, head.length)
  return out
}
