// A JSON object's members, parsed in batches with a stop poll between them. A safetensors
// header may be 100 MB of JSON: one JSON.parse of it runs for seconds with no way to stop.
// The UTF-8 bytes are scanned once for the commas that separate top-level members (outside
// strings and nested values); each run of members of about BATCH_BYTES is decoded and parsed by
// JSON.parse as an object of its own. The batches together accept exactly what one JSON.parse
// of the whole text accepts as an object, and give the same members (a repeated name keeps its
// first place and its last value). Batches stay small so that what they make is short-lived:
// a string or object past V8's regular size goes straight to the old generation, and a heap
// grown by such garbage ends in a long pause to collect it.
import { checkStop } from './stop-check'

/** Under V8's largest young-generation object (128 KiB), so a batch's text dies young. */
const BATCH_BYTES = 48 << 10

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/** The members of the object `text` holds, in order; null when it is not one JSON object. */
export function parseObjectMembers(text: string, batchBytes = BATCH_BYTES): Map<string, unknown> | null {
  const members = new Map<string, unknown>()
  const ok = forEachMemberBatch(new TextEncoder().encode(text), (batch) => {
    for (const k of Object.keys(batch)) members.set(k, batch[k])
  }, batchBytes)
  return ok ? members : null
}

/**
 * Hands each batch of the members of the object in `utf8` (valid UTF-8, already checked) to
 * `visit` as it is parsed, in order, with a stop poll between batches; nothing is kept, so what
 * a batch parses can be dropped as soon as it is read. False when the bytes are not one JSON
 * object (batches before the fault may have been visited). A name repeated across batches comes
 * once per batch: the visitor decides (parseObjectMembers keeps its first place and its last value).
 */
export function forEachMemberBatch(utf8: Uint8Array, visit: (batch: Record<string, unknown>) => void, batchBytes = BATCH_BYTES): boolean {
  const decoder = new TextDecoder()
  let first = 0
  while (first < utf8.length && isWs(utf8[first])) first++
  let last = utf8.length - 1
  while (last > first && isWs(utf8[last])) last--
  if (utf8[first] !== 0x7b || utf8[last] !== 0x7d || last === first) return false // '{' ... '}'
  let batches = 0
  const parseBatch = (from: number, to: number): boolean => {
    // Between two split commas there must be a member: '{"a": 1, }' is not JSON, though '{ }' is.
    if (batches++ > 0 || to < last) {
      let blank = true
      for (let i = from; i < to && blank; i++) blank = isWs(utf8[i])
      if (blank) return false
    }
    let obj: Record<string, unknown>
    try {
      obj = JSON.parse(`{${decoder.decode(utf8.subarray(from, to))}}`) as Record<string, unknown>
    } catch {
      return false
    }
    visit(obj)
    return true
  }
  let depth = 0
  let from = first + 1
  for (let p = from; p < last; p++) {
    const c = utf8[p]
    if (c === 0x22) { // a string: to its closing quote, over escapes (no byte of a multi-byte character is ASCII)
      for (p++; p < last && utf8[p] !== 0x22; p++) if (utf8[p] === 0x5c) p++
      if (p >= last) return false
    } else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      if (--depth < 0) return false
    } else if (c === 0x2c && depth === 0 && p - from >= batchBytes) {
      if (!parseBatch(from, p)) return false
      from = p + 1
      checkStop()
    }
  }
  return depth === 0 && parseBatch(from, last)
}
