// The numpy/torch surface through the Runner: the operation log (OpRecord), variables(),
// object identity, engine errors as Python exceptions, warnings, unsupported operations.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'

describe('runner library surface', () => {
  it('records every engine operation with its line, source, inputs and result', () => {
    const r = new Runner()
    const res = r.run('import numpy as np\nimport torch\na = np.arange(6.).reshape(2, 3)\nt = torch.from_numpy(a.T)\nc = t.contiguous()\n')
    expect(res.error).toBeNull()
    const ops = res.ops.map(o => ({ op: o.op, line: o.line, copied: o.copied }))
    expect(ops.map(o => o.line)).toEqual([3, 3, 4, 4, 5])
    expect(res.ops[4].source).toBe('c = t.contiguous()')
    expect(res.ops[4].copied).toBe(true)
    expect(res.ops[4].bytes).toBe(48)
    expect(res.ops[3].copied).toBe(false)
    // from_numpy's input is the transposed array, its result the tensor bound to t.
    const vars = new Map(r.variables().map(v => [v.name, v.object.info().id]))
    expect([...vars.keys()]).toEqual(['a', 't', 'c'])
    expect(res.ops[3].resultId).toBe(vars.get('t'))
    expect(res.ops[4].inputIds).toEqual([vars.get('t')])
    expect(res.ops[4].resultId).toBe(vars.get('c'))
  })

  it('records where a write landed: the setitem target view, the whole destination of in-place ops and out=', () => {
    const r = new Runner()
    const res = r.run([
      'import numpy as np', 'import torch', 'a = np.zeros((4, 6), dtype=np.float32)', 't = torch.from_numpy(a)',
      'a[1:3, ::2] = 7', 't[2, 5] = 1', 't += 1', 't.copy_(t * 2)', 'np.add(a, 1, out=a)', 'x = a + 1', 'print(a[0, 0])',
    ].join('\n'))
    expect(res.error).toBeNull()
    const base = BigInt(r.variables().find(v => v.name === 'a')!.object.info().dataPtr)
    const wrote = res.ops.filter(o => o.wrote).map(o => ({
      line: o.line, at: Number(BigInt(o.wrote!.dataPtr) - base), shape: o.wrote!.shape, byteStrides: o.wrote!.byteStrides, itemsize: o.wrote!.itemsize
    }))
    expect(wrote).toEqual([
      { line: 5, at: 24, shape: [2, 3], byteStrides: [24, 8], itemsize: 4 },     // a[1:3, ::2]: row 1, every other float
      { line: 6, at: 68, shape: [], byteStrides: [], itemsize: 4 },              // t[2, 5]: byte 2*24 + 5*4
      { line: 7, at: 0, shape: [4, 6], byteStrides: [24, 4], itemsize: 4 },
      { line: 8, at: 0, shape: [4, 6], byteStrides: [24, 4], itemsize: 4 },
      { line: 9, at: 0, shape: [4, 6], byteStrides: [24, 4], itemsize: 4 },
    ])
    // The target views made to say where a setitem landed are not operations of the program.
    expect(res.ops.map(o => o.line)).toEqual([3, 4, 5, 6, 7, 8, 8, 9, 10, 11])
    expect(res.stdout).toBe('3.0\n')
  })

  it('keeps object identity: ops that return their input give the same Python object', () => {
    const res = new Runner().run([
      'import numpy as np', 'import torch', 'a = np.arange(4)', 't = torch.from_numpy(a)',
      'print(np.asarray(a) is a, torch.as_tensor(t) is t, t.contiguous() is t, t.view(2, 2) is t, a.T is a)',
    ].join('\n'))
    expect(res.stdout).toBe('True True True False False\n')
  })

  it('raises engine errors as the named Python exception with the exact text', () => {
    const res = new Runner().run([
      'import torch', 'try:', '    torch.arange(6).view(2, 3).t().view(6)', 'except RuntimeError as e:',
      '    print(type(e).__name__, "|", e)',
    ].join('\n'))
    expect(res.stdout).toBe("RuntimeError | view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.\n")
  })

  it('prints engine warnings to stderr as Python does, once for PyTorch\'s warn-once', () => {
    const res = new Runner().run([
      'import numpy as np', 'import torch', 'b = np.broadcast_to(np.arange(3.), (2, 3))',
      'for i in range(3):', '    t = torch.from_numpy(b)',
    ].join('\n'), 'w.py')
    expect(res.error).toBeNull()
    const lines = res.stderr.split('\n').filter(l => l.includes('UserWarning'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^w\.py:5: UserWarning: The given NumPy array is not writable, and PyTorch does not support non-writable tensors\./)
  })

  it('names operations the engine cannot do in a NotImplementedError', () => {
    const r = new Runner()
    for (const src of ['np.roll(a, 1)', 'np.pad(a, 1)', 'np.linalg.norm(a)', 'np.array2string(a)', "np.dtype('U5')"]) {
      const res = r.run(`import numpy as np\na = np.arange(4)\n${src}\n`)
      expect(res.error?.type, src).toBe('NotImplementedError')
    }
    expect(r.run('import numpy as np\nnp.not_a_function').error).toMatchObject({ type: 'AttributeError', message: "module 'numpy' has no attribute 'not_a_function'" })
  })

  it('in-place += on an array changes it in place (the same object), visible through views', () => {
    const res = new Runner().run('import numpy as np\na = np.zeros(4)\nv = a[1:3]\nb = a\na += 1\nv += 10\nprint(a is b, a)\n')
    expect(res.stdout).toBe('True [ 1. 11. 11.  1.]\n')
  })

  it('prints dtype, Size and device objects as Python does', () => {
    const res = new Runner().run([
      'import numpy as np', 'import torch',
      'print(np.dtype("float64"), repr(np.dtype("float64")), np.float32, torch.float32, torch.Size([2, 3]), repr(torch.device("cuda", 0)))',
    ].join('\n'))
    expect(res.stdout).toBe("float64 dtype('float64') <class 'numpy.float32'> torch.float32 torch.Size([2, 3]) device(type='cuda', index=0)\n")
  })

  it('reports a flags object like NumPy\'s', () => {
    const res = new Runner().run('import numpy as np\nprint(np.arange(6).reshape(2, 3).T.flags)\n')
    expect(res.stdout).toBe('  C_CONTIGUOUS : False\n  F_CONTIGUOUS : True\n  OWNDATA : False\n  WRITEABLE : True\n  ALIGNED : True\n  WRITEBACKIFCOPY : False\n\n')
  })
})

describe('with statement', () => {
  it('enters and leaves torch.no_grad(), binding `as` and letting exceptions through', () => {
    const res = new Runner().run([
      'import torch', 'with torch.no_grad() as g:', '    x = torch.ones(2) * 2', 'print(x, g)',
      'try:', '    with torch.no_grad():', '        raise ValueError("inside")', 'except ValueError as e:', '    print("caught", e)',
    ].join('\n'))
    expect(res.stdout).toBe('tensor([2., 2.]) None\ncaught inside\n')
  })
})
