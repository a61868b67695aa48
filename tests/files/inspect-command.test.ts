import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as inspect from '../../src/cli/commands/inspect'
import { fixture, tmpDir } from './helpers/fixtures'
import { f32Bytes, torchSave } from './helpers/torch-save'

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true })
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true })
  const code = await inspect.main(argv)
  vi.restoreAllMocks()
  return { code, out, err }
}

afterEach(() => vi.restoreAllMocks())

describe('stridescope inspect', () => {
  it('exports the command contract', () => {
    expect(typeof inspect.describe).toBe('string')
    expect(inspect.usage).toMatch(/^stridescope inspect FILE/)
  })

  it('prints the table for an F-ordered .npy', async () => {
    const { code, out } = await run([fixture('fortran_f4.npy')])
    expect(code).toBe(0)
    expect(out).toMatch(/^format: npy/)
    const row = out.split('\n').find((l) => l.startsWith('array'))!
    expect(row.split(/\s{2,}/)).toEqual(['array', 'float32 F', '(3, 4)', '(1, 3)', '(4, 12)', '0', 'data', '48', '-'])
  })

  it('shows a checkpoint whose small tensor views a big storage, and who shares', async () => {
    const dir = tmpDir()
    const p = path.join(dir, 'ckpt.pt')
    const s = { key: '0', type: 'FloatStorage', numel: 100, bytes: f32Bytes(Array.from({ length: 100 }, (_, i) => i)) }
    fs.writeFileSync(p, torchSave({ ordered: [['a', { tensor: { storage: '0', offset: 10, size: [2], stride: [1] } }], ['b', { tensor: { storage: '0', offset: 11, size: [3], stride: [1] } }]] }, [s]))
    const { code, out } = await run([p, '--values', '2'])
    expect(code).toBe(0)
    const rows = out.split('\n')
    expect(rows.find((l) => l.startsWith('a '))!.split(/\s{2,}/)).toEqual(['a', 'float32', '(2,)', '(1,)', '(4,)', '40 (10 el)', '0', '8', 'b'])
    expect(out).toContain('  0: 400 bytes on cpu; its entries view 20 of them')
    expect(out).toContain('  a: [10.0, 11.0]')
    expect(out).toContain('  b: [11.0, 12.0, ...]')
  })

  it('reports bad files with the Python error type and exit code 1', async () => {
    const dir = tmpDir()
    const p = path.join(dir, 'bad.npy')
    fs.writeFileSync(p, Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 9, 0, 0, 0]))
    const { code, err } = await run([p])
    expect(code).toBe(1)
    expect(err).toBe('ValueError: we only support format version (1,0), (2,0), and (3,0), not (9, 0)\n')
  })

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['a', 'b'])).code).toBe(2)
  })

  it('--json gives a plain description', async () => {
    const { code, out } = await run([fixture('stored.npz'), '--json'])
    expect(code).toBe(0)
    const d = JSON.parse(out)
    expect(d.format).toBe('npz')
    expect(d.entries.map((e: { name: string }) => e.name)).toEqual(['named', 'arr_0', 'arr_1'])
    expect(d.storages[0]).not.toHaveProperty('source')
  })

  it('prints float32 and float16 values as NumPy does', async () => {
    const { out } = await run([fixture('v1_complex64.npy'), '--values', '2'])
    expect(out).toContain('  array: [(0.0+1.0j), (0.33333334-1.3333334j), ...]')
    const half = await run([fixture('v1_float16.npy'), '--values', '3'])
    expect(half.out).toContain('  array: [0.0, 0.3333, -0.6665, ...]')
  })
})
