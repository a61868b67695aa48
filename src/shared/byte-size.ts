// A size in bytes as people type it: the memory-cap setting in the app and
// `stridescope run --memory-cap`. "8G", "8 GiB", "512m", "1.5GiB" are binary
// (1G = 2^30 bytes); "8GB" is decimal (10^9); a bare number is bytes.

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 2 ** 10, kib: 2 ** 10, kb: 1e3,
  m: 2 ** 20, mib: 2 ** 20, mb: 1e6,
  g: 2 ** 30, gib: 2 ** 30, gb: 1e9,
  t: 2 ** 40, tib: 2 ** 40, tb: 1e12,
}

/** The number of bytes `text` names (rounded down to a whole byte), or null when it names none. */
export function parseByteSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)\s*$/i.exec(text)
  if (!m) return null
  const unit = UNITS[m[2].toLowerCase()]
  if (unit === undefined) return null
  const bytes = Math.floor(Number(m[1]) * unit)
  return Number.isSafeInteger(bytes) ? bytes : null
}
