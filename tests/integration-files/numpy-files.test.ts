// np.save / np.load / np.savez through real files: the runner's files load in NumPy with
// the same values, shape and order, and NumPy's files load in the runner the same way.
import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Runner } from '../../src/runner'
import { numpy, numpyProblem, run, runError, tempDir } from './helpers'

const noNumpy = numpyProblem()
if (noNumpy) console.log(`skipping the NumPy oracle checks: ${noNumpy}`)
const FIXTURES = resolve(__dirname, '..', 'fixtures', 'files')

const dir = tempDir()
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const p = (name: string) => join(dir, name).replace(/\\/g, '/')

describe('np.save / np.load in the runner', () => {
  it('round-trips C, F and non-contiguous arrays with their layout', () => {
    const r = new Runner()
    const out = run(r, [
      'import numpy as np',
      'a = np.arange(12, dtype=np.int32).reshape(3, 4)',
      `np.save('${p('c')}', a)`,
      `np.save('${p('f.npy')}', a.T)`,
      `np.save('${p('nc.npy')}', a[:, ::2])`,
      `c = np.load('${p('c.npy')}')`,
      `f = np.load('${p('f.npy')}')`,
      `nc = np.load('${p('nc.npy')}')`,
      'print(c.strides, c.flags.c_contiguous, c.dtype)',
      'print(f.strides, f.flags.f_contiguous, f.tolist())',
      'print(nc.strides, nc.tolist())',
      'print(c.flags.writeable, c.flags.owndata)',
    ].join('\n'))
    expect(out).toBe([
      '(16, 4) True int32',
      '(4, 16) True [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]',
      '(8, 4) [[0, 2], [4, 6], [8, 10]]',
      'True True',
      '',
    ].join('\n'))
  })

  it("mmap_mode='r' gives a read-only view of the file; 'c' a writable private copy", () => {
    const r = new Runner()
    run(r, `import numpy as np\nnp.save('${p('m.npy')}', np.arange(6.0).reshape(2, 3))`)
    expect(run(r, `m = np.load('${p('m.npy')}', mmap_mode='r')\nprint(m.flags.writeable, m.flags.owndata, m[1, 2])`)).toBe('False False 5.0\n')
    expect(runError(r, 'm[0, 0] = 1.0')).toBe('ValueError: assignment destination is read-only')
    expect(run(r, `w = np.load('${p('m.npy')}', mmap_mode='c')\nw[0, 0] = 42.0\nprint(w[0, 0], np.load('${p('m.npy')}')[0, 0])`)).toBe('42.0 0.0\n')
    expect(runError(r, `np.load('${p('m.npy')}', mmap_mode='x')`)).toBe(
      "ValueError: mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write']")
  })

  it('big-endian files keep their byte order and read the right values', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8')).npy.big_f8
    const r = new Runner()
    const out = run(r, `import numpy as np\nb = np.load('${FIXTURES}/big_f8.npy')\nprint(b.shape, b.strides)\nprint(b.tolist())`)
    expect(out.split('\n')[0]).toBe(`(${expected.shape.join(', ')}) (${expected.strides.join(', ')})`)
    expect(JSON.parse(out.split("\n")[1]).flat()).toEqual(expected.values)
  })

  it('np.savez / np.savez_compressed make an NpzFile with keys', () => {
    const r = new Runner()
    const out = run(r, [
      'import numpy as np',
      'x = np.arange(4)',
      'y = np.ones((2, 2), dtype=np.float32)',
      `np.savez('${p('z')}', x, y=y)`,
      `np.savez_compressed('${p('zc.npz')}', x=x)`,
      `f = np.load('${p('z.npz')}')`,
      'print(f.files, f["arr_0"].tolist(), f["y"].dtype)',
      `print(np.load('${p('zc.npz')}')['x'].tolist())`,
    ].join('\n'))
    expect(out).toBe("['arr_0', 'y'] [0, 1, 2, 3] float32\n[0, 1, 2, 3]\n")
    expect(runError(r, "f['nope']")).toBe("KeyError: 'nope is not a file in the archive'")
  })

  it('refuses what np.load refuses, with its errors', () => {
    const r = new Runner()
    run(r, 'import numpy as np')
    expect(runError(r, `np.load('${p('missing.npy')}')`)).toBe(`FileNotFoundError: [Errno 2] No such file or directory: '${p('missing.npy')}'`)
    expect(runError(r, `np.load('${FIXTURES}/object.npy')`)).toBe('ValueError: Object arrays cannot be loaded when allow_pickle=False')
  })
})

