// The Python lines behind every UI action. NumPy lines are run in real NumPy
// (when python3 has it) so a button can never produce code NumPy rejects.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import {
  conversionLine, copyLine, createLine, deleteLine, deviceLine, editLine, freshName, isValidName, parseIntList,
  valueLiteral, viewLine
} from '../../../src/renderer/src/model/pythonLines'

const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0
if (!numpy) console.log('[tests/renderer] NumPy oracle cases skipped: python3 with numpy is not available')

/** Runs each case (lines, then a printed probe) in one python3 process; returns each probe's output line. */
function runNumpy(cases: Array<[string[], string]>): string[] {
  const body = cases.map(([lines, probe]) => [...lines, `print(${probe})`].join('\n')).join('\n')
  const r = spawnSync('python3', ['-c', `import numpy as np\n${body}`], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${body}\n${r.stderr}`)
  return r.stdout.trim().split('\n')
}

describe('create lines', () => {
  it('spell each library its own way', () => {
    expect(createLine({ name: 'a', kind: 'tensor', fill: 'zeros', dtype: 'float32', shape: [2, 3] })).toBe('a = torch.zeros(2, 3, dtype=torch.float32)')
    expect(createLine({ name: 'a', kind: 'tensor', fill: 'arange', dtype: 'int64', shape: [2, 3], device: 'cuda:0' }))
      .toBe("a = torch.arange(6, dtype=torch.int64, device='cuda:0').reshape(2, 3)")
    expect(createLine({ name: 'a', kind: 'tensor', fill: 'rand', dtype: 'float64', shape: [4] })).toBe('a = torch.rand(4, dtype=torch.float64)')
    expect(createLine({ name: 'm', kind: 'tensor', fill: 'ones', dtype: 'bool', shape: [2] })).toBe('m = torch.ones(2, dtype=torch.bool)')
  })

  it('write a 0-d shape as () for both libraries', () => {
    expect(createLine({ name: 's', kind: 'tensor', fill: 'zeros', dtype: 'float32', shape: [] })).toBe('s = torch.zeros((), dtype=torch.float32)')
    expect(createLine({ name: 's', kind: 'ndarray', fill: 'ones', dtype: 'float64', shape: [] })).toBe('s = np.ones((), dtype=np.float64)')
    expect(createLine({ name: 's', kind: 'tensor', fill: 'arange', dtype: 'int64', shape: [] })).toBe('s = torch.arange(1, dtype=torch.int64).reshape(())')
  })

  it.skipIf(!numpy)('NumPy lines run in NumPy and make the asked shape and dtype', () => {
    const cases: Array<[Parameters<typeof createLine>[0], string]> = [
      [{ name: 'a', kind: 'ndarray', fill: 'arange', dtype: 'float32', shape: [3, 4] }, '(3, 4) float32'],
      [{ name: 'a', kind: 'ndarray', fill: 'zeros', dtype: 'int16', shape: [2, 2, 2] }, '(2, 2, 2) int16'],
      [{ name: 'a', kind: 'ndarray', fill: 'ones', dtype: 'bool', shape: [5] }, '(5,) bool'],
      [{ name: 'a', kind: 'ndarray', fill: 'rand', dtype: 'float32', shape: [2, 3] }, '(2, 3) float32'],
      [{ name: 'a', kind: 'ndarray', fill: 'rand', dtype: 'float64', shape: [4] }, '(4,) float64'],
      [{ name: 'a', kind: 'ndarray', fill: 'empty', dtype: 'complex64', shape: [] }, '() complex64'],
      [{ name: 'a', kind: 'ndarray', fill: 'arange', dtype: 'uint8', shape: [7] }, '(7,) uint8']
    ]
    const out = runNumpy(cases.map(([spec]) => [[createLine(spec)], 'a.shape, a.dtype']))
    expect(out).toEqual(cases.map(([, want]) => want))
  })
})

describe('view lines', () => {
  it('tensor spelling', () => {
    expect(viewLine('b', 'a', 'tensor', { op: 'transpose', dim0: 0, dim1: 1 })).toBe('b = a.transpose(0, 1)')
    expect(viewLine('b', 'a', 'tensor', { op: 'permute', dims: [2, 0, 1] })).toBe('b = a.permute(2, 0, 1)')
    expect(viewLine('b', 'a', 'tensor', { op: 'expand', shape: [3, 4] })).toBe('b = a.expand(3, 4)')
    expect(viewLine('b', 'a', 'tensor', { op: 'view', shape: [6] })).toBe('b = a.view(6)')
    expect(viewLine('b', 'a', 'tensor', { op: 'as_strided', shape: [2, 2], strides: [1, 2], offset: null })).toBe('b = a.as_strided((2, 2), (1, 2))')
    expect(viewLine('b', 'a', 'tensor', { op: 'as_strided', shape: [2], strides: [1], offset: 3 })).toBe('b = a.as_strided((2,), (1,), 3)')
  })

  it.skipIf(!numpy)('NumPy spelling runs in NumPy with the expected shape and strides', () => {
    const a = 'a = np.arange(12, dtype=np.float64).reshape(3, 4)'
    const c: Array<[Parameters<typeof viewLine>[3], string]> = [
      [{ op: 'T' }, '(4, 3) (8, 32)'],
      [{ op: 'slice', spec: '1:, ::2' }, '(2, 2) (32, 16)'],
      [{ op: 'transpose', dim0: 0, dim1: 1 }, '(4, 3) (8, 32)'],
      [{ op: 'permute', dims: [1, 0] }, '(4, 3) (8, 32)'],
      [{ op: 'reshape', shape: [2, 6] }, '(2, 6) (48, 8)'],
      [{ op: 'view', shape: [12] }, '(12,) (8,)'],
      [{ op: 'as_strided', shape: [2, 2], strides: [8, 32], offset: null }, '(2, 2) (8, 32)']
    ]
    const out = runNumpy([
      ...c.map(([op]): [string[], string] => [[a, viewLine('b', 'a', 'ndarray', op)], 'b.shape, b.strides, np.shares_memory(a, b)']),
      [['a = np.arange(3.)', viewLine('b', 'a', 'ndarray', { op: 'expand', shape: [2, 3] })], 'b.shape, b.strides, np.shares_memory(a, b)']
    ])
    // Every one of these is a view: it shares memory with a.
    expect(out).toEqual([...c.map(([, want]) => `${want} True`), '(2, 3) (0, 8) True'])
  })
})

describe('conversions, copies, moves, edits', () => {
  it('build the library calls', () => {
    expect(conversionLine('t', 'a', 'from_numpy')).toBe('t = torch.from_numpy(a)')
    expect(conversionLine('n', 't', 'numpy')).toBe('n = t.numpy()')
    expect(conversionLine('n', 't', 'asarray')).toBe('n = np.asarray(t)')
    expect(copyLine('c', 't', 'contiguous')).toBe('c = t.contiguous()')
    expect(copyLine('c', 'a', 'ascontiguousarray')).toBe('c = np.ascontiguousarray(a)')
    expect(deviceLine('g', 't', { op: 'cuda' })).toBe('g = t.cuda()')
    expect(deviceLine('g', 't', { op: 'to', device: 'cuda:0' })).toBe("g = t.to('cuda:0')")
    expect(deviceLine('p', 't', { op: 'pin_memory' })).toBe('p = t.pin_memory()')
    expect(editLine('a', [1, 2], '5.0')).toBe('a[1, 2] = 5.0')
    expect(editLine('s', [], '1')).toBe('s[()] = 1')
    expect(deleteLine('a')).toBe('del a')
  })

  it.skipIf(!numpy)('an edit line writes through NumPy', () => {
    expect(runNumpy([
      [['a = np.zeros((2, 3))', editLine('a', [1, 2], valueLiteral('float64', '7.5')!)], 'a[1, 2]'],
      [['a = np.zeros(2)', editLine('a', [0], valueLiteral('float64', '-inf')!)], 'a[0]']
    ])).toEqual(['7.5', '-inf'])
  })

  it('checks values against the dtype', () => {
    expect(valueLiteral('int32', '12')).toBe('12')
    expect(valueLiteral('int32', '1.5')).toBeNull()
    expect(valueLiteral('bool', '1')).toBe('True')
    expect(valueLiteral('float32', '1e-3')).toBe('1e-3')
    expect(valueLiteral('float32', 'nan')).toBe("float('nan')")
    expect(valueLiteral('float32', 'x')).toBeNull()
    expect(valueLiteral('complex64', '1+2j')).toBe('1+2j')
  })
})

describe('names and integer lists', () => {
  it('refuses keywords and the library names, and finds a free one', () => {
    expect(isValidName('b2')).toBe(true)
    for (const bad of ['2b', 'del', 'np', 'torch', 'a-b', '']) expect(isValidName(bad)).toBe(false)
    expect(freshName(['a', 'b'])).toBe('c')
    expect(freshName('abcdefghijklmnopqrstuvwxyz'.split(''))).toBe('a1')
  })

  it('parses shapes written the Python way', () => {
    expect(parseIntList('(2, 3)')).toEqual([2, 3])
    expect(parseIntList('[4]')).toEqual([4])
    expect(parseIntList('5,')).toEqual([5])
    expect(parseIntList('')).toEqual([])
    expect(parseIntList('2, -1')).toBeNull()
    expect(parseIntList('2, -1', true)).toEqual([2, -1])
    expect(parseIntList('2, x')).toBeNull()
  })
})

describe('imports a UI action needs', () => {
  it('asks only for modules the line names and the session has not imported', async () => {
    const { missingImports } = await import('../../../src/renderer/src/model/pythonLines')
    expect(missingImports('t = torch.from_numpy(a)', [])).toEqual(['import torch'])
    expect(missingImports('b = np.asarray(t)', [{ code: 'import numpy as np\nimport torch', ok: true }])).toEqual([])
    // A failed import does not count.
    expect(missingImports('b = np.asarray(t)', [{ code: 'import numpy as np', ok: false }])).toEqual(['import numpy as np'])
    expect(missingImports('b = a.T', [])).toEqual([])
  })
})

describe('shapeProblem: why the create form refuses a shape', () => {
  it('names the part that is not a size', async () => {
    const { shapeProblem } = await import('../../../src/renderer/src/model/pythonLines')
    expect(shapeProblem('3, 4')).toBeNull()
    expect(shapeProblem('3, -4')).toBe('size -4 is negative: every size is 0 or more')
    expect(shapeProblem('2.5')).toBe('size 2.5 is not a whole number')
    expect(shapeProblem('3, x')).toBe("'x' is not a size: a shape is whole numbers separated by commas, e.g. 3, 4")
    expect(shapeProblem('3,,4')).toBe('a shape is sizes separated by commas, e.g. 3, 4 (one size: 5,)')
  })
})
