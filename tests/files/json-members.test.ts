// parseObjectMembers (src/files/json-members.ts) parses a safetensors header in batches so
// that Stop reaches a 100 MB one. Against JSON.parse of the whole text, for objects written
// with odd whitespace and escapes, and for the same texts with a character dropped, doubled
// or replaced by a comma: the batches accept exactly what JSON.parse accepts as an object,
// with the same members, whatever the batch size.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseObjectMembers } from '../../src/files/json-members'

/** What one JSON.parse gives: the members of an object, or null. */
function whole(text: string): Array<[string, unknown]> | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as object) : null
}

/** Members as a map: the order of integer-like names differs by design (JSON.parse puts them first). */
const asMap = (m: Iterable<[string, unknown]> | null) => (m === null ? null : new Map(m))

const spaced = fc.tuple(fc.jsonValue(), fc.constantFrom('', ' ', '\n', '\t ', '  \r\n')).map(([v, ws]) =>
  JSON.stringify({ header: v, a: [1, { 'b,}': '\\"]' }], 'x"y': v }, null, ws.length ? ws : undefined))

describe('a JSON object parsed in batches', () => {
  it('agrees with JSON.parse on objects and on their mutations, at every batch size', () => {
    fc.assert(
      fc.property(spaced, fc.nat(), fc.constantFrom('drop', 'double', 'comma', 'none'), fc.constantFrom(1, 3, 16, 1 << 20), (text, at, how, batch) => {
        const i = text.length ? at % text.length : 0
        const t = how === 'drop' ? text.slice(0, i) + text.slice(i + 1)
          : how === 'double' ? text.slice(0, i) + text[i] + text.slice(i)
          : how === 'comma' ? text.slice(0, i) + ',' + text.slice(i + 1)
          : text
        expect(asMap(parseObjectMembers(t, batch))).toEqual(asMap(whole(t)))
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses what only batches could accept: an empty member, a trailing comma, a lone value', () => {
    for (const t of ['{"a": 1, , "b": 2}', '{"a": 1, }', '{ , }', '[1, 2]', '"x"', '{"a": 1} {', '{"a": [1, 2}', '{"a": "b}']) {
      expect(parseObjectMembers(t, 1), t).toBeNull()
      expect(whole(t), t).toBeNull()
    }
    expect(parseObjectMembers(' { } ', 1)).toEqual(new Map())
    expect([...parseObjectMembers('{"a": 1, "a": 2, "b": 3}', 1)!]).toEqual([['a', 2], ['b', 3]])
  })
})
