// Splitting an IEEE float into the integer pieces Dragon4 works on.
//
// Values arrive as JS numbers (doubles). A float32 or float16 element is exactly
// representable as a double, so it is re-encoded here in its own format: the
// shortest digits that identify it depend on the spacing of *its* type, which
// is why np.float32(0.1) prints `0.1` and not `0.10000000149011612`.

export type FloatKind = 'float16' | 'float32' | 'float64'

/** value = (-1)^negative * mantissa * 2^exponent, as numpy/_core/src/multiarray/dragon4.c factors it. */
export interface FloatParts {
  negative: boolean
  /** 'finite' values carry mantissa/exponent; the others are printed by name. */
  kind: 'finite' | 'nan' | 'inf'
  mantissa: bigint
  exponent: number
  /** index of the highest set bit of the mantissa */
  mantissaBit: number
  /** true when the gap to the next value below is half the gap above (a power of two, not the smallest normal) */
  unequalMargins: boolean
}

interface Layout { mantBits: number; expBits: number; bias: number }
const LAYOUTS: Record<FloatKind, Layout> = {
  float16: { mantBits: 10, expBits: 5, bias: 15 },
  float32: { mantBits: 23, expBits: 8, bias: 127 },
  float64: { mantBits: 52, expBits: 11, bias: 1023 }
}

const scratch = new DataView(new ArrayBuffer(8))

/** The raw bits of `x` in the given format (rounding to nearest-even if `x` is not exactly representable). */
export function floatBits(x: number, kind: FloatKind): bigint {
  if (kind === 'float64') {
    scratch.setFloat64(0, x)
    return scratch.getBigUint64(0)
  }
  if (kind === 'float32') {
    scratch.setFloat32(0, x)
    return BigInt(scratch.getUint32(0))
  }
  return BigInt(toHalfBits(x))
}

/** Round a double to the nearest binary16 (ties to even) and return its 16 bits. */
export function toHalfBits(x: number): number {
  scratch.setFloat64(0, x)
  const hi = scratch.getUint32(0)
  const sign = (hi >>> 16) & 0x8000
  if (Number.isNaN(x)) return sign | 0x7e00
  const a = Math.abs(x)
  if (a === Infinity) return sign | 0x7c00
  if (a === 0) return sign
  // 65520 and above round to infinity in binary16
  if (a >= 65520) return sign | 0x7c00
  // Work in units of the smallest subnormal (2^-24) for subnormals, else scale to 11 significant bits.
  let e = Math.floor(Math.log2(a))
  if (2 ** e > a) e -= 1
  if (2 ** (e + 1) <= a) e += 1
  if (e < -14) {
    const units = roundHalfEven(a * 2 ** 24) // exact: scaling by a power of two
    return sign | units // units may reach 0x400, which is the smallest normal: same bit pattern
  }
  let m = roundHalfEven(a * 2 ** (10 - e)) // in [1024, 2048]
  if (m === 2048) { m = 1024; e += 1 }
  if (e > 15) return sign | 0x7c00
  return sign | ((e + 15) << 10) | (m - 1024)
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v)
  const d = v - f
  if (d > 0.5) return f + 1
  if (d < 0.5) return f
  return f % 2 === 0 ? f : f + 1
}

/** The binary16 value of 16 raw bits, as a double. */
export function halfBitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exp = (bits >> 10) & 0x1f
  const frac = bits & 0x3ff
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  if (exp === 0) return sign * frac * 2 ** -24
  return sign * (1024 + frac) * 2 ** (exp - 25)
}

/** Round a double to the nearest value of the given float type. */
export function roundToKind(x: number, kind: FloatKind): number {
  if (kind === 'float64') return x
  if (kind === 'float32') return Math.fround(x)
  return halfBitsToNumber(toHalfBits(x))
}

/** Factor `x` (as a value of `kind`) the way dragon4.c's Dragon4_PrintFloat_IEEE_binary* do. */
export function floatParts(x: number, kind: FloatKind): FloatParts {
  const { mantBits, expBits, bias } = LAYOUTS[kind]
  const bits = floatBits(x, kind)
  const totalBits = BigInt(mantBits + expBits)
  const negative = (bits >> totalBits) !== 0n
  const fracField = bits & ((1n << BigInt(mantBits)) - 1n)
  const expField = Number((bits >> BigInt(mantBits)) & ((1n << BigInt(expBits)) - 1n))
  const expMax = (1 << expBits) - 1
  if (expField === expMax) {
    return { negative, kind: fracField === 0n ? 'inf' : 'nan', mantissa: 0n, exponent: 0, mantissaBit: 0, unequalMargins: false }
  }
  if (expField !== 0) {
    return {
      negative,
      kind: 'finite',
      mantissa: (1n << BigInt(mantBits)) | fracField,
      exponent: expField - bias - mantBits,
      mantissaBit: mantBits,
      unequalMargins: expField !== 1 && fracField === 0n
    }
  }
  return {
    negative,
    kind: 'finite',
    mantissa: fracField,
    exponent: 1 - bias - mantBits,
    mantissaBit: fracField === 0n ? 0 : fracField.toString(2).length - 1,
    unequalMargins: false
  }
}
