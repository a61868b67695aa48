// torch.load (weights_only=True) and safetensors through real files: the object tree comes
// back with tensors that keep their shared storages, offsets and strides; other globals are
// refused with torch's message.
import { afterAll, describe, expect, it } from 'vitest'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Runner } from '../../src/runner'
import { fixture, torchExpected } from '../files/helpers/fixtures'
import { f32Bytes, torchSave, type StorageSpec } from '../files/helpers/torch-save'
import { run, runError, tempDir } from './helpers'

const dir = tempDir()
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const p = (name: string) => join(dir, name).replace(/\\/g, '/')

const six: StorageSpec = { key: '0', type: 'FloatStorage', numel: 6, bytes: f32Bytes([0, 1, 2, 3, 4, 5]) }
const big: StorageSpec = { key: '1', type: 'FloatStorage', numel: 1000, bytes: f32Bytes(Array.from({ length: 1000 }, (_, i) => i)) }

describe('torch.load in the runner', () => {
  // Files torch.save wrote (tests/fixtures/files/make_torch_fixtures.py) whose tensors sit at
  // the top level: each comes back with torch's dtype, layout, storage size, grad flag and sharing.
  for (const file of ['pt_state_dict', 'pt_views', 'pt_dtypes', 'pt_scalar']) {
    it(`${file}.pt loads with the layout torch.load gives`, () => {
      const exp = torchExpected.pt[file]
      const path = fixture(`${file}.pt`).replace(/\\/g, '/')
      const out = run(new Runner(), [
        'import torch',
        `obj = torch.load('${path}')`,
        `for name in ${JSON.stringify(exp.entries)}:`,
        "    t = obj if name == 'tensor' else obj[name]",
        '    print(name, t.dtype, list(t.shape), list(t.stride()), t.storage_offset(), t.untyped_storage().nbytes(), t.requires_grad, t.untyped_storage().data_ptr())',
      ].join('\n'))
      const lines = out.trimEnd().split('\n').map((l) => l.split(' '))
      const ptrs: string[] = []
      expect(lines.map((f) => { ptrs.push(f.pop()!); return f.join(' ') })).toEqual(exp.entries.map((name) => {
        const t = exp.tensors[name]
        return `${name} torch.${t.dtype} [${t.shape.join(', ')}] [${t.stride.join(', ')}] ${t.storage_offset} ${t.storage_nbytes} ${t.requires_grad ? 'True' : 'False'}`
      }))
      // the same storage exactly where torch rebuilt one storage
      const group = exp.entries.map((name) => exp.tensors[name].storage)
      for (let i = 0; i < ptrs.length; i++) for (let j = 0; j < ptrs.length; j++) expect(ptrs[i] === ptrs[j]).toBe(group[i] === group[j])
    })
  }

  it('a state_dict whose tensors share one storage shares it after loading', () => {
    writeFileSync(p('sd.pt'), torchSave({ ordered: [
      ['layer.weight', { tensor: { storage: '0', offset: 0, size: [2, 3], stride: [3, 1] } }],
      ['layer.weight_t', { tensor: { storage: '0', offset: 0, size: [3, 2], stride: [1, 3] } }],
      ['small', { tensor: { storage: '1', offset: 500, size: [2, 2], stride: [10, 1], requiresGrad: true } }],
      ['meta', { list: [1, 'x', null] }],
    ] }, [six, big]))
    const r = new Runner()
    const out = run(r, [
      'import torch',
      `sd = torch.load('${p('sd.pt')}', weights_only=True)`,
      'print(type(sd).__name__, list(sd.keys()))',
      "w = sd['layer.weight']; wt = sd['layer.weight_t']",
      'print(w.shape, wt.stride(), w.dtype)',
      "print(sd['small'].storage_offset(), sd['small'].stride(), sd['small'].requires_grad, sd['small'].untyped_storage().nbytes())",
      'w[0, 1] = 100.0',
      'print(wt[1, 0].item(), w.untyped_storage().data_ptr() == wt.untyped_storage().data_ptr())',
      "print(sd['meta'])",
    ].join('\n'))
    expect(out).toBe([
      "OrderedDict ['layer.weight', 'layer.weight_t', 'small', 'meta']",
      'torch.Size([2, 3]) (1, 3) torch.float32',
      '500 (10, 1) True 4000',
      '100.0 True',
      "[1, 'x', None]",
      '',
    ].join('\n'))
  })

  it('big-endian checkpoints are byte-swapped to native order, as torch.load does', () => {
    const be = new Uint8Array(f32Bytes([1.5, -2]).slice())
    for (let i = 0; i < be.length; i += 4) be.subarray(i, i + 4).reverse()
    writeFileSync(p('be.pt'), torchSave({ tensor: { storage: '0', offset: 0, size: [2], stride: [1] } }, [{ key: '0', type: 'FloatStorage', numel: 2, bytes: be }], { byteorder: 'big' }))
    expect(run(new Runner(), `import torch\nt = torch.load('${p('be.pt')}')\nprint(t.tolist())`)).toBe('[1.5, -2.0]\n')
  })

  it('refuses globals torch.load(weights_only=True) refuses, and weights_only=False', () => {
    writeFileSync(p('evil.pt'), torchSave({ dict: [['x', { global: ['os', 'system'] }]] }, []))
    const r = new Runner()
    run(r, 'import torch')
    const evil = r.run(`torch.load('${p('evil.pt')}')`)
    expect(evil.stderr).toContain('UnpicklingError: Weights only load failed.')
    expect(evil.stderr).toContain('Trying to load unsupported GLOBAL os.system whose module os is blocked.')
    expect(runError(r, `torch.load('${p('evil.pt')}', weights_only=False)`)).toMatch(/^NotImplementedError: torch\.load\(weights_only=False\)/)
    writeFileSync(p('junk.pt'), 'not a zip at all')
    expect(runError(r, `torch.load('${p('junk.pt')}')`)).toBe('RuntimeError: PytorchStreamReader failed reading zip archive: failed finding central directory')
  })

  it('cuda checkpoints need a device or map_location', () => {
    writeFileSync(p('cuda.pt'), torchSave({ tensor: { storage: '0', offset: 0, size: [6], stride: [1] } }, [{ ...six, location: 'cuda:0' }]))
    const r = new Runner()
    run(r, 'import torch')
    expect(runError(r, `torch.load('${p('cuda.pt')}')`)).toMatch(/^RuntimeError: Attempting to deserialize object on a CUDA device but torch\.cuda\.is_available\(\) is False\./)
    expect(run(r, `print(torch.load('${p('cuda.pt')}', map_location='cpu').device)`)).toBe('cpu\n')
  })
})

