// A JSON object's members, parsed in batches with a stop poll between them. A safetensors
// header may be 100 MB of JSON: one JSON.parse of it runs for seconds with no way to stop.
// The text is scanned once for the commas that separate top-level members (outside strings
// and nested values); each run of about a megabyte of members is parsed by JSON.parse as an
// object of its own. The batches together accept exactly what one JSON.parse of the whole
// text accepts as an object, and give the same members (a repeated name keeps its first
// place and its last value).
import { checkStop } from './stop-check'

const BATCH_CHARS = 1 << 20

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/** The members of the object `text` holds, in order; null when it is not one JSON object. */
export function parseObjectMembers(text: string, batchChars = BATCH_CHARS): Map<string, unknown> | null {
  let first = 0
  while (first < text.length && isWs(text.charCodeAt(first))) first++
  let last = text.length - 1
  while (last > first && isWs(text.charCodeAt(last))) last--
  if (text.charCodeAt(first) !== 0x7b || text.charCodeAt(last) !== 0x7d || last === first) return null // '{' ... '}'
  const members = new Map<string, unknown>()
  let batches = 0
  const parseBatch = (from: number, to: number): boolean => {
    const body = text.slice(from, to)
    // Between two split commas there must be a member: '{"a": 1, }' is not JSON, though '{ }' is.
    if (batches++ > 0 || to < last) {
      let blank = true
      for (let i = 0; i < body.length && blank; i++) blank = isWs(body.charCodeAt(i))
      if (blank) return false
    }
    let obj: Record<string, unknown>
    try {
      obj = JSON.parse(`{${body}}`) as Record<string, unknown>
    } catch {
      return false
    }
    for (const k of Object.keys(obj)) members.set(k, obj[k])
    return true
  }
  let depth = 0
  let from = first + 1
  for (let p = from; p < last; p++) {
    const c = text.charCodeAt(p)
    if (c === 0x22) { // a string: to its closing quote, over escapes
      for (p++; p < last && text.charCodeAt(p) !== 0x22; p++) if (text.charCodeAt(p) === 0x5c) p++
      if (p >= last) return null
    } else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) {
      if (--depth < 0) return null
    } else if (c === 0x2c && depth === 0 && p - from >= batchChars) {
      if (!parseBatch(from, p)) return null
      from = p + 1
      checkStop()
    }
  }
  if (depth !== 0 || !parseBatch(from, last)) return null
  return members
}