describe.skipIf(!!noNumpy)('NumPy oracle: files cross between the runner and NumPy', () => {
  it('a file the runner saved loads in NumPy with the same values, shape and order', () => {
    const r = new Runner()
    run(r, [
      'import numpy as np',
      'a = np.arange(24, dtype=np.float64).reshape(2, 3, 4)',
      `np.save('${p('o_c.npy')}', a)`,
      `np.save('${p('o_f.npy')}', a.transpose(2, 1, 0))`,
      `np.save('${p('o_nc.npy')}', a[:, ::-1, 1::2])`,
      `np.savez('${p('o_z.npz')}', a, b=a[0])`,
    ].join('\n'))
    const got = numpy([
      'import numpy as np',
      'a = np.arange(24, dtype=np.float64).reshape(2, 3, 4)',
      `c = np.load('${p('o_c.npy')}'); f = np.load('${p('o_f.npy')}'); nc = np.load('${p('o_nc.npy')}'); z = np.load('${p('o_z.npz')}')`,
      'print(np.array_equal(c, a), c.flags.c_contiguous)',
      'print(np.array_equal(f, a.transpose(2, 1, 0)), f.flags.f_contiguous and not f.flags.c_contiguous)',
      'print(np.array_equal(nc, a[:, ::-1, 1::2]), nc.strides)',
      "print(sorted(z.files), np.array_equal(z['arr_0'], a), np.array_equal(z['b'], a[0]))",
    ].join('\n'))
    expect(got).toBe("True True\nTrue True\nTrue (48, 16, 8)\n['arr_0', 'b'] True True\n")
  })

  it('files NumPy saved (F order, big-endian, npz) load in the runner with the same layout', () => {
    numpy([
      'import numpy as np',
      'a = np.asfortranarray(np.arange(6, dtype=np.int16).reshape(2, 3))',
      `np.save('${p('n_f.npy')}', a)`,
      `np.save('${p('n_be.npy')}', np.arange(3, dtype='>i4'))`,
      `np.savez_compressed('${p('n_z.npz')}', w=a, v=np.float32([1.5]))`,
    ].join('\n'))
    const r = new Runner()
    const out = run(r, [
      'import numpy as np',
      `f = np.load('${p('n_f.npy')}')`,
      'print(f.strides, f.tolist())',
      `be = np.load('${p('n_be.npy')}')`,
      'print(be.tolist(), be[2] * 2, be.sum())',
      `z = np.load('${p('n_z.npz')}')`,
      "print(z['w'].strides, z['v'].tolist())",
    ].join('\n'))
    expect(out).toBe('(2, 4) [[0, 1, 2], [3, 4, 5]]\n[0, 1, 2] 4 3\n(2, 4) [1.5]\n')
  })

  it.skipIf(!!noNumpy)('a big-endian array prints its dtype as NumPy does', () => {
    numpy(`import numpy as np\nnp.save('${p('be_print.npy')}', np.array([1.5, 2], dtype='>f8'))`)
    const program = [
      'import numpy as np',
      `b = np.load('${p('be_print.npy')}')`,
      'print(repr(b)); print(b)',
      'print(b.dtype, repr(b.dtype), b.dtype.byteorder, b.dtype.str, b.dtype.isnative)',
      "print(b.dtype == np.float64, b.dtype == np.dtype('>f8'), b.dtype == '>f8')",
      "print(repr(np.dtype('>i4')), np.dtype('f8').byteorder, np.dtype('u1').byteorder)",
    ].join('\n')
    expect(run(new Runner(), program)).toBe(numpy(program))
  })
})
