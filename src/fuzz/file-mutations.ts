// Structure-aware mutations of valid tensor files for fuzzing the readers: header fields
// (.npy dict values, the safetensors length and JSON), zip directory entries (sizes,
// offsets, counts), pickle opcodes (bytes inside data.pkl), lengths and truncations.
// The invariant: a clean FileFormatError or a correct description, never another
// exception, a hang, or a read outside the file (the readers bound-check every read).
import fc from 'fast-check'

const EXTREMES = [0, 1, 0x7f, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0xffffffff, 2 ** 53, 2 ** 63]

function writeLE(b: Uint8Array, at: number, width: 2 | 4 | 8, v: number): void {
  let x = BigInt(Math.floor(v)) & ((1n << BigInt(width * 8)) - 1n)
  for (let i = 0; i < width && at + i < b.length; i++) {
    b[at + i] = Number(x & 0xffn)
    x >>= 8n
  }
}

/** Offsets of every zip record (local header, central directory entry, end record). */
function zipRecords(b: Uint8Array): { at: number; kind: 'local' | 'central' | 'end' }[] {
  const out: { at: number; kind: 'local' | 'central' | 'end' }[] = []
  for (let i = 0; i + 4 <= b.length; i++) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b) continue
    const k = (b[i + 2] << 8) | b[i + 3]
    if (k === 0x0304) out.push({ at: i, kind: 'local' })
    else if (k === 0x0102) out.push({ at: i, kind: 'central' })
    else if (k === 0x0506) out.push({ at: i, kind: 'end' })
  }
  return out
}

// Field offsets (and widths) inside each zip record that a reader trusts.
const ZIP_FIELDS: Record<string, [number, 2 | 4][]> = {
  local: [[8, 2], [18, 4], [22, 4], [26, 2], [28, 2]],
  central: [[10, 2], [20, 4], [24, 4], [28, 2], [30, 2], [42, 4]],
  end: [[8, 2], [10, 2], [12, 4], [16, 4], [20, 2]],
}

export type Mutation = (b: Uint8Array, r: () => number) => Uint8Array

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]

const MUTATIONS: Record<string, Mutation> = {
  flip: (b, r) => { if (b.length) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8); return b },
  truncate: (b, r) => b.slice(0, Math.floor(r() * b.length)),
  extend: (b, r) => { const o = new Uint8Array(b.length + 1 + Math.floor(r() * 64)); o.set(b); return o },
  extremeInt: (b, r) => { writeLE(b, Math.floor(r() * b.length), pick([2, 4, 8] as const, r), pick(EXTREMES, r)); return b },
  zipField: (b, r) => {
    const recs = zipRecords(b)
    if (!recs.length) return b
    const rec = pick(recs, r)
    const [off, width] = pick(ZIP_FIELDS[rec.kind], r)
    writeLE(b, rec.at + off, width, pick(EXTREMES, r))
    return b
  },
  safetensorsLength: (b, r) => { writeLE(b, 0, 8, pick([...EXTREMES, b.length - 8, b.length], r)); return b },
  headerNumber: (b, r) => {
    // A number in the first 4 KiB of text (the .npy dict, the safetensors JSON): shape, offsets.
    const head = new TextDecoder('latin1').decode(b.subarray(0, 4096))
    const nums = [...head.matchAll(/\d+/g)]
    if (!nums.length) return b
    const m = pick(nums, r)
    const repl = String(pick([0, 1, -1, 2 ** 31, 2 ** 53, 10 ** 20, 7], r))
    const text = head.slice(0, m.index) + repl + head.slice(m.index! + m[0].length)
    const enc = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)
    const o = new Uint8Array(enc.length + Math.max(0, b.length - 4096))
    o.set(enc)
    o.set(b.subarray(4096), enc.length)
    return o
  },
  headerWord: (b, r) => {
    // A quoted word of the header: descr '<f4' -> '|O', a dtype name, a key.
    const head = new TextDecoder('latin1').decode(b.subarray(0, 4096))
    const words = [...head.matchAll(/'([^']{1,12})'|"([^"]{1,12})"/g)]
    if (!words.length) return b
    const w = pick(words, r)
    const repl = pick(['<f4', '>f8', '|O', '<U3', 'V8', 'F16', 'I64', 'BOOL', 'data_offsets', 'shape', '', 'x'.repeat(40)], r)
    const q = w[0][0]
    const text = head.slice(0, w.index) + q + repl + q + head.slice(w.index! + w[0].length)
    const enc = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff)
    const o = new Uint8Array(enc.length + Math.max(0, b.length - 4096))
    o.set(enc)
    o.set(b.subarray(4096), enc.length)
    return o
  },
}

export const MUTATION_NAMES = Object.keys(MUTATIONS)

/** 1 to 4 mutations of `seed` (a copy), chosen and placed by the generator. */
export function mutantArb(seed: Uint8Array): fc.Arbitrary<{ bytes: Uint8Array; steps: string[] }> {
  return fc.tuple(fc.array(fc.constantFrom(...MUTATION_NAMES), { minLength: 1, maxLength: 4 }), fc.integer()).map(([steps, s]) => {
    let state = (s >>> 0) || 1
    const r = () => {
      state ^= state << 13; state >>>= 0
      state ^= state >>> 17
      state ^= state << 5; state >>>= 0
      return state / 2 ** 32
    }
    let bytes: Uint8Array = seed.slice()
    for (const m of steps) bytes = MUTATIONS[m](bytes, r)
    return { bytes, steps }
  })
}
