// sorted() and list.sort() of lists of only ints or only floats take a native path (one pass
// over a run already in order, else a sort of doubles); these lists, with ties, runs either way,
// -0.0, ints past 2**53 and mixed types, must come out exactly as CPython sorts them (stable:
// equal items keep their order, so 0.0 and -0.0 stay as they came). A list with nan is left to
// the general sort (nan has no order, and where it lands is timsort's own business).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pythonLacks, runInPython, runInRunner } from '../python-oracle'

const lacks = pythonLacks('python3', 'sys')
if (lacks) console.log(`[sorted-numbers] skipped: ${lacks}`)

const intItem = fc.oneof(fc.integer({ min: -3, max: 3 }).map(String), fc.constantFrom('2**53 + 1', '2**53', '-(2**60)', '10**20'))
const floatItem = fc.oneof(fc.integer({ min: -3, max: 3 }).map((i) => `${i / 2}`), fc.constantFrom('-0.0', '0.0', "float('inf')", '1e300'))
const anyItem = fc.oneof(intItem, floatItem, fc.constant('True'))
/** A list literal; sometimes sorted or reversed first, so runs in order are common. */
const list = (item: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(item, { maxLength: 9 }), fc.constantFrom('', 'sorted', 'reversed')).map(([xs, how]) => {
    const lit = `[${xs.join(', ')}]`
    return how === 'sorted' ? `sorted(${lit})` : how === 'reversed' ? `sorted(${lit}, reverse=True)` : lit
  })

describe.skipIf(lacks !== null)('sorted() of numbers matches CPython', () => {
  it('ints, floats (with -0.0), ties, runs either way, and mixed lists', () => {
    const lists = fc.sample(fc.oneof(list(intItem), list(floatItem), list(anyItem)), { numRuns: 400, seed: 18 })
    // repr() tells 0.0 from -0.0; id-free, so the order of equal items shows.
    const snippets = lists.map((l) => [
      `xs = ${l}`,
      'print(repr(sorted(xs)), repr(sorted(xs, reverse=True)))',
      'ys = list(xs)', 'ys.sort()', 'zs = list(xs)', 'zs.sort(reverse=True)', 'print(repr(ys), repr(zs))'
    ].join('\n'))
    const want = runInPython('python3', snippets)
    const differ = snippets.map((s, i) => ({ s, want: want[i], got: runInRunner(s) })).filter((c) => c.got.stdout !== c.want.stdout || c.got.error !== c.want.error)
    expect(differ.slice(0, 3)).toEqual([])
  })
})
