// Property: for random expanded / as_strided / sliced / transposed views of one storage and
// every in-place write (arithmetic, in-place operators, copy_, indexed assignment, fill_),
// the runner raises exactly when PyTorch does, with PyTorch's text; a refused write leaves
// the storage unchanged; and where PyTorch's result is determined (the written-to view has
// no repeated element and shares none with the input, or shares all in the same order)
// the runner writes the same values. Cases come from fast-check with a fixed seed and are
// answered by real PyTorch in one batch.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { loadAddon } from '../../../src/engine'
import { pythonLacks, runInPython, runInRunner, TORCH_PYTHON } from '../python-oracle'

const STORAGE = 24 // b = torch.arange(24.)

/** A view of b as Python text, always in bounds. */
const dim = fc.integer({ min: 1, max: 3 })
const view: fc.Arbitrary<string> = fc.oneof(
  // a contiguous block viewed 2-d, maybe transposed
  fc.record({ o: fc.integer({ min: 0, max: 15 }), r: dim, c: dim, t: fc.boolean() })
    .map(({ o, r, c, t }) => `b[${o}:${o + r * c}].view(${r}, ${c})${t ? '.t()' : ''}`),
  // a row expanded over new rows, or a column over new columns
  fc.record({ o: fc.integer({ min: 0, max: 20 }), r: dim, c: dim, col: fc.boolean() })
    .map(({ o, r, c, col }) => (col ? `b[${o}:${o + r}].view(${r}, 1).expand(${r}, ${c})` : `b[${o}:${o + c}].expand(${r}, ${c})`)),
  // any strides (0 included) that stay inside the storage
  fc.record({ r: dim, c: dim, s0: fc.integer({ min: 0, max: 4 }), s1: fc.integer({ min: 0, max: 4 }), o: fc.integer({ min: 0, max: 23 }) })
    .filter(({ r, c, s0, s1, o }) => o + (r - 1) * s0 + (c - 1) * s1 < STORAGE)
    .map(({ r, c, s0, s1, o }) => `b.as_strided((${r}, ${c}), (${s0}, ${s1}), ${o})`),
  // a strided slice of a 2-d view
  fc.record({ i: fc.integer({ min: 0, max: 1 }), j: fc.integer({ min: 0, max: 2 }), k0: fc.integer({ min: 1, max: 2 }), k1: fc.integer({ min: 1, max: 2 }) })
    .map(({ i, j, k0, k1 }) => `b.view(4, 6)[${i}::${k0 + 1}, ${j}:${j + 3}:${k1}]`),
)

const input: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: view },
  { weight: 1, arbitrary: fc.constantFrom('2.0', 'torch.tensor(3.)', 'torch.ones(3)', 'torch.full((2, 3), 5.)') },
)

const WRITES = ['d.add_(s)', 'd.sub_(s)', 'd.mul_(s)', 'd.copy_(s)', 'd[...] = s', 'd += s', 'd[0] = s', 'd.fill_(4)', 'd.zero_()']
const write = fc.constantFrom(...WRITES)

interface Case { dst: string; src: string; write: string }
const caseArb: fc.Arbitrary<Case> = fc.record({ dst: view, src: input, write })

function snippet(c: Case, withVerdict: boolean): string {
  return `import torch
b = torch.arange(${STORAGE}.)
d = ${c.dst}
s = ${c.src}
def write():
    global d
    ${c.write}
try:
    write()
    print('ok')
except Exception as e:
    print(type(e).__name__ + ': ' + str(e))
print(b.tolist())
` + (withVerdict ? VERDICT.replace('SRC_VIEWS_B', c.src.startsWith('b') ? 'True' : 'False') : '')
}

// PyTorch's result is determined when no element is written twice and the input shares
// no element with the written-to view except the same element at the same index.
const VERDICT = `
import itertools
def addrs(t):
    return [t.storage_offset() + sum(i * st for i, st in zip(ix, t.stride())) for ix in itertools.product(*map(range, t.shape))]
dst = addrs(d)
src = addrs(s) if SRC_VIEWS_B else []
print('DETERMINED' if len(set(dst)) == len(dst) and (not set(dst) & set(src) or dst == src) else 'UNDETERMINED')
`

let skip = pythonLacks(TORCH_PYTHON, 'torch')
if (!skip) {
  try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
}
if (skip) console.log(`[torch-overlap-property] skipped: ${skip}`)

describe.skipIf(!!skip)('random views and in-place writes: the runner refuses exactly as PyTorch does', () => {
  const cases = fc.sample(caseArb, { seed: 19, numRuns: 400 })
  const oracle = skip ? [] : runInPython(TORCH_PYTHON, cases.map(c => snippet(c, true)))
  const original = `[${[...Array(STORAGE).keys()].map(i => i.toFixed(1)).join(', ')}]`

  it('covers refusals of both kinds and allowed overlapping writes', () => {
    const verdicts = oracle.map(o => o.stdout.split('\n')[0])
    expect(verdicts.some(v => v.includes('more than one element of the written-to tensor'))).toBe(true)
    expect(verdicts.some(v => v.includes('some elements of the input tensor'))).toBe(true)
    expect(oracle.some(o => o.stdout.includes('UNDETERMINED') && o.stdout.startsWith('ok'))).toBe(true)
  })

  it('raises the same error, writes nothing when it raises, and the same values when determined', () => {
    const failures: string[] = []
    cases.forEach((c, i) => {
      const [verdict, storage, determined] = oracle[i].stdout.split('\n')
      if (oracle[i].error) throw new Error(`oracle could not run ${JSON.stringify(c)}: ${oracle[i].error}`)
      const mine = runInRunner(snippet(c, false))
      const [myVerdict, myStorage] = mine.stdout.split('\n')
      const label = `${c.write} with d = ${c.dst}, s = ${c.src}`
      if (mine.error) failures.push(`${label}: runner failed: ${mine.error}`)
      else if (myVerdict !== verdict) failures.push(`${label}: runner ${myVerdict} / torch ${verdict}`)
      else if (verdict !== 'ok' && myStorage !== original) failures.push(`${label}: wrote ${myStorage} though it raised`)
      else if (verdict === 'ok' && determined === 'DETERMINED' && myStorage !== storage) failures.push(`${label}: runner ${myStorage} / torch ${storage}`)
    })
    expect(failures).toEqual([])
  })
})
