// The logical view's colours, one word per value: exactly what colorOf gives,
// stored into bytes, for every kind of value and range.
import { describe, expect, it } from 'vitest'
import { colorOf, colorWords, rangeOf, type ValueRange } from '../../../src/renderer/src/model/colormap'

/** colorOf's colour as a Uint8Array store writes it, packed as the texture's RGBA word. */
function viaColorOf(x: number, r: ValueRange): number {
  const rgb = colorOf(x, r, [0, 0, 0])
  const b = new Uint8Array([rgb[0] * 255, rgb[1] * 255, rgb[2] * 255, 255])
  return new Uint32Array(b.buffer)[0]
}

describe('colorWords', () => {
  const values: number[] = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, 1e-300, -1e300, 5e-324]
  let seed = 7
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  for (let i = 0; i < 20000; i++) values.push((rand() - 0.5) * 10 ** Math.floor(rand() * 12 - 6))
  const finite = Float64Array.from(values.filter(Number.isFinite))
  const ranges: Array<[string, ValueRange]> = [
    ['the values\' own range', rangeOf(finite)],
    ['a fixed range the values run past', { min: -0.25, max: 0.75, finite: 0 }],
    ['a constant (every value in the middle)', { min: 3, max: 3, finite: 1 }],
    ['the stops exactly', { min: 0, max: 1, finite: 2 }]
  ]
  for (const [name, r] of ranges) {
    it(`equals colorOf stored in bytes: ${name}`, () => {
      const xs = Float64Array.from([...values, 0.25, 0.5, 0.75, 1, r.min, r.max])
      const out = new Uint32Array(xs.length + 2)
      colorWords(xs, 0, xs.length, r, out, 1)
      const tail = new Uint32Array(3)
      colorWords(xs, xs.length - 3, 3, r, tail, 0)
      expect(Array.from(tail)).toEqual(Array.from(out.subarray(xs.length - 2, xs.length + 1)))
      expect(out[0]).toBe(0)
      expect(out[xs.length + 1]).toBe(0)
      xs.forEach((x, i) => expect(out[i + 1], `value ${x}`).toBe(viaColorOf(x, r)))
    })
  }
})
