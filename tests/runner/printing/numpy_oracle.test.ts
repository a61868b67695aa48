// NumPy is the oracle: every case's repr/str must match NumPy's byte for byte.

import { describe, expect, it } from 'vitest'
import {
  array2string, arrayFromFlat, formatNdarrayRepr, formatNdarrayStr, formatNumpyScalarRepr, formatNumpyScalarStr,
  formatPositional, formatScientific, numpyDtypeRepr, numpyDtypeStr, numpyFlagsRepr, pyComplexRepr, pyFloatRepr, pyFormatExp, pyFormatGeneral,
  pyFormatFixed, type DTypeName, type NumpyPrintOptions
} from '../../../src/runner/printing'
import { loadOracle } from './oracle_data'

const { oracle, reason } = loadOracle()
if (!oracle) console.log(`[skip] NumPy oracle printing tests: ${reason}`)
const d = oracle ? describe : describe.skip

d(`NumPy ${oracle?.numpy ?? '?'} arrays: repr and str`, () => {
  const cases = oracle?.cases ?? []
  it.each(cases.map((c, i) => [i, c.note || c.dtype, c] as const))('case %i (%s)', (_i, _n, c) => {
    const a = arrayFromFlat(c.dtype, c.shape, c.values)
    const opts = c.opts as Partial<NumpyPrintOptions>
    expect(formatNdarrayRepr(a, opts)).toBe(c.repr)
    expect(formatNdarrayStr(a, opts)).toBe(c.str)
  })
})

d('np.array2string with separator and prefix', () => {
  it('matches NumPy', () => {
    for (const c of oracle?.a2s ?? []) {
      const a = arrayFromFlat(c.dtype, c.shape, c.values)
      expect(array2string(a, {}, { separator: c.separator, prefix: c.prefix })).toBe(c.out)
    }
  })
})

d('NumPy scalars: repr and str', () => {
  it('matches every scalar', () => {
    const bad: string[] = []
    for (const s of oracle?.scalars ?? []) {
      const r = formatNumpyScalarRepr(s.dtype, s.value)
      const t = formatNumpyScalarStr(s.dtype, s.value)
      if (r !== s.repr || t !== s.str) bad.push(`${s.dtype} ${String(s.value)}: got ${r} / ${t}, want ${s.repr} / ${s.str}`)
    }
    expect(bad).toEqual([])
  })
})

d('Dragon4 against np.format_float_positional / _scientific on random bit patterns', () => {
  it('matches every value', () => {
    const bad: string[] = []
    for (const c of oracle?.dragon ?? []) {
      const o = { precision: c.precision, unique: c.unique, trim: c.trim }
      const p = formatPositional(c.value, c.kind, o)
      const s = formatScientific(c.value, c.kind, o)
      if (p !== c.positional) bad.push(`${c.kind} ${c.value} ${JSON.stringify(o)} positional: ${p} != ${c.positional}`)
      if (s !== c.scientific) bad.push(`${c.kind} ${c.value} ${JSON.stringify(o)} scientific: ${s} != ${c.scientific}`)
      if (c.positional_min !== null) {
        const pm = formatPositional(c.value, c.kind, { unique: true, minDigits: c.minDigits, trim: c.trim })
        if (pm !== c.positional_min) bad.push(`${c.kind} ${c.value} min_digits=${c.minDigits}: ${pm} != ${c.positional_min}`)
      }
    }
    expect(bad).toEqual([])
  })
})

d("Python float formatting (repr, 'f', 'e', 'g', widths)", () => {
  it('matches CPython for every value', () => {
    const bad: string[] = []
    for (const c of oracle?.pyfloat ?? []) {
      const got = {
        repr: pyFloatRepr(c.value), f4: pyFormatFixed(c.value, 4), e4: pyFormatExp(c.value, 4),
        f0: pyFormatFixed(c.value, 0), e4w12: pyFormatExp(c.value, 4, 12), f2: pyFormatFixed(c.value, 2),
        f10: pyFormatFixed(c.value, 10), e0: pyFormatExp(c.value, 0), g4: pyFormatGeneral(c.value, 4),
        g1: pyFormatGeneral(c.value, 1), g0: pyFormatGeneral(c.value, 0), g17: pyFormatGeneral(c.value, 17),
        galt: pyFormatGeneral(c.value, 3, true)
      }
      for (const k of Object.keys(got) as (keyof typeof got)[]) {
        if (got[k] !== c[k]) bad.push(`${c.value} ${k}: ${got[k]} != ${c[k]}`)
      }
    }
    expect(bad).toEqual([])
  })
  it('repr(complex) matches CPython', () => {
    const bad = (oracle?.pycomplex ?? []).filter((c) => pyComplexRepr(c.re, c.im) !== c.repr)
      .map((c) => `${c.re},${c.im}: ${pyComplexRepr(c.re, c.im)} != ${c.repr}`)
    expect(bad).toEqual([])
  })
})

d('np.dtype and ndarray.flags objects', () => {
  it('dtype repr and str', () => {
    for (const [dt, [r, s]] of Object.entries(oracle?.objects.dtypes ?? {})) {
      expect(numpyDtypeRepr(dt as DTypeName)).toBe(r)
      expect(numpyDtypeStr(dt as DTypeName)).toBe(s)
    }
  })
  it('flags repr and str', () => {
    for (const f of oracle?.objects.flags ?? []) {
      const text = numpyFlagsRepr({ cContiguous: f.c, fContiguous: f.f, ownsData: f.own, writeable: f.w, aligned: f.a })
      expect(text, f.name).toBe(f.repr)
      expect(text, f.name).toBe(f.str)
    }
  })
})