describe('safetensors in the runner', () => {
  it('load_file reads a file in the format safetensors writes, with torch\'s dtypes and shapes', () => {
    const exp = torchExpected.safetensors.st_model
    const out = run(new Runner(), [
      'import torch',
      'from safetensors.torch import load_file',
      `d = load_file('${fixture('st_model.safetensors').replace(/\\/g, '/')}')`,
      'for k in sorted(d.keys()):',
      '    print(k, d[k].dtype, list(d[k].shape))',
    ].join('\n'))
    expect(out).toBe(Object.keys(exp.tensors).sort().map((k) => `${k} torch.${exp.tensors[k].dtype} [${exp.tensors[k].shape.join(', ')}]\n`).join(''))
  })

  it('save_file / load_file round-trip tensors, including non-contiguous ones', () => {
    const r = new Runner()
    const out = run(r, [
      'import torch',
      'from safetensors.torch import save_file, load_file',
      'a = torch.arange(6, dtype=torch.float32).reshape(2, 3)',
      `save_file({'a': a, 'at': a.t()}, '${p('m.safetensors')}', metadata={'format': 'pt'})`,
      `d = load_file('${p('m.safetensors')}')`,
      "print(sorted(d.keys()), d['at'].tolist(), d['at'].is_contiguous())",
    ].join('\n'))
    expect(out).toBe("['a', 'at'] [[0.0, 3.0], [1.0, 4.0], [2.0, 5.0]] True\n")
  })
})
