// pow(base, exp, mod): Python's three-argument pow on ints (bool counts as int).
import type { PyValue } from './values'
import { pyErr } from './exceptions'

function isInt(v: PyValue): v is bigint | boolean {
  return typeof v === 'bigint' || typeof v === 'boolean'
}

/** Python's x % m (the result takes the sign of m). */
function floorMod(x: bigint, m: bigint): bigint {
  const r = x % m
  return r !== 0n && (r < 0n) !== (m < 0n) ? r + m : r
}

/** The inverse of a modulo m (m > 0), or null when they share a factor. */
function inverse(a: bigint, m: bigint): bigint | null {
  let [r0, r1] = [floorMod(a, m), m]
  let [s0, s1] = [1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  return r0 === 1n ? floorMod(s0, m) : null
}

export function modPow(baseV: PyValue, expV: PyValue, modV: PyValue): bigint {
  if (!isInt(baseV) || !isInt(expV) || !isInt(modV)) {
    throw pyErr('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers')
  }
  const mod = BigInt(modV)
  let base = BigInt(baseV)
  let exp = BigInt(expV)
  if (mod === 0n) throw pyErr('ValueError', 'pow() 3rd argument cannot be 0')
  const m = mod < 0n ? -mod : mod
  if (exp < 0n) {
    const inv = inverse(base, m)
    if (inv === null) throw pyErr('ValueError', 'base is not invertible for the given modulus')
    base = inv
    exp = -exp
  }
  let result = 1n % m
  base = floorMod(base, m)
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % m
    base = (base * base) % m
    exp >>= 1n
  }
  return floorMod(result, mod)
}
