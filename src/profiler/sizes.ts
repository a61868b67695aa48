// Sizes on the command line and in the sweep form ("1K,1M,64M" = KiB, MiB, GiB
// in binary units, as memory is sized; "4K..64M" every power of two between,
// "4K..64M*4" in steps of ×4) and the operand shapes a size maps to.

const UNITS: Record<string, number> = { '': 1, B: 1, K: 1 << 10, KB: 1 << 10, KIB: 1 << 10, M: 1 << 20, MB: 1 << 20, MIB: 1 << 20, G: 1 << 30, GB: 1 << 30, GIB: 1 << 30 }
/** The largest operand a sweep accepts (the machine has to hold several at once). */
export const MAX_SWEEP_BYTES = 4 * 2 ** 30

export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text)
  const unit = m ? UNITS[m[2].toUpperCase()] : undefined
  if (!m || unit === undefined) throw new Error(`bad size '${text}' (use e.g. 4K, 1M, 64M, 1G)`)
  const bytes = Math.floor(Number(m[1]) * unit)
  if (bytes < 1 || bytes > MAX_SWEEP_BYTES) throw new Error(`size '${text}' is out of range (1 B to 4G)`)
  return bytes
}

/** Most sizes one list may expand to (a sweep is sizes × ops cells). */
export const MAX_SIZES = 32

/** `A..B` or `A..B*F`: A, A·F, A·F², ... up to B (F a whole factor >= 2, default 2). */
function parseRange(text: string): number[] {
  const m = /^(.+?)\.\.(.+?)(?:\*(\d+))?$/.exec(text.trim())
  if (!m) return [parseSize(text)]
  const [lo, hi, factor] = [parseSize(m[1]), parseSize(m[2]), m[3] === undefined ? 2 : Number(m[3])]
  if (lo > hi) throw new Error(`bad range '${text}': ${m[1]} is above ${m[2]}`)
  if (!Number.isSafeInteger(factor) || factor < 2) throw new Error(`bad range '${text}': the step is a factor of at least 2`)
  const out: number[] = []
  for (let b = lo; b <= hi && out.length <= MAX_SIZES; b *= factor) out.push(b)
  return out
}

export function parseSizes(list: string): number[] {
  const out = list.split(',').filter((s) => s.trim() !== '').flatMap(parseRange)
  if (out.length === 0) throw new Error('no sizes given')
  const sizes = [...new Set(out)].sort((a, b) => a - b)
  if (sizes.length > MAX_SIZES) throw new Error(`at most ${MAX_SIZES} sizes (got ${sizes.length})`)
  return sizes
}

export function formatSize(bytes: number): string {
  for (const [u, n] of [['G', 1 << 30], ['M', 1 << 20], ['K', 1 << 10]] as const) {
    if (bytes >= n && bytes % n === 0) return `${bytes / n}${u}`
  }
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)}M`
  if (bytes >= 1 << 10) return `${(bytes / (1 << 10)).toFixed(1)}K`
  return `${bytes}B`
}

/** Largest divisor of n that is at most sqrt(n): the rows of the squarest 2-D shape with n elements. */
function squarishRows(n: number): number {
  for (let r = Math.floor(Math.sqrt(n)); r > 1; r--) if (n % r === 0) return r
  return 1
}

/** Elements of `itemsize` bytes that fit in `bytes` (at least one). */
export function elementsFor(bytes: number, itemsize: number): number {
  return Math.max(1, Math.floor(bytes / itemsize))
}

/** A 1-D shape of `bytes`. */
export function shape1d(bytes: number, itemsize: number): number[] {
  return [elementsFor(bytes, itemsize)]
}

/** The squarest [rows, cols] with exactly that many elements (a transpose's worst and usual case). */
export function shape2d(bytes: number, itemsize: number): number[] {
  const n = elementsFor(bytes, itemsize)
  const r = squarishRows(n)
  return [r, n / r]
}

/** An NCHW shape: C = 64 channels when the size allows (a conv feature map), H×W as square as it divides. */
export function shapeNchw(bytes: number, itemsize: number): number[] {
  const n = elementsFor(bytes, itemsize)
  let c = 64
  while (c > 1 && n % c !== 0) c >>= 1
  const hw = n / c
  const h = squarishRows(hw)
  return [1, c, h, hw / h]
}
